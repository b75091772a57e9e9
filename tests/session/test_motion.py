"""The coach's figure in time: it eases into a hold and stays, eases back out after one,
and goes start, end, start through a set of reps at the exercise's tempo, never jumping
from one pose to the other. Each test asks which frame is drawn at given times."""

from __future__ import annotations

import pytest

from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.catalog.poses import Tempo
from backfit.session.coach import Moment
from backfit.session.motion import CALM_SECONDS, pose_progress
from backfit.session.plan import Phase, Plan, build_plan
from backfit.views.figure import STEPS, frame_step

CATALOG = load_catalog(builtin_catalog_path())


def plan_of(slug: str) -> Plan:
    entry = CATALOG.exercise(slug)
    return build_plan(entry.name, [(entry, entry.dose)])


def frames(plan: Plan, phase: Phase, times: tuple[float, ...], *, nth: int = 0) -> list[int]:
    """The frame drawn at each of `times` seconds into the `nth` step of `phase`."""
    index = [i for i, step in enumerate(plan.steps) if step.phase is phase][nth]
    return [frame_step(Moment(plan, index, None, elapsed=t).pose_progress()) for t in times]


def test_a_hold_eases_into_its_end_pose_then_stays() -> None:
    bird_dog = plan_of("bird-dog")  # tempo: 2 s up, held, 2 s down
    assert frames(bird_dog, Phase.READY, (0, 3)) == [0, 0]
    into = frames(bird_dog, Phase.HOLD, (0, 0.5, 1, 1.5, 2, 5, 9.9))
    assert into[0] == 0 and into[2] == STEPS // 2 and into[4:] == [STEPS] * 3
    assert into == sorted(into) and len(set(into)) == 5  # moving, a new frame each time
    out = frames(bird_dog, Phase.RELAX, (0, 1, 2, 3))
    assert out == [STEPS, STEPS // 2, 0, 0]


def test_self_paced_reps_cycle_at_the_exercise_s_tempo() -> None:
    cat_camel = plan_of("cat-camel")  # 3 s up, 3 s down, "without pausing at either end"
    times = (0, 1.5, 3, 4.5, 6, 7.5, 9, 12)
    half = STEPS // 2
    assert frames(cat_camel, Phase.REPS, times) == [0, half, STEPS, half, 0, half, STEPS, 0]
    sit_to_stand = plan_of("sit-to-stand")  # 2 s up, 1 s standing, 3 s down
    assert frames(sit_to_stand, Phase.REPS, (0, 1, 2, 2.9, 4.5, 6, 7)) == [
        0, half, STEPS, STEPS, half, 0, half,
    ]  # fmt: skip


def test_after_a_set_of_reps_the_figure_rests_at_the_start_pose() -> None:
    """A rest or a switch of sides after reps does not jump to the end pose to ease back
    from it (it did: every step out of the work began at the end pose)."""
    cat_camel = plan_of("cat-camel")
    if any(step.phase is Phase.REST for step in cat_camel.steps):
        assert frames(cat_camel, Phase.REST, (0, 1, 5)) == [0, 0, 0]
    hinge = plan_of("hip-hinge-dowel")
    after_reps = [
        i
        for i, step in enumerate(hinge.steps)
        if step.phase in (Phase.REST, Phase.SWITCH) and hinge.steps[i - 1].phase is Phase.REPS
    ]
    assert after_reps
    for index in after_reps:
        assert Moment(hinge, index, None, elapsed=0).pose_progress() == 0


def test_a_tempo_that_gives_no_time_to_move_moves_calmly() -> None:
    snap = Tempo(up=0, hold=5, down=0)
    into = [pose_progress(Phase.HOLD, snap, t, after_hold=False) for t in (0, CALM_SECONDS / 2)]
    assert into == pytest.approx([0, 0.5])
    out = pose_progress(Phase.RELAX, snap, CALM_SECONDS / 2, after_hold=True)
    assert out == pytest.approx(0.5)
    cycle = [pose_progress(Phase.REPS, Tempo(up=0, down=0), t, after_hold=False)
             for t in (0, CALM_SECONDS, 2 * CALM_SECONDS)]  # fmt: skip
    assert cycle == pytest.approx([0, 1, 0])


def test_a_walk_keeps_stepping() -> None:
    walk = plan_of("walking")  # a hold with nothing held in its tempo
    assert len(set(frames(walk, Phase.HOLD, tuple(t / 10 for t in range(30))))) > 5
