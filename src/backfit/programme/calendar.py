"""The plan as an iCalendar file (RFC 5545) for `backfit plan export --ics`: reminders in
the person's own calendar, since backfit itself runs nothing in the background.

One weekly event per training weekday, counted to end with the plan, at a local time in
the local time zone (with its VTIMEZONE, so a calendar elsewhere shows the same hour across
a change to or from summer time). The UIDs depend only on the plan and the weekday, and
SEQUENCE is the caller's count of exports, so importing again updates the events instead
of adding copies. The events say when, never how much: the dose is `backfit today`'s.

icalendar is imported here alone, and this module only by the export command, so that
start-up does not pay for it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Alarm, Calendar, Event

from backfit import __version__
from backfit.programme.settings import Settings

PRODID = f"-//backfit//backfit {__version__}//EN"
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # RFC 5545's weekdays, from Monday: 0
FALLBACK_ZONE = "UTC"
ZONEINFO = "zoneinfo/"  # where a zone's name starts in the path of its file
TZ_FOLDERS = ("posix/", "right/")  # copies of the database under another folder


class EventText(NamedTuple):
    """What the events say, worded by the views (`views.words.calendar`)."""

    summary: str
    description: str
    alarm: str


class UnknownZone(ValueError):
    """A time zone name that the zone database does not know."""

    def __init__(self, zone: str) -> None:
        super().__init__(zone)
        self.zone = zone


def plan_calendar(
    settings: Settings,
    *,
    text: EventText,
    programme_id: int,
    at: time,
    alarm_minutes: int | None,
    sequence: int,
    zone: str | None = None,
    stamp: datetime | None = None,
) -> bytes:
    """The plan's training days as an .ics file: each weekday a weekly event at `at` in
    `zone` (the system's when None), `settings.minutes` long, with a reminder
    `alarm_minutes` before (none when None). `stamp` is the DTSTAMP (now when None).

    Raises UnknownZone for a `zone` the zone database does not know."""
    if alarm_minutes is not None and alarm_minutes < 0:
        raise ValueError(f"alarm_minutes must be 0 or more, not {alarm_minutes}")
    tz = zone_info(zone if zone is not None else local_zone())
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC)
    for weekday in sorted(set(settings.days)):
        days = [day for day in settings.planned_days() if day.weekday() == weekday]
        event = weekly_event(days, datetime.combine(days[0], at, tzinfo=tz), settings.minutes)
        event.add("uid", f"backfit-plan-{programme_id}-{weekday}@backfit")
        event.add("dtstamp", stamp)
        event.add("sequence", sequence)
        event.add("summary", text.summary)
        event.add("description", text.description)
        if alarm_minutes is not None:
            event.add_component(reminder(text.alarm, alarm_minutes))
        calendar.add_component(event)
    # Its rules from a day before the plan to a day after it: all that its events need.
    calendar.add_missing_timezones(
        first_date=settings.start - timedelta(days=1), last_date=settings.end + timedelta(days=2)
    )
    # before the events that name it, for the readers that read in one pass (icalendar
    # puts it there itself only from 7.0 on)
    calendar.subcomponents.sort(key=lambda component: component.name != "VTIMEZONE")
    ical: bytes = calendar.to_ical()
    return ical


def weekly_event(days: list[date], start: datetime, minutes: int) -> Event:
    """An event on `days` (one weekday, a week apart), from `start` for `minutes`: a
    count rather than an end date, so that it ends with the plan whatever the zone."""
    event = Event()
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=minutes))
    event.add("rrule", {"FREQ": "WEEKLY", "BYDAY": BYDAY[start.weekday()], "COUNT": len(days)})
    return event


def reminder(description: str, minutes: int) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", description)
    alarm.add("trigger", timedelta(minutes=-minutes))
    return alarm


def zone_info(zone: str) -> ZoneInfo:
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):  # ValueError: a path, not a name
        raise UnknownZone(zone) from None


def local_zone(
    environ: Mapping[str, str] = os.environ,
    localtime: Path = Path("/etc/localtime"),
    timezone_file: Path = Path("/etc/timezone"),
) -> str:
    """The name of the system's time zone ("Europe/London"), the one the local day is
    counted in: TZ when it names a zone, else the zone file that /etc/localtime links to
    (Linux, macOS), else /etc/timezone (Debian); UTC when none of them says.

    A TZ that is a rule rather than a name ("GMT0BST,M3.5.0/1,M10.5.0") has no name to
    give a calendar, so the system's files are asked instead."""
    name = zone_name(environ.get("TZ", "").removeprefix(":"))
    name = name or zone_name(linked_zone(localtime))
    name = name or zone_name(first_line(timezone_file))
    return name or FALLBACK_ZONE


def linked_zone(localtime: Path) -> str:
    """The zone named by the link's own target first ("US/Eastern"), then by the file it
    finally leads to (a link to a link elsewhere, as through /etc/alternatives)."""
    try:
        targets = (os.readlink(localtime), str(localtime.resolve()))
    except OSError:  # no such file, or a copy rather than a link
        return ""
    return next((target for target in targets if ZONEINFO in target), "")


def first_line(path: Path) -> str:
    try:
        return next(iter(path.read_text(encoding="utf-8").splitlines()), "").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def zone_name(setting: str) -> str | None:
    """A zone's name from a name or a path into the zone database, when the database
    knows it."""
    name = setting.rpartition(ZONEINFO)[2] if ZONEINFO in setting else setting
    for folder in TZ_FOLDERS:
        name = name.removeprefix(folder)
    if not name:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    return name
