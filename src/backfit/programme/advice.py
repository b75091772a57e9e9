"""What `progress` advises, from the log: about training as a whole (see someone, start
again gently, shorter sessions, pain rising over weeks), then for each exercise done
lately, where the programme's engine puts it (`steps.climb`), so that `progress`,
`start` and `today` never disagree about the next dose."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from statistics import mean
from typing import TYPE_CHECKING, NamedTuple

from backfit.catalog.levels import Level
from backfit.journal import plans, store
from backfit.journal.progress import (
    SEE_PROFESSIONAL_AT,
    SEE_PROFESSIONAL_DAYS,
    Week,
    counts_for_pain,
    local_day,
    pain_ended,
    stop_band_sessions,
    streaks,
    weekly,
)
from backfit.programme.settings import Settings
from backfit.programme.steps import BACK, TOP_DAYS, Rules, Step, Why, climb, harder_form, ladder
from backfit.session.plan import plan_for

if TYPE_CHECKING:
    from pathlib import Path

    from backfit.catalog.models import Catalog, Dose, Exercise
    from backfit.journal.plans import CheckIn
    from backfit.journal.store import LoggedSession

ADVICE_DAYS = 21  # which exercises advice is about: those done in the last three weeks
STEP_DAYS = 90  # how far back the log is replayed for where each exercise stands
TREND_RISE = 2  # points of pain after sessions, up over ADVICE_DAYS: flagged whatever the band
RETURN_DAYS = 7  # days without a session after which advice says start again gently
ABANDONED_LOOK = 5  # of the last this many sessions,
ABANDONED_FLAG = 2  # this many abandoned is flagged


class Reason(NamedTuple):
    """Why, about training as a whole, as values (`views.words.log` words it): `code` is
    `nothing-logged`, `not-going`, `stop-band` (`sessions` in `days` days at `stop` or
    more), `gap` (`days` since `day`), `abandoned` (`sessions` of the last `of`) or
    `pain-rise` (from `first` to `last` in `days` days, `scores` in order); and, as what
    holds a move up back, `harder-stepped-back`."""

    code: str
    sessions: int = 0
    days: int = 0
    of: int = 0
    stop: int = 0
    day: date | None = None
    first: float = 0
    last: float = 0
    scores: tuple[int, ...] = ()


@dataclass(frozen=True)
class Advice:
    """One thing to do, and why.

    `direction`: `start` (nothing done yet: `suggestion` is where to begin), `professional`
    (pain in the stop band keeps coming back), `return` (a long gap), `shorter` (sessions
    abandoned), `easier` (a step back: to `dose`, or to the easier form `suggestion`, or,
    at the start already, less or rest), `stay` (at `dose`), `build` (one step up, to
    `dose`) or `harder` (the next harder form, `suggestion`, at its start `dose`).
    `why` is the engine's reason for an exercise; `reason` the reason about training as
    a whole; `but`, what holds a move up back."""

    exercise: str | None  # slug
    name: str | None
    direction: str
    suggestion: str | None = None  # slug of a variant, or of a routine to start with
    suggestion_name: str | None = None
    reason: Reason | None = None
    why: Why | None = None
    dose: Dose | None = None
    top: bool = False  # `stay` at the top of the build-up
    but: Reason | None = None


@dataclass(frozen=True)
class Report:
    """Everything `backfit progress` shows."""

    weeks: list[Week]
    streak: tuple[int, int]  # (current, longest)
    advice: list[Advice]
    activities: list[tuple[date, float]] = field(default_factory=list)  # PSFS averages


def report(path: Path, catalog: Catalog, *, weeks: int, now: datetime) -> Report:
    """The last `weeks` weeks of the log at `path`, with the streak and advice."""
    today = now.astimezone().date()
    since = now - max(timedelta(weeks=weeks + 1), timedelta(days=STEP_DAYS))
    found = store.sessions(path, since=since)
    said = plans.checkins(path, since=since.astimezone().date())
    starts = store.start_times(path)
    last = starts[-1].astimezone().date() if starts else None
    stored = plans.current_programme(path)
    plan = None if stored is None else Settings.model_validate_json(stored.settings)
    return Report(
        weekly(found, weeks=weeks, today=today),
        streaks(starts, today=today),
        advise(found, catalog, today=today, last_session=last, checkins=said, plan=plan),
        activity_trend(path),
    )


def activity_trend(path: Path) -> list[tuple[date, float]]:
    """The everyday activities' average rating (0-10, the PSFS): when the active plan began,
    then at each check-in that rated them."""
    stored = plans.current_programme(path)
    if stored is None:
        return []
    settings = Settings.model_validate_json(stored.settings)
    trend = []
    if settings.activities:
        scores = [a.score for a in settings.activities]
        trend.append((settings.start, sum(scores) / len(scores)))
    for checkin in plans.checkins(path, since=settings.start):
        if checkin.activities:
            scores = [score for _, score in checkin.activities]
            trend.append((checkin.day, sum(scores) / len(scores)))
    return trend


def advise(
    sessions: Sequence[LoggedSession], catalog: Catalog, *, today: date,
    last_session: date | None = None, checkins: Sequence[CheckIn] = (),
    plan: Settings | None = None,
) -> list[Advice]:  # fmt: skip
    """What to do next, from `sessions` (newest first): about training as a whole, then
    one piece of advice for each exercise done in the last ADVICE_DAYS days. Nothing
    moves up while training as a whole is flagged, nor to a form itself stepped back."""
    kept = [s for s in sessions if not s.abandoned]
    window = [s for s in sessions if (today - local_day(s)).days < ADVICE_DAYS]
    if last_session is None and not kept:
        overall = _not_started(sessions, catalog, today=today)
    else:
        last_session = last_session or max(local_day(s) for s in kept)
        overall = _overall(window, catalog, today=today, last_session=last_session)
    oldest_first = list(reversed(sessions))
    planned = _planned_steps(plan, catalog, oldest_first, checkins, today)
    each = [
        _from_step(catalog.exercise(slug), planned[slug], catalog, in_plan=True)
        if slug in planned
        else _for_exercise(catalog.exercise(slug), oldest_first, catalog, today, checkins)
        for slug in _recent(window, catalog)
    ]
    stepped_back = {a.exercise for a in each if a.direction == "easier"}
    each = [  # never back to an easier form that itself hurt lately: less of it, or rest
        replace(a, suggestion=None, suggestion_name=None)
        if a.direction == "easier" and a.suggestion in stepped_back
        else a
        for a in each
    ]
    if overall:  # nothing moves up while training as a whole is flagged
        but = overall[0].reason
        each = [_held(a, but) if a.direction in ("build", "harder") else a for a in each]
    each = [
        _held(a, None) if a.direction == "harder" and a.suggestion in stepped_back else a
        for a in each
    ]
    if any(a.direction == "easier" and a.why and a.why.code != "gap" for a in each):
        overall = [a for a in overall if a.direction != "easier"]  # already said for it
    order = ("easier", "stay", "build", "harder")
    return [*overall, *sorted(each, key=lambda a: order.index(a.direction))]


def _recent(window: Sequence[LoggedSession], catalog: Catalog) -> list[str]:
    """The exercises done (or stopped because they hurt) lately, most recent first."""
    known = {e.slug for e in catalog.exercises}
    found: dict[str, None] = {}
    for session in window:
        if session.hurt is not None:
            found.setdefault(session.hurt.exercise)
        if counts_for_pain(session):
            for done in session.exercises:
                if done.partly_done or done.status == "stopped":
                    found.setdefault(done.exercise)
    return [slug for slug in found if slug in known]


def _planned_steps(
    plan: Settings | None, catalog: Catalog, sessions: Sequence[LoggedSession],
    checkins: Sequence[CheckIn], today: date,
) -> dict[str, Step]:  # fmt: skip
    """With a plan, its exercises where `today` puts them, so that `progress` says what
    `today` does; without one, nothing. Once a session is logged today (or one hurt), the
    advice is about the next session, as `today` on its day gives it: today's own steps
    leave today's session out, a step back for its pain included."""
    if plan is None:
        return {}
    from backfit.programme.day import decide, next_session_day

    day = decide(plan, catalog, sessions, checkins, today=today)
    upcoming = next_session_day(plan, sessions, today)
    if (day.done or day.state == "hurt") and upcoming is not None:
        day = decide(plan, catalog, sessions, checkins, today=upcoming)
    return {p.step.exercise: p.step for p in day.steps}


def _from_step(
    exercise: Exercise, step: Step, catalog: Catalog, *, in_plan: bool = False
) -> Advice:
    same = Advice(exercise.slug, exercise.name, "stay", why=step.why, dose=step.dose)
    code = step.why.code
    if code in BACK:
        return _easier(exercise, step, same, catalog, in_plan=in_plan)
    if code == "up":
        return replace(same, direction="build")
    return replace(same, top=code == "top")


def _for_exercise(
    exercise: Exercise, sessions: Sequence[LoggedSession], catalog: Catalog, today: date,
    checkins: Sequence[CheckIn],
) -> Advice:  # fmt: skip
    """Where the engine puts `exercise` today, as advice. Outside a plan, a harder form
    may be of another kind (pelvic tilt to glute bridge), and the log can show a person
    already doing more than the build-up's start."""
    rules = Rules(follow_log=True, same_role=False, move_on=False)
    step = climb(exercise, sessions, catalog, today=today, rules=rules, checkins=checkins)
    same = Advice(exercise.slug, exercise.name, "stay", why=step.why, dose=step.dose)
    code = step.why.code
    at_top_since = step.why.day if code == "top" else None
    harder = harder_form(exercise, catalog, rules._replace(move_on=True))
    if harder is not None and at_top_since is not None and (today - at_top_since).days >= TOP_DAYS:
        start = ladder(harder)[0]
        return replace(same, direction="harder", suggestion=harder.slug,
                       suggestion_name=harder.name, dose=start)  # fmt: skip
    return _from_step(exercise, step, catalog)


def _easier(
    exercise: Exercise, step: Step, same: Advice, catalog: Catalog, *, in_plan: bool = False
) -> Advice:
    """A step back: to the rung below, or at the start already, the easier form (if any),
    else less of it or rest. A plan's next session keeps its exercise at its start (gently,
    or rest it, `today` says), so in a plan no other form is offered."""
    if step.rung > 0 or step.why.code == "gap":
        return replace(same, direction="easier")
    if in_plan:
        return replace(same, direction="easier", dose=None)
    known = {e.slug for e in catalog.exercises}
    easier = next((slug for slug in exercise.easier if slug in known), None)
    if easier is not None:
        return replace(same, direction="easier", suggestion=easier,
                       suggestion_name=catalog.exercise(easier).name, dose=None)  # fmt: skip
    return replace(same, direction="easier", dose=None)


HELD_BY_HARDER = Reason("harder-stepped-back")  # a harder form was stepped back lately


def _held(advice: Advice, but: Reason | None) -> Advice:
    """A move up held back: by training as a whole (`but`), or a harder form that hurt."""
    return replace(advice, direction="stay", suggestion=None, suggestion_name=None,
                   but=but or HELD_BY_HARDER)  # fmt: skip


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
    return Advice(None, None, "start", entry.slug, entry.name, Reason("nothing-logged"))


def _not_started(
    sessions: Sequence[LoggedSession], catalog: Catalog, *, today: date
) -> list[Advice]:
    """No session done yet: where to begin, unless one was stopped because it hurt."""
    if any(s.pain_stop is not None for s in sessions):
        return _professional(sessions, catalog, today=today)
    first = _first_step(catalog)
    if sessions:  # only sessions left almost at once
        return [replace(first, reason=Reason("not-going"))]
    return [first]


def _professional(
    sessions: Sequence[LoggedSession], catalog: Catalog, *, today: date
) -> list[Advice]:
    """See a GP or physiotherapist, when pain in the stop band keeps happening."""
    count = stop_band_sessions(sessions, catalog, today=today)
    if count < SEE_PROFESSIONAL_AT:
        return []
    _, stop = catalog.safety.pain_limits()
    reason = Reason("stop-band", sessions=count, days=SEE_PROFESSIONAL_DAYS, stop=stop)
    return [Advice(None, None, "professional", reason=reason)]


def _overall(
    window: Sequence[LoggedSession], catalog: Catalog, *, today: date, last_session: date
) -> list[Advice]:
    advice = _professional(window, catalog, today=today)
    gap = (today - last_session).days
    if gap >= RETURN_DAYS:
        first = _first_step(catalog)
        reason = Reason("gap", days=gap, day=last_session)
        advice.append(Advice(None, None, "return", first.suggestion, first.suggestion_name,
                             reason))  # fmt: skip
    latest = list(window[:ABANDONED_LOOK])
    abandoned = sum(s.abandoned for s in latest)
    if abandoned >= ABANDONED_FLAG:
        reason = Reason("abandoned", sessions=abandoned, of=len(latest))
        advice.append(Advice(None, None, "shorter", reason=reason))
    pains = [(local_day(s), pain_ended(s)) for s in reversed(window) if counts_for_pain(s)]
    rise = _rise([(day, pain) for day, pain in pains if pain is not None])
    if rise:
        advice.append(Advice(None, None, "easier", reason=rise))
    return advice


def _rise(pains: Sequence[tuple[date, int]]) -> Reason | None:
    """Pain after sessions rising ('from 1.7 to 5 in 18 days: 1, 2, 2, 3, 5, 5, 5') when
    the latest values are TREND_RISE or more above the earliest in the window, whatever
    band they are in."""
    if len(pains) < 2:
        return None
    scores = [pain for _, pain in pains]
    k = min(3, len(scores) // 2)
    first, last = mean(scores[:k]), mean(scores[-k:])
    if last - first < TREND_RISE:
        return None
    days = (pains[-1][0] - pains[0][0]).days
    return Reason("pain-rise", days=days, first=first, last=last, scores=tuple(scores))
