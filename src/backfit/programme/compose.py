"""Putting a programme together from the catalog: one exercise for each part of a session
the minutes allow, only what the person can do, the gentlest first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from backfit.catalog.conditions import Condition
from backfit.catalog.roles import Role
from backfit.programme.choices import Leg
from backfit.programme.settings import Settings, Slot
from backfit.session.pain import pain_zone

if TYPE_CHECKING:
    from backfit.catalog.models import Catalog, Dose, Exercise

# What every home has, or a mat or bed stands in for: anything else is asked for.
EVERYDAY = frozenset({
    "none", "mat", "bed or mat", "cushion", "firm chair", "chair to hold",
    "chair or worktop to hold", "comfortable shoes", "dowel or broomstick",
})  # fmt: skip
FLOOR = frozenset({"back", "front", "side", "kneeling"})  # positions that need the floor
# Which parts of a session come first when the minutes run short: selfBACK's default is
# one exercise for the abdominals and one for the back extensors.
PRIORITY = (Role.WARM_UP, Role.EXTENSORS, Role.FLEXORS, Role.HIPS, Role.SIDE, Role.STRETCH)


def conditions(settings: Settings) -> tuple[Condition, ...]:
    """The care conditions that apply: those given, and sciatica's care when the pain goes
    below the knee (sciatica's sign), whether or not it was named."""
    extra = (Condition.SCIATICA,) if settings.leg is Leg.BELOW_KNEE else ()
    return tuple(dict.fromkeys((*settings.care, *extra)))


def can_do(exercise: Exercise, settings: Settings) -> bool:
    """Whether the person can do `exercise`: the floor, their equipment, and never one
    their care conditions say to avoid."""
    if exercise.position in FLOOR and not settings.floor:
        return False
    if not set(exercise.equipment) <= EVERYDAY | set(settings.equipment):
        return False
    return not any(
        (note := exercise.care_for(c)) is not None and note.verdict == "avoid"
        for c in conditions(settings)
    )


def fits_pain(exercise: Exercise, catalog: Catalog, pain: int) -> bool:
    """An exercise kept for low pain (`pain_up_to: go`) is not for a day of more."""
    return exercise.pain_up_to != "go" or pain_zone(catalog.safety, pain) == "go"


def compose(settings: Settings, catalog: Catalog) -> Settings:
    """`settings` with a slot for each part of a session the minutes allow, in the order a
    session goes; the minutes are counted at each exercise's build-up ceiling, so a session
    stays within them however far it builds up."""
    chosen: dict[Role, Exercise] = {}
    seconds = 0
    for role in PRIORITY:
        exercise = first_choice(role, settings, catalog)
        if exercise is None:
            continue
        needs = session_seconds([(exercise, ceiling(exercise))])
        if seconds + needs <= settings.minutes * 60 or not chosen:
            chosen[role] = exercise
            seconds += needs
    slots = tuple(Slot(role=r, exercise=chosen[r].slug) for r in Role if r in chosen)
    return settings.model_copy(update={"slots": slots})


def first_choice(role: Role, settings: Settings, catalog: Catalog) -> Exercise | None:
    """The exercise for `role` the person can do: one that suits their care conditions
    before one that needs care, one on the floor before a seated one for those who can
    get down to it, a staple of the catalog's routines, then the gentlest."""
    from backfit.catalog.search import gentleness  # only when a plan is made

    known = {e.slug: e for e in catalog.exercises}
    fitting = [
        e for e in catalog.exercises
        if e.role is role and can_do(e, settings) and fits_pain(e, catalog, settings.pain)
    ]  # fmt: skip
    care = conditions(settings)

    used = Counter(item.exercise for r in catalog.routines for item in r.exercises)

    def order(exercise: Exercise) -> tuple[int, bool, int, tuple[int, int, int]]:
        needs_care = sum(
            (note := exercise.care_for(c)) is not None and note.verdict != "suits" for c in care
        )
        # on the floor when it can be: the seated forms are for those who cannot get down
        seated = settings.floor and exercise.position == "seated"
        # the staples first: the exercises the catalog's own routines use most
        return needs_care, seated, -used[exercise.slug], gentleness(exercise, known)

    return min(fitting, key=order, default=None)


def ceiling(exercise: Exercise) -> Dose:
    return (
        exercise.dose
        if exercise.build_up is None
        else exercise.build_up.ceiling.apply(exercise.dose)
    )


def session_seconds(items: Iterable[tuple[Exercise, Dose]]) -> int:
    from backfit.session.plan import build_plan  # only when a plan is made

    return build_plan("", list(items)).total_seconds
