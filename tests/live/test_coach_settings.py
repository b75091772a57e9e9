"""The coach's own settings reach it from each place they can be given: reduced motion
from --no-motion, BACKFIT_REDUCED_MOTION or the settings file (issue 22), and the bell
and voice for `today --start` as for `start`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from backfit.session.coach import Outcome

Invoke = Callable[..., Any]


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("BACKFIT_CONFIG", str(tmp_path / "config"))
    monkeypatch.delenv("BACKFIT_REDUCED_MOTION", raising=False)


@pytest.fixture
def coached(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every coach started, as the options it was given; the session is done at once."""
    from backfit.live import guided, terminal

    given: list[dict[str, Any]] = []

    def whole(plan: Any, **options: Any) -> Outcome:
        given.append(options)
        positions = list(range(1, len(plan.exercises) + 1))
        return Outcome(plan, started=0.0, ended=6.0, finished=True, done=positions,
                       completed={p: [1] for p in positions}, work_seconds=40.0)  # fmt: skip

    monkeypatch.setattr(terminal, "is_interactive", lambda: True)
    monkeypatch.setattr(guided, "safety_check", lambda *_: True)
    monkeypatch.setattr(guided, "ask_pain", lambda *_, **__: None)
    monkeypatch.setattr(guided, "coach_in_terminal", whole)
    return given


@pytest.mark.parametrize(
    ("args", "env", "setting", "still"),
    [
        ((), {}, None, False),
        (("--no-motion",), {}, None, True),
        ((), {"BACKFIT_REDUCED_MOTION": "yes"}, None, True),
        ((), {}, "true", True),
        ((), {"BACKFIT_REDUCED_MOTION": "0"}, "true", False),  # the environment wins
        (("--no-motion",), {"BACKFIT_REDUCED_MOTION": "0"}, "false", True),  # the flag wins
    ],
)
def test_reduced_motion_reaches_the_coach(
    invoke: Invoke,
    coached: list[dict[str, Any]],
    args: tuple[str, ...],
    env: dict[str, str],
    setting: str | None,
    still: bool,
) -> None:
    if setting is not None:
        assert invoke("config", "set", "reduced_motion", setting).exit_code == 0
    result = invoke("start", "pelvic-tilt", "--quiet", *args, env=env)
    assert result.exit_code == 0, result.stderr
    assert [options["display"].still for options in coached] == [still]


def test_a_word_that_is_no_switch_is_refused(invoke: Invoke) -> None:
    result = invoke("start", "pelvic-tilt", env={"BACKFIT_REDUCED_MOTION": "sometimes"})
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "backfit: BACKFIT_REDUCED_MOTION: must be 1, true, yes, on, 0, false, no or off, "
        "not 'sometimes'"
    )


def test_today_start_takes_the_coach_settings_as_start_does(
    invoke: Invoke, coached: list[dict[str, Any]]
) -> None:
    every_day = "mon,tue,wed,thu,fri,sat,sun"
    made = invoke("plan", "new", "--pain", "3", "--duration", "6-12-weeks", "--leg", "none",
                  "--no-red-flags", "--start", date.today().isoformat(), "--days", every_day,
                  "--yes")  # fmt: skip
    assert made.exit_code == 0, made.stderr
    assert invoke("config", "set", "sound", "false").exit_code == 0
    assert invoke("config", "set", "reduced_motion", "on").exit_code == 0
    result = invoke("today", "--start")
    assert result.exit_code == 0, result.stderr
    assert [(o["quiet"], o["display"].still) for o in coached] == [(True, True)]


def test_start_with_no_name_runs_the_routine_kept(invoke: Invoke) -> None:
    missing = invoke("start", "--plan")
    assert missing.exit_code == 2
    assert missing.stderr.splitlines()[0] == (
        "backfit: start needs NAME, or a routine kept with: backfit config set routine NAME"
    )
    assert invoke("config", "set", "routine", "McGill big 3").exit_code == 0
    kept = invoke("start", "--plan")
    assert kept.exit_code == 0, kept.stderr
    assert kept.stdout.startswith("McGill big 3 — about")
    assert invoke("start", "bird-dog", "--plan").stdout.startswith("Bird dog")  # a name wins
