"""A session logged by hand ends when it is logged, never in the future, and its length
is shown as an estimate (issue 18)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

Invoke = Callable[..., Any]


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_a_session_logged_now_ends_now(invoke: Invoke) -> None:
    before = datetime.now().astimezone()
    assert invoke("log", "pelvic-tilt").exit_code == 0
    after = datetime.now().astimezone()
    entry = json.loads(invoke("history", "--json").stdout)[0]
    started = datetime.fromisoformat(entry["started_at"])
    ended = datetime.fromisoformat(entry["ended_at"])
    assert before - timedelta(seconds=1) <= ended <= after + timedelta(seconds=1)
    assert started < ended


def test_a_logged_length_is_an_estimate_without_the_get_ready(invoke: Invoke) -> None:
    invoke("log", "pelvic-tilt", "--date", "yesterday")
    entry = json.loads(invoke("history", "--json").stdout)[0]
    lasted = datetime.fromisoformat(entry["ended_at"]) - datetime.fromisoformat(entry["started_at"])
    full = json.loads(invoke("start", "pelvic-tilt", "--plan", "--json").stdout)  # as logged
    ready = sum(step["seconds"] or 0 for step in full["steps"] if step["phase"] == "ready")
    assert ready > 0 and lasted.total_seconds() == full["total_seconds"] - ready
    shown = invoke("history", env={"COLUMNS": "120"}).stdout
    minutes = max(1, (int(lasted.total_seconds()) + 30) // 60)
    assert f"about {minutes} min" in shown


def test_a_walk_logged_just_after_midnight_keeps_its_whole_length() -> None:
    """CI ran at 00:00 and a 30-minute walk logged then was kept as 21 minutes: the start
    was held at midnight. One logged as just done keeps its length; a day given (noon on
    it) is where it starts."""
    from datetime import datetime, timedelta

    from backfit.journal.records import _start

    now = datetime(2026, 12, 5, 0, 10).astimezone()
    assert _start(now, 1800, now) == now - timedelta(minutes=30)
    yesterday_noon = datetime(2026, 12, 4, 12, 0).astimezone()  # --date yesterday
    assert _start(yesterday_noon, 1800, now) == yesterday_noon
