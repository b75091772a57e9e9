"""backfit log, history and progress through the CLI, on a real log in a temp folder."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.journal import store as journal
from backfit.journal.progress import advise, streaks, weekly
from backfit.journal.store import LoggedExercise, LoggedSession

Invoke = Callable[..., Any]
CATALOG = load_catalog(builtin_catalog_path())


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path / "home"))
    return tmp_path / "home" / journal.FILE_NAME


def days_ago(n: int, hour: int = 12) -> str:
    return (datetime.now().replace(hour=hour, minute=0, second=0) - timedelta(days=n)).isoformat(
        timespec="minutes"
    )


def test_log_then_history_round_trips_as_json_and_csv(invoke: Invoke, home: Path) -> None:
    result = invoke("log", "bird-dog", "--sets", "2", "--reps", "8", "--hold", "10", "--pain",
                    "3", "--note", "easy today", "--date", "2026-01-05T07:30+00:00")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Logged Bird dog on ")
    invoke("log", "superman", "--pain", "6", "--date", "2026-01-06")
    invoke("log", "gentle-mobility", "--date", "2026-01-07")

    data = json.loads(invoke("history", "--json").stdout)
    assert [s["slug"] for s in data] == ["gentle-mobility", "swallow-fly", "bird-dog"]
    bird = data[2]
    assert bird["kind"] == "logged" and bird["finished"] is True
    assert bird["started_at"] == "2026-01-05T07:30:00+00:00"
    assert (bird["pain_before"], bird["pain_after"], bird["note"]) == (None, 3, "easy today")
    assert bird["entries"] == [{"exercise": "bird-dog", "name": "Bird dog", "status": "done",
                                "sets": 2, "reps": "8", "hold_seconds": 10}]  # fmt: skip
    assert data[1]["entries"][0]["reps"] == "5"  # the catalog's usual dose when none is given
    assert len(data[0]["entries"]) == 5  # a routine logs each of its exercises

    rows = list(csv.DictReader(io.StringIO(invoke("history", "--csv").stdout)))
    assert [r["slug"] for r in rows] == ["gentle-mobility", "swallow-fly", "bird-dog"]
    assert rows[2]["note"] == "easy today" and rows[2]["pain_after"] == "3"
    assert rows[2]["started_at"] == bird["started_at"]
    assert rows[0]["exercises"].split() == [e["exercise"] for e in data[0]["entries"]]


@pytest.mark.parametrize(
    ("args", "option", "reason"),
    [
        (["--reps", "-3"], "--reps", "must be at least 1, not -3"),
        (["--pain", "11"], "--pain", "must be at most 10, not 11"),
        (["--sets", "0"], "--sets", "must be at least 1, not 0"),
        (["--date", "2999-01-01"], "--date", "2999-01-01 is in the future"),
        (
            ["--date", "last tuesday"],
            "--date",
            "'last tuesday' is not an ISO date such as 2026-01-31",
        ),
        (["--note", "two\nlines"], "--note", "one line of at most 500 printable characters"),
    ],
)
def test_bad_log_values_write_nothing(
    invoke: Invoke, home: Path, args: list[str], option: str, reason: str
) -> None:
    result = invoke("log", "bird-dog", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"backfit: {option}: ")
    assert reason in result.stderr
    assert not home.exists()


def test_a_dose_that_is_not_possible_writes_nothing(invoke: Invoke, home: Path) -> None:
    result = invoke("log", "mcgill-big-3", "--sets", "2")
    assert result.exit_code == 2
    assert result.stderr == (
        "backfit: sets, repetitions and holds go with one exercise, not a routine\n"
    )
    assert not home.exists()


def test_logging_an_unknown_exercise_writes_nothing(invoke: Invoke, home: Path) -> None:
    result = invoke("log", "bird-dgo")
    assert result.exit_code == 1
    assert "did you mean bird-dog?" in result.stderr
    assert not home.exists()


def test_history_table_and_filters(invoke: Invoke) -> None:
    invoke("log", "bird-dog", "--pain", "2", "--date", days_ago(40))
    invoke("log", "glute-bridge", "--date", days_ago(3))
    invoke("log", "bird-dog", "--note", "on the rug", "--date", days_ago(1))
    table = invoke("history", env={"COLUMNS": "120"})
    assert table.exit_code == 0
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["When", "What", "Result", "Time", "Pain", "Note"]
    assert "Bird dog" in lines[2] and "on the rug" in lines[2]
    recent = json.loads(invoke("history", "--since", "30d", "--json").stdout)
    assert [s["slug"] for s in recent] == ["bird-dog", "glute-bridge"]
    by_date = json.loads(invoke("history", "--since", days_ago(2)[:10], "--json").stdout)
    assert [s["slug"] for s in by_date] == ["bird-dog"]
    only = json.loads(invoke("history", "--exercise", "Bird Dog", "--json").stdout)
    assert len(only) == 2 and {s["slug"] for s in only} == {"bird-dog"}
    narrow = invoke("history", env={"COLUMNS": "40"})
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 40


def test_history_bad_since_and_empty_log(invoke: Invoke) -> None:
    bad = invoke("history", "--since", "yesterday")
    assert bad.exit_code == 2
    assert bad.stderr.startswith("backfit: --since: ")
    assert "'yesterday' is neither a period such as 30d" in bad.stderr
    empty = invoke("history")
    assert (empty.exit_code, empty.stderr) == (1, "backfit: no sessions logged yet\n")
    assert json.loads(invoke("history", "--json").stdout) == []


def test_progress_shows_weeks_streak_pain_and_advice(invoke: Invoke) -> None:
    for n, pain in ((3, "2"), (2, "1"), (1, "2")):
        invoke("log", "bird-dog", "--pain", pain, "--date", days_ago(n))
    invoke("log", "swallow-fly", "--pain", "7", "--date", days_ago(0, hour=0))
    result = invoke("progress", "--weeks", "4")
    assert result.exit_code == 0
    out = result.stdout
    assert "Progress over the last 4 weeks" in out
    assert "Streak: 4 days in a row (longest 4)" in out
    assert "Bird dog: try Swallow fly (swallow-fly). Why: your last 3 sessions were done" in out
    assert "Swallow fly: go back to Bird dog (bird-dog). Why: pain 7/10 after your" in out
    data = json.loads(invoke("progress", "--weeks", "4", "--json").stdout)
    assert len(data["weeks"]) == 4 and sum(w["sessions"] for w in data["weeks"]) == 4
    assert data["streak"] == {"current": 4, "longest": 4}
    assert {(a["exercise"], a["direction"], a["suggestion"]) for a in data["advice"]} == {
        ("bird-dog", "harder", "swallow-fly"),
        ("swallow-fly", "easier", "bird-dog"),
    }


def test_an_unwritable_home_breaks_only_the_log(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("BACKFIT_HOME", str(blocker / "home"))
    result = invoke("log", "bird-dog")
    assert result.exit_code == 4
    assert result.stderr.startswith(f"backfit: cannot write the log at {blocker}/home/")
    assert len(result.stderr.splitlines()) == 1
    for args in (["list"], ["show", "bird-dog"], ["safety"], ["start", "bird-dog", "--plan"]):
        assert invoke(*args).exit_code == 0, args


def test_a_garbage_log_is_reported_by_every_log_command(invoke: Invoke, home: Path) -> None:
    home.parent.mkdir(parents=True)
    home.write_bytes(b"not a database at all")
    for args in (["log", "bird-dog"], ["history"], ["progress"]):
        result = invoke(*args)
        assert result.exit_code == 4, args
        assert result.stderr == f"backfit: {home} is not a backfit log; it was left untouched\n"
    assert home.read_bytes() == b"not a database at all"


def _session(day: int, pain: int | None, slug: str = "bird-dog") -> LoggedSession:
    start = datetime(2026, 3, day, 12, tzinfo=UTC)
    name = CATALOG.exercise(slug).name
    return LoggedSession("logged", slug, name, start, start + timedelta(minutes=10), True,
                   pain_after=pain, entries=(LoggedExercise(slug, name, "done"),))  # fmt: skip


def test_weekly_buckets_and_streaks() -> None:
    sessions = [_session(d, 2) for d in (16, 17, 18, 20)]  # Mon, Tue, Wed, Fri
    weeks = weekly(sessions, weeks=3, today=date(2026, 3, 20))
    assert [(w.start, w.sessions, round(w.minutes)) for w in weeks] == [
        (date(2026, 3, 2), 0, 0), (date(2026, 3, 9), 0, 0), (date(2026, 3, 16), 4, 40)
    ]  # fmt: skip
    starts = [s.started_at for s in sessions]
    assert streaks(starts, today=date(2026, 3, 20)) == (1, 3)
    assert streaks(starts, today=date(2026, 3, 21)) == (1, 3)  # yesterday still counts
    assert streaks(starts, today=date(2026, 3, 23)) == (0, 3)


def test_advice_follows_the_catalogs_pain_rule() -> None:
    assert CATALOG.safety.pain_limits() == (3, 6)
    newest_first = list(reversed
                        ([_session(1, 1), _session(2, 3), _session(3, 2)]))  # fmt: skip
    [up] = advise(newest_first, CATALOG)
    assert (up.direction, up.suggestion) == ("harder", "swallow-fly")
    assert up.reason == "your last 3 sessions were done with pain ≤ 3/10"
    rising = list(reversed([_session(1, 2), _session(2, 3), _session(3, 5)]))
    [down] = advise(rising, CATALOG)
    assert (down.direction, down.suggestion) == ("easier", "pelvic-tilt")
    assert down.reason == "pain rising over your last sessions: 2 → 3 → 5"
    assert advise([_session(2, 2), _session(1, 4)], CATALOG) == []  # falling, too few: stay
    assert advise([_session(1, None)] * 3, CATALOG) == []  # no pain scores: no advice
