"""What a backfit log file is: the marks that say a file is ours, the migrations that bring
any older log up to date, and the checks made before a file is read or written."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from backfit.i18n import N_, Said

APPLICATION_ID = 0x62666974  # 'bfit': marks the file as backfit's
SQLITE_HEADER = b"SQLite format 3\x00"


# Each entry moves the schema up one version. Never edit a released migration: add one.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # version 1: sessions and the exercises in them
        f"PRAGMA application_id = {APPLICATION_ID}",
        """CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('guided', 'logged')),
            slug TEXT NOT NULL,
            title TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT NOT NULL,
            finished INTEGER NOT NULL CHECK (finished IN (0, 1)),
            pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
            pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
            note TEXT
        )""",
        """CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            exercise TEXT NOT NULL,
            name TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('done', 'skipped', 'stopped', 'not reached')),
            sets INTEGER,
            reps TEXT,
            hold_seconds INTEGER
        )""",
    ),
    (  # version 2: indexes for looking back over years of sessions
        "CREATE INDEX sessions_by_start ON sessions (started_at)",
        "CREATE INDEX entries_by_session ON entries (session_id, position)",
        "CREATE INDEX entries_by_exercise ON entries (exercise, session_id)",
    ),
    (  # version 3: what was done rather than what was planned; abandoned sessions; pain
        "ALTER TABLE sessions ADD COLUMN abandoned INTEGER NOT NULL DEFAULT 0"
        " CHECK (abandoned IN (0, 1))",
        "ALTER TABLE sessions ADD COLUMN work_seconds REAL",
        "ALTER TABLE sessions ADD COLUMN pain_where TEXT",
        "ALTER TABLE sessions ADD COLUMN pain_stop INTEGER",  # position of the exercise
        "ALTER TABLE sessions ADD COLUMN pain_during INTEGER CHECK (pain_during BETWEEN 0 AND 10)",
        "ALTER TABLE entries ADD COLUMN sides INTEGER CHECK (sides IN (1, 2))",
        # Until now an exercise not done in full was stored with its planned amount: how much
        # of it was done is unknown, so the amount goes.
        "UPDATE entries SET sets = NULL, reps = NULL, hold_seconds = NULL WHERE status != 'done'",
        # reps become JSON: a number for every set, or a list ("6,4,2" was one per set)
        "UPDATE entries SET reps = '[' || reps || ']' WHERE reps LIKE '%,%'",
        # a guided session stopped inside 30 s with no exercise done was abandoned
        """UPDATE sessions SET abandoned = 1
            WHERE kind = 'guided' AND finished = 0
            AND (julianday(ended_at) - julianday(started_at)) * 86400 < 30
            AND id NOT IN (SELECT session_id FROM entries WHERE status = 'done')""",
    ),
    (  # version 4: 'entries' are a catalog's word; a session holds the exercises done
        "ALTER TABLE entries RENAME TO exercises_done",
        "DROP INDEX entries_by_session",
        "DROP INDEX entries_by_exercise",
        "CREATE INDEX exercises_done_by_session ON exercises_done (session_id, position)",
        "CREATE INDEX exercises_done_by_exercise ON exercises_done (exercise, session_id)",
    ),
    (  # version 5: a session's id is never given again, even after `log undo` or `delete`
        "CREATE TABLE session_ids (last INTEGER NOT NULL)",
        "INSERT INTO session_ids SELECT coalesce(max(id), 0) FROM sessions",
        """CREATE TRIGGER session_ids_rise AFTER INSERT ON sessions
            BEGIN UPDATE session_ids SET last = max(last, NEW.id); END""",
    ),
    (  # version 6: a programme (its settings as JSON, chosen once), its pauses, check-ins
        """CREATE TABLE programmes (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            settings TEXT NOT NULL,
            ended_on TEXT
        )""",
        """CREATE TABLE programme_pauses (
            programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
            first_day TEXT NOT NULL,
            last_day TEXT
        )""",
        """CREATE TABLE checkins (
            id INTEGER PRIMARY KEY,
            day TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            morning TEXT CHECK (morning IN ('better', 'same', 'worse')),
            pain INTEGER CHECK (pain BETWEEN 0 AND 10),
            spreading INTEGER NOT NULL DEFAULT 0 CHECK (spreading IN (0, 1)),
            red_flag INTEGER NOT NULL DEFAULT 0 CHECK (red_flag IN (0, 1)),
            confidence INTEGER CHECK (confidence BETWEEN 0 AND 10),
            activities TEXT
        )""",
        "CREATE INDEX checkins_by_day ON checkins (day)",
    ),
)
NEXT_SESSION_ID = "(SELECT last + 1 FROM session_ids)"  # an id no session ever had
LATEST = len(MIGRATIONS)


class JournalError(Said):
    """The log cannot be used; the message says why, in words for the person (said in the
    run's language where shown)."""


CANNOT = {  # the log cannot be read or written, and the system's reason
    "read": N_("cannot read the log at {path}: {why}"),
    "write": N_("cannot write the log at {path}: {why}"),
    "change": N_("cannot change the log at {path}: {why}"),
}
BLOCKED = {  # a file stands where a folder of its path should be
    "read": N_("cannot read the log at {path}: {blocker} is a file, not a folder"),
    "write": N_("cannot write the log at {path}: {blocker} is a file, not a folder"),
    "change": N_("cannot change the log at {path}: {blocker} is a file, not a folder"),
}


class SessionNotFound(JournalError):
    """No session in the log has the id asked for."""


def migrated_copy(db: sqlite3.Connection) -> sqlite3.Connection:
    """An older log, copied into memory and brought up to date there, so that every read
    sees one schema and the migrations stay the one place old logs are understood."""
    copy = sqlite3.connect(":memory:", isolation_level=None)
    db.backup(copy)
    copy.row_factory = sqlite3.Row
    for statements in MIGRATIONS[schema_version(copy) :]:
        for statement in statements:
            copy.execute(statement)
    return copy


def check_file(path: Path) -> None:
    """Refuse a file that is not an SQLite database before SQLite can touch it."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except (FileNotFoundError, NotADirectoryError):  # nothing there yet
        return
    except IsADirectoryError:
        raise JournalError(N_("{path} is a folder, not a backfit log"), path=path) from None
    except OSError as error:
        raise cannot("read", path, error) from None
    if header and header != SQLITE_HEADER:
        raise JournalError(N_("{path} is not a backfit log; it was left untouched"), path=path)


def check_ours(db: sqlite3.Connection, path: Path, version: int) -> None:
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app_id != APPLICATION_ID and (app_id != 0 or tables or version):
        raise JournalError(
            N_("{path} is another program's database, not a backfit log; it was left untouched"),
            path=path,
        )
    if version > LATEST:
        raise JournalError(
            N_(
                "{path} was written by a newer backfit (log version {version}; this one knows "
                "up to {latest}); upgrade backfit to use it. The file was not changed."
            ),
            path=path,
            version=version,
            latest=LATEST,
        )


def migrate(db: sqlite3.Connection, path: Path) -> None:
    """Bring the schema up to date, one version per transaction. The file is checked
    inside each write transaction, so a second backfit creating the log at the same
    moment is seen whole (before or after), never half-made."""
    while True:
        with transaction(db):
            version = schema_version(db)
            check_ours(db, path, version)
            if version >= LATEST:
                return
            for statement in MIGRATIONS[version]:
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {version + 1}")


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def schema_version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error)


def log_exists(path: Path, doing: str = "read") -> bool:
    """Whether there is a log yet. A place no log could ever be (a file where its folder
    should be, a folder that cannot be searched) is said, not taken as an empty log."""
    try:
        path.stat()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise cannot(doing, path, error) from None
    return True


def cannot(doing: str, path: Path, error: BaseException) -> JournalError:
    """The log at `path` cannot be read or written (`doing`), and why: the system's reason,
    or a file where a folder of its path should be."""
    if isinstance(error, (NotADirectoryError, FileExistsError)):
        blocker = next((p for p in path.parents if p.is_file()), path.parent)
        return JournalError(BLOCKED[doing], path=path, blocker=blocker)
    return JournalError(CANNOT[doing], path=path, why=reason(error))
