"""Issue 19's rules for a programme, told as short stories of one person and their back
extension on elbows (a rung every 3 days: 5 reps with 5 s holds up to 10 reps, then 10 s).

Each story logs what the person did at the dose `decide` offered, day by day, and reads
the next day's decision."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta

from simulation import CATALOG

from backfit.catalog.roles import Role
from backfit.journal.plans import CheckIn
from backfit.journal.store import ExerciseDone, LoggedSession
from backfit.programme.day import Day, decide
from backfit.programme.settings import Duration, Mode, Settings, Slot
from backfit.programme.steps import ladder

MONDAY = date(2026, 3, 2)
SLUG = "back-extension-on-elbows"
RUNGS = ladder(CATALOG.exercise(SLUG))
EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)
MON_WED_FRI = (0, 2, 4)


def plan(mode: Mode = Mode.SYMPTOM, days: tuple[int, ...] = EVERY_DAY) -> Settings:
    return Settings(
        pain=3,
        duration=Duration.RECENT if mode is Mode.SYMPTOM else Duration.PERSISTENT,
        start=MONDAY,
        weeks=12,
        days=days,
        mode=mode,
        slots=(Slot(role=Role.EXTENSORS, exercise=SLUG),),
    )


def session(day: Day, *, before: int = 1, after: int = 1, hurt: bool = False) -> LoggedSession:
    """The day's session done at the offered doses (stopped by the hurt key if `hurt`)."""
    done = tuple(
        ExerciseDone(p.step.exercise, p.step.exercise, "done", p.step.dose.sets,
                     p.step.dose.reps, p.step.dose.hold_seconds, 1)
        for p in day.exercises
    )  # fmt: skip
    started = datetime.combine(day.day, time(18)).astimezone()
    return LoggedSession(
        "logged", "plan", "Today's session", started, started + timedelta(minutes=20),
        finished=not hurt, pain_before=before, pain_after=after, exercises=done,
        pain_stop=1 if hurt else None, pain_during=6 if hurt else None,
    )  # fmt: skip


class Person:
    """Someone following `settings`: each day they do, they do the offered session."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.sessions: list[LoggedSession] = []
        self.checkins: list[CheckIn] = []

    def on(self, day: date) -> Day:
        return decide(self.settings, CATALOG, self.sessions, self.checkins, today=day)

    def train(self, days: Iterable[date], *, before: int = 1, after: int = 1) -> None:
        for day in days:
            offered = self.on(day)
            assert offered.state == "training", offered
            self.sessions.append(session(offered, before=before, after=after))

    def hurts(self, day: date) -> None:
        self.sessions.append(session(self.on(day), hurt=True))

    def says(self, day: date, **answers: object) -> None:
        self.checkins.append(CheckIn(day, **answers))  # type: ignore[arg-type]

    def rung(self, day: date) -> int:
        return self.step(day).rung

    def step(self, day: date):  # type: ignore[no-untyped-def]
        return self.on(day).steps[0].step


def days(first: int, count: int, weekdays: Sequence[int] = EVERY_DAY) -> list[date]:
    """`count` training days from plan day `first` on the given weekdays."""
    found, n = [], first
    while len(found) < count:
        day = MONDAY + timedelta(days=n)
        if day.weekday() in weekdays:
            found.append(day)
        n += 1
    return found


def day_(n: int) -> date:
    return MONDAY + timedelta(days=n)


def test_a_flare_pain_7_after_a_session_steps_back_one_rung_the_next_day() -> None:
    person = Person(plan())
    person.train(days(0, 8))  # a rung once 3 days have passed, at no pain
    assert person.rung(day_(8)) == 2
    person.train([day_(8)], before=3, after=7)
    step = person.step(day_(9))
    assert (step.rung, step.dose, step.why.code, step.why.score) == (1, RUNGS[1], "pain", 7)
    assert step.backs == (day_(8),)


def test_two_steps_back_in_two_weeks_give_an_easier_week_and_the_advice_to_see_someone() -> None:
    person = Person(plan())
    person.train(days(0, 12))
    assert person.rung(day_(12)) == 3
    person.train([day_(12)], before=2, after=7)  # back to rung 2
    person.train(days(13, 5))  # up to 3 again
    assert person.rung(day_(18)) == 3
    person.train([day_(18)], before=2, after=8)  # back to 2, six days after the first
    today = person.on(day_(19))
    step = today.steps[0].step
    assert (step.why.code, step.rung, step.dose) == ("easier-week", 1, RUNGS[1])
    assert step.backs == (day_(12), day_(18))
    assert [(why.code, why.day) for why in today.advice] == [("professional", day_(18))]
    # seven easier days from the second step back, then rung 2 again
    assert person.step(day_(24)).why.code == "easier-week"
    after = person.step(day_(25))
    assert (after.rung, after.dose) == (2, RUNGS[2])


def test_one_step_back_needs_no_easier_week() -> None:
    person = Person(plan())
    person.train(days(0, 7))
    person.train([day_(7)], after=7)
    today = person.on(day_(8))
    assert today.steps[0].step.why.code == "pain"
    assert today.advice == ()


def test_eight_days_off_step_back_one_rung_and_never_catch_up() -> None:
    person = Person(plan())
    person.train(days(0, 13))
    assert person.rung(day_(12)) == 3
    # days 13 to 20 off: eight days, then the plan goes on one rung lower
    step = person.step(day_(21))
    assert (step.rung, step.why.code, step.why.left) == (2, "gap", 9)
    person.train([day_(21)])
    assert person.rung(day_(22)) == 2  # no catching up


def test_a_week_between_sessions_is_no_gap() -> None:
    person = Person(plan(days=(0,)))  # Mondays only
    person.train(days(0, 3, (0,)))
    step = person.step(day_(21))
    assert step.why.code != "gap"
    assert step.backs == ()


def test_quota_climbs_on_sessions_done_and_symptom_on_days_passed() -> None:
    """Three sessions a week: quota, a rung every ceil(3 days x 3 a week / 7) = 2 sessions;
    symptom, a rung once 3 days have passed since the rung began (Mon to Fri)."""
    quota, symptom = Person(plan(Mode.QUOTA, MON_WED_FRI)), Person(plan(Mode.SYMPTOM, MON_WED_FRI))
    two_weeks = days(0, 6, MON_WED_FRI)
    quota.train(two_weeks)
    symptom.train(two_weeks)
    assert quota.rung(day_(14)) == 3
    assert symptom.rung(day_(14)) == 2
    assert quota.step(day_(14)).dose == RUNGS[3]


def test_caution_band_pain_without_a_morning_check_in_holds_in_symptom_mode() -> None:
    symptom, quota = Person(plan(Mode.SYMPTOM)), Person(plan(Mode.QUOTA))
    symptom.train(days(0, 7), before=3, after=4)
    quota.train(days(0, 7), before=3, after=4)
    held = symptom.step(day_(7))
    assert (held.rung, held.why.code) == (0, "borderline")
    assert quota.rung(day_(7)) > 0  # quota goes on within the rule


def test_caution_band_pain_climbs_once_the_morning_is_back_to_usual() -> None:
    person = Person(plan(Mode.SYMPTOM))
    for day in days(0, 4):
        person.train([day], before=3, after=4)
        person.says(day + timedelta(days=1), morning="same")
    assert person.step(day_(4)).why.code == "up"
    assert person.rung(day_(4)) == 1


def test_a_worse_morning_steps_back() -> None:
    person = Person(plan())
    person.train(days(0, 8))
    person.train([day_(8)], before=2, after=3)
    person.says(day_(9), morning="worse")
    step = person.step(day_(9))
    assert (step.rung, step.why.code) == (1, "morning")


def test_the_hurt_key_steps_back() -> None:
    person = Person(plan())
    person.train(days(0, 8))
    person.hurts(day_(8))
    step = person.step(day_(9))
    assert (step.rung, step.why.code, step.why.score) == (1, "hurt", 6)


def test_symptoms_spreading_step_back_and_hold_until_a_session_within_the_rule() -> None:
    person = Person(plan())
    person.train(days(0, 8))
    assert person.rung(day_(8)) == 2
    person.says(day_(8), spreading=True)
    step = person.step(day_(9))
    assert (step.rung, step.why.code) == (1, "spreading")


def test_symptoms_spreading_said_this_morning_hold_todays_session() -> None:
    """Nothing goes up on the day the person says their symptoms are spreading: `today`
    asks first, then decides."""
    person = Person(plan())
    person.train(days(0, 8))
    assert (person.rung(day_(7)), person.rung(day_(8))) == (1, 2)  # a rung up due today
    person.says(day_(8), spreading=True)
    step = person.step(day_(8))
    assert (step.rung, step.why.code) == (1, "spreading")


def test_a_worse_morning_with_symptoms_spreading_is_one_step_back_not_two() -> None:
    person = Person(plan())
    person.train(days(0, 9))
    assert person.rung(day_(9)) == 2
    person.train([day_(9)], before=2, after=2)
    person.says(day_(10), morning="worse", spreading=True)
    assert person.rung(day_(10)) == 1


def test_a_flare_is_not_forgotten_when_the_pain_settles_the_next_morning() -> None:
    settings = plan(Mode.QUOTA).model_copy(
        update={"slots": (Slot(role=Role.EXTENSORS, exercise="prone-leg-lift"),)}
    )
    person = Person(settings)
    person.train(days(0, 24), before=3, after=4)  # to the ceiling, and a week there
    assert (person.step(day_(24)).why.code, person.rung(day_(24))) == ("top", 5)
    person.train([day_(24)], before=3, after=7)
    assert (person.step(day_(25)).why.code, person.rung(day_(25))) == ("pain", 4)
    person.says(day_(25), pain=1)  # the next morning it has settled
    step = person.step(day_(25))
    assert (step.exercise, step.rung, step.why.code) == ("prone-leg-lift", 4, "pain")


def test_the_harder_form_done_after_eight_days_on_the_easier_one_is_a_gap_not_a_crash() -> None:
    """The ceiling for a week at pain in the caution band, so no swallow fly (kept for low
    pain); days more on the easier form; then a swallow fly logged at low pain. The replay
    now moves to the swallow fly a fortnight back, sees eight days without it, and steps
    back to the easier form's top, whose rung the swallow fly's ladder does not have
    (an IndexError from `today` before the fix)."""
    settings = plan(Mode.QUOTA).model_copy(
        update={"slots": (Slot(role=Role.EXTENSORS, exercise="prone-leg-lift"),)}
    )
    person = Person(settings)
    person.train(days(0, 32), before=3, after=4)
    assert (person.step(day_(32)).exercise, person.rung(day_(32))) == ("prone-leg-lift", 5)
    fly = ladder(CATALOG.exercise("swallow-fly"))[0]
    started = datetime.combine(day_(32), time(18)).astimezone()
    done = ExerciseDone("swallow-fly", "Swallow fly", "done", fly.sets, fly.reps,
                        fly.hold_seconds, 1)  # fmt: skip
    person.sessions.append(
        LoggedSession("logged", "swallow-fly", "Swallow fly", started,
                      started + timedelta(minutes=5), True, 1, 1, exercises=(done,))
    )  # fmt: skip
    step = person.step(day_(33))  # swallow fly is not the harder form of a glutes exercise
    assert (step.exercise, step.rung) == ("prone-leg-lift", 5)


def test_a_red_flag_stops_the_plan_with_the_advice_and_offers_nothing_after() -> None:
    person = Person(plan())
    person.train(days(0, 3))
    person.says(day_(3), red_flag=True)
    for n in (3, 4, 30):
        today = person.on(day_(n))
        assert (today.state, today.exercises) == ("stopped", ())
        assert [(why.code, why.day) for why in today.advice] == [("red-flag", day_(3))]


def test_the_ceiling_is_held_then_the_harder_form_after_a_week_there() -> None:
    """A harder form of the same part of a session: side plank on bent knees, then the
    full side plank (back extension on elbows is a stretch now, swallow fly is not)."""
    settings = plan().model_copy(
        update={"slots": (Slot(role=Role.SIDE, exercise="side-plank-bent-knee"),)}
    )
    rungs = ladder(CATALOG.exercise("side-plank-bent-knee"))
    person = Person(settings)
    person.train(days(0, 13))  # three rungs up, four days each, then the ceiling
    top = person.step(day_(13))
    assert (top.exercise, top.dose, top.why.code) == ("side-plank-bent-knee", rungs[-1], "top")
    person.train(days(13, 7))
    harder = person.step(day_(20))
    assert (harder.exercise, harder.rung, harder.why.code) == ("side-plank", 0, "harder")
