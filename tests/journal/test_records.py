"""What a guided session records, and what --date means, in several time zones."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers import FROZEN_CATALOG

from backfit.catalog.loader import load_catalog
from backfit.journal import store as journal
from backfit.journal.records import guided_session
from backfit.journal.typed import parse_when
from backfit.session.coach import Outcome
from backfit.session.plan import plan_for

CATALOG = load_catalog(FROZEN_CATALOG)  # logic, not content
BIG_3 = CATALOG.find("mcgill-big-3")
assert BIG_3 is not None
PLAN = plan_for(BIG_3, CATALOG)  # curl-up; side plank and bird dog on each side; 6, 4, 2 holds
END = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def saved(tmp_path: Path, outcome: Outcome) -> journal.LoggedSession:
    """The session written to a real log and read back."""
    path = tmp_path / "log.sqlite3"
    session = guided_session(outcome, BIG_3, ended_at=END, pain_before=3, pain_after=None)
    journal.save(path, session)
    [back] = journal.sessions(path)
    return back


def test_a_full_set_plus_one_hold_then_skip_is_recorded_as_done(tmp_path: Path) -> None:
    # the case: a full set of curl-ups and one hold of the next, then `s`, then q
    outcome = Outcome(PLAN, started=0.0, ended=200.0, done=[], skipped=[1], stopped_during=2,
                      completed={1: [6, 1], 2: [3]}, work_seconds=150.0)  # fmt: skip
    back = saved(tmp_path, outcome)
    curl, plank, bird = back.exercises
    assert (curl.status, curl.sets, curl.reps, curl.hold_seconds) == ("skipped", 2, (6, 1), 10)
    assert (plank.status, plank.sets, plank.reps, plank.sides) == ("stopped", 1, (3,), 2)
    assert (bird.status, bird.sets, bird.reps) == ("not reached", None, None)
    assert not back.abandoned and back.work_seconds == 150.0
    from backfit.views.words.log import amount, result

    assert result(back) == "stopped early: 0 of 3 exercises done, 2 partly"
    assert amount(curl) == "holds of 10 s: 6, 1"
    assert amount(plank) == "holds of 10 s: 3 (left/right)"


def test_a_skipped_exercise_keeps_no_planned_amount(tmp_path: Path) -> None:
    everything = {1: [6, 4, 2], 3: [6, 6, 4, 4, 2, 2]}
    outcome = Outcome(PLAN, started=0.0, ended=900.0, finished=True, done=[1, 3], skipped=[2],
                      completed=everything, work_seconds=500.0)  # fmt: skip
    curl, plank, bird = saved(tmp_path, outcome).exercises
    assert (curl.sets, curl.reps) == (3, (6, 4, 2))
    assert (plank.status, plank.sets, plank.reps, plank.hold_seconds) == ("skipped", None, None,
                                                                           None)  # fmt: skip
    assert (bird.sets, bird.reps, bird.sides) == (3, (6, 6, 4, 4, 2, 2), 2)


@pytest.mark.parametrize(
    ("completed", "work", "abandoned"),
    [
        ({}, 0.0, True),  # quit during the get-ready countdown
        ({1: [2]}, 25.0, True),  # two holds, then q: no set completed
        ({1: [6]}, 60.0, False),  # one whole set
        ({1: [6, 4, 1]}, 29.0, True),  # sets done, but under 30 s of work
    ],
)
def test_almost_nothing_done_is_kept_as_abandoned(
    tmp_path: Path, completed: dict[int, list[int]], work: float, abandoned: bool
) -> None:
    outcome = Outcome(PLAN, started=0.0, ended=work + 10, stopped_during=1,
                      completed=completed, work_seconds=work)  # fmt: skip
    back = saved(tmp_path, outcome)
    assert back.abandoned is abandoned
    assert journal.start_times(tmp_path / "log.sqlite3") == ([] if abandoned else [back.started_at])
    from backfit.views.words.log import result

    assert result(back).startswith("abandoned") is abandoned


def test_a_pain_stop_is_recorded_with_its_score(tmp_path: Path) -> None:
    outcome = Outcome(PLAN, started=0.0, ended=300.0, finished=True, done=[1, 3],
                      completed={1: [6, 4, 2], 2: [6, 2], 3: [6, 6, 4, 4, 2, 2]},
                      pain_stop=2, pain_during=6, work_seconds=280.0)  # fmt: skip
    back = saved(tmp_path, outcome)
    assert (back.pain_stop, back.pain_during) == (2, 6)
    assert back.exercises[1].status == "stopped"
    from backfit.views.export import session_data
    from backfit.views.words.log import result

    assert session_data(back)["pain_stop"] == {"position": 2, "exercise": "side-plank-bent-knee",
                                               "pain": 6}  # fmt: skip
    assert result(back) == (
        "stopped early: 2 of 3 exercises done, 1 partly; Side plank on bent knees stopped: it"
        " hurt, pain 6"
    )


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


OFFSETS = {"Pacific/Kiritimati": timedelta(hours=14), "Pacific/Pago_Pago": timedelta(hours=-11),
           "Asia/Kolkata": timedelta(hours=5, minutes=30)}  # fmt: skip
ZONES = ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/London", "Asia/Kolkata", "UTC"]


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset")
@pytest.mark.parametrize("name", ZONES)
@pytest.mark.parametrize("hour", [0, 1, 11, 12, 23])
def test_a_day_alone_is_that_day_and_never_the_future(zone: object, name: str, hour: int) -> None:
    zone(name)  # type: ignore[operator]
    local = datetime.now().astimezone().replace(hour=hour, minute=5, second=0, microsecond=0)
    offset = local.utcoffset()
    assert offset == OFFSETS.get(name, offset), "the time zone was not applied"
    now = local.astimezone(UTC)  # the clock, as the CLI reads it
    today = local.date()
    for text in (today.isoformat(), "today", "Today", "-0d"):
        assert parse_when(text, now=now) == now, text
    for text in ("yesterday", "-1d", (today - timedelta(days=1)).isoformat()):
        moment = parse_when(text, now=now)
        assert moment.astimezone().date() == today - timedelta(days=1), text
        assert moment.astimezone().hour == 12
    assert parse_when("-2d", now=now).astimezone().date() == today - timedelta(days=2)
    with pytest.raises(ValueError, match="is in the future"):
        parse_when((today + timedelta(days=1)).isoformat(), now=now)
    with pytest.raises(ValueError, match="is in the future"):
        parse_when((local + timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M"), now=now)
    assert parse_when(local.strftime("%Y-%m-%dT%H:%M"), now=now) == now


def test_a_date_and_time_with_an_offset_keeps_it() -> None:
    now = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    assert parse_when("2026-03-01T23:30+05:30", now=now) == datetime(2026, 3, 1, 18, 0, tzinfo=UTC)
    with pytest.raises(ValueError, match="'-2 days' is not a day"):
        parse_when("-2 days", now=now)
    assert os.environ.get("TZ") != "Pacific/Kiritimati"  # the fixture put the zone back


def test_the_logged_length_is_the_summary_s_whole_seconds(tmp_path: Path) -> None:
    from datetime import timedelta

    outcome = Outcome(PLAN, started=0.0, ended=16.6, stopped_during=1, work_seconds=10.0)
    path = tmp_path / "log.sqlite3"
    ended = END + timedelta(microseconds=800_000)  # 16.6 s after a start at 44.2 s
    journal.save(path, guided_session(outcome, BIG_3, ended_at=ended, pain_before=None,
                                      pain_after=None))  # fmt: skip
    [back] = journal.sessions(path)
    assert (back.ended_at - back.started_at).total_seconds() == 17  # 'stopped after 17 s'
