"""Where a person is in an exercise's build-up, from the log: the step `start` runs by
default. The same engine as a plan's (`steps.climb`), by pain monitoring, outside a plan:
what the log shows done in full counts, so someone who already does more is met there."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from backfit.journal import plans, store
from backfit.journal.schema import JournalError
from backfit.programme.steps import BACK, Rules, climb

if TYPE_CHECKING:
    from pathlib import Path

    from backfit.catalog.models import Catalog, Dose, Exercise
    from backfit.journal.plans import CheckIn
    from backfit.journal.store import LoggedSession

STEP_DAYS = 90  # how far back the log is read for a build-up's step
KINDS = {"first": "first", "up": "next", "top": "top", "harder": "top"}  # else same, or back


@dataclass(frozen=True)
class BuildUpStep:
    """Where a person is in an exercise's build-up, for `start` to run by default.

    `kind`: `first` (never done in full: the build-up's start), `next` (a step on from
    `last`), `same` (as `last`: too soon, or the pain not low enough, to move on), `back`
    (a step back, after pain above the rule) or `top` (the ceiling reached)."""

    dose: Dose
    kind: str
    last: Dose | None = None
    every_days: int = 0


def build_up_step(
    exercise: Exercise, sessions: Sequence[LoggedSession], catalog: Catalog, *, today: date,
    checkins: Sequence[CheckIn] = (),
) -> BuildUpStep | None:  # fmt: skip
    """Today's step of `exercise`'s build-up from `sessions` (newest first). None: it has
    no build-up."""
    build = exercise.build_up
    if build is None:
        return None
    rules = Rules(can_do=frozenset({exercise.slug}), follow_log=True)
    step = climb(exercise, list(reversed(sessions)), catalog, today=today, rules=rules,
                 checkins=checkins)  # fmt: skip
    code = step.why.code
    kind = "back" if code in BACK else KINDS.get(code, "same")
    if kind == "top" and step.rung < step.rungs - 1:
        kind = "same"
    from backfit.programme.steps import ladder

    rungs = ladder(exercise)
    last = rungs[step.rung - 1] if kind == "next" else (step.dose if kind == "same" else None)
    return BuildUpStep(step.dose, kind, last, build.every_days)


def current_step(
    path: Path, exercise: Exercise, catalog: Catalog, *, now: datetime
) -> BuildUpStep | None:
    """`build_up_step` from the log at `path`; a log that cannot be read is taken as
    empty, so the step is the build-up's start, the gentlest."""
    if exercise.build_up is None:
        return None
    since = now - timedelta(days=STEP_DAYS)
    try:
        found = store.sessions(path, since=since)
        said = plans.checkins(path, since=since.astimezone().date())
    except JournalError:
        found, said = [], []
    return build_up_step(exercise, found, catalog, today=now.astimezone().date(), checkins=said)
