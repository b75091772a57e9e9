"""Pain before a session, sessions stopped because it hurt, and stop-band pain that keeps
coming back: what `backfit progress` advises (issue 18). Bands are read from the
catalog's pain rule, never written here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import FROZEN_CATALOG
from test_progress import advice, logged

from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.journal import store as journal
from backfit.journal.store import ExerciseDone
from backfit.session.pain import pain_zone

Invoke = Callable[..., Any]
SAFETY = load_catalog(FROZEN_CATALOG).safety
STOP = next(score for score in range(11) if pain_zone(SAFETY, score) == "stop")
CAUTION = next(score for score in range(11) if pain_zone(SAFETY, score) == "caution")


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path / "home"))
    return tmp_path / "home" / journal.FILE_NAME


def test_pain_before_in_the_stop_band_counts_against_moving_up(invoke: Invoke, home: Path) -> None:
    sessions = [logged(d, 1, "pelvic-tilt", pain_before=9) for d in (5, 3, 1)]
    said = advice(invoke, home, *sessions)
    assert "step up" not in said and "try " not in said
    assert "one step back: pain 9/10 on " in said and "in the stop band" in said
    assert "see 'backfit safety'" in said


def test_pain_before_alone_is_not_keep_going(invoke: Invoke, home: Path) -> None:
    sessions = [logged(d, None, "pelvic-tilt", pain_before=9) for d in (5, 3, 1)]
    said = advice(invoke, home, *sessions)
    assert "Keep going" not in said
    assert "one step back: pain 9/10 on " in said


def test_pain_before_in_the_caution_band_holds_the_dose(invoke: Invoke, home: Path) -> None:
    """Pain in the caution band is acceptable if it is back to usual by the next morning:
    until the person says so (`backfit checkin --morning`), the dose holds."""
    entry = ExerciseDone("sit-to-stand", "Sit to stand", "done", 1, 5, None, 1)
    sessions = [
        logged(d, 0, "sit-to-stand", pain_before=CAUTION, exercises=(entry,)) for d in (7, 4, 1)
    ]
    said = advice(invoke, home, *sessions, catalog=builtin_catalog_path())
    assert said.startswith(
        "• Sit to stand: stay at 1 × 5 reps for now. Why: the same as last time: pain was in "
        "the caution band on "
    )
    assert said.endswith("and you have not said how the next morning was.\n")


def test_stop_band_pain_that_keeps_happening_says_see_a_professional(
    invoke: Invoke, home: Path
) -> None:
    sessions = [logged(d, 9, "pelvic-tilt") for d in (11, 9, 7, 5, 3, 1, 0)]
    said = advice(invoke, home, *sessions)
    assert said.startswith(
        "• See a GP or physiotherapist before you go on, and ease off meanwhile; see "
        f"'backfit safety'. Why: your pain reached the stop band ({STOP}/10 or more) in 7 "
        "sessions in 14 days.\n"
    )


def test_one_stop_band_session_is_not_yet_a_professional(invoke: Invoke, home: Path) -> None:
    said = advice(invoke, home, logged(1, 9, "pelvic-tilt"))
    assert "GP" not in said


def test_no_starting_dose_for_what_was_the_starting_dose(invoke: Invoke, home: Path) -> None:
    shipped = load_catalog(builtin_catalog_path())
    side = shipped.exercise("side-plank-bent-knee")
    assert side.build_up is not None and not side.easier
    start = side.build_up.start.apply(side.dose)
    done = ExerciseDone(side.slug, side.name, "done", start.sets, start.reps, start.hold_seconds, 2)
    session = logged(1, 9, side.slug, exercises=(done,))
    said = advice(invoke, home, session, catalog=builtin_catalog_path())
    assert "starting dose" not in said
    assert said.startswith(f"• {side.name}: do less of it, or rest it a few days;")


def test_a_pain_stop_in_the_log_is_charted(invoke: Invoke, home: Path) -> None:
    stopped = logged(
        0, None, "pelvic-tilt", abandoned=True, work_seconds=5.0, pain_stop=1, pain_during=9,
        exercises=(ExerciseDone("pelvic-tilt", "Pelvic tilt", "stopped"),),
    )  # fmt: skip
    said = advice(invoke, home, stopped)
    assert "nothing is logged" not in said
    shown = invoke("--catalog", str(FROZEN_CATALOG), "progress", "--weeks", "1").stdout
    assert "No pain scores" not in shown
    assert "– → 9" in shown


def test_pain_reported_after_a_session_left_at_once_is_heard(invoke: Invoke, home: Path) -> None:
    """q at the get-ready, then pain 9 when asked after: the score counts, and the exercise
    steps back, although almost nothing was done."""
    quit_early = logged(
        0, 9, "pelvic-tilt", abandoned=True, finished=False, work_seconds=0.0,
        exercises=(ExerciseDone("pelvic-tilt", "Pelvic tilt", "stopped"),),
    )  # fmt: skip
    said = advice(invoke, home, quit_early)
    assert "Pelvic tilt:" in said and "pain 9/10" in said
    shown = invoke("--catalog", str(FROZEN_CATALOG), "progress", "--weeks", "1").stdout
    assert "No pain scores" not in shown and "– → 9" in shown
