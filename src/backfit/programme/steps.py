"""The one engine for where a person is in an exercise's build-up: the dose `start` runs
by default, the advice `progress` gives, and each exercise of `today`.

A build-up is a ladder of doses from its start to its ceiling, one variable changed per
rung. Where a person stands on it is worked out again each time by replaying the log,
oldest first, under the one pain rule, so that editing or deleting a session changes the
answer at once. Nothing here reads a file or the clock."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from backfit.catalog.models import Increment
from backfit.session.doses import stepped_up
from backfit.session.pain import RISE_AFTER, pain_zone

if TYPE_CHECKING:
    from backfit.catalog.models import Catalog, Dose, Exercise
    from backfit.journal.plans import CheckIn
    from backfit.journal.store import ExerciseDone, LoggedSession

GAP_DAYS = 7  # backfit's own: more days off than this (between two sessions), one rung back
TOP_DAYS = 7  # backfit's own: a week at the ceiling before the next harder form
HOLD_STEP = 5  # seconds added to a hold on the way to the ceiling, once reps are done
# Moving towards the ceiling once the build-up's own increment has done all it can: one
# variable at a time, a set, then a rep, then the hold. Constructed, not validated: they are
# right as written, and validating would build Increment's validator at every start-up.
TOWARDS_CEILING = (
    Increment.model_construct(sets=1),
    Increment.model_construct(reps=1),
    Increment.model_construct(hold_seconds=HOLD_STEP),
)


class Why(NamedTuple):
    """The reason for a dose, as a code and the facts behind it, for the views to word.

    Codes: `first` (the build-up's start), `up` (a rung up: the last sessions kept to the
    pain rule), `schedule` (the same: `left` more sessions, or days, before the next rung),
    `borderline` (the same: pain in the caution band and the next morning not yet
    reported), `partial` (the same: last time was not done in full), `instead` (the same:
    the easier form `name` was done instead), `top` (the ceiling),
    `harder` (the next harder form, at its start), and the steps back: `pain` (a score in
    the stop band), `hurt` (stopped because it hurt), `rise` (pain rose by RISE_AFTER or
    more in a session), `morning` (the next morning worse than usual), `spreading`
    (symptoms spreading), `gap` (more than GAP_DAYS days off), `easier-week`."""

    code: str
    day: date | None = None
    score: int | None = None
    left: int | None = None
    unit: str | None = None  # sessions or days, for `left`
    name: str | None = None  # an exercise's name: the form moved from


class Step(NamedTuple):
    exercise: str  # slug of the form now done (the slot's, or a harder one)
    dose: Dose
    rung: int  # from 0, on this form's ladder
    rungs: int
    why: Why
    next_dose: Dose | None = None  # the next rung, if any
    backs: tuple[date, ...] = ()  # the days it was stepped back
    lowered: bool = True  # the last step back went lower (not at the start already)

    @property
    def stepped_back(self) -> bool:
        return self.why.code in BACK


BACK = frozenset({"pain", "hurt", "rise", "morning", "spreading", "gap", "easier-week"})


_LADDERS: dict[int, tuple[Exercise, tuple[Dose, ...]]] = {}  # by the exercise's identity


def ladder(exercise: Exercise) -> tuple[Dose, ...]:
    """Every dose of `exercise`'s build-up, from its start to its ceiling, each one change
    on from the last; just its usual dose when it has no build-up. Worked out once for an
    exercise (the models are frozen; an exercise is not hashable, so by identity)."""
    kept = _LADDERS.get(id(exercise))
    if kept is not None and kept[0] is exercise:
        return kept[1]
    rungs = _rungs(exercise)
    _LADDERS[id(exercise)] = (exercise, rungs)
    return rungs


def _rungs(exercise: Exercise) -> tuple[Dose, ...]:
    build = exercise.build_up
    if build is None:
        return (exercise.dose,)
    ceiling = build.ceiling.apply(exercise.dose)
    rungs = [build.start.apply(exercise.dose)]
    while rungs[-1] != ceiling:
        here = rungs[-1]
        for add in (build.add, *TOWARDS_CEILING):
            after = stepped_up(here, add, ceiling)
            if after != here:
                rungs.append(after)
                break
        else:  # nothing moves it nearer: its ceiling is as far as it goes
            break
    return tuple(rungs)


class Rules(NamedTuple):
    """How a ladder is climbed: `quota` (graded activity: a rung every `every_days` of the
    build-up, counted in sessions done at `per_week` sessions a week, whatever the pain
    within the rule) or pain monitoring (a rung once `every_days` have passed and the last
    session kept to the rule, with the next morning back to usual after pain in the
    caution band)."""

    quota: bool = False
    per_week: int = 3
    can_do: frozenset[str] | None = None  # slugs the person can do (None: all)
    follow_log: bool = False  # more done than asked moves up to it (outside a plan)
    same_role: bool = True  # a harder form of the same kind only (a plan's part of a session)
    move_on: bool = True  # at the top a week, go on to the harder form (else stay, at the top)


def judge_session(
    session: LoggedSession, slug: str, catalog: Catalog, mornings: Mapping[date, CheckIn]
) -> tuple[str, Why | None]:
    """`ok`, `borderline` (pain in the caution band, the next morning unknown) or `bad`
    (with the reason) for `slug` in `session`, by the pain rule."""
    day = session.started_at.astimezone().date()
    scores = [
        s for s in (session.pain_before, session.pain_during, session.pain_after) if s is not None
    ]
    zones = {pain_zone(catalog.safety, s) for s in scores}
    if session.hurt is not None and session.hurt.exercise == slug:
        return "bad", Why("hurt", day, session.pain_during)
    if "stop" in zones:
        return "bad", Why("pain", day, max(scores))
    before, after = session.pain_before, session.pain_after
    if before is not None and after is not None and after - before >= RISE_AFTER:
        return "bad", Why("rise", day, after - before)
    morning = mornings.get(day + timedelta(days=1))
    if morning is not None and worse(morning, session.pain_before):
        return "bad", Why("morning", morning.day)
    if "caution" in zones and (
        morning is None or (morning.morning is None and morning.pain is None)
    ):
        return "borderline", None
    return "ok", None


def worse(checkin: CheckIn, usual: int | None) -> bool:
    """A morning worse than usual: said so, or a score above the usual one (the pain
    before the session, when known). Symptoms spreading are counted once, on their own."""
    if checkin.morning == "worse":  # symptoms spreading are a step back of their own
        return True
    return checkin.pain is not None and usual is not None and checkin.pain > usual


def climb(
    start: Exercise,
    sessions: Sequence[LoggedSession],
    catalog: Catalog,
    *,
    today: date,
    rules: Rules,
    checkins: Sequence[CheckIn] = (),
    easier_weeks: Sequence[tuple[date, date]] = (),
) -> Step:
    """Where a person stands today on `start`'s ladder (and the harder forms after it),
    from `sessions` (oldest first, up to `today`) and `checkins`. A rung up is taken at
    the session after the one that earned it (or today), never after days off."""
    return _Climb(start, catalog, rules, checkins, easier_weeks).run(sessions, today)


class _Climb:
    def __init__(
        self, start: Exercise, catalog: Catalog, rules: Rules, checkins: Sequence[CheckIn],
        easier_weeks: Sequence[tuple[date, date]],
    ) -> None:  # fmt: skip
        self.catalog, self.rules, self.easier_weeks = catalog, rules, easier_weeks
        said = [c for c in checkins if c.morning is not None or c.pain is not None]
        # the day's worst answer counts: 'worse', then a score of 1, is still a worse morning
        said.sort(key=lambda c: (c.day, c.morning == "worse", c.pain or 0))
        self.mornings = {c.day: c for c in said}
        self.alarms = sorted(c.day for c in checkins if c.spreading)
        self.forms = [start]  # the forms climbed through, the one done now last
        self.rung, self.done_here = 0, 0
        self.since: date | None = None  # the first session in full at this rung
        self.top_since: date | None = None
        self.last: str | None = None  # the verdict of the last session at this rung in full
        self.low = False  # that session's pain all in the go band (for a form kept for it)
        self.last_day: date | None = None
        self.why = Why("first")
        self.backs: list[date] = []
        self.lowered = True
        self.bad_day: date | None = None  # the day of the last session that hurt
        self.mornings_counted: set[date] = set()  # check-ins already a step back

    def back(self, reason: Why) -> None:
        self.lowered = self.rung > 0 or len(self.forms) > 1
        if self.rung > 0:
            self.rung -= 1
        elif len(self.forms) > 1:  # back down to the easier form, at its top
            self.forms.pop()
            self.rung = len(ladder(self.forms[-1])) - 1
        self.done_here, self.since, self.top_since, self.last = 0, None, None, None
        self.why = reason
        if reason.code == "morning" and reason.day is not None:
            self.mornings_counted.add(reason.day)
        if reason.code != "gap":  # days off are not a bad day: they never make an easier week
            self.backs.append(reason.day or date.min)
            self.bad_day = self.last_day

    def spreading(self, day: date) -> None:
        """Symptoms spreading said on `day`: one step back, unless that check-in's worse
        morning was already one (a check-in is one step back at most)."""
        if day not in self.mornings_counted:
            self.back(Why("spreading", day))

    def _easier_week(self, day: date) -> bool:
        return any(first <= day <= last for first, last in self.easier_weeks)

    def promote(self, day: date) -> None:
        """Take the rung earned by the sessions so far, the last of them on `day`: the next
        session is offered it, and days off never earn one."""
        exercise = self.forms[-1]
        rungs = ladder(exercise)
        if self.last is None or self.since is None or self._easier_week(day):
            return
        if self.rung == len(rungs) - 1:
            top = self.top_since or self.since
            harder = harder_form(exercise, self.catalog, self.rules) if self.rules.move_on else None
            if harder is not None and harder.pain_up_to == "go" and not self.low:
                harder = None  # a form kept for low pain: only after a session of low pain
            if harder is not None and (day - top).days >= TOP_DAYS and self.last == "ok":
                self.forms.append(harder)
                self.rung, self.done_here, self.since, self.top_since = 0, 0, None, None
                self.last, self.why = None, Why("harder", day, name=exercise.name)
            return
        every = exercise.build_up.every_days if exercise.build_up else 7
        if self.rules.quota:
            ready = self.done_here >= max(1, math.ceil(every * self.rules.per_week / 7))
        else:
            # days off never raise a dose: the days are counted between sessions done
            done_by = self.last_day or self.since
            ready = self.last == "ok" and (done_by - self.since).days >= every
        if ready:
            self.rung, self.done_here, self.since, self.last = self.rung + 1, 0, None, None
            self.why = Why("up", self.last_day)

    def run(self, sessions: Sequence[LoggedSession], today: date) -> Step:
        for session in sessions:
            day = session.started_at.astimezone().date()
            if day > today:  # a session earlier today counts: it is where they are now
                break
            while self.alarms and self.alarms[0] <= day:
                self.spreading(self.alarms.pop(0))
            self.session(session, day)
        while self.alarms and self.alarms[0] <= today:  # said this morning: counts today
            self.spreading(self.alarms.pop(0))
        if self.last_day is not None and (today - self.last_day).days - 1 > GAP_DAYS:
            self.back(Why("gap", today, left=(today - self.last_day).days))
        return self.step(today)

    def session(self, session: LoggedSession, day: date) -> None:
        exercise = self.forms[-1]
        done = [d for d in session.exercises if d.exercise == exercise.slug]
        hurt_here = session.hurt is not None and session.hurt.exercise == exercise.slug
        begun = any(d.partly_done or d.status == "stopped" for d in done)
        if not (begun or hurt_here):
            self.easier_form(session, day)
            return
        if self.bad_day == day:  # the day it hurt: nothing more counts, one step back a day
            return
        if session.abandoned:  # left almost at once: its pain is heard, it earns nothing
            _, reason = judge_session(session, exercise.slug, self.catalog, self.mornings)
            if reason is not None:
                self.last_day = day
                self.back(reason)
            return
        if self.last_day is not None and (day - self.last_day).days - 1 > GAP_DAYS:
            self.back(Why("gap", day, left=(day - self.last_day).days))  # from what was due
        self.last_day = day
        if self.forms[-1] is not exercise:  # moved on, or back, before this session: what
            _, reason = judge_session(session, exercise.slug, self.catalog, self.mornings)
            if reason is not None:  # was done belongs to the other form; only its pain counts
                self.back(reason)
            return
        verdict, reason = judge_session(session, exercise.slug, self.catalog, self.mornings)
        rungs = ladder(exercise)
        if reason is not None:  # a step back from what was done, if less than offered
            did = [r for r in range(self.rung + 1) if any(_in_full(d, rungs[r]) for d in done)]
            self.rung = max(did, default=self.rung)
            self.back(reason)
            return
        if self.rules.follow_log:  # outside a plan, the log says where they are
            did = [r for r in range(len(rungs)) if any(_in_full(d, rungs[r]) for d in done)]
            if did and did[-1] != self.rung:
                self.rung, self.done_here, self.since, self.top_since = did[-1], 0, None, None
        if not any(_in_full(d, rungs[self.rung]) for d in done):  # not in full: no further
            self.why = Why("partial", day)
            return
        if self._easier_week(day):
            self.why = Why("easier-week", day)
            return
        self.done_here += 1
        self.since = self.since or day
        self.last = verdict
        scores = (session.pain_before, session.pain_during, session.pain_after)
        self.low = all(
            pain_zone(self.catalog.safety, score) == "go" for score in scores if score is not None
        )
        if self.rung == len(rungs) - 1:
            self.top_since = self.top_since or day
            self.why = Why("top", self.top_since)
        elif verdict == "borderline" and not self.rules.quota:
            self.why = Why("borderline", day)
        else:
            self.why = Why("schedule", day)
        self.promote(day)  # the rung this session earned, for the next one

    def easier_form(self, session: LoggedSession, day: date) -> None:
        """An easier form done in place of the one offered: no days off, nothing earned;
        if it hurt, a step back all the same."""
        earlier = {form.slug for form in self.forms[:-1]}
        done = [d for d in session.exercises if d.exercise in earlier and d.partly_done]
        hurt = session.hurt is not None and session.hurt.exercise in earlier
        if not (done or hurt):
            return
        self.last_day = day
        slug = session.hurt.exercise if hurt and session.hurt else done[0].exercise
        _, reason = judge_session(session, slug, self.catalog, self.mornings)
        if reason is not None:
            self.back(reason)
        else:
            self.why = Why("instead", day, name=self.catalog.exercise(slug).name)

    def step(self, today: date) -> Step:
        exercise = self.forms[-1]
        rungs = ladder(exercise)
        shown, why = self.rung, self.why
        if self._easier_week(today):
            shown, why = max(0, self.rung - 1), Why("easier-week", today)
            self.lowered = self.rung > 0
        elif why.code == "schedule":
            every = exercise.build_up.every_days if exercise.build_up else 7
            if self.rules.quota:
                needed = max(1, math.ceil(every * self.rules.per_week / 7))
                why = Why("schedule", why.day, left=needed - self.done_here, unit="sessions")
            else:
                done_by = self.last_day or self.since
                waited = (done_by - self.since).days if self.since and done_by else 0
                why = Why("schedule", why.day, left=max(1, every - waited), unit="days")
        after = rungs[shown + 1] if shown + 1 < len(rungs) else None
        return Step(exercise.slug, rungs[shown], shown, len(rungs), why, after, tuple(self.backs),
                    self.lowered)  # fmt: skip


def harder_form(exercise: Exercise, catalog: Catalog, rules: Rules) -> Exercise | None:
    """The next harder form for the same part of a session that the person can do."""
    for slug in exercise.harder:
        harder = next((e for e in catalog.exercises if e.slug == slug), None)
        if harder is None or (rules.same_role and harder.role != exercise.role):
            continue
        if rules.can_do is None or slug in rules.can_do:
            return harder
    return None


def _in_full(done: ExerciseDone, dose: Dose) -> bool:
    """Whether what was done was at least `dose`: every set, its reps (each side), its hold."""
    if done.status != "done":
        return False
    if done.sets is None:
        return True  # logged as done with no amounts: the dose planned
    if done.sets < dose.sets:
        return False
    reps = done.reps
    if isinstance(reps, tuple):
        if done.sides == 2:
            reps = tuple(min(pair) for pair in zip(reps[::2], reps[1::2], strict=False))
        most = list(reps)
    else:
        most = [reps if reps is not None else dose.reps_in_set(1)] * done.sets
    if any(n < dose.reps_in_set(i) for i, n in enumerate(most[: dose.sets], 1)):
        return False
    return (
        dose.hold_seconds is None or (done.hold_seconds or dose.hold_seconds) >= dose.hold_seconds
    )
