"""Turning what a person did into log records, and checking what they typed about it.

Every check raises `ValueError` with a message that fits on one line, before anything
is written.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from backfit.journal.store import Entry, Session

if TYPE_CHECKING:
    from backfit.session.coach import Outcome
    from backfit.catalog.models import Catalog, Dose, Exercise, Routine

MAX_NOTE = 500
PERIODS = {"d": 1, "w": 7, "m": 30, "y": 365}


def guided_session(
    outcome: Outcome, entry: Exercise | Routine, *, ended_at: datetime,
    pain_before: int | None, pain_after: int | None,
) -> Session:  # fmt: skip
    """A guided session as it ended: which exercises were done, skipped or never reached."""
    status = {p: "done" for p in outcome.done}
    status |= {p: "skipped" for p in outcome.skipped}
    if outcome.stopped_during is not None:
        status[outcome.stopped_during] = "stopped"
    entries = tuple(
        Entry(e.slug, e.name, status.get(position, "not reached"), *_amount(dose))
        for position, (e, dose) in enumerate(outcome.plan.items, 1)
    )
    return Session(
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
) -> Session:  # fmt: skip
    """Work done without the timer; amounts not given are the catalog's usual dose."""
    from pydantic import ValidationError

    from backfit.catalog.models import Exercise
    from backfit.session.plan import plan_session

    for label, value, low, high in (("--sets", sets, 1, 20), ("--reps", reps, 1, 100),
                                    ("--hold", hold, 1, 600), ("--pain", pain, 0, 10)):  # fmt: skip
        if value is not None and not low <= value <= high:
            raise ValueError(f"{label} must be a whole number from {low} to {high}, not {value}")
    if note is not None and (len(note) > MAX_NOTE or not note.isprintable()):
        raise ValueError(f"--note must be one line of at most {MAX_NOTE} printable characters")
    if isinstance(entry, Exercise):
        dose = entry.dose
        if sets is not None or reps is not None or hold is not None:
            changes = {"sets": sets, "reps": reps, "hold_seconds": hold}
            merged = {**dose.model_dump(), **{k: v for k, v in changes.items() if v is not None}}
            try:
                dose = type(dose).model_validate(merged)
            except ValidationError as error:
                reason = error.errors()[0]["msg"].removeprefix("Value error, ")
                raise ValueError(f"that dose is not possible: {reason}") from None
        items = [(entry, dose)]
    elif sets is not None or reps is not None or hold is not None:
        raise ValueError("--sets, --reps and --hold go with one exercise, not a routine")
    else:
        items = catalog.planned(entry)
    length = plan_session(entry.name, items).total_seconds
    return Session(
        kind="logged",
        slug=entry.slug,
        title=entry.name,
        started_at=when,
        ended_at=when + timedelta(seconds=length),
        finished=True,
        pain_after=pain,
        note=note or None,
        entries=tuple(Entry(e.slug, e.name, "done", *_amount(d)) for e, d in items),
    )


def parse_when(text: str | None, *, now: datetime) -> datetime:
    """`--date`: an ISO date (noon that day) or date and time, local unless an offset is
    given; never in the future."""
    if text is None:
        return now
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            moment = datetime.combine(datetime.fromisoformat(text).date(), time(12))
        else:
            moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"--date must be an ISO date such as 2026-01-31, not '{text}'") from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # the person's own time zone
    if moment > now:
        raise ValueError(f"--date {text} is in the future")
    return moment


def parse_since(text: str, *, now: datetime) -> datetime:
    """`--since`: '30d', '8w', '6m', '1y', or an ISO date (from its start, local time)."""
    match = re.fullmatch(r"(\d{1,5})([dwmy])", text.strip().lower())
    if match:
        return now - timedelta(days=int(match[1]) * PERIODS[match[2]])
    try:
        day = datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(
            f"--since takes a period such as 30d, 8w, 6m or 1y, or a date such as 2026-01-01, "
            f"not '{text}'"
        ) from None
    return datetime.combine(day, time(0)).astimezone()


def utc_now() -> datetime:
    return datetime.now(UTC)


def _amount(dose: Dose) -> tuple[int, str | None, int | None]:
    reps = dose.reps
    text = ",".join(map(str, reps)) if isinstance(reps, tuple) else (str(reps) if reps else None)
    return dose.sets, text, dose.hold_seconds
