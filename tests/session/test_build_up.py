"""Following a build-up (issue 18): reps as a list, the first sets of a pyramid, and
`start` at the person's own step of the build-up by default (`--full` for the full dose)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.session.doses import stepped_up

Invoke = Callable[..., Any]
CATALOG = load_catalog(builtin_catalog_path())
BIRD_DOG = CATALOG.exercise("bird-dog")
HOLDS = "holds of 10 s, 3 s relax between"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def holds_per_set(plan: str) -> list[str]:
    return [line.split(", ", 2)[2] for line in plan.splitlines() if "left side" in line]


def test_mcgills_pyramid_builds_up_to_its_ceiling() -> None:
    build = BIRD_DOG.build_up
    assert build is not None
    dose, ceiling = build.start.apply(BIRD_DOG.dose), build.ceiling.apply(BIRD_DOG.dose)
    steps = []
    for _ in range(5):
        steps.append(dose.reps)
        dose = stepped_up(dose, build.add, ceiling)
    assert steps == [(3, 2, 1), (4, 3, 2), (5, 4, 2), (6, 4, 2), (6, 4, 2)]


def test_reps_take_a_list_one_for_each_set(invoke: Invoke) -> None:
    result = invoke("start", "bird-dog", "--reps", "4,3,2", "--plan")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Bird dog — about 5 min\n")  # no step: the dose is chosen
    assert holds_per_set(result.stdout) == [f"4 {HOLDS}", f"3 {HOLDS}", f"2 {HOLDS}"]


def test_sets_takes_the_first_sets_of_a_pyramid(invoke: Invoke) -> None:
    result = invoke("start", "bird-dog", "--sets", "1", "--plan")
    assert result.exit_code == 0, result.stderr
    assert holds_per_set(result.stdout) == [f"6 {HOLDS}"]


def test_a_reps_list_that_is_not_one_is_refused_plainly(invoke: Invoke) -> None:
    result = invoke("start", "bird-dog", "--reps", "4,three", "--plan")
    assert result.exit_code == 2
    assert "needs a whole number, or one for each set such as 4,3,2, not '4,three'" in (
        result.stderr
    )
    zero = invoke("start", "bird-dog", "--reps", "4,0,2", "--plan")
    assert zero.exit_code == 2 and "--reps: must be at least 1, not 0" in zero.stderr


def test_log_takes_a_reps_list_and_the_first_sets(invoke: Invoke) -> None:
    assert invoke("log", "bird-dog", "--reps", "4,3,2").exit_code == 0
    assert invoke("log", "bird-dog", "--sets", "1").exit_code == 0
    shown = " ".join(invoke("history", env={"COLUMNS": "200"}).stdout.split())
    assert "logged: holds of 10 s: 4/4, 3/3, 2/2" in shown
    assert "logged: 1 × 6 holds of 10 s each side" in shown


def test_start_runs_the_build_ups_first_step_the_first_time(invoke: Invoke) -> None:
    result = invoke("start", "bird-dog", "--plan")
    said = " ".join(result.stdout.split())
    assert said.startswith(
        "Bird dog: the first step of its build-up today, 3 sets of 3, 2, 1 reps each side, "
        "hold 10 s. The full dose, 3 sets of 6, 4, 2 reps each side, hold 10 s: "
        "backfit start bird-dog --full"
    )
    assert holds_per_set(result.stdout) == [f"3 {HOLDS}", f"2 {HOLDS}", "1 hold of 10 s"]
    full = invoke("start", "bird-dog", "--plan", "--full")
    assert "build-up" not in full.stdout
    assert holds_per_set(full.stdout) == [f"6 {HOLDS}", f"4 {HOLDS}", f"2 {HOLDS}"]


def test_start_moves_on_a_step_from_the_log(invoke: Invoke) -> None:
    every = BIRD_DOG.build_up.every_days  # type: ignore[union-attr]
    for back in (every + 1, 1):  # done over the build-up's days: days off never earn a step
        logged = invoke("log", "bird-dog", "--reps", "3,2,1", "--pain-after", "1", "--date",
                        f"-{back}d")  # fmt: skip
        assert logged.exit_code == 0, logged.stderr
    result = invoke("start", "bird-dog", "--plan")
    said = " ".join(result.stdout.split())
    assert said.startswith(
        "Bird dog: the next step of your build-up today, 3 sets of 4, 3, 2 reps each side, "
        "hold 10 s (last time 3 sets of 3, 2, 1 reps each side, hold 10 s)."
    )
    assert holds_per_set(result.stdout) == [f"4 {HOLDS}", f"3 {HOLDS}", f"2 {HOLDS}"]


def test_too_soon_to_move_on_stays_at_the_step(invoke: Invoke) -> None:
    invoke("log", "bird-dog", "--reps", "4,3,2", "--pain-after", "1")
    said = " ".join(invoke("start", "bird-dog", "--plan").stdout.split())
    assert said.startswith(
        "Bird dog: the same step of your build-up as last time, 3 sets of 4, 3, 2 reps"
    )


def test_stop_band_pain_goes_back_to_the_first_step(invoke: Invoke) -> None:
    invoke("log", "bird-dog", "--reps", "5,4,2", "--pain-after", "9", "--date", "-5d")
    said = " ".join(invoke("start", "bird-dog", "--plan").stdout.split())
    assert said.startswith(
        "Bird dog: back to the first step of its build-up, 3 sets of 3, 2, 1 reps each side"
    )
    assert "--full" not in said  # a new user's trial: the full dose offered after pain 9
