"""The plan's calendar: parsed back with icalendar and expanded with recurring-ical-events,
it holds exactly the plan's training days, at the chosen local time across a change of the
clocks, with stable UIDs, the given SEQUENCE, the alarm when asked and the VTIMEZONE."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from icalendar import Calendar

from backfit.programme.calendar import (
    EventText,
    UnknownZone,
    local_zone,
    plan_calendar,
)
from backfit.programme.choices import Duration, Mode
from backfit.programme.settings import Settings
from backfit.views.words import calendar as words

AT = time(18, 30)


def settings(start: date, weeks: int, days: tuple[int, ...], minutes: int = 20) -> Settings:
    return Settings(
        pain=3,
        duration=Duration.RECENT,
        mode=Mode.SYMPTOM,
        start=start,
        weeks=weeks,
        days=days,
        minutes=minutes,
    )


def text(plan: Settings) -> EventText:
    """As the export command words it."""
    return EventText(
        summary=words.EVENT_SUMMARY,
        description=words.EVENT_DESCRIPTION.format(minutes=plan.minutes),
        alarm=words.ALARM_DESCRIPTION,
    )


def export(plan: Settings, **given: Any) -> Calendar:
    options: dict[str, Any] = {
        "programme_id": 7,
        "at": AT,
        "alarm_minutes": 10,
        "sequence": 0,
        "zone": "Europe/London",
    } | given
    return Calendar.from_ical(plan_calendar(plan, text=text(plan), **options))


def occurrences(calendar: Calendar, plan: Settings) -> list[Any]:
    """Every event the calendar holds, expanded over a window far wider than the plan, so
    that only the events' own counts can end them with it."""
    window = (plan.start - timedelta(days=60), plan.end + timedelta(days=400))
    found = recurring_ical_events.of(calendar).between(*window)
    return sorted(found, key=lambda event: event.decoded("dtstart"))


PLANS = {
    "mon-wed-fri, 8 weeks from a Monday": settings(date(2027, 1, 4), 8, (0, 2, 4)),
    "tue-thu, 4 weeks from a Thursday": settings(date(2027, 1, 7), 4, (1, 3)),
    "weekend, 12 weeks from a Wednesday": settings(date(2027, 5, 12), 12, (5, 6)),
    "every day, 12 weeks from a Sunday": settings(date(2027, 8, 1), 12, tuple(range(7))),
    "Sundays alone, 4 weeks from a Sunday": settings(date(2027, 8, 1), 4, (6,)),
    "fri-mon given out of order, 12 weeks from a Saturday": settings(
        date(2027, 10, 2), 12, (4, 0), minutes=45
    ),
    "across the clocks going forward": settings(date(2027, 3, 10), 4, (0, 2, 4)),
    "across the clocks going back": settings(date(2027, 10, 20), 4, (1, 6)),
}


@pytest.mark.parametrize("plan", PLANS.values(), ids=PLANS.keys())
def test_the_calendar_holds_exactly_the_planned_days(plan: Settings) -> None:
    found = occurrences(export(plan), plan)

    assert len(found) == len(plan.planned_days())
    assert [event.decoded("dtstart").date() for event in found] == plan.planned_days()


@pytest.mark.parametrize("plan", PLANS.values(), ids=PLANS.keys())
def test_each_session_is_at_the_time_asked_for_its_minutes(plan: Settings) -> None:
    for event in occurrences(export(plan), plan):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert start.timetz() == AT.replace(tzinfo=start.tzinfo)
        assert str(start.tzinfo) == "Europe/London"
        assert end - start == timedelta(minutes=plan.minutes)


@pytest.mark.parametrize(
    ("zone", "start", "before", "after"),
    [
        # The UK's clocks go forward on 28 March 2027: 18:30 is 18:30 Z, then 17:30 Z.
        ("Europe/London", date(2027, 3, 15), "18:30", "17:30"),
        # and New York's go back on 7 November 2027: 22:30 Z, then 23:30 Z.
        ("America/New_York", date(2027, 10, 25), "22:30", "23:30"),
    ],
)
def test_a_change_of_the_clocks_keeps_the_local_time(
    zone: str, start: date, before: str, after: str
) -> None:
    plan = settings(start, 4, (0, 2, 4))

    found = occurrences(export(plan, zone=zone), plan)

    local = {event.decoded("dtstart").astimezone(ZoneInfo(zone)).time() for event in found}
    assert local == {AT}
    in_utc = [event.decoded("dtstart").astimezone(UTC).strftime("%H:%M") for event in found]
    assert in_utc[0] == before
    assert in_utc[-1] == after
    assert len(found) == len(plan.planned_days())


def test_the_time_zone_comes_with_its_vtimezone() -> None:
    plan = PLANS["across the clocks going forward"]

    calendar = export(plan, zone="Europe/Paris")

    assert [part.name for part in calendar.subcomponents] == ["VTIMEZONE"] + ["VEVENT"] * 3
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert calendar.get_missing_tzids() == set()
    for event in calendar.walk("VEVENT"):
        assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    observances = {part.name for part in calendar.walk() if part.name in ("STANDARD", "DAYLIGHT")}
    assert observances == {"STANDARD", "DAYLIGHT"}  # Paris goes to summer time on 28 March


def test_in_utc_the_times_need_no_vtimezone() -> None:
    plan = PLANS["tue-thu, 4 weeks from a Thursday"]

    raw = plan_calendar(
        plan, text=text(plan), programme_id=1, at=AT, alarm_minutes=None, sequence=0, zone="UTC"
    )

    assert b"BEGIN:VTIMEZONE" not in raw
    assert b"DTSTART:20270112T183000Z" in raw  # the first Tuesday
    assert len(occurrences(Calendar.from_ical(raw), plan)) == len(plan.planned_days())


def test_uids_stay_across_exports_and_sequence_is_as_given() -> None:
    plan = PLANS["mon-wed-fri, 8 weeks from a Monday"]

    first, again = export(plan, sequence=0), export(plan, sequence=3)

    uids = [event["UID"] for event in first.walk("VEVENT")]
    assert uids == [
        "backfit-plan-7-0@backfit",
        "backfit-plan-7-2@backfit",
        "backfit-plan-7-4@backfit",
    ]
    assert [event["UID"] for event in again.walk("VEVENT")] == uids
    assert {event.decoded("SEQUENCE") for event in first.walk("VEVENT")} == {0}
    assert {event.decoded("SEQUENCE") for event in again.walk("VEVENT")} == {3}


def test_another_plan_has_other_uids() -> None:
    plan = PLANS["tue-thu, 4 weeks from a Thursday"]

    uids = {event["UID"] for event in export(plan, programme_id=8).walk("VEVENT")}

    assert uids == {"backfit-plan-8-1@backfit", "backfit-plan-8-3@backfit"}


def test_each_event_counts_its_own_weekday_to_the_end_of_the_plan() -> None:
    plan = PLANS["tue-thu, 4 weeks from a Thursday"]  # 7 January: Thursdays 7..28, Tuesdays 12..2

    rules = {
        event["UID"]: event["RRULE"].to_ical().decode() for event in export(plan).walk("VEVENT")
    }
    starts = {
        event["UID"]: event.decoded("DTSTART").date() for event in export(plan).walk("VEVENT")
    }

    assert rules == {
        "backfit-plan-7-1@backfit": "FREQ=WEEKLY;COUNT=4;BYDAY=TU",
        "backfit-plan-7-3@backfit": "FREQ=WEEKLY;COUNT=4;BYDAY=TH",
    }
    assert starts == {
        "backfit-plan-7-1@backfit": date(2027, 1, 12),
        "backfit-plan-7-3@backfit": date(2027, 1, 7),
    }


def test_the_alarm_comes_the_minutes_asked_before() -> None:
    plan = PLANS["mon-wed-fri, 8 weeks from a Monday"]

    events = export(plan, alarm_minutes=15).walk("VEVENT")

    for event in events:
        [alarm] = event.walk("VALARM")
        assert alarm["ACTION"] == "DISPLAY"
        assert alarm.decoded("TRIGGER") == timedelta(minutes=-15)
        assert alarm["DESCRIPTION"] == words.ALARM_DESCRIPTION
    assert len(events) == 3


def test_an_alarm_of_zero_minutes_comes_at_the_start() -> None:
    plan = PLANS["Sundays alone, 4 weeks from a Sunday"]

    [event] = export(plan, alarm_minutes=0).walk("VEVENT")

    assert [alarm.decoded("TRIGGER") for alarm in event.walk("VALARM")] == [timedelta(0)]


def test_no_alarm_when_none_is_asked() -> None:
    plan = PLANS["mon-wed-fri, 8 weeks from a Monday"]

    calendar = export(plan, alarm_minutes=None)

    assert calendar.walk("VALARM") == []
    assert len(calendar.walk("VEVENT")) == 3


def test_a_negative_alarm_is_refused() -> None:
    plan = PLANS["Sundays alone, 4 weeks from a Sunday"]

    with pytest.raises(ValueError, match="alarm_minutes"):
        export(plan, alarm_minutes=-5)


def test_the_events_send_the_person_to_backfit_today() -> None:
    plan = PLANS["fri-mon given out of order, 12 weeks from a Saturday"]

    calendar = export(plan, stamp=datetime(2027, 9, 1, 8, 0, tzinfo=UTC))

    assert calendar["PRODID"] == "-//backfit//backfit 0.1.0//EN"
    assert calendar["VERSION"] == "2.0"
    for event in calendar.walk("VEVENT"):
        assert event["SUMMARY"] == "Back exercises (backfit)"
        assert event["DESCRIPTION"] == (
            "Time for your back exercises, about 45 minutes. Run backfit today to see "
            "today's session: the doses follow how your back has been, so this calendar does "
            "not list them, and backfit today may say to take it easier or to rest instead."
        )
        assert event.decoded("DTSTAMP") == datetime(2027, 9, 1, 8, 0, tzinfo=UTC)


def test_dtstamp_is_now_when_not_given() -> None:
    plan = PLANS["Sundays alone, 4 weeks from a Sunday"]
    before = datetime.now(UTC).replace(microsecond=0)

    [event] = export(plan).walk("VEVENT")

    assert before <= event.decoded("DTSTAMP") <= datetime.now(UTC)


def test_an_unknown_zone_is_named_in_the_error() -> None:
    plan = PLANS["Sundays alone, 4 weeks from a Sunday"]

    with pytest.raises(UnknownZone) as raised:
        export(plan, zone="Europe/Atlantis")

    assert raised.value.zone == "Europe/Atlantis"
    assert words.ZONE_UNKNOWN.format(zone=raised.value.zone) == (
        "unknown time zone Europe/Atlantis: give a name such as Europe/London"
    )


def test_without_a_zone_the_system_s_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    plan = PLANS["Sundays alone, 4 weeks from a Sunday"]

    calendar = export(plan, zone=None)

    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Asia/Tokyo"]
    assert calendar.walk("VEVENT")[0]["DTSTART"].params["TZID"] == "Asia/Tokyo"


# The system's time zone, on fake system files.


@pytest.fixture
def system(tmp_path: Path) -> dict[str, Path]:
    return {"localtime": tmp_path / "localtime", "timezone_file": tmp_path / "timezone"}


def link(system: dict[str, Path], target: str) -> None:
    os.symlink(target, system["localtime"])


@pytest.mark.parametrize(
    ("tz", "zone"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        (":Europe/Berlin", "Europe/Berlin"),  # glibc's leading colon
        ("/usr/share/zoneinfo/America/Chicago", "America/Chicago"),  # a path into the database
    ],
)
def test_tz_naming_a_zone_comes_first(system: dict[str, Path], tz: str, zone: str) -> None:
    link(system, "/usr/share/zoneinfo/Asia/Tokyo")

    assert local_zone({"TZ": tz}, **system) == zone


@pytest.mark.parametrize("tz", ["GMT0BST,M3.5.0/1,M10.5.0", "", "Not/AZone"])
def test_tz_without_a_zone_s_name_leaves_it_to_the_system(system: dict[str, Path], tz: str) -> None:
    link(system, "/usr/share/zoneinfo/Asia/Tokyo")

    assert local_zone({"TZ": tz}, **system) == "Asia/Tokyo"


@pytest.mark.parametrize(
    ("target", "zone"),
    [
        ("/usr/share/zoneinfo/Europe/London", "Europe/London"),
        ("../usr/share/zoneinfo/Australia/Sydney", "Australia/Sydney"),
        ("/usr/share/zoneinfo/posix/Europe/Madrid", "Europe/Madrid"),
        ("/var/db/timezone/zoneinfo/America/Sao_Paulo", "America/Sao_Paulo"),  # macOS
        ("/usr/share/zoneinfo/US/Eastern", "US/Eastern"),  # its own name, not where it leads
    ],
)
def test_the_link_of_etc_localtime_names_the_zone(
    system: dict[str, Path], target: str, zone: str
) -> None:
    link(system, target)

    assert local_zone({}, **system) == zone


def test_a_link_to_a_link_names_the_zone_it_leads_to(
    tmp_path: Path, system: dict[str, Path]
) -> None:
    """/etc/localtime linked to a link elsewhere (as through /etc/alternatives), which leads
    into the database."""
    database = tmp_path / "share" / "zoneinfo" / "Africa"
    database.mkdir(parents=True)
    (database / "Nairobi").write_bytes(b"TZif")
    os.symlink(database / "Nairobi", tmp_path / "alternative")
    link(system, str(tmp_path / "alternative"))

    assert local_zone({}, **system) == "Africa/Nairobi"


def test_etc_timezone_when_there_is_no_link(system: dict[str, Path]) -> None:
    system["localtime"].write_bytes(b"TZif")  # a copy, not a link
    system["timezone_file"].write_text("Pacific/Auckland\n", encoding="utf-8")

    assert local_zone({}, **system) == "Pacific/Auckland"


@pytest.mark.parametrize("timezone_file", [None, "Nowhere/Special\n", "\n"])
def test_utc_when_nothing_names_a_zone(system: dict[str, Path], timezone_file: str | None) -> None:
    if timezone_file is not None:
        system["timezone_file"].write_text(timezone_file, encoding="utf-8")

    assert local_zone({"TZ": "GMT0BST,M3.5.0/1,M10.5.0"}, **system) == "UTC"
