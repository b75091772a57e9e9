"""Pain after a session is heard: in the stop band (or after a steep rise over the pain
before) the coach's summary and `backfit log` give the pain gate's stop and safety advice
(issue 18). Bands come from the catalog: pain 9 is stop and pain 1 is go in any sane rule."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.session.coach import Outcome
from backfit.session.pain import RISE_AFTER, pain_zone

Invoke = Callable[..., Any]
SAFETY = load_catalog(builtin_catalog_path()).safety
SEE_SAFETY = "See 'backfit safety' for what pain means and when to get help."


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def coached(monkeypatch: pytest.MonkeyPatch, before: int | None, after: int | None) -> None:
    """`start` on a terminal, with the safety check passed, the pain scores given, and
    the coach doing the whole plan at once."""
    from backfit.live import guided, terminal

    answers: Iterator[int | None] = iter((before, after))

    def whole(plan: Any, **_: Any) -> Outcome:
        positions = list(range(1, len(plan.exercises) + 1))
        return Outcome(plan, started=0.0, ended=6.0, finished=True, done=positions,
                       completed={p: [1] for p in positions}, work_seconds=40.0)  # fmt: skip

    monkeypatch.setattr(terminal, "is_interactive", lambda: True)
    monkeypatch.setattr(guided, "safety_check", lambda *_: True)
    monkeypatch.setattr(guided, "ask_pain", lambda *_, **__: next(answers))
    monkeypatch.setattr(guided, "pain_gate", lambda *_, plan, **__: plan)
    monkeypatch.setattr(guided, "coach_in_terminal", whole)


def test_pain_9_after_a_coached_session_says_stop(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert pain_zone(SAFETY, 9) == "stop"
    coached(monkeypatch, 1, 9)
    result = invoke("start", "pelvic-tilt", "--quiet", "--no-figure")
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stdout.split())
    assert "Session complete after 6 s. Done: Pelvic tilt Pain 9/10 is in the stop" in said
    assert "stop here for today." in said
    assert "Do not do Pelvic tilt again until the pain has settled." in said
    assert said.endswith(SEE_SAFETY)


def test_pain_1_after_a_coached_session_says_nothing_more(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert pain_zone(SAFETY, 1) == "go"
    coached(monkeypatch, 0, 1)
    result = invoke("start", "pelvic-tilt", "--quiet", "--no-figure", "--full")
    assert result.stdout == "Session complete after 6 s.\nDone: Pelvic tilt\n\n"


def test_log_with_pain_9_after_says_stop_and_something_gentler(invoke: Invoke) -> None:
    result = invoke("log", "glute-bridge", "--pain-after", "9")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Logged Glute bridge on ")
    said = " ".join(result.stdout.split())
    assert "Pain 9/10 is in the stop band" in said
    assert "Do not do Glute bridge again until the pain has settled." in said
    assert "Next time, something gentler: " in said
    assert said.endswith(SEE_SAFETY)


def test_a_steep_rise_during_a_session_says_stop_whatever_the_band(invoke: Invoke) -> None:
    before = 0
    after = before + RISE_AFTER
    assert pain_zone(SAFETY, after) != "stop"  # the rise, not the band, says stop here
    result = invoke("log", "glute-bridge", "--pain-before", str(before), "--pain-after", str(after))
    said = " ".join(result.stdout.split())
    assert (
        f"Your pain rose from {before}/10 to {after}/10 during the session: stop here for today."
    ) in said
    assert said.endswith(SEE_SAFETY)


def test_stop_band_pain_again_and_again_says_see_a_professional(invoke: Invoke) -> None:
    for _ in range(2):
        assert "GP" not in invoke("log", "pelvic-tilt", "--pain-after", "9").stdout
    said = " ".join(invoke("log", "pelvic-tilt", "--pain-after", "9").stdout.split())
    assert (
        "in 3 sessions in the last 14 days: see a GP or physiotherapist before you go on." in said
    )


def test_a_logged_session_with_low_pain_only_says_logged(invoke: Invoke) -> None:
    result = invoke("log", "glute-bridge", "--pain-before", "1", "--pain-after", "1")
    assert len(result.stdout.splitlines()) == 1


def test_a_session_the_log_could_not_take_ends_with_the_logs_exit_code(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trial on a full disk: the session was done, 'this session was not saved' was said,
    and start still exited 0, as if all were well."""
    from backfit.journal.schema import JournalError
    from backfit.live import guided

    def full(*_: object) -> None:
        raise JournalError("cannot write the log at {path}: {why}", path="x", why="disk full")

    coached(monkeypatch, 1, 1)
    monkeypatch.setattr(guided.journal, "save", full)
    result = invoke("start", "pelvic-tilt", "--quiet", "--no-figure", "--full")
    assert result.exit_code == 4
    assert "this session was not saved" in result.stderr
    assert "Session complete after 6 s." in result.stdout  # what was done is still shown


def test_the_build_up_step_is_said_after_the_safety_check_not_scrolled_away_by_it(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new user's trial at 80x24: the line saying which step of its build-up (here, back
    to the first after pain 9) was printed before the safety check's pages and scrolled
    off the screen; it is said once the check is read, before the pain question."""
    from backfit.live import guided

    invoke("log", "bird-dog", "--reps", "5,4,2", "--pain-after", "9", "--date", "-2d")
    coached(monkeypatch, 1, 1)

    def read(console: Any, *_: Any) -> bool:
        console.print("THE SAFETY CHECK")
        return True

    monkeypatch.setattr(guided, "safety_check", read)
    result = invoke("start", "bird-dog", "--quiet", "--no-figure")
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stdout.split())
    assert said.index("THE SAFETY CHECK") < said.index("Bird dog: back to the first step")
