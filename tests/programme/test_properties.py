"""Issue 19's invariants over random plans, logs and check-ins (hypothesis): a person
follows a composed plan day by day, and every day's decision is checked (simulation.py):

(a) no dose increase after a session that broke the pain rule or symptoms spreading, until a
    session within the rule; (b) one variable per step; (c) never beyond the ceiling;
(d) only what the person can do; (e) days off never raise a dose; (f) no session offered
on or after a red flag; (g) the same inputs give the same day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from simulation import CATALOG, Habits, Person, changed

from backfit.catalog.conditions import Condition
from backfit.programme.compose import can_do, compose
from backfit.programme.settings import Duration, Leg, Mode, Settings
from backfit.programme.steps import ladder

MONDAY = date(2026, 3, 2)


@dataclass
class Drawn:
    """Choices drawn by hypothesis as the simulation asks for them, so that a failure
    shrinks to the fewest, smallest choices."""

    data: st.DataObject

    def number(self, low: int, high: int) -> int:
        return self.data.draw(st.integers(low, high))

    def chance(self, percent: float) -> bool:
        if percent <= 0:
            return False
        # shrinks towards 0, which is "no": the plain day
        return self.data.draw(st.integers(0, 999)) >= 1000 - percent * 10


@dataclass
class DrawnStory:
    """Pain drawn day by day around a drawn level, days away, symptoms spreading."""

    choose: Drawn
    pain: int
    away_percent: int
    spreading_percent: float

    def usual(self, n: int) -> int:
        return max(0, min(10, self.pain + self.choose.number(-2, 3)))

    def away(self, n: int) -> bool:
        return self.choose.chance(self.away_percent)

    def spreads(self, n: int) -> bool:
        return self.choose.chance(self.spreading_percent)


plans = st.builds(
    Settings,
    pain=st.integers(0, 10),
    duration=st.sampled_from(Duration),
    leg=st.sampled_from(Leg),
    care=st.lists(st.sampled_from(Condition), unique=True, max_size=2).map(tuple),
    start=st.integers(0, 6).map(lambda n: MONDAY + timedelta(days=n)),
    weeks=st.integers(4, 12),
    days=st.lists(st.integers(0, 6), unique=True, min_size=1, max_size=7).map(
        lambda days: tuple(sorted(days))
    ),
    minutes=st.integers(10, 45),
    floor=st.booleans(),
    equipment=st.sampled_from([(), ("barbell",)]),
    walking=st.integers(0, 40),
    mode=st.sampled_from(Mode),
).map(lambda s: compose(s, CATALOG))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans, data=st.data())
def test_every_decision_keeps_the_rules(plan: Settings, data: st.DataObject) -> None:
    choose = Drawn(data)
    story = DrawnStory(
        choose,
        pain=data.draw(st.integers(0, 8), label="pain"),
        away_percent=data.draw(st.sampled_from([0, 10, 40]), label="away"),
        spreading_percent=data.draw(st.sampled_from([0, 2]), label="spreading"),
    )
    habits = Habits(
        red_flag=data.draw(st.sampled_from([0, 0.5]), label="red flags"),
        hurt=data.draw(st.sampled_from([4, 20]), label="hurt"),
        rise=data.draw(st.sampled_from([5, 30]), label="rise"),
    )
    person = Person(plan, story, choose, habits)
    person.live(data.draw(st.integers(14, 60), label="days"))
    for code in sorted({p.step.why.code for day in person.days for p in day.steps}):
        event(f"why: {code}")  # what was covered: pytest --hypothesis-show-statistics
    assert person.violations == []


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans, data=st.data())
def test_every_decision_keeps_the_rules_up_to_the_ceilings_and_beyond(
    plan: Settings, data: st.DataObject
) -> None:
    """Long, steady plans, most days, mostly in full at low pain: to the ceilings, a week
    there and the harder forms, with the odd bad day."""
    plan = plan.model_copy(update={"days": (0, 1, 2, 3, 4, 5, 6), "weeks": 12})
    choose = Drawn(data)
    story = DrawnStory(choose, pain=data.draw(st.integers(0, 3), label="pain"),
                       away_percent=3, spreading_percent=0.5)  # fmt: skip
    habits = Habits(full=95, partly=4, red_flag=0, hurt=1, rise=2)
    person = Person(plan, story, choose, habits)
    person.live(data.draw(st.integers(45, 84), label="days"))
    for code in sorted({p.step.why.code for day in person.days for p in day.steps}):
        event(f"why: {code}")
    assert person.violations == []


@given(plan=plans)
def test_composed_plans_hold_only_what_the_person_can_do(plan: Settings) -> None:
    for slot in plan.slots:
        exercise = CATALOG.exercise(slot.exercise)
        assert can_do(exercise, plan)
        assert exercise.role is slot.role


def test_every_rung_of_every_ladder_is_one_change_on_from_the_last() -> None:
    """So that a step back of one rung also changes one variable."""
    for exercise in CATALOG.exercises:
        rungs = ladder(exercise)
        for lower, higher in pairwise(rungs):
            assert len(changed(lower, higher)) == 1, (exercise.slug, lower, higher)
