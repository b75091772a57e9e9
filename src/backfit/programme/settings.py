"""What a person chose for their programme, kept once when it starts: the answers to
`plan new`, and the exercises chosen for each part of a session from them.

Everything a day's decision needs that is not in the log or the catalog is here, so the
decision can be worked out again at any time (`settings` + log + check-ins + date)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from backfit.catalog.conditions import Condition
from backfit.catalog.roles import Role
from backfit.programme.choices import Duration, Leg, Mode

WEEKS = (4, 12)  # how long a programme may be, in weeks
MINUTES = (10, 45)  # how long a session may be
DEFAULT_WEEKS, DEFAULT_MINUTES = 8, 20
DEFAULT_DAYS = (0, 2, 4)  # Monday, Wednesday, Friday: three a week
MOST_ACTIVITIES = 3  # the Patient-Specific Functional Scale's up to three


class Model(BaseModel):
    # Built when first used: the base itself never is, and a command that reads no plan
    # builds none of them.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Activity(Model):
    """An everyday activity the back makes hard, rated 0 (cannot) to 10 (as before)."""

    name: Annotated[str, Field(min_length=1, max_length=80)]
    score: Annotated[int, Field(ge=0, le=10)]


class Slot(Model):
    """One part of every session, and the exercise chosen for it at the start."""

    role: Role
    exercise: str  # slug


class Settings(Model):
    pain: Annotated[int, Field(ge=0, le=10)]
    duration: Duration
    leg: Leg = Leg.NONE
    care: tuple[Condition, ...] = ()
    activities: Annotated[tuple[Activity, ...], Field(max_length=MOST_ACTIVITIES)] = ()
    start: date
    weeks: Annotated[int, Field(ge=WEEKS[0], le=WEEKS[1])] = DEFAULT_WEEKS
    days: Annotated[tuple[Annotated[int, Field(ge=0, le=6)], ...], Field(min_length=1)] = (
        DEFAULT_DAYS
    )
    minutes: Annotated[int, Field(ge=MINUTES[0], le=MINUTES[1])] = DEFAULT_MINUTES
    floor: bool = True
    equipment: tuple[str, ...] = ()
    walking: Annotated[int, Field(ge=0, le=600)] = 0  # minutes a day now
    mode: Mode
    slots: tuple[Slot, ...] = ()

    @property
    def end(self) -> date:
        """The programme's last day."""
        return self.start + timedelta(weeks=self.weeks) - timedelta(days=1)

    def week_of(self, day: date) -> int:
        """1 for the first seven days."""
        return (day - self.start).days // 7 + 1

    def training_day(self, day: date) -> bool:
        return day.weekday() in self.days and self.start <= day <= self.end

    def planned_days(self) -> list[date]:
        days = (self.start + timedelta(days=n) for n in range(self.weeks * 7))
        return [day for day in days if day.weekday() in self.days]


def default_mode(duration: Duration) -> Mode:
    """Graded activity for pain of over 12 weeks (Lindström 1992); pain monitoring for a
    recent episode (Silbernagel 2007)."""
    return Mode.QUOTA if duration is Duration.PERSISTENT else Mode.SYMPTOM
