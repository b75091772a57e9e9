"""The active plan as the commands need it: read from the log (one line and exit 1 when
there is none), and its day's session as a routine the coach can run and the log can keep.
Shared by `today`, `log today` and `start today`, so that none of them imports another."""

from datetime import datetime
from typing import TYPE_CHECKING

from backfit.cli.app import log_errors
from backfit.cli.exits import EXIT_NOT_FOUND
from backfit.cli.failures import fail
from backfit.views.words import programme as words

if TYPE_CHECKING:
    from backfit.catalog.models import Catalog, Routine
    from backfit.programme.current import Current
    from backfit.programme.day import Day, Planned


def current_or_none() -> "Current | None":
    from backfit.journal.store import journal_path
    from backfit.programme.current import read_current

    with log_errors():
        return read_current(journal_path())


def current_plan() -> "Current":
    current = current_or_none()
    if current is None:
        fail(words.NO_PLAN, EXIT_NOT_FOUND)
    return current


def todays_session(catalog: "Catalog") -> "Routine":
    """`backfit start today`: the active plan's session for today, at today's doses (on a
    rest day, the next one); one line and exit 1 with no plan or no session."""
    day = current_plan().day(catalog, datetime.now().astimezone().date())
    if day.state == "hurt":
        fail(words.HURT_NO_MORE, EXIT_NOT_FOUND)
    if not session_of(day):
        fail(words.NOTHING_TO_LOG, EXIT_NOT_FOUND)
    return as_routine(day, catalog)


def session_of(day: "Day") -> "tuple[Planned, ...]":
    """The day's session; on a rest day, the one due next (a session moved to another
    day is still the plan's); none while paused, stopped, before or after the plan."""
    return day.exercises or (day.steps if day.state == "rest" else ())


def as_routine(day: "Day", catalog: "Catalog") -> "Routine":
    """Today's session as a routine, each exercise at today's dose, to run or to log."""
    from backfit.catalog.models import Routine
    from backfit.programme.day import PLAN_SESSION

    first = catalog.exercise(session_of(day)[0].step.exercise)
    items = [
        {
            "exercise": p.step.exercise,
            "dose": p.step.dose.model_dump(
                include={"sets", "reps", "hold_seconds", "rest_seconds"}
            ),
        }
        for p in session_of(day)
    ]
    return Routine.model_validate(
        {
            "slug": PLAN_SESSION,  # how a session on a rest day is known as the plan's
            "name": words.SESSION_NAME.format(week=day.week),
            "purpose": words.SESSION_PURPOSE,
            "audience": words.SESSION_AUDIENCE,
            "exercises": items,
            "sources": list(first.sources),
        }
    )
