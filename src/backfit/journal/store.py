"""The training log: sessions and the exercises in them, kept in one local SQLite file.

Safety rules, each with a test:
- the schema version lives in `PRAGMA user_version`; each migration and its version bump
  commit together, and a database from a newer backfit is refused, never written to;
- a file that is not a backfit database (wrong header, or another program's tables) is
  reported and left exactly as it was;
- every write (saving, undoing, deleting or changing a session) is one `BEGIN IMMEDIATE`
  transaction on a WAL database with a busy timeout, so two backfit processes writing at
  once both succeed, and a killed process leaves no half-written session;
- reading never changes the file: a log of an older version is read through a copy
  brought up to date in memory by the same migrations.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple, NoReturn

from backfit.i18n import N_
from backfit.journal.schema import (
    LATEST,
    NEXT_SESSION_ID,
    SessionNotFound,
    cannot,
    check_file,
    check_ours,
    log_exists,
    migrate,
    migrated_copy,
    schema_version,
    transaction,
)
from backfit.places import JOURNAL_FILE
from backfit.places import journal_path as journal_path  # where the log is, for callers

FILE_NAME = JOURNAL_FILE
BUSY_TIMEOUT_SECONDS = 10.0
WAL_RETRY_SECONDS = 0.01
PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700  # the log, and a folder made for it

Reps = int | tuple[int, ...]


class ExerciseDone(NamedTuple):
    """One exercise of a session, and how much of it was done: never the plan.

    `sets` counts the sets done at least partly (None: nothing done, or not known).
    `reps` is one number for every set, or a tuple with one number per set, or per set
    and side (left, right) when `sides` is 2: the repetitions, or for held exercises the
    holds, completed. None with `sets` means one hold in each set.
    """

    exercise: str  # slug
    name: str
    status: str  # done, skipped, stopped, not reached
    sets: int | None = None
    reps: Reps | None = None
    hold_seconds: int | None = None
    sides: int | None = None  # 1, 2, or None when not known (logs before version 3)

    @property
    def partly_done(self) -> bool:
        return self.status == "done" or self.sets is not None


class LoggedSession(NamedTuple):
    kind: str  # guided or logged
    slug: str
    title: str
    started_at: datetime  # aware
    ended_at: datetime
    finished: bool
    pain_before: int | None = None
    pain_after: int | None = None
    note: str | None = None
    exercises: tuple[ExerciseDone, ...] = ()
    id: int | None = None
    abandoned: bool = False  # almost nothing done: kept, but not counted as training
    work_seconds: float | None = None  # in holds and sets of reps (guided sessions)
    pain_where: str | None = None
    pain_stop: int | None = None  # position of the exercise stopped because it hurt
    pain_during: int | None = None  # the pain given then

    @property
    def hurt(self) -> ExerciseDone | None:
        """The exercise stopped because it hurt (the h key), if any."""
        if self.pain_stop is None or not 0 < self.pain_stop <= len(self.exercises):
            return None
        return self.exercises[self.pain_stop - 1]

    @property
    def minutes(self) -> float:
        return (self.ended_at - self.started_at).total_seconds() / 60


def check_writable(path: Path) -> None:
    """Raise JournalError now if the log could not take a session, rather than after the
    person has done one. A log is not made for this: where there is none yet, a new log is
    made and removed beside it, so that a disk with room for a file but not for a log (a
    few kilobytes) is found too."""
    if log_exists(path, "write"):
        with writable(path):
            return
    try:
        path.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
        trial = Path(tempfile.mkdtemp(dir=path.parent))
    except OSError as error:
        raise cannot("write", path, error) from None
    try:
        with closing(sqlite3.connect(trial / path.name, isolation_level=None)) as db:
            migrate(db, trial / path.name)
            _write_ahead(db)
    except (OSError, sqlite3.Error) as error:
        raise cannot("write", path, error) from None
    finally:
        shutil.rmtree(trial, ignore_errors=True)


def save(path: Path, session: LoggedSession) -> int:
    """Write `session` and its exercises in one transaction; return its id."""
    with writable(path) as db, transaction(db):
        return _insert(db, session, session.exercises)


def _insert(
    db: sqlite3.Connection, session: LoggedSession, exercises: Iterable[ExerciseDone]
) -> int:
    cursor = db.execute(
        "INSERT INTO sessions (id, kind, slug, title, started_at, ended_at, finished,"
        " pain_before, pain_after, note, abandoned, work_seconds, pain_where, pain_stop,"
        f" pain_during) VALUES ({NEXT_SESSION_ID}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (session.kind, session.slug, session.title, stamp(session.started_at),
         stamp(session.ended_at), int(session.finished), session.pain_before,
         session.pain_after, session.note, int(session.abandoned), session.work_seconds,
         session.pain_where, session.pain_stop, session.pain_during),
    )  # fmt: skip
    session_id = int(cursor.lastrowid or 0)
    db.executemany(
        "INSERT INTO exercises_done (session_id, position, exercise, name, status, sets, reps,"
        " hold_seconds, sides) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (session_id, position, e.exercise, e.name, e.status, e.sets, _reps_text(e.reps),
             e.hold_seconds, e.sides)
            for position, e in enumerate(exercises, 1)
        ),
    )  # fmt: skip
    return session_id


def remove_last(path: Path) -> LoggedSession | None:
    """Delete the session added last (whatever its date) and return it; None if the log
    is empty."""
    if not log_exists(path, doing="change"):  # nothing to undo: no reason to create a log
        return None
    with writable(path) as db, transaction(db):
        row = db.execute("SELECT max(id) FROM sessions").fetchone()
        if row[0] is None:
            return None
        return _delete(db, int(row[0]))


def remove(path: Path, session_id: int) -> LoggedSession:
    """Delete one session and its exercises, nothing else; return what was deleted."""
    if not log_exists(path, doing="change"):
        _missing(session_id)
    with writable(path) as db, transaction(db):
        return _delete(db, session_id)


EDITABLE = frozenset({"pain_before", "pain_after", "pain_where", "note", "started_at"})


def change(path: Path, session_id: int, changes: dict[str, object]) -> LoggedSession:
    """Set some of a session's EDITABLE fields; a new `started_at` moves the end with it.
    Returns the session as it now is."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValueError(f"cannot change {', '.join(sorted(unknown))}")
    if not log_exists(path, doing="change"):
        _missing(session_id)
    with writable(path) as db, transaction(db):
        [before] = _read(db, "id = ?", [session_id]) or _missing(session_id)
        values = dict(changes)
        if isinstance(moved := values.pop("started_at", None), datetime):
            values["started_at"] = stamp(moved)
            values["ended_at"] = stamp(moved + (before.ended_at - before.started_at))
        if values:
            columns = ", ".join(f"{column} = ?" for column in values)  # names from EDITABLE
            db.execute(
                f"UPDATE sessions SET {columns} WHERE id = ?", [*values.values(), session_id]
            )
        [after] = _read(db, "id = ?", [session_id])
    return after


def find_session(path: Path, session_id: int) -> LoggedSession:
    with readable(path) as db:
        found = _read(db, "id = ?", [session_id]) if db is not None else []
    return found[0] if found else _missing(session_id)


def _delete(db: sqlite3.Connection, session_id: int) -> LoggedSession:
    [session] = _read(db, "id = ?", [session_id]) or _missing(session_id)
    db.execute("DELETE FROM exercises_done WHERE session_id = ?", (session_id,))
    db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
    return session


def _missing(session_id: int) -> NoReturn:
    raise SessionNotFound(
        N_("no session {id} in the log; 'backfit history' shows the ids"), id=session_id
    )


def sessions(
    path: Path,
    *,
    since: datetime | None = None,
    exercise: str | None = None,
    planned: bool = False,
    limit: int | None = None,
) -> list[LoggedSession]:
    """Sessions newest first, with their exercises; none at all if there is no log yet.
    With `exercise`, only those in which it was done at least partly, or with `planned`,
    also those in which it was planned and not done."""
    with readable(path) as db:
        if db is None:
            return []
        return sessions_in(db, since=since, exercise=exercise, planned=planned, limit=limit)


EVERY = "1"  # the condition that keeps every session


def sessions_in(
    db: sqlite3.Connection,
    *,
    since: datetime | None = None,
    exercise: str | None = None,
    planned: bool = False,
    limit: int | None = None,
) -> list[LoggedSession]:
    """`sessions` from a connection `readable` gave: several reads in one snapshot."""
    where, args = [EVERY], []
    if since is not None:
        where.append("started_at >= ?")
        args.append(stamp(since))
    if exercise is not None:
        done = "" if planned else " AND (status = 'done' OR sets IS NOT NULL)"
        where.append(f"id IN (SELECT session_id FROM exercises_done WHERE exercise = ?{done})")
        args.append(exercise)
    return _read(db, " AND ".join(where), args, limit=limit)


def _read(
    db: sqlite3.Connection, where: str, args: Sequence[object], *, limit: int | None = None
) -> list[LoggedSession]:
    query = f"SELECT * FROM sessions WHERE {where} ORDER BY started_at DESC, id DESC"
    if limit is not None:
        query += f" LIMIT {int(limit)}"
    rows = db.execute(query, args).fetchall()
    exercises: dict[int, list[ExerciseDone]] = {}
    # Some sessions: found from them, through the index on session_id (a join the other way
    # round read every exercise of a ten-year log to keep a few weeks' worth); all of them:
    # read in one pass, which is quicker still.
    if where == EVERY and limit is None:
        found = db.execute("SELECT * FROM exercises_done ORDER BY session_id, position")
    else:
        found = db.execute(
            f"SELECT * FROM exercises_done WHERE session_id IN (SELECT id FROM ({query}))"
            " ORDER BY session_id, position",
            args,
        )
    for e in found:
        exercises.setdefault(e["session_id"], []).append(
            ExerciseDone(e["exercise"], e["name"], e["status"], e["sets"],
                           _reps(e["reps"]), e["hold_seconds"], e["sides"])
        )  # fmt: skip
    return [
        LoggedSession(
            kind=row["kind"],
            slug=row["slug"],
            title=row["title"],
            started_at=parse_stamp(row["started_at"]),
            ended_at=parse_stamp(row["ended_at"]),
            finished=bool(row["finished"]),
            pain_before=row["pain_before"],
            pain_after=row["pain_after"],
            note=row["note"],
            exercises=tuple(exercises.get(row["id"], ())),
            id=row["id"],
            abandoned=bool(row["abandoned"]),
            work_seconds=row["work_seconds"],
            pain_where=row["pain_where"],
            pain_stop=row["pain_stop"],
            pain_during=row["pain_during"],
        )
        for row in rows
    ]


def start_times(path: Path) -> list[datetime]:
    """When every session that was not abandoned started, oldest first: all a streak
    needs, cheaply."""
    with readable(path) as db:
        if db is None:
            return []
        rows = db.execute(
            "SELECT started_at FROM sessions WHERE NOT abandoned ORDER BY started_at"
        ).fetchall()
    return [parse_stamp(row[0]) for row in rows]


def _private(path: Path) -> bool:
    """Pain scores, notes and where it hurts are for the person alone: the log is made
    readable by its owner only, and an older log made readable by others is fixed. (SQLite
    gives its -wal and -shm files the log's own permissions.) True when the log is new."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except FileExistsError:
        if path.stat().st_mode & 0o077:
            os.chmod(path, PRIVATE_FILE)
        return False
    return True


def _unmade(path: Path) -> None:
    """Remove a log made by a first write that failed (a full disk) while it is still
    empty, rather than leave an empty file where the person's log will be."""
    with suppress(OSError):
        if path.stat().st_size == 0:
            for leftover in (path, path.with_name(f"{path.name}-wal"),
                             path.with_name(f"{path.name}-shm")):  # fmt: skip
                leftover.unlink(missing_ok=True)


def _write_ahead(db: sqlite3.Connection) -> None:
    """Put the log in WAL mode (a no-op once it is). Switching a new log takes a write lock
    that SQLite does not wait for: when a second backfit, creating the same log, holds the
    lock at that moment the switch fails at once with SQLITE_BUSY, so it is tried again until
    the busy timeout, as every other wait on the log is."""
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                raise
            time.sleep(WAL_RETRY_SECONDS)


@contextmanager
def writable(path: Path) -> Iterator[sqlite3.Connection]:
    check_file(path)
    made = False
    try:
        path.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
        made = _private(path)
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    except (OSError, sqlite3.Error) as error:
        if made:
            _unmade(path)
        raise cannot("write", path, error) from None
    with closing(db):
        db.row_factory = sqlite3.Row
        try:
            migrate(db, path)
            _write_ahead(db)
            db.execute("PRAGMA foreign_keys = ON")
            yield db
        except sqlite3.DatabaseError as error:
            failed = error
        else:
            return
    if made:
        _unmade(path)
    raise cannot("write", path, failed) from None


@contextmanager
def readable(path: Path) -> Iterator[sqlite3.Connection | None]:
    """A read-only connection, or None when no log exists yet. Never creates or migrates."""
    if not log_exists(path):
        yield None
        return
    check_file(path)
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        db = _snapshot(uri)
    except sqlite3.DatabaseError:
        try:  # a WAL file in a folder we cannot write: read it as it stands
            db = _snapshot(f"{uri}&immutable=1")
        except sqlite3.DatabaseError as error:
            raise cannot("read", path, error) from None
    with closing(db):
        version = schema_version(db)
        check_ours(db, path, version)
        if version == 0:
            yield None
        elif version < LATEST:  # read an up-to-date copy; the file changes on the next write
            with closing(migrated_copy(db)) as copy:
                yield copy
        else:
            yield db


def _snapshot(uri: str) -> sqlite3.Connection:
    """A read-only connection inside one read transaction: every query sees the same
    state of the file, even while another backfit writes to it."""
    db = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    db.row_factory = sqlite3.Row
    db.execute("BEGIN")
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # starts the snapshot now
    return db


def stamp(moment: datetime) -> str:
    """UTC, to the second, so that text order is time order."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_stamp(text: str) -> datetime:
    """A stamp `stamp` wrote, back to UTC (`fromisoformat` reads the Z since Python 3.11,
    and many times faster than strptime, which today's hundreds of sessions notice)."""
    return datetime.fromisoformat(text)


def _reps_text(reps: Reps | None) -> str | None:
    """Stored as JSON: 8, or [6, 4, 2]."""
    return None if reps is None else json.dumps(list(reps) if isinstance(reps, tuple) else reps)


def _reps(text: str | None) -> Reps | None:
    if text is None:
        return None
    value = json.loads(text)
    return tuple(value) if isinstance(value, list) else int(value)
