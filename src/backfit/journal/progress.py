"""What the log says: sessions per week, the streak, the pain trend, and advice.

Pure functions over sessions read from the journal; dates are the person's local dates.
The advice applies the catalog's own pain rule and its easier/harder links.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import mean
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from backfit.catalog.models import Catalog, Exercise
    from backfit.journal.store import LoggedSession

RECENT = 3  # sessions of an exercise that advice looks at


@dataclass(frozen=True)
class Week:
    start: date  # the Monday
    sessions: int
    minutes: float
    pain_before: float | None  # averages over the week's sessions that recorded pain
    pain_after: float | None


@dataclass(frozen=True)
class Advice:
    exercise: str  # slug
    name: str
    suggestion: str | None  # slug of the easier or harder variant
    suggestion_name: str | None
    direction: str  # "harder" or "easier"
    reason: str


@dataclass(frozen=True)
class Report:
    """Everything `backfit progress` shows."""

    weeks: list[Week]
    streak: tuple[int, int]  # (current, longest)
    advice: list[Advice]


def report(path: Path, catalog: Catalog, *, weeks: int, now: datetime) -> Report:
    """The last `weeks` weeks of the log at `path`, with the streak and advice."""
    from backfit.journal import store

    today = now.astimezone().date()
    found = store.sessions(path, since=now - timedelta(weeks=weeks + 1))
    streak = streaks(store.start_times(path), today=today)
    return Report(weekly(found, weeks=weeks, today=today), streak, advise(found, catalog))


def local_day(session: LoggedSession) -> date:
    return session.started_at.astimezone().date()


def weekly(sessions: Sequence[LoggedSession], *, weeks: int, today: date) -> list[Week]:
    """The last `weeks` weeks (Monday to Sunday), oldest first, empty weeks included."""
    this_monday = today - timedelta(days=today.weekday())
    starts = [this_monday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    by_week: dict[date, list[LoggedSession]] = {start: [] for start in starts}
    for session in sessions:
        day = local_day(session)
        monday = day - timedelta(days=day.weekday())
        if monday in by_week:
            by_week[monday].append(session)
    return [
        Week(
            start,
            len(group),
            sum(s.minutes for s in group),
            _average(s.pain_before for s in group),
            _average(s.pain_after for s in group),
        )
        for start, group in by_week.items()
    ]


def streaks(starts: Sequence[datetime], *, today: date) -> tuple[int, int]:
    """(current, longest) runs of consecutive days with a session. The current run may
    end yesterday: today is not over yet."""
    days = sorted({start.astimezone().date() for start in starts})
    longest = run = 0
    previous: date | None = None
    for day in days:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    current = run if previous is not None and today - previous <= timedelta(days=1) else 0
    return current, longest


def advise(sessions: Sequence[LoggedSession], catalog: Catalog) -> list[Advice]:
    """For each exercise done recently: move on, go back, or (no advice) stay."""
    fine, stop = catalog.safety.pain_limits()
    history: dict[
        str, list[int | None]
    ] = {}  # slug -> pain after its recent sessions, newest first
    for session in sessions:  # newest first
        pain = session.pain_after if session.pain_after is not None else session.pain_before
        for entry in session.entries:
            if entry.status == "done" and len(history.setdefault(entry.exercise, [])) < RECENT:
                history[entry.exercise].append(pain)
    advice = []
    known_slugs = {e.slug for e in catalog.exercises}
    for slug, pains in history.items():
        if slug not in known_slugs:  # logged from another catalog
            continue
        exercise = catalog.exercise(slug)
        known = [p for p in pains if p is not None]
        if known and (known[0] >= stop or _rising(known, fine)):
            reason = (
                f"pain {known[0]}/10 after your last session"
                if known[0] >= stop
                else "pain rising over your last sessions: " + " → ".join(map(str, reversed(known)))
            )
            advice.append(_advice(exercise, "easier", reason, catalog))
        elif len(known) == RECENT and len(pains) == RECENT and max(known) <= fine:
            reason = f"your last {RECENT} sessions were done with pain ≤ {max(known)}/10"
            advice.append(_advice(exercise, "harder", reason, catalog))
    return advice


def _advice(exercise: Exercise, direction: str, reason: str, catalog: Catalog) -> Advice:
    variants = exercise.easier if direction == "easier" else exercise.harder
    slug = variants[0] if variants else None
    name = catalog.exercise(slug).name if slug else None
    return Advice(exercise.slug, exercise.name, slug, name, direction, reason)


def _rising(pains_newest_first: list[int], fine: int) -> bool:
    """Up by 2 or more over the recent sessions, and now past the comfortable band."""
    if len(pains_newest_first) < 2:
        return False
    newest, oldest = pains_newest_first[0], pains_newest_first[-1]
    return newest - oldest >= 2 and newest > fine


def _average(values: Iterable[int | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(mean(known), 1) if known else None
