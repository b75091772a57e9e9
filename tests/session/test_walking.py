"""A walk is timed in minutes and coached as a walk, not a hold (issue 18)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Invoke = Callable[..., Any]


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_a_walk_is_coached_as_a_walk(invoke: Invoke) -> None:
    plan = invoke("start", "walking", "--full", "--plan").stdout
    assert "0:05  Walking: walk for 10 min\n" in plan
    assert "hold" not in plan.lower()
    steps = json.loads(invoke("start", "walking", "--full", "--plan", "--json").stdout)["steps"]
    assert [step["cue"] for step in steps] == ["Get ready: Walking", "Walk"]


def test_a_walk_is_logged_in_minutes(invoke: Invoke) -> None:
    result = invoke("log", "walking", "--minutes", "30")
    assert result.exit_code == 0, result.stderr
    entry = json.loads(invoke("history", "--json").stdout)[0]
    assert entry["exercises"][0]["hold_seconds"] == 30 * 60
    shown = " ".join(invoke("history", env={"COLUMNS": "80"}).stdout.split())
    assert "logged: 30 min · about 30 min" in shown


def test_minutes_are_for_a_walk_only(invoke: Invoke) -> None:
    result = invoke("log", "bird-dog", "--minutes", "3")
    assert result.exit_code == 2
    assert "minutes go with a walk; Bird dog is not done walking" in result.stderr
    both = invoke("log", "walking", "--minutes", "3", "--hold", "30")
    assert both.exit_code == 2 and "in minutes alone" in both.stderr
