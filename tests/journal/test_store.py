"""The training log on real SQLite files: migrations, refusals, concurrency, crashes."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backfit.journal import schema
from backfit.journal import store as journal
from backfit.journal.schema import JournalError, SessionNotFound
from backfit.journal.store import ExerciseDone, LoggedSession

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def session(n: int = 0, **changes: object) -> LoggedSession:
    fields: dict[str, object] = {
        "kind": "guided",
        "slug": "mcgill-big-3",
        "title": "McGill big 3",
        "started_at": T0 + timedelta(days=n),
        "ended_at": T0 + timedelta(days=n, minutes=15),
        "finished": True,
        "pain_before": 4,
        "pain_after": 2,
        "exercises": (
            ExerciseDone("mcgill-curl-up", "McGill curl-up", "done", 3, (6, 4, 2), 10, 1),
            ExerciseDone("bird-dog", "Bird dog", "skipped"),
        ),
    }
    fields.update(changes)
    return LoggedSession(**fields)  # type: ignore[arg-type]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_first_write_creates_the_log_and_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "log.sqlite3"
    assert journal.sessions(path) == []  # reading creates nothing
    assert not path.exists()
    saved = journal.save(path, session())
    [back] = journal.sessions(path)
    assert back.id == saved
    assert back == session(id=saved)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST
        assert db.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID


def test_an_empty_file_becomes_a_log(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    path.write_bytes(b"")
    journal.save(path, session())
    assert len(journal.sessions(path)) == 1


@pytest.mark.parametrize("version", range(1, schema.LATEST))
def test_migrates_from_each_earlier_version_keeping_data(tmp_path: Path, version: int) -> None:
    path = tmp_path / "log.sqlite3"
    with sqlite3.connect(path) as db:  # a log as an older backfit left it
        for statements in schema.MIGRATIONS[:version]:
            for statement in statements:
                db.execute(statement)
        db.execute(f"PRAGMA user_version = {version}")
        db.execute(
            "INSERT INTO sessions (kind, slug, title, started_at, ended_at, finished)"
            " VALUES ('logged', 'bird-dog', 'Bird dog', '2026-01-05T10:00:00Z',"
            " '2026-01-05T10:03:00Z', 1)"
        )
    assert [s.title for s in journal.sessions(path)] == ["Bird dog"]  # readable before
    journal.save(path, session())
    assert [s.slug for s in journal.sessions(path)] == ["mcgill-big-3", "bird-dog"]
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST
        indexes = {
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='index'")
        }
        assert {"sessions_by_start", "exercises_done_by_exercise"} <= indexes


def test_a_newer_log_is_refused_and_never_written(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    journal.save(path, session())
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    db.close()
    before = digest(path)
    for attempt in (
        lambda: journal.save(path, session(1)),
        lambda: journal.sessions(path),
        lambda: journal.remove_last(path),
        lambda: journal.remove(path, 1),
        lambda: journal.change(path, 1, {"note": "x"}),
    ):
        with pytest.raises(JournalError, match="written by a newer backfit"):
            attempt()
    assert digest(path) == before


@pytest.mark.parametrize(
    "content",
    [b"this is my shopping list\n", os.urandom(4096), b"SQLite format 2\x00" + b"x" * 200],
)
def test_a_file_that_is_not_a_log_is_left_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "log.sqlite3"
    path.write_bytes(content)
    with pytest.raises(JournalError, match="not a backfit log; it was left untouched"):
        journal.save(path, session())
    for attempt in (journal.sessions, journal.remove_last, lambda p: journal.remove(p, 1)):
        with pytest.raises(JournalError, match="not a backfit log"):
            attempt(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.sqlite3"]


def test_another_programs_database_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
    db.close()
    before = digest(path)
    with pytest.raises(JournalError, match="another program's database"):
        journal.save(path, session())
    assert digest(path) == before


WRITER = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime, timedelta
    from backfit.journal import store as journal
    from backfit.journal.store import ExerciseDone, LoggedSession

    path, who, many = sys.argv[1], sys.argv[2], int(sys.argv[3])
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for n in range(many):
        exercises = tuple(ExerciseDone(f"ex-{k}", f"Ex {k}", "done") for k in range(3))
        moment = start + timedelta(minutes=n)
        journal.save(path and __import__("pathlib").Path(path), LoggedSession(
            "logged", who, who, moment, moment, True, exercises=exercises))
    """
)


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), who, "150"])
        for who in ("first", "second")
    ]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    assert count(path, "sessions") == 300
    assert count(path, "exercises_done") == 900
    with sqlite3.connect(path) as db:
        per_writer = dict(db.execute("SELECT slug, count(*) FROM sessions GROUP BY slug"))
    assert per_writer == {"first": 150, "second": 150}


KILLED = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from backfit.journal import store as journal
    from backfit.journal.store import ExerciseDone

    sys.path.insert(0, sys.argv[2])
    from test_store import session

    def exercises():
        yield ExerciseDone("mcgill-curl-up", "McGill curl-up", "done")
        yield ExerciseDone("bird-dog", "Bird dog", "done")
        os.kill(os.getpid(), signal.SIGKILL)  # the power goes out mid-session
        yield ExerciseDone("side-plank", "Side plank", "done")

    # a session whose exercises are written as they come, the last one never
    journal.save(Path(sys.argv[1]), session(5)._replace(exercises=exercises()))
    """
)


def test_two_processes_creating_the_log_at_once_both_succeed(tmp_path: Path) -> None:
    for attempt in range(6):  # the race is at creation: try it on several fresh files
        path = tmp_path / f"log-{attempt}.sqlite3"
        writers = [
            subprocess.Popen([sys.executable, "-c", WRITER, str(path), who, "5"])
            for who in ("first", "second")
        ]
        assert [w.wait(timeout=60) for w in writers] == [0, 0], attempt
        assert count(path, "sessions") == 10


def test_a_second_writer_at_the_moment_the_new_log_turns_to_wal_is_waited_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The race the test above finds now and then, made certain: another backfit takes the
    # write lock just after this one made the log and before it switches the log to WAL.
    # SQLite fails that switch at once rather than waiting; backfit waits.
    path = tmp_path / "log.sqlite3"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    made = journal.migrate

    def made_then_taken(db: sqlite3.Connection, at: Path) -> None:
        made(db, at)
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            other.execute("BEGIN IMMEDIATE")
            threading.Timer(0.3, lambda: other.execute("COMMIT")).start()

    monkeypatch.setattr(journal, "migrate", made_then_taken)
    journal.save(path, session())
    other.close()
    assert count(path, "sessions") == 1
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_process_killed_mid_session_leaves_no_partial_rows(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    journal.save(path, session())  # one complete session already there
    tests = str(Path(__file__).parent)
    killed = subprocess.run([sys.executable, "-c", KILLED, str(path), tests], check=False)
    assert killed.returncode == -9
    assert count(path, "sessions") == 1
    assert count(path, "exercises_done") == 2
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    journal.save(path, session(6))  # and the log is still usable
    assert count(path, "sessions") == 2


def test_an_unwritable_place_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    path = blocker / "backfit" / "log.sqlite3"  # a folder inside a file: cannot be made
    with pytest.raises(JournalError, match=r"^cannot write the log at .*: "):
        journal.save(path, session())
    with pytest.raises(JournalError, match=r"a-file is a file, not a folder$"):
        journal.sessions(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_folder_says_so_and_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    journal.save(path, session())
    tmp_path.chmod(0o555)
    path.chmod(0o444)
    try:
        with pytest.raises(JournalError, match="cannot write the log"):
            journal.save(path, session(1))
        assert len(journal.sessions(path)) == 1
    finally:
        tmp_path.chmod(0o755)
        path.chmod(0o644)


def test_filters_since_and_exercise(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    for n in range(10):
        journal.save(path, session(n))
    journal.save(
        path,
        session(20, slug="bird-dog", exercises=(ExerciseDone("bird-dog", "Bird dog", "done"),)),
    )
    recent = journal.sessions(path, since=T0 + timedelta(days=7))
    assert [s.started_at.day for s in recent] == [22, 11, 10, 9]
    only = journal.sessions(path, exercise="mcgill-curl-up", limit=3)
    assert [s.started_at.day for s in only] == [11, 10, 9]
    assert all(s.exercises[0].exercise == "mcgill-curl-up" for s in only)


@contextmanager
def old_log(path: Path, version: int) -> Iterator[sqlite3.Connection]:
    """A log made by the schema of an earlier `version`, to be filled by the caller."""
    with sqlite3.connect(path) as db:
        for statements in schema.MIGRATIONS[:version]:
            for statement in statements:
                db.execute(statement)
        db.execute(f"PRAGMA user_version = {version}")
        yield db


def version_2_log(path: Path) -> None:
    """A log as backfit wrote it before version 3: planned amounts stored for every
    exercise, pyramids as text, and a session given up after 8 seconds."""
    with old_log(path, 2) as db:
        db.executescript(
            """
            INSERT INTO sessions VALUES (1, 'guided', 'mcgill-big-3', 'McGill big 3',
                '2026-01-05T10:00:00Z', '2026-01-05T10:12:00Z', 0, 4, 2, NULL);
            INSERT INTO entries VALUES (1, 1, 1, 'mcgill-curl-up', 'McGill curl-up', 'done',
                3, '6,4,2', 10);
            INSERT INTO entries VALUES (2, 1, 2, 'bird-dog', 'Bird dog', 'skipped',
                3, '6,4,2', 10);
            INSERT INTO sessions VALUES (2, 'guided', 'bird-dog', 'Bird dog',
                '2026-01-06T10:00:00Z', '2026-01-06T10:00:08Z', 0, NULL, NULL, NULL);
            INSERT INTO entries VALUES (3, 2, 1, 'bird-dog', 'Bird dog', 'stopped', 1, '6', 10);
            INSERT INTO sessions VALUES (3, 'logged', 'glute-bridge', 'Glute bridge',
                '2026-01-07T10:00:00Z', '2026-01-07T10:02:00Z', 1, NULL, 1, 'easy');
            INSERT INTO entries VALUES (4, 3, 1, 'glute-bridge', 'Glute bridge', 'done',
                2, '8', NULL);
            """
        )
    db.close()


def check_version_2_data(found: list[LoggedSession]) -> None:
    logged, abandoned, big3 = found
    assert [s.id for s in found] == [3, 2, 1]
    assert (logged.exercises[0].sets, logged.exercises[0].reps, logged.note) == (2, 8, "easy")
    assert abandoned.abandoned and not big3.abandoned and not logged.abandoned
    assert abandoned.exercises[0].sets is None  # stopped: how much was done is not known
    curl, bird = big3.exercises
    assert (curl.status, curl.sets, curl.reps, curl.hold_seconds) == ("done", 3, (6, 4, 2), 10)
    assert (bird.status, bird.sets, bird.reps, bird.hold_seconds) == ("skipped", None, None,
                                                                       None)  # fmt: skip


def test_a_version_2_log_reads_as_migrated_without_being_changed(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    version_2_log(path)
    before = digest(path)
    check_version_2_data(journal.sessions(path))
    assert journal.start_times(path) == [T0.replace(2026, 1, 5, 10), T0.replace(2026, 1, 7, 10)]
    assert digest(path) == before


def test_a_version_2_log_migrates_on_the_next_write(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    version_2_log(path)
    journal.save(path, session(100))
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST == 6
        assert db.execute("SELECT reps FROM exercises_done WHERE id = 1").fetchone()[0] == "[6,4,2]"
    db.close()
    check_version_2_data(journal.sessions(path)[1:])


def test_undo_delete_and_change_touch_one_session_only(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    assert journal.remove_last(path) is None
    with pytest.raises(SessionNotFound):
        journal.remove(path, 1)
    with pytest.raises(SessionNotFound):
        journal.change(path, 1, {"note": "x"})
    assert not path.exists()  # asking to change an empty log creates none
    ids = [journal.save(path, session(n)) for n in (5, 1, 3)]  # added out of date order
    untouched = {s.id: s for s in journal.sessions(path)}

    removed = journal.remove_last(path)  # the one added last, not the latest date
    assert removed is not None and removed.id == ids[2] and removed.exercises
    assert count(path, "exercises_done") == 4

    changed = journal.change(path, ids[0], {"pain_after": 0, "note": "better", "pain_where": None,
                                            "started_at": T0 + timedelta(days=9)})  # fmt: skip
    moved = T0 + timedelta(days=9)
    assert (changed.pain_after, changed.note, changed.started_at) == (0, "better", moved)
    assert changed.minutes == 15  # the end moves with the start
    assert changed.exercises == untouched[ids[0]].exercises

    gone = journal.remove(path, ids[0])
    assert gone == changed
    assert journal.sessions(path) == [untouched[ids[1]]]
    with pytest.raises(SessionNotFound, match="no session 99 in the log"):
        journal.remove(path, 99)
    with pytest.raises(SessionNotFound):
        journal.change(path, 99, {"note": "x"})
    with pytest.raises(ValueError, match="cannot change kind"):
        journal.change(path, ids[1], {"kind": "logged"})
    assert journal.sessions(path) == [untouched[ids[1]]]


def test_exercise_filter_done_at_least_partly_or_planned(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    skipped = journal.save(path, session(1))  # bird dog skipped, nothing done of it
    partly = journal.save(path, session(2, exercises=(
        ExerciseDone("bird-dog", "Bird dog", "skipped", 1, (3,), 10, 2),)))  # fmt: skip
    assert [s.id for s in journal.sessions(path, exercise="bird-dog")] == [partly]
    both = journal.sessions(path, exercise="bird-dog", planned=True)
    assert [s.id for s in both] == [partly, skipped]


def test_a_version_3_log_with_its_entries_table_opens_and_migrates(tmp_path: Path) -> None:
    """A log as backfit wrote it up to version 3, its exercises in a table named 'entries'."""
    path = tmp_path / "log.sqlite3"
    with old_log(path, 3) as db:
        db.executescript(
            """
            INSERT INTO sessions (id, kind, slug, title, started_at, ended_at, finished)
                VALUES (1, 'logged', 'bird-dog', 'Bird dog', '2026-01-05T10:00:00Z',
                '2026-01-05T10:03:00Z', 1);
            INSERT INTO entries VALUES (1, 1, 1, 'bird-dog', 'Bird dog', 'done', 2, '[6,4]',
                NULL, 2);
            """
        )
    db.close()
    before = digest(path)
    [read] = journal.sessions(path, exercise="bird-dog")
    assert digest(path) == before  # read through a migrated copy, the file untouched
    assert read.exercises == (ExerciseDone("bird-dog", "Bird dog", "done", 2, (6, 4), None, 2),)
    journal.save(path, session(100))
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST == 6
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    db.close()
    assert "entries" not in names and {"exercises_done", "exercises_done_by_session"} <= names
    assert journal.sessions(path)[1] == read


def test_an_id_is_never_given_again_after_undo_or_delete(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    first, second = journal.save(path, session(0)), journal.save(path, session(1))
    journal.remove_last(path)
    third = journal.save(path, session(2))
    journal.remove(path, third)
    fourth = journal.save(path, session(3))
    assert (first, second, third, fourth) == (1, 2, 3, 4)


def test_an_older_log_goes_on_from_its_highest_id(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    with old_log(path, 4) as db:
        for n in (1, 2, 7):
            db.execute(
                "INSERT INTO sessions (id, kind, slug, title, started_at, ended_at, finished)"
                " VALUES (?, 'logged', 'bird-dog', 'Bird dog', ?, ?, 1)",
                (n, f"2026-01-0{n}T10:00:00Z", f"2026-01-0{n}T10:05:00Z"),
            )
    journal.remove(path, 7)
    assert journal.save(path, session(0)) == 8


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_log_is_private_to_its_owner(tmp_path: Path) -> None:
    path = tmp_path / "new" / "log.sqlite3"
    journal.save(path, session(0))
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    path.chmod(0o644)  # as older versions made it
    journal.save(path, session(1))
    assert path.stat().st_mode & 0o777 == 0o600
    for extra in path.parent.glob("log.sqlite3-*"):  # WAL files, while they exist
        assert extra.stat().st_mode & 0o077 == 0


def test_reading_recent_sessions_searches_by_index_and_never_scans_the_log(
    tmp_path: Path,
) -> None:
    """`today` reads a plan's few weeks from what may be a ten-year log: each query must
    find its rows through an index, not read every exercise ever done."""
    path = tmp_path / "log.sqlite3"
    for n in range(3):
        journal.save(path, session(n))
    statements: list[str] = []
    with journal.readable(path) as db:
        assert db is not None
        db.set_trace_callback(statements.append)
        found = journal.sessions_in(db, since=T0 + timedelta(days=1))
        db.set_trace_callback(None)
        plans = [
            str(row[-1])
            for statement in statements
            if statement.lstrip().upper().startswith("SELECT")
            for row in db.execute(f"EXPLAIN QUERY PLAN {statement}")
        ]
    assert [s.started_at for s in found] == [T0 + timedelta(days=2), T0 + timedelta(days=1)]
    assert all(len(s.exercises) == 2 for s in found)
    assert plans and not [p for p in plans if p.startswith("SCAN")], plans


def test_a_first_write_that_fails_leaves_no_empty_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a full disk the log could not be written, and an empty file was left where the
    person's log will be; a log that was already there is never removed."""

    def full(*_: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    path = tmp_path / "backfit.sqlite3"
    monkeypatch.setattr(journal, "migrate", full)
    with pytest.raises(JournalError, match="disk is full"):
        journal.save(path, session())
    assert not path.exists()
    path.write_bytes(b"")  # there before: kept, even empty
    with pytest.raises(JournalError, match="disk is full"):
        journal.save(path, session())
    assert path.exists()


def test_a_disk_with_room_for_a_file_but_not_a_log_is_found_before_a_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a 4 KB disk an empty file could be made, so the check passed and the whole session
    was done before the log failed: a new log is made beside it (and removed) to check."""

    def full(*_: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(journal, "migrate", full)
    with pytest.raises(JournalError, match="disk is full"):
        journal.check_writable(tmp_path / "backfit.sqlite3")
    assert list(tmp_path.iterdir()) == []  # nothing left behind
    monkeypatch.undo()
    journal.check_writable(tmp_path / "backfit.sqlite3")
    assert list(tmp_path.iterdir()) == []  # a log is not made for this
