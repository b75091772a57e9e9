"""The one engine for where a person is in an exercise's build-up: the dose `start` runs
by default, the advice `progress` gives, and each exercise of `today`.

A build-up is a ladder of doses from its start to its ceiling, one variable changed per
rung. Where a person stands on it is worked out again each time by replaying the log,
oldest first, under the one pain rule, so that editing or deleting a session changes the
answer at once. Nothing here reads a file or the clock."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from backfit.catalog.models import Increment
from backfit.session.doses import stepped_up
from backfit.session.pain import RISE_AFTER, pain_zone

if TYPE_CHECKING:
    from backfit.catalog.models import Catalog, Dose, Exercise
    from backfit.journal.plans import CheckIn
    from backfit.journal.store import ExerciseDone, LoggedSession

GAP_DAYS = 7  # more days off than this: one rung back, never a catch-up
TOP_DAYS = 7  # a week at the ceiling before the next harder form
HOLD_STEP = 5  # seconds added to a hold on the way to the ceiling, once reps are done
# Moving towards the ceiling once the build-up's own increment has done all it can: one
# variable at a time, a set, then a rep, then the hold.
TOWARDS_CEILING = (
    Increment(sets=1),
    Increment(reps=1),
    Increment(hold_seconds=HOLD_STEP),
)


@dataclass(frozen=True)
class Why:
    """The reason for a dose, as a code and the facts behind it, for the views to word.

    Codes: `first` (the build-up's start), `up` (a rung up: the last sessions kept to the
    pain rule), `schedule` (the same: `left` more sessions, or days, before the next rung),
    `borderline` (the same: pain in the caution band and the next morning not yet
    reported), `partial` (the same: last time was not done in full), `top` (the ceiling),
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


@dataclass(frozen=True)
class Step:
    exercise: str  # slug of the form now done (the slot's, or a harder one)
    dose: Dose
    rung: int  # from 0, on this form's ladder
    rungs: int
    why: Why
    next_dose: Dose | None = None  # the next rung, if any
    backs: tuple[date, ...] = field(default=())  # the days it was stepped back

    @property
    def stepped_back(self) -> bool:
        return self.why.code in BACK


BACK = frozenset({"pain", "hurt", "rise", "morning", "spreading", "gap", "easier-week"})


def ladder(exercise: Exercise) -> tuple[Dose, ...]:
    """Every dose of `exercise`'s build-up, from its start to its ceiling, each one change
    on from the last; just its usual dose when it has no build-up."""
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


@dataclass(frozen=True)
class Rules:
    """How a ladder is climbed: `quota` (graded activity: a rung every `every_days` of the
    build-up, counted in sessions done at `per_week` sessions a week, whatever the pain
    within the rule) or pain monitoring (a rung once `every_days` have passed and the last
    session kept to the rule, with the next morning back to usual after pain in the
    caution band)."""

    quota: bool = False
    per_week: int = 3
    can_do: frozenset[str] | None = None  # slugs the person can do (None: all)


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
    """A morning worse than usual: said so, symptoms spreading, or a score above the
    usual one (the pain before the session, when known)."""
    if checkin.morning == "worse" or checkin.spreading:
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
    from `sessions` (oldest first) before `today` and `checkins` up to it: what the person
    says this morning counts today."""
    mornings = {c.day: c for c in checkins if c.morning is not None or c.pain is not None}
    alarms = sorted(c.day for c in checkins if c.spreading and c.day <= today)
    forms = [start]  # the forms climbed through, the one done now last
    rung, done_here, since, top_since, last_day = 0, 0, None, None, None
    why, backs = Why("first"), []

    def back(reason: Why) -> None:
        nonlocal rung, done_here, since, top_since, why
        if rung > 0:
            rung -= 1
        elif len(forms) > 1:  # back down to the easier form, at its top
            forms.pop()
            rung = len(ladder(forms[-1])) - 1
        done_here, since, top_since, why = 0, None, None, reason
        backs.append(reason.day or today)

    for session in sessions:
        day = session.started_at.astimezone().date()
        if day >= today:
            break
        while alarms and alarms[0] <= day:
            back(Why("spreading", alarms.pop(0)))
        exercise = forms[-1]
        done = [d for d in session.exercises if d.exercise == exercise.slug]
        hurt_here = session.hurt is not None and session.hurt.exercise == exercise.slug
        if not (any(d.partly_done for d in done) or hurt_here):
            continue
        if last_day is not None and (day - last_day).days > GAP_DAYS:
            back(Why("gap", day, left=(day - last_day).days))
        last_day = day
        verdict, reason = judge_session(session, exercise.slug, catalog, mornings)
        if reason is not None:
            back(reason)
            continue
        if exercise is not forms[-1]:  # the gap took it back to the easier form
            continue
        rungs = ladder(exercise)
        if not any(_in_full(d, rungs[rung]) for d in done):
            why = Why("partial", day)
            continue
        if any(first <= day <= last for first, last in easier_weeks):
            why = Why("easier-week", day)
            continue
        done_here += 1
        since = since or day
        if rung == len(rungs) - 1:
            top_since = top_since or day
            harder = _harder(exercise, catalog, rules)
            if harder is not None and (day - top_since).days >= TOP_DAYS:
                forms.append(harder)
                rung, done_here, since, top_since = 0, 0, None, None
                why = Why("harder", day, name=exercise.name)
            else:
                why = Why("top", top_since)
            continue
        ready, left, unit = _ready(exercise, done_here, since, day, verdict, rules)
        if ready:
            rung, done_here, since = rung + 1, 0, None
            why = Why("up", day)
        elif verdict == "borderline" and not rules.quota:
            why = Why("borderline", day)
        else:
            why = Why("schedule", day, left=left, unit=unit)
    while alarms:
        back(Why("spreading", alarms.pop(0)))
    if last_day is not None and (today - last_day).days > GAP_DAYS:
        back(Why("gap", today, left=(today - last_day).days))
    exercise = forms[-1]
    rungs = ladder(exercise)
    shown = rung
    if any(first <= today <= last for first, last in easier_weeks):
        shown, why = max(0, rung - 1), Why("easier-week", today)
    after = rungs[shown + 1] if shown + 1 < len(rungs) else None
    return Step(exercise.slug, rungs[shown], shown, len(rungs), why, after, tuple(backs))


def _ready(
    exercise: Exercise, done_here: int, since: date | None, day: date, verdict: str, rules: Rules
) -> tuple[bool, int, str]:  # fmt: skip
    """Whether the next session goes a rung up, else how many sessions or days are left."""
    every = exercise.build_up.every_days if exercise.build_up else 7
    if rules.quota:
        needed = max(1, math.ceil(every * rules.per_week / 7))
        return done_here >= needed, needed - done_here, "sessions"
    waited = (day - since).days if since is not None else 0
    if verdict != "ok":
        return False, max(0, every - waited), "days"
    return waited >= every, every - waited, "days"


def _harder(exercise: Exercise, catalog: Catalog, rules: Rules) -> Exercise | None:
    """The next harder form for the same part of a session that the person can do."""
    for slug in exercise.harder:
        harder = next((e for e in catalog.exercises if e.slug == slug), None)
        if harder is None or harder.role != exercise.role:
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
