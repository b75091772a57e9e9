"""`backfit history ID`: one session in full, as it was kept (issue 18)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from backfit.journal import store as journal
from backfit.journal.store import ExerciseDone, LoggedSession

Invoke = Callable[..., Any]
START = datetime(2026, 1, 5, 12, tzinfo=UTC)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TZ", "UTC")
    return tmp_path / "home" / journal.FILE_NAME


@pytest.fixture
def stopped(home: Path) -> int:
    """A guided session stopped because the curl-up hurt, with pain, place and note."""
    journal.save(home, LoggedSession(
        "guided", "mcgill-big-3", "McGill big 3", START, START + timedelta(minutes=5), False,
        pain_before=3, pain_after=6, note="tight after driving",
        exercises=(
            ExerciseDone("cat-camel", "Cat-camel", "done", 1, 8, None, 1),
            ExerciseDone("mcgill-curl-up", "McGill curl-up", "stopped", 2, (6, 4), 10, 1),
            ExerciseDone("bird-dog", "Bird dog", "not reached"),
        ),
        work_seconds=130.0, pain_where="lower back, left", pain_stop=2, pain_during=7,
    ))  # fmt: skip
    return 1


def test_history_id_shows_the_one_session_in_full(invoke: Invoke, stopped: int) -> None:
    result = invoke("history", str(stopped), env={"COLUMNS": "100"})
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Session 1: McGill big 3\n"
        "\n"
        "When            Mon 5 Jan 2026 12:00\n"
        "Result          stopped early: 1 of 3 exercises done, 1 partly; "
        "McGill curl-up stopped: it hurt,\n"
        "                pain 7\n"
        "Time            5 min\n"
        "Pain before     3\n"
        "Pain after      6\n"
        "Where it hurts  lower back, left\n"
        "Note            tight after driving\n"
        "\n"
        "Exercises\n"
        "Cat-camel       done: 1 × 8 reps\n"
        "McGill curl-up  stopped (it hurt): holds of 10 s: 6, 4\n"
        "Bird dog        not reached\n"
    )


def test_history_id_of_a_logged_session(invoke: Invoke, home: Path) -> None:
    invoke("log", "bird-dog", "--sets", "2", "--reps", "8", "--date", "2026-01-06T07:30")
    result = invoke("history", "1", env={"COLUMNS": "80"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Session 1: Bird dog"
    assert "Pain before  –" in lines and "Pain after   –" in lines
    assert not any(line.startswith(("Note", "Where")) for line in lines)
    assert lines[-1] == "Bird dog  done: 2 × 8 holds of 10 s each side"


@pytest.mark.parametrize("width", [40, 60, 100])
def test_history_id_fits_the_width(invoke: Invoke, stopped: int, width: int) -> None:
    result = invoke("history", "1", env={"COLUMNS": str(width)})
    assert result.exit_code == 0
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= width


def test_history_id_as_json_is_that_session(invoke: Invoke, stopped: int) -> None:
    invoke("log", "bird-dog", "--date", "2026-01-07")
    data = json.loads(invoke("history", "1", "--json").stdout)
    assert [s["id"] for s in data] == [1]
    assert data[0]["pain_where"] == "lower back, left"


@pytest.mark.parametrize("log_exists", [True, False])
def test_history_of_an_unknown_id_is_one_line_and_not_found(
    invoke: Invoke, home: Path, log_exists: bool
) -> None:
    if log_exists:
        invoke("log", "bird-dog", "--date", "2026-01-07")
    result = invoke("history", "99")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "backfit: no session 99 in the log; 'backfit history' shows the ids\n"


def test_history_id_with_a_filter_is_a_usage_error(invoke: Invoke, stopped: int) -> None:
    result = invoke("history", "1", "--since", "30d")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "backfit: ID shows one session; leave out --since, --exercise, --planned and --limit\n"
        "Try 'backfit history --help'.\n"
    )
