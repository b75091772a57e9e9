"""Doses scaled to the day: the person's own sets, reps, hold and rest for one session,
and the gentler dose that `--easy` and the pain gate offer.

A changed dose is checked by the catalog's own models, so `start --reps 0` is refused for
the same reason, in the same words, as `reps: 0` in a catalog.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from backfit.catalog.errors import first_reason
from backfit.catalog.models import DoseOverride

if TYPE_CHECKING:
    from backfit.catalog.models import Dose, Exercise, Increment

Reps = int | tuple[int, ...]  # a change: one number, or reps as a list, one per set

CHANGES = ("sets", "reps", "hold_seconds", "rest_seconds")  # what a person may change


class DoseError(ValueError):
    """A change that would make the dose invalid, and why. `field` names the change at
    fault, or is None when the changes are each valid but do not fit the dose together;
    `detail` is pydantic's account of it, for whoever words it for a person."""

    def __init__(self, field: str | None, reason: str, detail: Mapping[str, Any]) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason
        self.detail = detail


def changed_dose(dose: Dose, changes: Mapping[str, Reps]) -> Dose:
    """`dose` with `changes` (any of CHANGES) in place of its own values; raises DoseError.
    A build-up is followed set by set: a list of reps alone sets how many sets there are
    (`--reps 4,3,2`), and fewer sets alone take the first sets of a pyramid (`--sets 1`)."""
    changes = dict(changes)
    reps, sets = changes.get("reps"), changes.get("sets")
    if isinstance(reps, tuple) and sets is None:
        changes["sets"] = len(reps)
    pyramid = dose.reps if isinstance(dose.reps, tuple) else ()
    if isinstance(sets, int) and reps is None and sets < len(pyramid):
        changes["reps"] = pyramid[:sets] if sets > 1 else pyramid[0]
    try:
        override = DoseOverride.model_validate(changes)
    except ValidationError as error:
        found = error.errors()
        # reps given as a list: the list's own problem, not that it is not one number
        detail = next((d for d in found if len(d["loc"]) > 2), found[0])
        raise DoseError(str(detail["loc"][0]), first_reason(error), detail) from None
    try:
        return override.apply(dose)
    except ValidationError as error:  # valid values that do not fit the rest of the dose
        raise DoseError(None, first_reason(error), error.errors()[0]) from None


def easier_dose(exercise: Exercise, dose: Dose) -> Dose:
    """The gentler version of `dose`: the exercise's starting dose from its build-up, where
    the catalog gives one that is gentler than `dose`; otherwise half the repetitions or
    holds of each set (or half the hold, for a single hold), and never less than one."""
    if exercise.build_up is not None:
        try:
            start = exercise.build_up.start.apply(dose)
        except ValidationError:  # a start that does not fit this day's dose: halve it instead
            pass
        else:
            if start != dose and _no_harder(start, dose):
                return start
    return _halved(dose)


def _halved(dose: Dose) -> Dose:
    def half(n: int) -> int:
        return max(1, n // 2)

    if dose.reps is None:
        assert dose.hold_seconds is not None  # a dose has reps, a hold, or both
        return dose.model_copy(update={"hold_seconds": half(dose.hold_seconds)})
    reps = tuple(map(half, dose.reps)) if isinstance(dose.reps, tuple) else half(dose.reps)
    return dose.model_copy(update={"reps": reps})


def _no_harder(easier: Dose, dose: Dose) -> bool:
    """Whether `easier` asks for no more sets, reps in any set, or seconds of hold."""
    return (
        easier.sets <= dose.sets
        and all(easier.reps_in_set(n) <= dose.reps_in_set(n) for n in range(1, easier.sets + 1))
        and (easier.hold_seconds or 0) <= (dose.hold_seconds or 0)
    )


def stepped_up(dose: Dose, add: Increment | None, ceiling: Dose) -> Dose:
    """`dose` one step of a build-up further on (`add`; None: no further, only kept within
    `ceiling`), each set's reps, the sets and the hold never past the ceiling's. McGill's
    pyramid 3, 2, 1 adding a rep goes to 4, 3, 2, then 5, 4, 2 under a 6, 4, 2 ceiling."""
    more_sets, more_reps, more_hold = (
        (0, 0, 0) if add is None else (add.sets or 0, add.reps or 0, add.hold_seconds or 0)
    )
    sets = min(dose.sets + more_sets, ceiling.sets)

    def reps_in(n: int) -> int:
        top = ceiling.reps_in_set(min(n, ceiling.sets))
        return min(dose.reps_in_set(min(n, dose.sets)) + more_reps, top)

    reps: int | tuple[int, ...] | None = None
    if sets > 1 and (isinstance(dose.reps, tuple) or isinstance(ceiling.reps, tuple)):
        reps = tuple(reps_in(n) for n in range(1, sets + 1))
    elif dose.reps is not None:
        reps = reps_in(1)  # the same in every set, or a single set
    hold = dose.hold_seconds
    if hold is not None:
        hold = min(hold + more_hold, ceiling.hold_seconds or hold + more_hold)
    update = {"sets": sets, "reps": reps, "hold_seconds": hold}
    return type(dose).model_validate({**dict(dose), **update})  # fields as they are (see apply)
