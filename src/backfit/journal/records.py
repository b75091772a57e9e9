"""Turning what a person did into log records, and checking what they typed about it.

Every check raises `ValueError` with a message that fits on one line, before anything
is written.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from backfit.journal.store import LoggedExercise, LoggedSession

if TYPE_CHECKING:
    from pathlib import Path

    from backfit.catalog.models import Catalog, Dose, Exercise, Routine
    from backfit.session.coach import Outcome

MAX_NOTE = 500
PERIODS = {"d": 1, "w": 7, "m": 30, "y": 365}


def guided_session(
    outcome: Outcome, entry: Exercise | Routine, *, ended_at: datetime,
    pain_before: int | None, pain_after: int | None,
) -> LoggedSession:  # fmt: skip
    """A guided session as it ended: which exercises were done, skipped or never reached."""
    status = {p: "done" for p in outcome.done}
    status |= {p: "skipped" for p in outcome.skipped}
    if outcome.stopped_during is not None:
        status[outcome.stopped_during] = "stopped"
    entries = tuple(
        LoggedExercise(e.slug, e.name, status.get(position, "not reached"), *_amount(dose))
        for position, (e, dose) in enumerate(outcome.plan.items, 1)
    )
    return LoggedSession(
        kind="guided",
        slug=entry.slug,
        title=entry.name,
        started_at=ended_at - timedelta(seconds=outcome.elapsed),
        ended_at=ended_at,
        finished=outcome.finished,
        pain_before=pain_before,
        pain_after=pain_after,
        entries=entries,
    )


def logged_session(
    entry: Exercise | Routine, catalog: Catalog, *, sets: int | None, reps: int | None,
    hold: int | None, pain: int | None, note: str | None, when: datetime,
) -> LoggedSession:  # fmt: skip
    """Work done without the timer; amounts not given are the catalog's usual dose.
    Raises ValueError for a dose that is not possible, or amounts given for a routine."""
    from pydantic import ValidationError

    from backfit.catalog.errors import first_reason
    from backfit.catalog.models import DoseOverride, Exercise
    from backfit.session.plan import build_plan

    changed = sets is not None or reps is not None or hold is not None
    if isinstance(entry, Exercise):
        dose = entry.dose
        if changed:
            given = {"sets": sets, "reps": reps, "hold_seconds": hold}
            try:
                dose = DoseOverride(**{k: v for k, v in given.items() if v is not None}).apply(dose)
            except ValidationError as error:
                raise ValueError(f"that dose is not possible: {first_reason(error)}") from None
        items = [(entry, dose)]
    elif changed:
        raise ValueError("sets, repetitions and holds go with one exercise, not a routine")
    else:
        items = catalog.doses_of(entry)
    length = build_plan(entry.name, items).total_seconds
    return LoggedSession(
        kind="logged",
        slug=entry.slug,
        title=entry.name,
        started_at=when,
        ended_at=when + timedelta(seconds=length),
        finished=True,
        pain_after=pain,
        note=note or None,
        entries=tuple(LoggedExercise(e.slug, e.name, "done", *_amount(d)) for e, d in items),
    )


def log_done(
    path: Path, entry: Exercise | Routine, catalog: Catalog, *, sets: int | None,
    reps: int | None, hold: int | None, pain: int | None, note: str | None, when: datetime,
) -> LoggedSession:  # fmt: skip
    """Record work done without the timer in the log at `path`, and return it."""
    from backfit.journal import store

    session = logged_session(
        entry, catalog, sets=sets, reps=reps, hold=hold, pain=pain, note=note, when=when
    )
    store.save(path, session)
    return session


def check_note(note: str) -> str:
    """A note is one line of printable text, not too long."""
    if len(note) > MAX_NOTE or not note.isprintable():
        raise ValueError(f"a note must be one line of at most {MAX_NOTE} printable characters")
    return note


def parse_when(text: str | None, *, now: datetime) -> datetime:
    """When something was done: an ISO date (noon that day) or date and time, local
    unless an offset is given; never in the future."""
    if text is None:
        return now
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            moment = datetime.combine(datetime.fromisoformat(text).date(), time(12))
        else:
            moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' is not an ISO date such as 2026-01-31") from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # the person's own time zone
    if moment > now:
        raise ValueError(f"{text} is in the future")
    return moment


def parse_since(text: str, *, now: datetime) -> datetime:
    """The start of a period: '30d', '8w', '6m', '1y', or an ISO date (from its start,
    local time)."""
    match = re.fullmatch(r"(\d{1,5})([dwmy])", text.strip().lower())
    if match:
        return now - timedelta(days=int(match[1]) * PERIODS[match[2]])
    try:
        day = datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(
            f"'{text}' is neither a period such as 30d, 8w, 6m or 1y nor a date such as 2026-01-01"
        ) from None
    return datetime.combine(day, time(0)).astimezone()


def utc_now() -> datetime:
    return datetime.now(UTC)


def _amount(dose: Dose) -> tuple[int, str | None, int | None]:
    reps = dose.reps
    text = ",".join(map(str, reps)) if isinstance(reps, tuple) else (str(reps) if reps else None)
    return dose.sets, text, dose.hold_seconds
