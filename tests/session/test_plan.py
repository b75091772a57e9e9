"""Session plans for the shipped routines: the right sets, sides, rests and total."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.session.plan import (
    READY_SECONDS,
    RELAX_SECONDS,
    SECONDS_PER_REP,
    SWITCH_SECONDS,
    Phase,
    build_plan,
)

CATALOG = load_catalog(builtin_catalog_path())
Invoke = Callable[..., Any]


def routine_plan(slug: str):  # type: ignore[no-untyped-def]
    routine = CATALOG.find(slug)
    assert routine is not None
    return build_plan(routine.name, CATALOG.doses_of(routine))  # type: ignore[arg-type]


def test_mcgill_big_3_is_a_pyramid_of_ten_second_holds() -> None:
    plan = routine_plan("mcgill-big-3")
    assert plan.exercises[0].slug == "cat-camel"  # McGill's warm-up comes first
    holds = Counter(
        (s.exercise.slug, s.set_number, s.side) for s in plan.steps if s.phase is Phase.HOLD
    )
    for slug, sides in (
        ("mcgill-curl-up", [None]),
        ("side-plank-bent-knee", [1, 2]),
        ("bird-dog", [1, 2]),
    ):
        for set_number, reps in ((1, 3), (2, 2), (3, 1)):  # the beginner's start
            for side in sides:
                assert holds[(slug, set_number, side)] == reps
    assert {s.seconds for s in plan.steps if s.phase is Phase.HOLD} == {10}
    rests = [s for s in plan.steps if s.phase is Phase.REST]
    assert [s.seconds for s in rests] == [20] * 6  # two rests between three sets, per exercise
    switches = [s for s in plan.steps if s.phase is Phase.SWITCH]
    assert sum(s.say is None for s in switches) == 6  # sides: once a set, two exercises
    swaps = [(s.set_number, s.rep) for s in switches if s.say == "Swap which knee is bent"]
    assert swaps == [(1, 3), (2, 2)]  # the curl-up's swap halfway through each set of two or more
    # By hand: cat-camel 5 + 6*4 = 29 s; curl-up 5 + (30+3+5) + (20+5) + 10 + 40 = 118 s;
    # each one-sided exercise 5 + 2*36+5 + 2*23+5 + 2*10+5 + 40 = 198 s. In all 543 s.
    assert plan.total_seconds == 543


def test_gentle_mobility_uses_each_exercises_own_dose() -> None:
    plan = routine_plan("gentle-mobility")
    # On the back, then on the front, then on all fours; each at its starting amount.
    assert [e.slug for e in plan.exercises] == [
        "pelvic-tilt",
        "knee-to-chest",
        "knee-rolls",
        "glute-bridge",
        "back-extension-on-elbows",
        "cat-camel",
    ]
    for exercise, dose in CATALOG.doses_of(CATALOG.find("gentle-mobility")):  # type: ignore[arg-type]
        assert exercise.build_up is not None
        assert dose == exercise.build_up.start.apply(exercise.dose), exercise.slug
    cat_camel = [s for s in plan.steps if s.exercise.slug == "cat-camel"]
    assert [s.phase for s in cat_camel] == [Phase.READY, Phase.REPS]
    assert cat_camel[1].reps == 5 and cat_camel[1].seconds is None
    knee = [s for s in plan.steps if s.exercise.slug == "knee-to-chest" and s.phase is Phase.HOLD]
    assert [(s.side, s.rep) for s in knee] == [(1, 1), (1, 2), (2, 1), (2, 2), (None, 1)]
    assert knee[-1].say == "Both knees together" and knee[-1].extra  # its last step
    expected = (
        6 * READY_SECONDS
        + 5 * 5
        + 4 * RELAX_SECONDS  # pelvic tilt: 5 holds of 5 s
        + 2 * (2 * 5 + 1 * RELAX_SECONDS)
        + SWITCH_SECONDS  # knee-to-chest, each side
        + SWITCH_SECONDS
        + 5  # then both knees together
        + 2 * (4 * 5 + 3 * RELAX_SECONDS)
        + SWITCH_SECONDS  # knee rolls: 4 rolls of 5 s each side
        + 5 * 10
        + 4 * RELAX_SECONDS  # glute bridge
        + 5 * 5
        + 4 * RELAX_SECONDS  # back extension on elbows
        + 5 * SECONDS_PER_REP  # cat-camel: 5 reps, counted
    )
    assert plan.total_seconds == expected


def test_strength_day_applies_overrides_and_includes_the_seed_exercises() -> None:
    plan = routine_plan("strength-day")
    slugs = [e.slug for e in plan.exercises]
    assert {"swallow-fly", "bent-leg-deadlift", "hip-hinge-dowel", "bird-dog"} <= set(slugs)
    # The hinge drill and the deadlift straight after the warm-up, before anything that
    # tires the back extensors.
    assert slugs[:3] == ["cat-camel", "hip-hinge-dowel", "bent-leg-deadlift"]
    cat_camel = next(
        s for s in plan.steps if s.exercise.slug == "cat-camel" and s.phase is Phase.REPS
    )
    assert cat_camel.reps == 5  # the start of its build-up, not the usual 8
    bridge = [s for s in plan.steps if s.exercise.slug == "glute-bridge" and s.phase is Phase.HOLD]
    assert len(bridge) == 5 and {s.seconds for s in bridge} == {10}  # its build-up's start
    deadlift_rests = [
        s.seconds
        for s in plan.steps
        if s.exercise.slug == "bent-leg-deadlift" and s.phase is Phase.REST
    ]
    assert deadlift_rests == [120] * 4  # two warm-up sets, then three working sets


def test_every_routine_has_a_plan_that_adds_up() -> None:
    for routine in CATALOG.routines:
        plan = build_plan(routine.name, CATALOG.doses_of(routine))
        assert plan.total_seconds == sum(step.estimate for step in plan.steps) > 0
        assert plan.steps[0].phase is Phase.READY


def test_plan_option_prints_every_block_and_the_total(invoke: Invoke) -> None:
    result = invoke("start", "mcgill-big-3", "--plan")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "McGill big 3 — about 9 min"
    assert "0:00  Get ready: Cat-camel (5 s)" in lines
    assert "0:34  McGill curl-up: set 1 of 3, 2 holds of 10 s, 3 s relax between" in lines
    assert "0:57  Swap which knee is bent (5 s)" in lines
    assert "1:02  McGill curl-up: set 1 of 3, 1 hold of 10 s" in lines
    assert "1:12  Rest 20 s" in lines
    assert "9:03  Finished" in lines


def test_plan_json(invoke: Invoke) -> None:
    data = json.loads(invoke("start", "side-plank", "--plan", "--json", "--full").stdout)
    assert data["title"] == "Side plank"
    assert data["total_seconds"] == sum(step["estimated_seconds"] for step in data["steps"])
    assert data["steps"][0] == {
        "phase": "ready",
        "exercise": "side-plank",
        "position": 1,
        "set": 1,
        "sets": 3,
        "side": None,
        "rep": 1,
        "reps": 1,
        "seconds": 5,
        "estimated_seconds": 5,
        "cue": "Get ready: Side plank",
    }
    assert [s["cue"] for s in data["steps"] if s["phase"] == "switch"] == ["Switch sides"] * 3


def test_start_outside_a_terminal_prints_the_plan(invoke: Invoke) -> None:
    result = invoke("start", "bird-dog", "--full")
    assert result.exit_code == 0
    assert result.stdout.startswith("Bird dog — about 6 min\n")
    assert result.stderr == (
        "backfit: start needs a terminal to run its timer; here is the plan (see --plan)\n"
    )


def test_routines_and_show_routine(invoke: Invoke) -> None:
    listed = invoke("routines")
    assert listed.exit_code == 0
    assert listed.stdout.startswith("McGill big 3 (mcgill-big-3)\n  about 9 min · 4 exercises\n")
    shown = invoke("show", "McGill big 3", env={"COLUMNS": "40"})
    assert shown.exit_code == 0
    lines = [line for line in shown.stdout.splitlines() if not line.lstrip().startswith("<")]
    assert max(len(line) for line in lines) <= 40  # web addresses run on whole, by design
    assert "Start it with: backfit start" in shown.stdout
    assert "3 sets of 3, 2, 1 reps each" in shown.stdout
    data = json.loads(invoke("show", "gentle-mobility", "--json").stdout)
    assert data["estimated_seconds"] == routine_plan("gentle-mobility").total_seconds
    assert data["exercises"][0]["exercise"] == "pelvic-tilt"
    assert data["exercises"][0]["dose"]["reps"] == 5
    assert [r["slug"] for r in json.loads(invoke("routines", "--json").stdout)] == [
        "mcgill-big-3",
        "gentle-mobility",
        "strength-day",
        "desk-break",
        "sciatica-gentle",
    ]


def test_sides_are_named_left_and_right(invoke: Invoke) -> None:
    lines = invoke("start", "side-plank", "--plan", "--full").stdout.splitlines()
    holds = "6 holds of 10 s, 3 s relax between"
    assert lines[3] == f"0:05  Side plank: set 1 of 3, left side, {holds}"
    assert lines[5] == f"1:25  Side plank: set 1 of 3, right side, {holds}"
    data = json.loads(invoke("start", "side-plank", "--plan", "--json", "--full").stdout)
    cues = [s["cue"] for s in data["steps"] if s["phase"] == "hold"]
    assert set(cues[:6]) == {"Hold, left side"} and set(cues[6:12]) == {"Hold, right side"}
