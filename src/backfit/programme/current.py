"""The active programme read from the log, and its day worked out: the one place that joins
the stored plan, the sessions and the check-ins for a decision."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, NamedTuple

from backfit.journal import plans, store
from backfit.programme.day import Day, decide
from backfit.programme.settings import Settings

if TYPE_CHECKING:
    from pathlib import Path

    from backfit.catalog.models import Catalog
    from backfit.journal.plans import CheckIn, StoredProgramme
    from backfit.journal.store import LoggedSession


class Current(NamedTuple):
    stored: StoredProgramme
    settings: Settings
    sessions: list[LoggedSession]  # oldest first, from the plan's start
    checkins: list[CheckIn]

    def day(self, catalog: Catalog, when: date) -> Day:
        return decide(
            self.settings, catalog, self.sessions, self.checkins,
            today=when, pauses=self.stored.pauses,
        )  # fmt: skip


def read_current(path: Path) -> Current | None:
    """The plan not ended, with what the log holds since it began; None: no plan. Read in
    one snapshot of the log, so the plan, its sessions and its check-ins agree."""
    with store.readable(path) as db:
        stored = None if db is None else plans.current_in(db)
        if db is None or stored is None:
            return None
        settings = Settings.model_validate_json(stored.settings)
        since = datetime.combine(settings.start, time.min).astimezone().astimezone(UTC)
        sessions = list(reversed(store.sessions_in(db, since=since)))
        checkins = plans.checkins_in(db, since=settings.start)
    return Current(stored, settings, sessions, checkins)
