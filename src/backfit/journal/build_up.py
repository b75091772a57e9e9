"""Where a person is in an exercise's build-up, from the log: the step `start` runs by
default. Pure over sessions read from the journal, like the progress advice, and by the
same pain rule."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import zip_longest
from typing import TYPE_CHECKING

from backfit.journal import store
from backfit.journal.progress import counts_for_pain, local_day
from backfit.journal.schema import JournalError
from backfit.session.doses import stepped_up
from backfit.session.pain import pain_zone

if TYPE_CHECKING:
    from pathlib import Path

    from backfit.catalog.models import Catalog, Dose, Exercise
    from backfit.journal.store import ExerciseDone, LoggedSession

STEP_DAYS = 90  # how far back the log is read for a build-up's step


@dataclass(frozen=True)
class BuildUpStep:
    """Where a person is in an exercise's build-up, for `start` to run by default.

    `kind`: `first` (never done in full: the build-up's start), `next` (a step on from
    `last`), `same` (as `last`: too soon, or the pain not low enough, to move on), `back`
    (the start again, after pain in the stop band) or `top` (the ceiling reached)."""

    dose: Dose
    kind: str
    last: Dose | None = None
    every_days: int = 0


def build_up_step(
    exercise: Exercise, sessions: Sequence[LoggedSession], catalog: Catalog, *, today: date
) -> BuildUpStep | None:
    """Today's step of `exercise`'s build-up from `sessions` (newest first): its start the
    first time; after pain in the stop band (or a stop because it hurt), the start again;
    one step on once the same amount has been done in full for `every_days` days with the
    pain in the pain rule's go band; otherwise the same as last time. None: no build-up."""
    build = exercise.build_up
    if build is None:
        return None
    start = build.start.apply(exercise.dose)
    ceiling = build.ceiling.apply(exercise.dose)
    mine = [s for s in sessions if counts_for_pain(s) and _included(s, exercise.slug)]
    if not mine:
        return BuildUpStep(start, "first", every_days=build.every_days)
    zones = {pain_zone(catalog.safety, score) for score in _scores(mine[0])}
    if "stop" in zones or _stopped_on(mine[0], exercise.slug):
        return BuildUpStep(start, "back", every_days=build.every_days)
    done = [(s, d) for s in mine for d in s.exercises if d.exercise == exercise.slug]
    full = [(s, _as_dose(d, exercise.dose)) for s, d in done if d.status == "done"]
    # a lighter day of fewer sets than the build-up starts with is not a step of it
    amounts = [(s, dose) for s, dose in full if dose is not None and dose.sets >= start.sets]
    if not amounts:
        return BuildUpStep(start, "first", every_days=build.every_days)
    last = stepped_up(amounts[0][1], None, ceiling)
    since = local_day(amounts[0][0])
    for session, dose in amounts[1:]:
        if stepped_up(dose, None, ceiling) != last:
            break
        since = local_day(session)
    step = stepped_up(last, build.add, ceiling)
    if step == last:
        return BuildUpStep(last, "top", last, build.every_days)
    if (today - since).days >= build.every_days and zones <= {"go"}:
        return BuildUpStep(step, "next", last, build.every_days)
    return BuildUpStep(last, "same", last, build.every_days)


def current_step(
    path: Path, exercise: Exercise, catalog: Catalog, *, now: datetime
) -> BuildUpStep | None:
    """`build_up_step` from the log at `path`; a log that cannot be read is taken as
    empty, so the step is the build-up's start, the gentlest."""
    if exercise.build_up is None:
        return None
    try:
        found = store.sessions(path, since=now - timedelta(days=STEP_DAYS))
    except JournalError:
        found = []
    return build_up_step(exercise, found, catalog, today=now.astimezone().date())


def _included(session: LoggedSession, slug: str) -> bool:
    return any(d.exercise == slug and d.partly_done for d in session.exercises) or (
        _stopped_on(session, slug)
    )


def _stopped_on(session: LoggedSession, slug: str) -> bool:
    return session.hurt is not None and session.hurt.exercise == slug


def _scores(session: LoggedSession) -> list[int]:
    scores = (session.pain_before, session.pain_during, session.pain_after)
    return [score for score in scores if score is not None]


def _as_dose(done: ExerciseDone, usual: Dose) -> Dose | None:
    """What was done of an exercise as a dose (each set's reps taken on its weaker side);
    None when it does not make one."""
    from pydantic import ValidationError  # the models: only when a build-up is followed

    if done.sets is None:
        return None
    reps = done.reps
    if isinstance(reps, tuple):
        if done.sides == 2:
            pairs = zip_longest(reps[::2], reps[1::2], fillvalue=0)
            reps = tuple(min(pair) for pair in pairs)
        reps = tuple(n for n in reps if n > 0)
    amount: dict[str, object] = {"sets": done.sets}
    if usual.reps is not None:
        amount["reps"] = 1 if reps is None else reps
        if isinstance(reps, tuple):
            amount["sets"] = len(reps)
    if usual.hold_seconds is not None and done.hold_seconds:  # a longer hold (a long walk)
        amount["hold_seconds"] = min(done.hold_seconds, usual.hold_seconds)  # is the full one
    try:
        return type(usual).model_validate({**usual.model_dump(), **amount})
    except ValidationError:
        return None
