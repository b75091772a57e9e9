"""What the log says: sessions per week, the streak, the pain trend, and advice.

Pure functions over sessions read from the journal; dates are the person's local dates.
The advice applies the catalog's own pain rule and its easier/harder links.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from statistics import mean
from typing import TYPE_CHECKING

from backfit.catalog.levels import Level
from backfit.journal import store
from backfit.session.pain import pain_zone
from backfit.session.plan import plan_for

if TYPE_CHECKING:
    from pathlib import Path

    from backfit.catalog.models import Catalog, Dose, Exercise, Increment
    from backfit.journal.store import ExerciseDone, LoggedSession

RECENT = 3  # sessions of an exercise, all in the comfortable band, before moving up
ADVICE_DAYS = 21  # how far back advice looks: a trend over two to three weeks
TREND_RISE = 2  # points of pain after sessions, up over that time: flagged whatever the band
RETURN_DAYS = 7  # days without a session after which advice says start again gently
ABANDONED_LOOK = 5  # of the last this many sessions,
ABANDONED_FLAG = 2  # this many abandoned is flagged
SEE_PROFESSIONAL_DAYS = 14  # pain in the stop band in this many days,
SEE_PROFESSIONAL_AT = 3  # in this many sessions, keeps happening: see a GP or physiotherapist


@dataclass(frozen=True)
class Week:
    start: date  # the Monday
    sessions: int
    minutes: float
    pain_before: float | None  # averages over the week's sessions that recorded pain
    pain_after: float | None


@dataclass(frozen=True)
class Advice:
    """One thing to do, and why, with the numbers behind it.

    `direction` says what to do: `start` (no session done yet: `suggestion` is a routine
    or exercise to begin with), `professional` (pain in the stop band keeps coming back:
    see a GP or physiotherapist), `return` (a long gap), `shorter` (sessions abandoned),
    `easier`, `stay`, `build` (the next step of the exercise's build-up) or `harder`.
    `exercise` is None for advice about training as a whole.
    """

    exercise: str | None  # slug
    name: str | None
    direction: str
    suggestion: str | None  # slug of a variant, or of a routine to start with
    suggestion_name: str | None
    reason: str
    add: Increment | None = None  # build: what each step of the build-up adds,
    every_days: int | None = None  # how often,
    dose: Dose | None = None  # and up to what; easier with no variant: the starting dose,
    # unless that is what was done (then None: do less, or rest it)


@dataclass(frozen=True)
class Report:
    """Everything `backfit progress` shows."""

    weeks: list[Week]
    streak: tuple[int, int]  # (current, longest)
    advice: list[Advice]


def report(path: Path, catalog: Catalog, *, weeks: int, now: datetime) -> Report:
    """The last `weeks` weeks of the log at `path`, with the streak and advice.
    Abandoned sessions count for none of them, except as a warning in the advice, and for
    their pain when they were stopped because it hurt."""
    today = now.astimezone().date()
    since = now - max(timedelta(weeks=weeks + 1), timedelta(days=ADVICE_DAYS + 1))
    found = store.sessions(path, since=since)
    starts = store.start_times(path)
    last = starts[-1].astimezone().date() if starts else None
    return Report(
        weekly(found, weeks=weeks, today=today),
        streaks(starts, today=today),
        advise(found, catalog, today=today, last_session=last),
    )


def local_day(session: LoggedSession) -> date:
    return session.started_at.astimezone().date()


def counts_for_pain(session: LoggedSession) -> bool:
    """Whether a session's pain scores count: every session done, and one stopped because
    it hurt however little was done (its pain is the reason it was stopped)."""
    return not session.abandoned or session.pain_stop is not None


def _pain_after(session: LoggedSession) -> int | None:
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
                _average(_pain_after(s) for s in scored),
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


@dataclass
class _Track:
    """What the window says about one exercise."""

    pains: list[tuple[date, int]] = field(default_factory=list)  # pain after, oldest first
    scores: list[tuple[int | None, int | None]] = field(default_factory=list)  # (before, after)
    sessions: int = 0  # not abandoned, done at least partly
    last: ExerciseDone | None = None  # what was done of it the last time
    stop: tuple[date, int | None] | None = None  # the last time it was stopped for pain


def advise(
    sessions: Sequence[LoggedSession], catalog: Catalog, *, today: date,
    last_session: date | None = None,
) -> list[Advice]:  # fmt: skip
    """What to do next, from `sessions` (newest first) and the day of the last session
    that was not abandoned: first about training as a whole, then one piece of advice at
    most per exercise. A move up never goes to an exercise flagged to ease off, and
    nothing moves up while training as a whole is flagged."""
    kept = [s for s in sessions if not s.abandoned]
    window = [s for s in sessions if (today - local_day(s)).days < ADVICE_DAYS]
    if last_session is None and not kept:  # nothing done yet
        overall = _not_started(sessions, catalog, today=today)
    else:
        last_session = last_session or max(local_day(s) for s in kept)
        overall = _overall(window, catalog, today=today, last_session=last_session)
    known = {e.slug for e in catalog.exercises}
    tracks = _tracks(window)
    verdicts = {
        slug: verdict
        for slug, track in tracks.items()
        if slug in known and (verdict := _verdict(track, catalog)) is not None
    }
    if overall:  # nothing moves up while training as a whole is flagged
        held = f", but {overall[0].reason}"
        verdicts |= {s: ("stay", r + held) for s, (d, r) in verdicts.items() if d == "harder"}
    if any(said == "easier" for said, _ in verdicts.values()):  # already said per exercise
        overall = [a for a in overall if a.direction != "easier"]
    advice = list(overall)
    for direction in ("easier", "stay", "harder"):
        for slug, (said, reason) in verdicts.items():
            if said == direction:
                exercise, last = catalog.exercise(slug), tracks[slug].last
                advice.append(_advice(exercise, direction, reason, verdicts, catalog, last))
    return advice


def _first_step(catalog: Catalog) -> Advice:
    """Nothing logged yet: the shortest routine made only of beginner exercises."""
    gentle = [
        r for r in catalog.routines
        if all(catalog.exercise(i.exercise).level == Level.BEGINNER for i in r.exercises)
    ]  # fmt: skip
    first = min(gentle, key=lambda r: plan_for(r, catalog).total_seconds, default=None)
    entry = first or next(
        (e for e in catalog.exercises if e.level == Level.BEGINNER), catalog.exercises[0]
    )
    return Advice(None, None, "start", entry.slug, entry.name, "nothing is logged yet")


def _not_started(
    sessions: Sequence[LoggedSession], catalog: Catalog, *, today: date
) -> list[Advice]:
    """No session done yet: where to begin, unless one was stopped because it hurt (the
    advice about that exercise comes first, and beginning is not what to do now)."""
    if any(s.pain_stop is not None for s in sessions):
        return _professional(sessions, catalog, today=today)
    first = _first_step(catalog)
    if sessions:  # only sessions left almost at once
        return [replace(first, reason="no session has got going yet")]
    return [first]


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


def _professional(
    sessions: Sequence[LoggedSession], catalog: Catalog, *, today: date
) -> list[Advice]:
    """See a GP or physiotherapist, when pain in the stop band keeps happening: the pain
    rule says so."""
    count = stop_band_sessions(sessions, catalog, today=today)
    if count < SEE_PROFESSIONAL_AT:
        return []
    _, stop = catalog.safety.pain_limits()
    reason = (
        f"your pain reached the stop band ({stop}/10 or more) in {count} sessions "
        f"in {SEE_PROFESSIONAL_DAYS} days"
    )
    return [Advice(None, None, "professional", None, None, reason)]


def _overall(
    window: Sequence[LoggedSession], catalog: Catalog, *, today: date, last_session: date
) -> list[Advice]:
    advice = _professional(window, catalog, today=today)
    gap = (today - last_session).days
    if gap >= RETURN_DAYS:
        first = _first_step(catalog)
        reason = f"your last session was {gap} days ago, on {_day(last_session)}"
        advice.append(Advice(None, None, "return", first.suggestion, first.suggestion_name, reason))
    latest = list(window[:ABANDONED_LOOK])
    abandoned = sum(s.abandoned for s in latest)
    if abandoned >= ABANDONED_FLAG:
        reason = f"{abandoned} of your last {len(latest)} sessions were abandoned"
        advice.append(Advice(None, None, "shorter", None, None, reason))
    pains = [(local_day(s), _pain_after(s)) for s in reversed(window) if counts_for_pain(s)]
    rise = _rise([(day, pain) for day, pain in pains if pain is not None])
    if rise:
        advice.append(Advice(None, None, "easier", None, None, f"pain after sessions {rise}"))
    return advice


def _tracks(window: Sequence[LoggedSession]) -> dict[str, _Track]:
    tracks: dict[str, _Track] = {}
    for session in reversed(window):  # oldest first
        day = local_day(session)
        if session.hurt is not None:
            tracks.setdefault(session.hurt.exercise, _Track()).stop = (day, session.pain_during)
        if not counts_for_pain(session):
            continue
        for done in session.exercises:
            if done.partly_done:
                track = tracks.setdefault(done.exercise, _Track())
                track.sessions += 1
                track.last = done
                after = _pain_after(session)
                if after is not None:
                    track.pains.append((day, after))
                if session.pain_before is not None or after is not None:
                    track.scores.append((session.pain_before, after))
    return tracks


def _verdict(track: _Track, catalog: Catalog) -> tuple[str, str] | None:
    """easier, stay or harder for one exercise, with the reason; None: nothing to say."""
    fine, stop = catalog.safety.pain_limits()
    if track.stop is not None:
        day, score = track.stop
        said = "no score given" if score is None else f"pain {score}/10"
        return "easier", f"you stopped it because it hurt on {_day(day)} ({said})"
    if not track.scores:
        return None
    before, after = track.scores[-1]
    if after is not None and after >= stop:
        return "easier", f"pain {after}/10 after your last session; {stop} or more means stop"
    if before is not None and before >= stop:
        return "easier", f"pain {before}/10 before your last session; {stop} or more means stop"
    if rise := _rise(track.pains):
        return "easier", f"pain after it {rise}"
    if after is not None and after > fine:
        return "stay", f"pain {after}/10 after your last session, above {fine}/10"
    if before is not None and before > fine:
        return "stay", f"pain {before}/10 before your last session, above {fine}/10"
    recent = track.scores[-RECENT:]
    worst = max(score for pair in recent for score in pair if score is not None)
    last_few = f"one of your last {len(recent)} sessions"
    for when, scores in (("after", [a for _, a in recent]), ("before", [b for b, _ in recent])):
        high = max((score for score in scores if score is not None), default=0)
        if high > fine:
            return "stay", f"pain reached {high}/10 {when} {last_few}"
    if len(recent) == RECENT:
        if worst == 0:
            return "harder", f"your last {RECENT} sessions were done with no pain"
        return "harder", f"your last {RECENT} sessions were done with pain of {worst}/10 at most"
    return None


def _rise(pains: Sequence[tuple[date, int]]) -> str | None:
    """'rose from 1.7 to 5 in 18 days (1, 2, 2, 3, 5, 5, 5)' when the latest values are
    TREND_RISE or more above the earliest in the window, whatever band they are in."""
    if len(pains) < 2:
        return None
    scores = [pain for _, pain in pains]
    k = min(3, len(scores) // 2)
    first, last = mean(scores[:k]), mean(scores[-k:])
    if last - first < TREND_RISE:
        return None
    days = (pains[-1][0] - pains[0][0]).days
    listed = ", ".join(map(str, scores))
    return f"rose from {first:.2g} to {last:.2g} in {days} days ({listed})"


def _advice(
    exercise: Exercise, direction: str, reason: str, verdicts: dict[str, tuple[str, str]],
    catalog: Catalog, last: ExerciseDone | None,
) -> Advice:  # fmt: skip
    """Say where to go: moving up, the next step of the exercise's build-up while below its
    ceiling, else the harder variant; easing off, the easier variant, else the build-up's
    starting dose. Never a variant that is itself flagged to ease off (or, moving up, to
    stay); with none left, moving up becomes staying."""
    same = Advice(exercise.slug, exercise.name, direction, None, None, reason)
    build = exercise.build_up
    if direction == "stay":
        return same
    if direction == "harder" and build is not None:
        ceiling = build.ceiling.apply(exercise.dose)
        if _below(last, ceiling):
            return replace(same, direction="build", add=build.add,
                           every_days=build.every_days, dose=ceiling)  # fmt: skip
    blocked = {"easier"} if direction == "easier" else {"easier", "stay"}
    variants = exercise.easier if direction == "easier" else exercise.harder
    known = {e.slug for e in catalog.exercises}
    usable = [s for s in variants if s in known and verdicts.get(s, ("", ""))[0] not in blocked]
    if usable:
        return replace(same, suggestion=usable[0], suggestion_name=catalog.exercise(usable[0]).name)
    if direction == "harder" and variants:
        flagged = catalog.exercise(variants[0]).name
        return replace(
            same, direction="stay", reason=f"{reason}, but {flagged}, the next step, is flagged"
        )
    if direction == "easier" and build is not None:
        start = build.start.apply(exercise.dose)
        if not _no_more_than(last, start):  # else already at the start: do less, or rest
            return replace(same, dose=start)
    return same


def _no_more_than(last: ExerciseDone | None, dose: Dose) -> bool:
    """Whether what was done last time was no more than `dose` (unknown: it was not)."""
    if last is None or last.sets is None:
        return False
    done, planned = _amounts(last), _planned(dose)
    return all(d <= p for d, p in zip(done, planned, strict=True))


def _below(last: ExerciseDone | None, ceiling: Dose) -> bool:
    """Whether what was done last time is short of the build-up's ceiling (or unknown)."""
    if last is None or last.sets is None:
        return True
    done, planned = _amounts(last), _planned(ceiling)
    return any(d < p for d, p in zip(done, planned, strict=True))


def _amounts(last: ExerciseDone) -> tuple[int, int, float]:
    """Sets, the most reps in a set, and the hold, of what was done."""
    reps = max(last.reps) if isinstance(last.reps, tuple) else (last.reps or 1)
    return last.sets or 0, reps, last.hold_seconds or 0


def _planned(dose: Dose) -> tuple[int, int, float]:
    """Sets, the most reps in a set, and the hold, of a dose."""
    most = max(dose.reps_in_set(n) for n in range(1, dose.sets + 1))
    return dose.sets, most, dose.hold_seconds or 0


def _day(day: date) -> str:
    return f"{day.day} {day:%b}"


def _average(values: Iterable[int | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(mean(known), 1) if known else None
