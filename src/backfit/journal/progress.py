"""What the log says: sessions per week, the streak, the pain trend, and how often pain
reached the stop band. Pure functions over sessions read from the journal; dates are the
person's local dates. The advice built on them is the programme's (`programme/advice.py`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from backfit.journal import store
from backfit.session.pain import pain_zone

if TYPE_CHECKING:
    from pathlib import Path

    from backfit.catalog.models import Catalog
    from backfit.journal.store import LoggedSession

SEE_PROFESSIONAL_DAYS = 14  # pain in the stop band in this many days,
SEE_PROFESSIONAL_AT = 3  # in this many sessions, keeps happening: see a GP or physiotherapist


class Week(NamedTuple):
    start: date  # the Monday
    sessions: int
    minutes: float
    pain_before: float | None  # averages over the week's sessions that recorded pain
    pain_after: float | None
    hurt: int = 0  # sessions left almost at once because it hurt: not training, but said


def local_day(session: LoggedSession) -> date:
    return session.started_at.astimezone().date()


def counts_for_pain(session: LoggedSession) -> bool:
    """Whether a session's pain scores count: every session done, one stopped because it
    hurt however little was done (its pain is the reason it was stopped), and one left
    almost at once with a pain score given afterwards: every report of pain is heard."""
    return not session.abandoned or session.pain_stop is not None or session.pain_after is not None


def pain_ended(session: LoggedSession) -> int | None:
    """The pain a session ended with: for one stopped because it hurt, the pain then."""
    return session.pain_during if session.pain_after is None else session.pain_after


def weekly(sessions: Sequence[LoggedSession], *, weeks: int, today: date) -> list[Week]:
    """The last `weeks` weeks (Monday to Sunday), oldest first, empty weeks included: the
    sessions done, and the pain of those whose pain counts."""
    this_monday = today - timedelta(days=today.weekday())
    starts = [this_monday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    by_week: dict[date, list[LoggedSession]] = {start: [] for start in starts}
    for session in sessions:
        day = local_day(session)
        monday = day - timedelta(days=day.weekday())
        if monday in by_week:
            by_week[monday].append(session)
    weeks_found = []
    for start, group in by_week.items():
        done = [s for s in group if not s.abandoned]
        scored = [s for s in group if counts_for_pain(s)]
        weeks_found.append(
            Week(
                start,
                len(done),
                sum(s.minutes for s in done),
                _average(s.pain_before for s in scored),
                _average(pain_ended(s) for s in scored),
                sum(s.abandoned and s.pain_stop is not None for s in group),
            )
        )
    return weeks_found


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


def stop_band_sessions(sessions: Iterable[LoggedSession], catalog: Catalog, *, today: date) -> int:
    """How many of `sessions` in the last SEE_PROFESSIONAL_DAYS days had pain, before,
    during or after, in the pain rule's stop band."""
    safety = catalog.safety
    return sum(
        (today - local_day(s)).days < SEE_PROFESSIONAL_DAYS
        and any(
            score is not None and pain_zone(safety, score) == "stop"
            for score in (s.pain_before, s.pain_during, s.pain_after)
        )
        for s in sessions
    )


def recent_stop_band_sessions(path: Path, catalog: Catalog, *, now: datetime) -> int:
    """`stop_band_sessions` of the log at `path`, up to `now`."""
    found = store.sessions(path, since=now - timedelta(days=SEE_PROFESSIONAL_DAYS + 1))
    return stop_band_sessions(found, catalog, today=now.astimezone().date())


def _average(values: Iterable[int | None]) -> float | None:
    from statistics import mean  # here: today's start-up has no need of it

    known = [v for v in values if v is not None]
    return round(mean(known), 1) if known else None
