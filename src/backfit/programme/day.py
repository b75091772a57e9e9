"""What to do on a day of a programme: a pure decision from the plan's settings, the log,
the check-ins and the date, worked out again each time and never stored."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from backfit.catalog.roles import Role
from backfit.journal.progress import counts_for_pain
from backfit.programme.choices import Mode
from backfit.programme.compose import can_do
from backfit.programme.settings import Settings
from backfit.programme.steps import Rules, Step, Why, climb
from backfit.session.pain import pain_zone

if TYPE_CHECKING:
    from backfit.catalog.models import Catalog
    from backfit.journal.plans import CheckIn
    from backfit.journal.store import LoggedSession

EASIER_WEEK_WITHIN = 14  # backfit's own: two steps back within this many days, an easier week
EASIER_WEEK_DAYS = 7
WALK_FIRST, WALK_GOAL, WALK_STEP = 5, 30, 3  # minutes; WalkBack built to about 30 (5 days a week)
NO_CHANGE_WEEKS, MEANINGFUL = 4, 2  # activity ratings not up 2 points (PSFS) in 4 weeks
PLAN_SESSION = "today"  # the slug a session of the plan is logged under (start or log today)


class Planned(NamedTuple):
    """One exercise of the day's session, at the day's dose and why."""

    role: Role
    step: Step


class Day(NamedTuple):
    """`state`: `before` (the plan has not begun), `training`, `rest` (also a training day
    whose session was done ahead: `done_on`), `hurt` (a session today stopped because it
    hurt, or had pain in the stop band: no more today), `paused`, `after` (it is over), or
    `stopped` (a red flag was reported: no session is offered)."""

    day: date
    week: int
    state: str
    exercises: tuple[Planned, ...] = ()
    missing: tuple[str, ...] = ()  # slugs the catalog no longer has: left out, and said
    walking_minutes: int = 0
    lesson: int = 0  # the day of the plan, from 1, for the day's lesson
    advice: tuple[Why, ...] = ()  # about the plan as a whole
    ask_morning: bool = False  # yesterday had a session and nobody has said how today is
    done: bool = False  # a session of the plan is logged on this day
    steps: tuple[Planned, ...] = ()  # every slot's step, on a rest day too
    done_on: date | None = None  # a training day's session done: the day (this one, or before)


def decide(
    settings: Settings,
    catalog: Catalog,
    sessions: Sequence[LoggedSession],
    checkins: Sequence[CheckIn],
    *,
    today: date,
    pauses: Sequence[tuple[date, date | None]] = (),
) -> Day:
    """The day's session (or rest), walking goal, lesson and advice. `sessions` are oldest
    first; only those from the plan's start and before `today` move a dose."""
    week = max(1, min(settings.weeks, settings.week_of(today)))
    sessions = [s for s in sessions if _day(s) >= settings.start]
    checkins = [c for c in checkins if settings.start <= c.day <= today]
    on_day = [s for s in sessions if _day(s) == today and not s.abandoned]
    if any(c.red_flag for c in checkins):
        return Day(today, week, "stopped", advice=(Why("red-flag", _first_flag(checkins)),))
    if today < settings.start:
        return Day(today, 1, "before", lesson=0)
    if today > settings.end:
        return Day(today, settings.weeks, "after", lesson=(today - settings.start).days + 1)
    known = {e.slug for e in catalog.exercises}
    missing = tuple(s.exercise for s in settings.slots if s.exercise not in known)
    rules = _rules(settings, catalog)
    steps = _steps(settings, catalog, sessions, checkins, today, rules, ())
    windows = easier_weeks([day for p in steps for day in p.step.backs])
    if windows:
        steps = _steps(settings, catalog, sessions, checkins, today, rules, windows)
    advice = []
    if any(first <= today <= first + timedelta(days=EASIER_WEEK_WITHIN) for first, _ in windows):
        advice.append(Why("professional", windows[-1][0]))
    if missing:
        advice.append(Why("missing"))
    if _no_improvement(settings, checkins, today):
        advice.append(Why("no-improvement", left=NO_CHANGE_WEEKS))
    state = "training" if settings.training_day(today) else "rest"
    done_on = sessions_done(settings, sessions).get(today)
    if state == "training" and done_on is not None and done_on < today:
        state = "rest"  # its session was done ahead: the plan has moved on
    if any(_hurt(s, catalog) for s in sessions if _day(s) == today):
        state = "hurt"  # stopped because it hurt, or pain in the stop band: no more today
    if any(first <= today and (last is None or today <= last) for first, last in pauses):
        state = "paused"
    yesterday = today - timedelta(days=1)
    return Day(
        today,
        week,
        state,
        exercises=tuple(steps) if state == "training" else (),
        missing=missing,
        walking_minutes=walking_goal(settings, steps, today),
        lesson=(today - settings.start).days + 1,
        advice=tuple(advice),
        ask_morning=any(_day(s) == yesterday and counts_for_pain(s) for s in sessions)
        and not any(c.day == today and (c.morning or c.pain is not None) for c in checkins),
        done=bool(on_day),
        steps=tuple(steps),
        done_on=done_on,
    )


def sessions_done(settings: Settings, sessions: Sequence[LoggedSession]) -> dict[date, date]:
    """Each planned day whose session is done, and the day it was done on. Any session on a
    planned day is that day's. A session of the plan on a rest day, or on a planned day
    whose own was already done ahead, is the next planned day's not yet done: `today` offers
    it there as the next session, so that day is done (ahead), never missed. Other sessions
    on a rest day (a gentle stretch) are not the plan's."""
    planned = settings.planned_days()
    of_plan = {_day(s) for s in sessions if not s.abandoned and s.slug == PLAN_SESSION}
    trained = {_day(s) for s in sessions if not s.abandoned}
    done: dict[date, date] = {}
    for day in sorted(d for d in trained if settings.start <= d <= settings.end):
        if settings.training_day(day) and day not in done:
            done[day] = day
        elif day in of_plan:
            ahead = next((d for d in planned if d > day and d not in done), None)
            if ahead is not None:
                done[ahead] = day
    return done


def next_session_day(
    settings: Settings, sessions: Sequence[LoggedSession], after: date
) -> date | None:
    """The planned day of the next session after `after` (one done ahead is passed over);
    None when the plan has no more."""
    done = sessions_done(settings, sessions)
    return next((d for d in settings.planned_days() if d > after and d not in done), None)


def _steps(
    settings: Settings, catalog: Catalog, sessions: Sequence[LoggedSession],
    checkins: Sequence[CheckIn], today: date, rules: Rules,
    windows: Sequence[tuple[date, date]],
) -> list[Planned]:  # fmt: skip
    known = {e.slug: e for e in catalog.exercises}
    sessions = [s for s in sessions if _day(s) < today]  # today's own does not move today's
    return [
        Planned(
            slot.role,
            climb(
                known[slot.exercise],
                sessions,
                catalog,
                today=today,
                rules=rules,
                checkins=checkins,
                easier_weeks=windows,
            ),
        )
        for slot in settings.slots
        if slot.exercise in known
    ]


def _rules(settings: Settings, catalog: Catalog) -> Rules:
    """What the person can do (a form kept for low pain is judged by each session's pain,
    as the ladder is climbed, never by today's score for the whole history)."""
    can = frozenset(e.slug for e in catalog.exercises if can_do(e, settings))
    return Rules(quota=settings.mode is Mode.QUOTA, per_week=len(settings.days), can_do=can)


def easier_weeks(backs: Sequence[date]) -> list[tuple[date, date]]:
    """A week made easier from each second step back within EASIER_WEEK_WITHIN days."""
    days = sorted(set(backs))
    windows: list[tuple[date, date]] = []
    for earlier, later in pairwise(days):
        if (later - earlier).days <= EASIER_WEEK_WITHIN and not (
            windows and windows[-1][0] <= later <= windows[-1][1]
        ):
            windows.append((later, later + timedelta(days=EASIER_WEEK_DAYS - 1)))
    return windows


def walking_goal(settings: Settings, steps: Sequence[Planned], today: date) -> int:
    """Minutes of walking a day: from today's, a few minutes more for each week gone by
    without a step back, up to about 30 (WalkBack)."""
    backs = {day for p in steps for day in p.step.backs}
    weeks_gone = (today - settings.start).days // 7
    good = sum(
        not any(
            settings.start + timedelta(weeks=w) <= day < settings.start + timedelta(weeks=w + 1)
            for day in backs
        )
        for w in range(weeks_gone)
    )
    first = min(max(settings.walking, WALK_FIRST), WALK_GOAL)
    return max(settings.walking, min(WALK_GOAL, first + WALK_STEP * good))


def _no_improvement(settings: Settings, checkins: Sequence[CheckIn], today: date) -> bool:
    """NHS: see a GP if it is not improving after a few weeks. backfit's own reading of it:
    the activities rated both at the start and at the latest weekly check-in are, on
    average, less than 2 points better (the PSFS's smallest change that counts)."""
    if not settings.activities or (today - settings.start).days < NO_CHANGE_WEEKS * 7:
        return False
    rated = [c for c in checkins if c.activities]
    if not rated:
        return False
    before = {a.name.casefold(): a.score for a in settings.activities}
    now = {name.casefold(): score for name, score in rated[-1].activities}
    both = [name for name in now if name in before]  # only what was rated both times
    if not both:
        return False
    change = sum(now[name] - before[name] for name in both) / len(both)
    return change < MEANINGFUL


def _hurt(session: LoggedSession, catalog: Catalog) -> bool:
    """Stopped because it hurt, or pain in the stop band before, during or after."""
    scores = (session.pain_before, session.pain_during, session.pain_after)
    stop = any(s is not None and pain_zone(catalog.safety, s) == "stop" for s in scores)
    return session.pain_stop is not None or stop


def _first_flag(checkins: Sequence[CheckIn]) -> date:
    return next(c.day for c in checkins if c.red_flag)


def _day(session: LoggedSession) -> date:
    return session.started_at.astimezone().date()
