"""The coach does what the exercise's steps say (issue 18): sides taken in turn, the
curl-up's swap halfway, and knee-to-chest's last hold with both knees."""

from __future__ import annotations

from datetime import UTC, datetime

from test_coach import run

from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.journal.records import guided_session
from backfit.session.plan import Phase, Plan, build_plan

CATALOG = load_catalog(builtin_catalog_path())


def full(slug: str) -> Plan:
    exercise = CATALOG.exercise(slug)
    return build_plan(exercise.name, [(exercise, exercise.dose)])


def test_marching_and_dead_bug_take_the_sides_in_turn() -> None:
    for slug in ("seated-hip-march", "dead-bug"):
        plan = full(slug)
        reps = CATALOG.exercise(slug).dose.reps
        outcome, recorder = run(plan)
        assert "Switch sides" not in recorder.said
        assert f"Do {reps} reps each side, taking turns, then press Enter" in recorder.said
        assert outcome.completed == {1: [reps, reps] * CATALOG.exercise(slug).dose.sets}
        session = guided_session(outcome, CATALOG.exercise(slug), ended_at=datetime.now(UTC),
                                 pain_before=None, pain_after=None)  # fmt: skip
        assert session.exercises[0].sides == 2 and session.exercises[0].reps == reps


def test_the_curl_up_cues_the_knee_swap_halfway_through_each_set() -> None:
    plan = full("mcgill-curl-up")
    outcome, recorder = run(plan)
    assert recorder.said.count("Swap which knee is bent") == 3  # 6, 4 and 2 holds
    assert outcome.completed == {1: [6, 4, 2]}


def test_knee_to_chest_ends_with_both_knees_together() -> None:
    plan = full("knee-to-chest")
    outcome, recorder = run(plan)
    assert recorder.said[-3:] == [
        "Both knees together", "Hold, both knees together", "Session complete. Well done."
    ]  # fmt: skip
    last = plan.steps[-1]
    assert last.phase is Phase.HOLD and last.side is None
    assert outcome.completed == {1: [3, 3]}  # the last hold is in no set


def test_the_new_dose_fields_are_checked() -> None:
    import pytest
    from pydantic import ValidationError

    from backfit.catalog.models import Dose

    with pytest.raises(ValidationError, match="alternate takes the sides in turn"):
        Dose(sets=1, reps=5, rest_seconds=10, alternate=True)
    with pytest.raises(ValidationError, match="halfway and finish go with holds"):
        Dose(sets=1, reps=5, rest_seconds=10, finish="Both knees together")
