"""What no field's own type can check, on a catalog that has validated: a build-up's start
and ceiling and a routine's changed doses must make valid doses, and every pose must be one
a body can take. Run by the loader after validation, located like every other problem."""

from __future__ import annotations

from pydantic import ValidationError
from pydantic_core import InitErrorDetails

from backfit.catalog.errors import Loc, first_reason
from backfit.catalog.models import BuildUp, Catalog, Dose
from backfit.catalog.problems import detail


def coherence_problems(catalog: Catalog) -> list[InitErrorDetails]:
    problems: list[InitErrorDetails] = []
    for i, exercise in enumerate(catalog.exercises):
        if exercise.build_up is not None:
            where: Loc = ("exercises", i, "build_up")
            problems += _build_up_problems(where, exercise.dose, exercise.build_up)
        if exercise.pose is not None:
            where = ("exercises", i, "pose")
            problems += [detail((*where, *loc), m, None) for loc, m in exercise.pose.problems()]
    exercises = {exercise.slug: exercise for exercise in catalog.exercises}
    for i, routine in enumerate(catalog.routines):
        for j, item in enumerate(routine.exercises):
            done = exercises.get(item.exercise)
            if item.dose is None or done is None:  # no such exercise: a link problem
                continue
            try:
                item.dose.apply(done.dose)
            except ValidationError as error:
                reason = first_reason(error)
                message = f"with this change the dose of '{item.exercise}' is invalid: {reason}"
                problems.append(detail(("routines", i, "exercises", j, "dose"), message, None))
    return problems


def _build_up_problems(where: Loc, dose: Dose, build_up: BuildUp) -> list[InitErrorDetails]:
    """The start and the ceiling must each make a valid dose, the start may not be above the
    ceiling, and a dose with one number of reps per set cannot grow by whole sets."""
    problems: list[InitErrorDetails] = []
    ends: dict[str, Dose] = {}
    for end in ("start", "ceiling"):
        try:
            ends[end] = getattr(build_up, end).apply(dose)
        except ValidationError as error:
            message = f"with this {end} the dose is invalid: {first_reason(error)}"
            problems.append(detail((*where, end), message, None))
    if len(ends) == 2:
        start, ceiling = ends["start"], ends["ceiling"]
        for key in ("sets", "reps", "hold_seconds"):
            low, high = _per_set(start, key), _per_set(ceiling, key)
            if low and high and any(a > b for a, b in zip(low, high, strict=False)):
                message = f"the start's {key} is above the ceiling's"
                problems.append(detail((*where, "start", key), message, None))
        if build_up.add.sets is not None and isinstance(start.reps, tuple):
            message = "cannot add whole sets to a dose that lists reps set by set"
            problems.append(detail((*where, "add", "sets"), message, None))
    return problems


def _per_set(dose: Dose, key: str) -> tuple[int, ...]:
    value = getattr(dose, key)
    if value is None:
        return ()
    return value if isinstance(value, tuple) else (value,) * (dose.sets if key == "reps" else 1)
