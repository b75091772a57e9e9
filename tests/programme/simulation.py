"""A person following a programme day by day, and the invariants every day's decision must
keep. Shared by the property tests (hypothesis chooses) and benchmarks/plan_sim.py (a seeded
random number generator chooses), so both check the same rules.

Each day the person may first say how their back is this morning (the morning after a
session, symptoms spreading, rarely a red flag); then `decide` is asked with everything so
far; then, on a training day they do not miss, they do the session at the offered doses:
each exercise in full, partly or skipped, with pain before and after and sometimes the "it
hurts" key. The checks read only what the simulation itself did and what `decide` offered."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from time import perf_counter
from typing import Protocol

from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.catalog.models import Catalog, Dose, Exercise
from backfit.catalog.roles import Role
from backfit.journal.plans import CheckIn
from backfit.journal.store import ExerciseDone, LoggedSession
from backfit.programme.compose import can_do
from backfit.programme.day import Day, decide
from backfit.programme.settings import Settings
from backfit.programme.steps import RISE_AFTER, ladder
from backfit.session.pain import pain_zone

CATALOG = load_catalog(builtin_catalog_path())
Level = tuple[int, int]  # (how many harder forms on from the slot's exercise, rung)


class Chooser(Protocol):
    """Where the random choices come from."""

    def number(self, low: int, high: int) -> int: ...

    def chance(self, percent: float) -> bool: ...


class Story(Protocol):
    """How a person's back goes over the weeks, and when they are away."""

    def usual(self, n: int) -> int: ...  # their usual pain on day n of the plan (from 0)

    def away(self, n: int) -> bool: ...

    def spreads(self, n: int) -> bool: ...


@dataclass(frozen=True)
class Habits:
    """How often a person does what, in percent."""

    morning: float = 70  # says how the back is the morning after a session
    full: float = 75  # does an exercise in full (else partly, or skips it)
    partly: float = 15
    hurt: float = 2  # presses the "it hurts" key in a session
    red_flag: float = 0.1  # reports a red flag on a day
    rise: float = 3  # pain rises by 3 or more in a session


@dataclass
class Person:
    settings: Settings
    story: Story
    choose: Chooser
    habits: Habits = field(default_factory=Habits)
    catalog: Catalog = CATALOG
    sessions: list[LoggedSession] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    days: list[Day] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    check_determinism_every: int = 1  # days
    times: list[float] = field(default_factory=list)  # seconds per decision

    def live(self, days: int) -> None:
        """Follow the plan for `days` days from its start, checking every decision."""
        checker = Checker(self.settings, self.catalog)
        for n in range(days):
            today = self.settings.start + timedelta(days=n)
            self.check_in(n, today)
            began = perf_counter()
            try:
                decision = decide(
                    self.settings, self.catalog, self.sessions, self.checkins, today=today
                )
            except Exception as error:  # a fault, reported with the others; the person stops
                self.violations.append(f"{today} decide raised {error!r}")
                return
            self.times.append(perf_counter() - began)
            if n % self.check_determinism_every == 0:
                again = decide(
                    self.settings,
                    self.catalog,
                    tuple(self.sessions),
                    tuple(self.checkins),
                    today=today,
                )
                if again != decision:
                    self.violations.append(f"{today} (g) the same inputs gave another day")
            self.violations += checker.day(decision, self.sessions, self.checkins)
            self.days.append(decision)
            if decision.state == "training" and decision.exercises and not self.story.away(n):
                self.sessions.append(self.train(n, today, decision))

    def check_in(self, n: int, today: date) -> None:
        yesterday = self.sessions[-1] if self.sessions else None
        after = yesterday is not None and _day(yesterday) == today - timedelta(days=1)
        spreading = self.story.spreads(n)
        red_flag = self.choose.chance(self.habits.red_flag)
        morning, pain = None, None
        if after and self.choose.chance(self.habits.morning):
            usual = self.story.usual(n)
            before = yesterday.pain_before if yesterday and yesterday.pain_before else 0
            worse = usual > before + 2 or self.choose.chance(3)
            morning = "worse" if worse else ("better", "same")[self.choose.number(0, 1)]
            pain = usual if self.choose.chance(40) else None
        if morning or spreading or red_flag:
            self.checkins.append(
                CheckIn(today, morning=morning, pain=pain, spreading=spreading, red_flag=red_flag)
            )

    def train(self, n: int, today: date, decision: Day) -> LoggedSession:
        before = self.story.usual(n)
        done = [self.exercise_done(p.step.exercise, p.step.dose) for p in decision.exercises]
        pain_stop = pain_during = None
        if self.choose.chance(self.habits.hurt):
            pain_stop = self.choose.number(1, len(done))
            pain_during = self.choose.number(2, 9)
            hurt = done[pain_stop - 1]
            done[pain_stop - 1] = ExerciseDone(
                hurt.exercise, hurt.name, "stopped", sets=1, reps=1, sides=1
            )
        rise = self.choose.number(0, 2) - 1 + (3 if self.choose.chance(self.habits.rise) else 0)
        after = max(0, min(10, before + rise))
        started = datetime.combine(today, time(18)).astimezone()
        return LoggedSession(
            kind="logged",
            slug="plan",
            title="Today's session",
            started_at=started,
            ended_at=started + timedelta(minutes=20),
            finished=pain_stop is None,
            pain_before=before,
            pain_after=after,
            exercises=tuple(done),
            pain_stop=pain_stop,
            pain_during=pain_during,
        )

    def exercise_done(self, slug: str, dose: Dose) -> ExerciseDone:
        name = self.catalog.exercise(slug).name
        roll = self.choose.number(0, 99)
        if roll >= self.habits.full + self.habits.partly:
            return ExerciseDone(slug, name, "skipped")
        reps = dose.reps
        if roll < self.habits.full:
            if dose.per_side and reps is not None and self.choose.chance(50):
                each = [dose.reps_in_set(s) for s in range(1, dose.sets + 1)]
                both = tuple(r for count in each for r in (count, count))
                return ExerciseDone(slug, name, "done", dose.sets, both, dose.hold_seconds, 2)
            return ExerciseDone(slug, name, "done", dose.sets, reps, dose.hold_seconds, 1)
        sets = self.choose.number(1, dose.sets)
        fewer = max(1, dose.reps_in_set(sets) - 1)
        part = tuple(dose.reps_in_set(s) for s in range(1, sets))
        partial = (*part, fewer) if sets > 1 or isinstance(reps, tuple) else fewer
        if reps is None:
            partial = None
        return ExerciseDone(slug, name, "stopped", sets, partial, dose.hold_seconds, 1)


@dataclass(frozen=True)
class Event:
    """Something that caps a slot's level until a session within the rule: `slug` done in
    a session that broke the rule, or symptoms spreading (`slug` None: every slot)."""

    day: date
    slug: str | None
    session: bool


class Checker:
    """The invariants, day after day, from what was offered and what the person did."""

    def __init__(self, settings: Settings, catalog: Catalog) -> None:
        self.settings, self.catalog = settings, catalog
        self.forms = {slot.role: _forms(catalog.exercise(slot.exercise), catalog) for slot in
                      settings.slots}  # fmt: skip
        self.offered: dict[date, dict[Role, tuple[Level, Dose, str, str]]] = {}
        self.previous: Day | None = None

    def level(self, role: Role, slug: str, rung: int) -> Level:
        return self.forms[role].get(slug, 99), rung

    def day(
        self, decision: Day, sessions: Sequence[LoggedSession], checkins: Sequence[CheckIn]
    ) -> list[str]:
        today, found = decision.day, []
        flags = [c.day for c in checkins if c.red_flag and c.day <= today]
        if flags and (decision.state != "stopped" or decision.exercises):
            found.append(f"{today} (f) a session offered after the red flag of {flags[0]}")
        if decision.state != "training" and decision.exercises:
            found.append(f"{today} exercises offered on a {decision.state} day")
        now: dict[Role, tuple[Level, Dose, str, str]] = {}
        for planned in decision.steps:
            step, role = planned.step, planned.role
            exercise = self.catalog.exercise(step.exercise)
            rungs = ladder(exercise)
            where = f"{today} {role.value} {step.exercise} rung {step.rung}"
            if not can_do(exercise, self.settings) or exercise.role is not role:
                found.append(f"{where}: (d) not one the person can do for this role")
            if not 0 <= step.rung < len(rungs) or rungs[step.rung] != step.dose:
                found.append(f"{where}: (c) {_show(step.dose)} is not that rung of its ladder")
            if _beyond(step.dose, rungs[-1]):
                found.append(f"{where}: (c) {_show(step.dose)} beyond {_show(rungs[-1])}")
            now[role] = (self.level(role, step.exercise, step.rung), step.dose, step.exercise,
                         step.why.code)  # fmt: skip
        found += self.one_variable(today, now)
        found += self.no_rise_without_sessions(today, now, sessions)
        found += self.held_after_bad(today, now, sessions, checkins)
        self.offered[today] = now
        return found

    def one_variable(self, today: date, now: dict[Role, tuple[Level, Dose, str, str]]) -> list[str]:
        """(b) A step up on the same form is one rung, and changes one of sets, reps and
        hold. (Steps back may come two at once, for two reasons: each is a rung of the
        same ladder, whose neighbouring rungs differ in one variable.)"""
        before = self.offered.get(today - timedelta(days=1), {})
        found = []
        for role, (level, dose, slug, _why) in now.items():
            if role not in before or before[role][2] != slug or level <= before[role][0]:
                continue
            moved = changed(before[role][1], dose)
            if len(moved) > 1 or level[1] - before[role][0][1] > 1:
                found.append(
                    f"{today} {slug}: (b) {_show(before[role][1])} to {_show(dose)} "
                    f"changes {', '.join(moved)}"
                )
        return found

    def no_rise_without_sessions(
        self, today: date, now: dict[Role, tuple[Level, Dose, str, str]],
        sessions: Sequence[LoggedSession],
    ) -> list[str]:  # fmt: skip
        """(e) With no session since yesterday's decision, no level rises (days off never
        raise a dose); the end of an easier week is its own matter."""
        yesterday = today - timedelta(days=1)
        before = self.offered.get(yesterday)
        if before is None or any(_day(s) == yesterday for s in sessions):
            return []
        return [
            f"{today} {slug}: (e) up from {before[role][2]} {before[role][0]} to {level} "
            "with no session since"
            for role, (level, _, slug, _why) in now.items()
            if role in before and level > before[role][0] and before[role][3] != "easier-week"
        ]

    def held_after_bad(
        self, today: date, now: dict[Role, tuple[Level, Dose, str, str]],
        sessions: Sequence[LoggedSession], checkins: Sequence[CheckIn],
    ) -> list[str]:  # fmt: skip
        """(a) After a session that broke the pain rule for an exercise (a score in the stop
        band, the hurt key, a rise of RISE_AFTER, a worse next morning) or symptoms
        spreading, no level above the one offered then until a session within the rule."""
        mornings = {c.day: c for c in checkins if c.morning is not None or c.pain is not None}
        found = []
        for role, (level, _, slug, _why) in now.items():
            cap: tuple[Level, date] | None = None
            for when, kind, item in _timeline(sessions, checkins, today):
                offered = self.offered.get(when if kind == "session" else when - timedelta(1))
                if offered is None or role not in offered:
                    continue
                at = offered[role][0]
                if kind == "spreading":
                    cap = (min(cap[0], at), cap[1]) if cap else (at, when)
                    continue
                assert isinstance(item, LoggedSession)
                done_slug = offered[role][2]
                if not _did(item, done_slug):
                    continue
                if self.broke_rule(item, done_slug, mornings):
                    cap = (min(cap[0], at), cap[1]) if cap else (at, when)
                else:
                    cap = None
            if cap is not None and level > cap[0]:
                found.append(
                    f"{today} {slug}: (a) level {level} above {cap[0]}, held since {cap[1]}"
                )
        return found

    def broke_rule(
        self, session: LoggedSession, slug: str, mornings: dict[date, CheckIn]
    ) -> bool:  # fmt: skip
        scores = [p for p in (session.pain_before, session.pain_during, session.pain_after)
                  if p is not None]  # fmt: skip
        if any(pain_zone(self.catalog.safety, s) == "stop" for s in scores):
            return True
        if session.hurt is not None and session.hurt.exercise == slug:
            return True
        before, after = session.pain_before, session.pain_after
        if before is not None and after is not None and after - before >= RISE_AFTER:
            return True
        morning = mornings.get(_day(session) + timedelta(days=1))
        return morning is not None and (
            morning.morning == "worse"
            or morning.spreading
            or (morning.pain is not None and before is not None and morning.pain > before)
        )


def _timeline(
    sessions: Sequence[LoggedSession], checkins: Sequence[CheckIn], today: date
) -> list[tuple[date, str, LoggedSession | CheckIn]]:
    """Sessions before today and spreading reported up to today, in the order they
    happened (a check-in in the morning, before that day's session)."""
    items: list[tuple[date, int, str, LoggedSession | CheckIn]] = [
        (_day(s), 1, "session", s) for s in sessions if _day(s) < today
    ]
    items += [(c.day, 0, "spreading", c) for c in checkins if c.spreading and c.day <= today]
    return [(when, kind, item) for when, _, kind, item in sorted(items, key=lambda i: i[:2])]


def _forms(start: Exercise, catalog: Catalog) -> dict[str, int]:
    """The slot's exercise (0) and its harder forms for the same role, each with how many
    steps harder it is."""
    depth, queue = {start.slug: 0}, [start]
    while queue:
        exercise = queue.pop(0)
        for slug in exercise.harder:
            harder = next((e for e in catalog.exercises if e.slug == slug), None)
            if harder is not None and harder.role == start.role and slug not in depth:
                depth[slug] = depth[exercise.slug] + 1
                queue.append(harder)
    return depth


def _did(session: LoggedSession, slug: str) -> bool:
    hurt = session.hurt
    return any(d.partly_done for d in session.exercises if d.exercise == slug) or (
        hurt is not None and hurt.exercise == slug
    )


def changed(before: Dose, after: Dose) -> list[str]:
    return [
        name
        for name in ("sets", "reps", "hold_seconds")
        if getattr(before, name) != getattr(after, name)
    ]


def _beyond(dose: Dose, ceiling: Dose) -> bool:
    if dose.sets > ceiling.sets:
        return True
    if any(dose.reps_in_set(n) > ceiling.reps_in_set(n) for n in range(1, dose.sets + 1)):
        return True
    return (dose.hold_seconds or 0) > (ceiling.hold_seconds or 0)


def _show(dose: Dose) -> str:
    return f"{dose.sets}×{dose.reps}" + (f" {dose.hold_seconds}s" if dose.hold_seconds else "")


def _day(session: LoggedSession) -> date:
    return session.started_at.astimezone().date()
