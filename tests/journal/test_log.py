"""backfit log, history and progress through the CLI, on a real log in a temp folder."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from backfit.journal import store as journal
from backfit.journal.store import ExerciseDone, LoggedSession

Invoke = Callable[..., Any]


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
    invoke("log", "flying swallow", "--pain", "6", "--date", "2026-01-06")
    invoke("log", "gentle-mobility", "--date", "2026-01-07")

    data = json.loads(invoke("history", "--json").stdout)
    assert [s["slug"] for s in data] == ["gentle-mobility", "swallow-fly", "bird-dog"]
    bird = data[2]
    assert bird["kind"] == "logged" and bird["finished"] is True
    assert bird["started_at"] == "2026-01-05T07:30:00+00:00"
    assert (bird["pain_before"], bird["pain_after"], bird["note"]) == (None, 3, "easy today")
    assert bird["exercises"] == [{"exercise": "bird-dog", "name": "Bird dog", "status": "done",
                                "sets": 2, "reps": 8, "hold_seconds": 10, "sides": 2}]  # fmt: skip
    # none given: what start would run, the first step of its build-up (the full dose is 5)
    assert (data[1]["exercises"][0]["sets"], data[1]["exercises"][0]["reps"]) == (1, 3)
    assert len(data[0]["exercises"]) == 6  # a routine logs each of its exercises

    rows = list(csv.DictReader(io.StringIO(invoke("history", "--csv").stdout)))
    assert [r["slug"] for r in rows] == ["gentle-mobility", "swallow-fly", "bird-dog"]
    assert rows[2]["note"] == "easy today" and rows[2]["pain_after"] == "3"
    assert rows[2]["started_at"] == bird["started_at"]
    assert [r["id"] for r in rows] == [str(s["id"]) for s in data] == ["3", "2", "1"]
    assert rows[0]["exercises"].split() == [e["exercise"] for e in data[0]["exercises"]]


@pytest.mark.parametrize(
    ("args", "option", "reason"),
    [
        (["--reps", "-3"], "--reps", "must be at least 1, not -3"),
        (["--pain", "11"], "--pain-after", "must be at most 10, not 11"),
        (["--sets", "0"], "--sets", "must be at least 1, not 0"),
        (["--date", "2999-01-01"], "--date", "2999-01-01 is in the future"),
        (["--date", "1900-01-01"], "--date", "1900-01-01 is before 2000: a mistyped year?"),
        (["--date", "-9999d"], "--date", "-9999d is before 2000: a mistyped year?"),
        (
            ["--date", "last tuesday"],
            "--date",
            "'last tuesday' is not a day: give today, yesterday, -2d, 2026-01-31 or "
            "2026-01-31T07:30",
        ),
        (["--date", "2026-02-30"], "--date", "'2026-02-30' is not a day"),
        (["--where", "x" * 101], "--where", "one line of at most 100 printable characters"),
        (["--pain-before", "-1"], "--pain-before", "must be at least 0, not -1"),
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
        "Try 'backfit log add --help'.\n"
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
    assert lines[0].split() == ["Id", "When", "What", "Result", "Time", "Pain", "Note"]
    assert lines[2].startswith("3 ") and "Bird dog" in lines[2] and "on the rug" in lines[2]
    recent = json.loads(invoke("history", "--since", "30d", "--json").stdout)
    assert [s["slug"] for s in recent] == ["bird-dog", "glute-bridge"]
    by_date = json.loads(invoke("history", "--since", days_ago(2)[:10], "--json").stdout)
    assert [s["slug"] for s in by_date] == ["bird-dog"]
    only = json.loads(invoke("history", "--exercise", "Bird Dog", "--json").stdout)
    assert len(only) == 2 and {s["slug"] for s in only} == {"bird-dog"}
    narrow = invoke("history", env={"COLUMNS": "40"})
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 40


def test_history_bad_since_and_empty_log(invoke: Invoke) -> None:
    bad = invoke("history", "--since", "someday")
    assert bad.exit_code == 2
    assert bad.stderr.startswith("backfit: --since: ")
    assert "'someday' is neither a period such as 30d" in bad.stderr
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
    advice = " ".join(out.split("Advice\n", 1)[1].split())
    assert advice.startswith(
        "• Swallow fly: go back to Back extension on elbows (back-extension-on-elbows); see "
        "'backfit safety'. Why: one step back: pain 7/10 on "
    )
    # logged without amounts: its build-up's first step, as start runs it, not the full dose
    assert "• Bird dog: stay at 3 sets of 3, 2, 1 reps each side, hold 10 s" in advice
    data = json.loads(invoke("progress", "--weeks", "4", "--json").stdout)
    assert len(data["weeks"]) == 4 and sum(w["sessions"] for w in data["weeks"]) == 4
    assert data["streak"] == {"current": 4, "longest": 4}
    assert [(a["exercise"], a["direction"], a["suggestion"]) for a in data["advice"]] == [
        ("swallow-fly", "easier", "back-extension-on-elbows"),
        ("bird-dog", "stay", None),
    ]  # nothing moves up while pain is in the stop band


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


def test_undo_shows_what_it_removed_and_nothing_else_goes(invoke: Invoke) -> None:
    invoke("log", "bird-dog", "--pain", "2", "--date", "2026-01-05T07:30")
    invoke("log", "glute-bridge", "--sets", "2", "--reps", "10", "--date", "2026-01-04T18:00")
    undone = invoke("log", "undo")
    assert undone.exit_code == 0
    assert undone.stdout == (
        "Removed session 2: Glute bridge, Sun 4 Jan 2026 18:00, logged: 2 × 10 holds of\n"
        "10 s, no pain scores.\n"
    )
    assert [s["id"] for s in json.loads(invoke("history", "--json").stdout)] == [1]
    invoke("log", "undo")
    empty = invoke("log", "undo")
    assert (empty.exit_code, empty.stderr) == (1, "backfit: the log is empty: nothing to undo\n")


def test_delete_asks_on_a_terminal_and_needs_yes_in_a_script(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    for day in ("2026-01-03", "2026-01-04", "2026-01-05"):
        invoke("log", "bird-dog", "--date", day)
    script = invoke("log", "delete", "2")
    assert script.exit_code == 2
    assert script.stderr == (
        "backfit: not deleting without asking: add --yes to delete from a script\n"
        "Try 'backfit log delete --help'.\n"
    )
    monkeypatch.setattr("backfit.cli.journal.on_terminal", lambda: True)
    from typer.testing import CliRunner

    from backfit.cli.main import app

    said_no = CliRunner().invoke(app, ["log", "delete", "2"], input="n\n")
    assert said_no.exit_code == 0
    assert "Delete session 2: Bird dog, Sun 4 Jan 2026 12:00, logged" in said_no.stderr
    assert said_no.stderr.endswith("backfit: nothing was deleted\n")
    assert len(json.loads(invoke("history", "--json").stdout)) == 3
    said_yes = CliRunner().invoke(app, ["log", "delete", "2"], input="y\n")
    assert said_yes.exit_code == 0
    assert "Removed session 2: Bird dog, Sun 4 Jan 2026 12:00" in said_yes.stdout
    assert [s["id"] for s in json.loads(invoke("history", "--json").stdout)] == [3, 1]
    scripted = invoke("log", "delete", "3", "--yes")
    assert scripted.exit_code == 0
    missing = invoke("log", "delete", "3", "--yes")
    assert (missing.exit_code, missing.stderr) == (
        1, "backfit: no session 3 in the log; 'backfit history' shows the ids\n"
    )  # fmt: skip
    assert [s["id"] for s in json.loads(invoke("history", "--json").stdout)] == [1]


def test_edit_changes_one_session_and_says_what_changed(invoke: Invoke) -> None:
    invoke("log", "bird-dog", "--pain", "5", "--note", "sore", "--date", "2026-01-05T07:30")
    invoke("log", "glute-bridge", "--date", "2026-01-06")
    edited = invoke("log", "edit", "1", "--pain-after", "3", "--pain-before", "4",
                    "--where", "left hip", "--note", "", "--date", "2026-01-04T07:30")  # fmt: skip
    assert edited.exit_code == 0, edited.stderr
    assert edited.stdout == (
        "Changed session 1 (Bird dog): pain before – → 4; pain after 5 → 3; where it\n"
        "hurts – → 'left hip'; note 'sore' → –; date Mon 5 Jan 2026 07:30 → Sun 4 Jan\n"
        "2026 07:30.\n"
    )
    bird, glute = reversed(json.loads(invoke("history", "--json").stdout))
    assert (bird["pain_before"], bird["pain_after"], bird["pain_where"], bird["note"]) == (
        4, 3, "left hip", None
    )  # fmt: skip
    assert glute["pain_after"] is None and glute["id"] == 2
    nothing = invoke("log", "edit", "1")
    assert nothing.exit_code == 2
    assert nothing.stderr == (
        "backfit: nothing to change: give --pain-before, --pain-after, --where, --note or --date\n"
        "Try 'backfit log edit --help'.\n"
    )


def test_log_name_still_works_beside_the_log_commands(invoke: Invoke) -> None:
    short = invoke("log", "bird-dog", "--date", "2026-01-05")
    long = invoke("log", "add", "Bird Dog", "--date", "2026-01-06")
    options_first = invoke("log", "--pain", "2", "bird-dog", "--date", "2026-01-07")
    assert [r.exit_code for r in (short, long, options_first)] == [0, 0, 0]
    assert short.stdout == "Logged Bird dog on Mon 5 Jan 2026 at 12:00 (session 1).\n"
    help_text = invoke("log", "--help").stdout
    assert help_text.startswith("Usage: backfit log [OPTIONS] NAME [OPTIONS] | COMMAND [ARGS]")
    assert "backfit log NAME [OPTIONS], short for\n  backfit log add NAME [OPTIONS]" in help_text
    for command in ("add", "undo", "delete", "edit"):
        assert f"\n  {command} " in help_text
    assert "--pain-after, --pain" in invoke("log", "bird-dog", "--help").stdout
    assert invoke("log", "nosuch").stderr.startswith("backfit: no exercise or routine called")


def test_history_exercise_means_done_at_least_partly(invoke: Invoke, home: Path) -> None:
    start = datetime(2026, 1, 5, 12, tzinfo=UTC)
    journal.save(home, LoggedSession(
        "guided", "mcgill-big-3", "McGill big 3", start, start + timedelta(minutes=5), False,
        exercises=(ExerciseDone("mcgill-curl-up", "McGill curl-up", "done", 3, (6, 4, 2), 10, 1),
                 ExerciseDone("bird-dog", "Bird dog", "not reached")),
    ))  # fmt: skip
    invoke("log", "bird-dog", "--date", "2026-01-06")
    done = json.loads(invoke("history", "--exercise", "bird-dog", "--json").stdout)
    assert [s["id"] for s in done] == [2]
    planned = json.loads(invoke("history", "--exercise", "bird-dog", "--planned", "--json").stdout)
    assert [s["id"] for s in planned] == [2, 1]
    assert planned[1]["exercises"][0]["reps"] == [6, 4, 2]
    routine = invoke("history", "--exercise", "mcgill-big-3")
    assert (routine.exit_code, routine.stderr.splitlines()[0]) == (
        2, "backfit: McGill big 3 is a routine; --exercise takes one exercise"
    )  # fmt: skip
    alone = invoke("history", "--planned")
    assert (alone.exit_code, alone.stderr) == (
        2,
        "backfit: --planned goes with --exercise NAME\nTry 'backfit history --help'.\n",
    )


@pytest.mark.parametrize(
    ("words", "offered"),
    [
        ("backfit log bi", ["bird-dog"]),
        ("backfit log u", ["undo"]),
        ("backfit log bird-dog --pain-a", ["--pain-after"]),
    ],
)
def test_completion_after_log_offers_commands_and_names(words: str, offered: list[str]) -> None:
    import os
    import subprocess
    import sys

    env = {"_BACKFIT_COMPLETE": "complete_bash", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - 1)}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", "from backfit.__main__ import main; main()"],
        capture_output=True, text=True, env={**os.environ, **env},
    )  # fmt: skip
    assert (result.returncode, result.stdout.split()) == (0, offered)


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago"])
def test_todays_date_is_accepted_in_far_time_zones(zone: str, tmp_path: Path) -> None:
    """The issue's case end to end: `--date <today>` in the morning, anywhere on Earth."""
    import os
    import subprocess
    import sys
    from zoneinfo import ZoneInfo

    today = datetime.now(ZoneInfo(zone)).date().isoformat()
    env = {**os.environ, "TZ": zone, "BACKFIT_HOME": str(tmp_path)}
    backfit = [sys.executable, "-m", "backfit"]
    logged = subprocess.run([*backfit, "log", "bird-dog", "--date", today], env=env,
                            capture_output=True, text=True)  # fmt: skip
    assert (logged.returncode, logged.stderr) == (0, "")
    shown = subprocess.run([*backfit, "history", "--json"], env=env, capture_output=True,
                           text=True)  # fmt: skip
    [session] = json.loads(shown.stdout)
    started = datetime.fromisoformat(session["started_at"]).astimezone(ZoneInfo(zone))
    assert started.date().isoformat() == today


def test_history_since_takes_the_days_log_date_takes(invoke: Invoke) -> None:
    assert invoke("log", "glute-bridge", "--date", "-5d").exit_code == 0
    assert invoke("log", "bird-dog").exit_code == 0
    for since in ("today", "yesterday", "-3d"):
        found = json.loads(invoke("history", "--since", since, "--json").stdout)
        assert [s["slug"] for s in found] == ["bird-dog"], since
    found = json.loads(invoke("history", "--since", "-6d", "--json").stdout)
    assert [s["slug"] for s in found] == ["bird-dog", "glute-bridge"]
