"""The programme and the check-ins, kept in the training log beside the sessions.

The log holds only what the person chose and said: a programme's settings (as JSON, read
and checked by the programme package), its pauses and its end, and each check-in. What to
do on a day is never stored: it is worked out again from these and the sessions each time.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from backfit.i18n import N_
from backfit.journal.schema import JournalError, transaction
from backfit.journal.store import parse_stamp, readable, stamp, writable

if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path


class NoProgramme(JournalError):
    """No programme is active (or paused) in the log."""


class StoredProgramme(NamedTuple):
    id: int
    created_at: datetime
    settings: str  # JSON, as the programme package wrote it
    ended_on: date | None = None
    pauses: tuple[tuple[date, date | None], ...] = ()  # first and last day (None: still paused)

    @property
    def paused(self) -> bool:
        return bool(self.pauses) and self.pauses[-1][1] is None


class CheckIn(NamedTuple):
    """What a person said about their back on a day: the morning after a session (better,
    the same or worse than usual, or a score), symptoms spreading, a red flag, or the
    weekly ratings of their everyday activities (0-10) and confidence."""

    day: date
    morning: str | None = None  # better, same, worse
    pain: int | None = None
    spreading: bool = False
    red_flag: bool = False
    confidence: int | None = None
    activities: tuple[tuple[str, int], ...] = ()
    id: int | None = None


def start_programme(path: Path, settings: str, *, now: datetime, replace: bool) -> int:
    """Keep a new programme; the one active is ended today when `replace`, else refused."""
    with writable(path) as db, transaction(db):
        current = current_in(db)
        if current is not None and not replace:
            raise ProgrammeExists(current.id)
        if current is not None:
            _end(db, current.id, now.astimezone().date())
        cursor = db.execute(
            "INSERT INTO programmes (created_at, settings) VALUES (?, ?)",
            (stamp(now), settings),
        )
        return int(cursor.lastrowid or 0)


class ProgrammeExists(JournalError):
    def __init__(self, programme_id: int) -> None:
        super().__init__(N_("programme {id} is active"), id=programme_id)
        self.programme_id = programme_id


def current_programme(path: Path) -> StoredProgramme | None:
    """The programme not ended, if any."""
    with readable(path) as db:
        return None if db is None else current_in(db)


def end_programme(path: Path, *, day: date) -> StoredProgramme:
    with writable(path) as db, transaction(db):
        current = _require(db)
        _end(db, current.id, day)
        return current


def pause_programme(path: Path, *, day: date) -> StoredProgramme:
    """Pause from `day`; pausing a paused programme changes nothing."""
    with writable(path) as db, transaction(db):
        current = _require(db)
        if not current.paused:
            db.execute(
                "INSERT INTO programme_pauses (programme_id, first_day) VALUES (?, ?)",
                (current.id, day.isoformat()),
            )
        return _require(db)


def resume_programme(path: Path, *, day: date) -> StoredProgramme:
    """Resume on `day`: the pause's last day is the day before (a pause begun today is
    forgotten: nothing was missed)."""
    with writable(path) as db, transaction(db):
        current = _require(db)
        if current.paused and current.pauses[-1][0] >= day:  # paused and resumed today
            db.execute(
                "DELETE FROM programme_pauses WHERE programme_id = ? AND last_day IS NULL",
                (current.id,),
            )
        elif current.paused:
            last = date.fromordinal(day.toordinal() - 1)
            db.execute(
                "UPDATE programme_pauses SET last_day = ?"
                " WHERE programme_id = ? AND last_day IS NULL",
                (last.isoformat(), current.id),
            )
        return _require(db)


def save_checkin(path: Path, checkin: CheckIn, *, now: datetime) -> int:
    with writable(path) as db, transaction(db):
        cursor = db.execute(
            """INSERT INTO checkins (day, recorded_at, morning, pain, spreading, red_flag,
                confidence, activities) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                checkin.day.isoformat(),
                stamp(now),
                checkin.morning,
                checkin.pain,
                int(checkin.spreading),
                int(checkin.red_flag),
                checkin.confidence,
                json.dumps(dict(checkin.activities)) if checkin.activities else None,
            ),
        )
        return int(cursor.lastrowid or 0)


def checkins(path: Path, *, since: date | None = None) -> list[CheckIn]:
    """Check-ins oldest first (by day, then as recorded)."""
    with readable(path) as db:
        return [] if db is None else checkins_in(db, since=since)


def checkins_in(db: sqlite3.Connection, *, since: date | None = None) -> list[CheckIn]:
    """`checkins` from a connection `readable` gave."""
    rows = db.execute(
        "SELECT * FROM checkins WHERE day >= ? ORDER BY day, id", ((since or date.min).isoformat(),)
    ).fetchall()
    return [_checkin(row) for row in rows]


def _checkin(row: sqlite3.Row) -> CheckIn:
    activities = json.loads(row["activities"]) if row["activities"] else {}
    return CheckIn(
        date.fromisoformat(row["day"]),
        row["morning"],
        row["pain"],
        bool(row["spreading"]),
        bool(row["red_flag"]),
        row["confidence"],
        tuple((str(name), int(score)) for name, score in activities.items()),
        row["id"],
    )


def current_in(db: sqlite3.Connection) -> StoredProgramme | None:
    """`current_programme` from a connection `readable` (or `writable`) gave."""
    row = db.execute(
        "SELECT * FROM programmes WHERE ended_on IS NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    pauses = db.execute(
        "SELECT first_day, last_day FROM programme_pauses WHERE programme_id = ?"
        " ORDER BY first_day, rowid",
        (row["id"],),
    ).fetchall()
    return StoredProgramme(
        row["id"],
        parse_stamp(row["created_at"]),
        row["settings"],
        None,
        tuple(
            (date.fromisoformat(p[0]), date.fromisoformat(p[1]) if p[1] else None) for p in pauses
        ),
    )


def _require(db: sqlite3.Connection) -> StoredProgramme:
    current = current_in(db)
    if current is None:
        raise NoProgramme(N_("no plan is active"))
    return current


def _end(db: sqlite3.Connection, programme_id: int, day: date) -> None:
    db.execute("UPDATE programmes SET ended_on = ? WHERE id = ?", (day.isoformat(), programme_id))
    db.execute(
        "UPDATE programme_pauses SET last_day = ? WHERE programme_id = ? AND last_day IS NULL",
        (day.isoformat(), programme_id),
    )
