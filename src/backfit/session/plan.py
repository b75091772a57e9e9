"""A session plan: every get-ready, hold, relax, set of reps, side switch and rest, in order.

Pure data, worked out from the catalog's doses, so the timer, `--plan` and the routine
estimates all agree on what a session is and how long it takes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from backfit.session.doses import Reps, changed_dose, easier_dose
from backfit.session.phases import Phase

if TYPE_CHECKING:
    from backfit.catalog.models import Catalog, Dose, Exercise, Routine

READY_SECONDS = 5  # the get-ready countdown before each exercise
RELAX_SECONDS = 3  # between two holds of the same set
SWITCH_SECONDS = 5  # to change sides
SECONDS_PER_REP = 4  # an estimate only: sets of reps end when the person presses Enter


@dataclass(frozen=True)
class Step:
    """One stretch of the session; `seconds` is None when it lasts until Enter."""

    phase: Phase
    exercise: Exercise
    position: int  # which exercise of the session, from 1
    set_number: int
    sets: int
    side: int | None  # 1 or 2 for exercises done on each side
    rep: int  # which hold of the set, from 1 (1 for other phases)
    reps: int  # holds or repetitions in this set
    seconds: int | None
    estimate: int  # expected length in seconds: `seconds`, or a guess for reps
    say: str | None = None  # the catalog's words for this step: a swap halfway, a finish
    both_sides: bool = False  # a set of reps taking the sides in turn
    extra: bool = False  # a finishing hold, not part of any set


@dataclass(frozen=True)
class Plan:
    title: str
    steps: tuple[Step, ...]
    items: tuple[tuple[Exercise, Dose], ...]  # each exercise of the session, at its dose
    stop_always: tuple[str, ...] = ()  # the catalog's stops whatever the pain score

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        return tuple(exercise for exercise, _ in self.items)

    @property
    def total_seconds(self) -> int:
        return sum(step.estimate for step in self.steps)


def plan_for(
    entry: Exercise | Routine,
    catalog: Catalog,
    *,
    easy: bool = False,
    changes: Mapping[str, Reps] | None = None,
    dose: Dose | None = None,
) -> Plan:
    """The session for an exercise (at its usual dose, or `dose`: a step of its build-up)
    or a routine; `easy` makes each dose the gentler one, and `changes` then replaces any
    of sets, reps, hold_seconds and rest_seconds (raising doses.DoseError when that makes
    a dose invalid)."""
    items = catalog.doses_of(entry)
    if dose is not None:
        items = [(exercise, dose) for exercise, _ in items]
    if easy or changes:
        if easy:
            items = [(exercise, easier_dose(exercise, dose)) for exercise, dose in items]
        if changes:
            items = [(exercise, changed_dose(dose, changes)) for exercise, dose in items]
    return replace(build_plan(entry.name, items), stop_always=catalog.safety.stop_always)


def build_plan(title: str, items: list[tuple[Exercise, Dose]]) -> Plan:
    """Lay out every step of doing `items` in order, each exercise at its dose."""
    steps = [
        step
        for position, (exercise, dose) in enumerate(items, 1)
        for step in _exercise_steps(position, exercise, dose)
    ]
    return Plan(title, tuple(steps), tuple(items))


def _exercise_steps(position: int, exercise: Exercise, dose: Dose) -> Iterator[Step]:
    def step(
        phase: Phase,
        seconds: int | None,
        set_number: int = 1,
        side: int | None = None,
        rep: int = 1,
        reps: int = 1,
        **marks: object,
    ) -> Step:
        estimate = (
            seconds
            if seconds is not None
            else SECONDS_PER_REP * reps * (2 if marks.get("both_sides") else 1)
        )
        return Step(
            phase, exercise, position, set_number, dose.sets, side, rep, reps, seconds, estimate,
            **marks,  # type: ignore[arg-type]
        )  # fmt: skip

    yield step(Phase.READY, READY_SECONDS)
    in_turn = dose.per_side and dose.alternate and dose.hold_seconds is None
    sides = (1, 2) if dose.per_side and not in_turn else (None,)
    for set_number in range(1, dose.sets + 1):
        reps = dose.reps_in_set(set_number)
        swap = (reps + 1) // 2 if dose.halfway else 0  # swap after this many holds
        for side in sides:
            if side == 2:
                yield step(Phase.SWITCH, SWITCH_SECONDS, set_number, side, 1, reps)
            if dose.hold_seconds is None:
                yield step(Phase.REPS, None, set_number, side, 1, reps, both_sides=in_turn)
                continue
            for rep in range(1, reps + 1):
                if rep > 1 and rep == swap + 1:
                    yield step(Phase.SWITCH, SWITCH_SECONDS, set_number, side, rep, reps,
                               say=dose.halfway)  # fmt: skip
                elif rep > 1:
                    yield step(Phase.RELAX, RELAX_SECONDS, set_number, side, rep, reps)
                yield step(Phase.HOLD, dose.hold_seconds, set_number, side, rep, reps)
        if set_number < dose.sets:
            yield step(Phase.REST, dose.rest_seconds, set_number)
    if dose.finish and dose.hold_seconds:
        yield step(Phase.SWITCH, SWITCH_SECONDS, dose.sets, say=dose.finish)
        yield step(Phase.HOLD, dose.hold_seconds, dose.sets, say=dose.finish, extra=True)
