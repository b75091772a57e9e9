"""Turning what a person did into log records, and checking what they typed about it.

Every check raises `ValueError` with a message that fits on one line, before anything
is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from backfit.i18n import N_
from backfit.journal import store
from backfit.journal.store import ExerciseDone, LoggedSession, Reps
from backfit.journal.typed import Unreadable
from backfit.session.doses import changed_dose
from backfit.session.phases import Phase
from backfit.session.plan import build_plan

if TYPE_CHECKING:
    from pathlib import Path

    from backfit.catalog.models import Catalog, Dose, Exercise, Routine
    from backfit.session.coach import Outcome

ABANDONED_SECONDS = 30  # less work than this, unless everything was done: abandoned


def guided_session(
    outcome: Outcome, entry: Exercise | Routine, *, ended_at: datetime,
    pain_before: int | None, pain_after: int | None,
) -> LoggedSession:  # fmt: skip
    """A guided session as it ended: how much of each exercise was done, partial sets
    included, and whether so little was done that it counts as abandoned."""
    status = {p: "done" for p in outcome.done}
    status |= {p: "skipped" for p in outcome.skipped}
    if outcome.stopped_during is not None:
        status[outcome.stopped_during] = "stopped"
    if outcome.pain_stop is not None:  # blamed after it was done, it stays done
        status.setdefault(outcome.pain_stop, "stopped")
    exercises = tuple(
        _what_was_done(
            e,
            _as_held(dose, outcome.held.get(position)),
            status.get(position, "not reached"),
            outcome.completed.get(position, []),
        )
        for position, (e, dose) in enumerate(outcome.plan.items, 1)
    )
    everything = len(outcome.done) == len(exercises)
    set_done = any(
        _full_set_done(dose, outcome.completed.get(position, []))
        for position, (_, dose) in enumerate(outcome.plan.items, 1)
    )
    ended_at = ended_at.replace(microsecond=0)  # the log keeps whole seconds: so that its
    lasted = timedelta(seconds=round(outcome.elapsed))  # length is the summary's, not 1 s off
    return LoggedSession(
        kind="guided",
        slug=entry.slug,
        title=entry.name,
        started_at=ended_at - lasted,
        ended_at=ended_at,
        finished=outcome.finished,
        pain_before=pain_before,
        pain_after=pain_after,
        exercises=exercises,
        abandoned=not set_done or (outcome.work_seconds < ABANDONED_SECONDS and not everything),
        work_seconds=round(outcome.work_seconds, 1),
        pain_stop=outcome.pain_stop,
        pain_during=outcome.pain_during,
    )


def _as_held(dose: Dose, held: list[float] | None) -> Dose:
    """`dose` with the hold its holds really lasted, on average (Enter cuts one short)."""
    if not held or dose.hold_seconds is None:
        return dose
    return dose.model_copy(update={"hold_seconds": max(1, round(sum(held) / len(held)))})


def _what_was_done(exercise: Exercise, dose: Dose, status: str, counts: list[int]) -> ExerciseDone:
    """The reps or holds completed in each (set, side), trailing empty ones dropped; an
    exercise done in full with no counts (an older coach) was done as planned."""
    sides = 2 if dose.per_side else 1
    done = list(counts)
    while done and done[-1] == 0:
        done.pop()
    if not done:
        if status == "done":
            return ExerciseDone(exercise.slug, exercise.name, status, *planned_amount(dose))
        return ExerciseDone(exercise.slug, exercise.name, status, sides=sides)
    sets = -(-len(done) // sides)
    reps: Reps | None = tuple(done)
    if dose.reps is None and set(done) == {1}:
        reps = None  # one hold in each set
    elif len(set(done)) == 1 and len(done) == sets * sides:
        reps = done[0]  # the same in every set
    return ExerciseDone(exercise.slug, exercise.name, status, sets, reps, dose.hold_seconds, sides)


def _full_set_done(dose: Dose, counts: list[int]) -> bool:
    sides = 2 if dose.per_side else 1
    return any(count >= dose.reps_in_set(index // sides + 1) for index, count in enumerate(counts))


def planned_amount(dose: Dose) -> tuple[int, Reps | None, int | None, int]:
    """A dose as a log records it: sets, reps (per set and side), hold, sides."""
    sides = 2 if dose.per_side else 1
    reps = dose.reps
    if isinstance(reps, tuple) and sides == 2:
        reps = tuple(r for r in reps for _ in range(sides))
    return dose.sets, reps, dose.hold_seconds, sides


def logged_session(
    entry: Exercise | Routine, catalog: Catalog, *, sets: int | None, reps: Reps | None,
    hold: int | None, pain: Pain, note: str | None, when: datetime,
    now: datetime | None = None, walked: int | None = None, usual: Dose | None = None,
) -> LoggedSession:  # fmt: skip
    """Work done without the timer, logged at `now` (`when` if None); amounts not given
    are `usual` (an exercise's step of its build-up, as `start` runs it) or else the
    catalog's dose, and amounts given change the catalog's dose as `start` changes it;
    `walked`: the minutes of a walk. Raises doses.DoseError for a dose that is not
    possible, and ValueError for amounts given for a routine, or minutes for what is not
    a walk."""
    from backfit.catalog.models import Exercise  # the models: only when logging

    changed = sets is not None or reps is not None or hold is not None
    if walked is not None:
        if not isinstance(entry, Exercise) or entry.position != "walking":
            raise Unreadable(N_("minutes go with a walk; {name} is not done walking"),
                             name=entry.name)  # fmt: skip
        if changed:
            raise Unreadable(N_("a walk is logged in minutes alone, without sets, reps or holds"))
        walk = ExerciseDone(entry.slug, entry.name, "done", 1, None, walked * 60, 1)
        return _logged(entry, (walk,), walked * 60, pain=pain, note=note, when=when, now=now)
    if isinstance(entry, Exercise):
        dose = entry.dose if changed or usual is None else usual
        if changed:
            given = {"sets": sets, "reps": reps, "hold_seconds": hold}
            dose = changed_dose(dose, {k: v for k, v in given.items() if v is not None})
        items = [(entry, dose)]
    elif changed:
        raise Unreadable(N_("sets, repetitions and holds go with one exercise, not a routine"))
    else:
        items = catalog.doses_of(entry)
    plan = build_plan(entry.name, items)
    length = sum(step.estimate for step in plan.steps if step.phase is not Phase.READY)
    done = tuple(ExerciseDone(e.slug, e.name, "done", *planned_amount(d)) for e, d in items)
    return _logged(entry, done, length, pain=pain, note=note, when=when, now=now)


def _logged(
    entry: Exercise | Routine, done: tuple[ExerciseDone, ...], length: int, *, pain: Pain,
    note: str | None, when: datetime, now: datetime | None,
) -> LoggedSession:  # fmt: skip
    now = now or when
    return LoggedSession(
        kind="logged",
        slug=entry.slug,
        title=entry.name,
        started_at=(start := _start(when, length, now)),
        ended_at=min(start + timedelta(seconds=length), now),
        finished=True,
        pain_before=pain.before,
        pain_after=pain.after,
        pain_where=pain.where,
        note=note or None,
        exercises=done,
    )


def _start(when: datetime, length: int, now: datetime) -> datetime:
    """When a session logged by hand began: at `when`, unless it would then end after
    `now` (as one logged now would): then so that it ends now, keeping its whole length
    even if it began before midnight (it did). A past day given starts at its noon. Its
    length is an estimate, without the coach's get-ready, and says so wherever shown."""
    start = min(when, now - timedelta(seconds=length))
    if when >= now:  # logged as just done: all of it, even if it began before midnight
        return start
    local = when.astimezone()
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return max(start, midnight)


@dataclass(frozen=True)
class Pain:
    """What a person says about pain around a session logged by hand."""

    before: int | None = None
    after: int | None = None
    where: str | None = None


def log_done(
    path: Path, entry: Exercise | Routine, catalog: Catalog, *, sets: int | None,
    reps: Reps | None, hold: int | None, pain: Pain, note: str | None, when: datetime,
    now: datetime | None = None, walked: int | None = None, usual: Dose | None = None,
) -> LoggedSession:  # fmt: skip
    """Record work done without the timer in the log at `path`, and return it."""
    session = logged_session(
        entry, catalog, sets=sets, reps=reps, hold=hold, pain=pain, note=note, when=when,
        now=now, walked=walked, usual=usual,
    )  # fmt: skip
    return session._replace(id=store.save(path, session))


def edit_logged(
    path: Path, session_id: int, *, pain: Pain, note: str | None, when: datetime | None
) -> tuple[LoggedSession, LoggedSession]:
    """Change what was given; an empty note or place clears it. Returns the session
    before and after. Raises ValueError when nothing is given."""
    given = {"pain_before": pain.before, "pain_after": pain.after, "pain_where": pain.where,
             "note": note, "started_at": when}  # fmt: skip
    changes: dict[str, object] = {k: v for k, v in given.items() if v is not None}
    for text in ("pain_where", "note"):
        if changes.get(text) == "":
            changes[text] = None
    if not changes:
        raise Unreadable(N_("nothing to change"))
    before = store.find_session(path, session_id)
    return before, store.change(path, session_id, changes)
