"""stdout on its own: writes checked whole (short, failed, closed), ASCII and escapes."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from backfit import output
from backfit.output import guarded_stdout
from backfit.transliteration import to_ascii
from backfit.writing import OutputError, write_all, write_file

# Runs `backfit ARGS` with stdout on PATH (opened with `>` or `>>`), in a process whose
# files may grow to LIMIT bytes: past that, a write is cut short and then fails with EFBIG,
# as on a disk that fills part-way (SIGXFSZ is ignored, so the write returns instead).
LIMITED = """
import resource, signal, sys
limit, path, mode, *args = sys.argv[1:]
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
if int(limit) >= 0:
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(limit), int(limit)))
sys.stdout = open(path, mode, encoding="utf-8")
sys.argv = ["backfit", *args]
from backfit.__main__ import main
main()
"""
EARLIER = b"written before\n"


def backfit_into(path: Path, mode: str, *args: str, limit: int = -1) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-c", LIMITED, str(limit), str(path), mode, *args],
        capture_output=True,
        env={**os.environ, "COLUMNS": "80"},
        timeout=60,
    )
    return done.returncode, done.stderr.decode()


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """What `backfit show bent-leg-deadlift` writes when nothing stops it."""
    path = tmp_path_factory.mktemp("whole") / "out.txt"
    assert backfit_into(path, "w", "show", "bent-leg-deadlift") == (0, "")
    assert len(path.read_bytes()) > 5000  # more than a page: a limit below cuts it short
    return path.read_bytes()


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
@pytest.mark.parametrize("mode", ["w", "a"])
def test_a_file_that_fills_part_way_fails_and_keeps_every_earlier_byte(
    tmp_path: Path, whole: bytes, mode: str
) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(EARLIER)
    limit = 4096
    code, stderr = backfit_into(target, mode, "show", "bent-leg-deadlift", limit=limit)
    assert (code, stderr) == (5, f"backfit: cannot write the output: {os.strerror(errno.EFBIG)}\n")
    if mode == "a":  # `>>`: what was there stays, and after it as much as would fit
        assert target.read_bytes() == EARLIER + whole[: limit - len(EARLIER)]
    else:  # `>`: the shell emptied it; as much as would fit, nothing cut back or added
        assert target.read_bytes() == whole[:limit]


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_appending_whole_output_keeps_the_earlier_bytes(tmp_path: Path, whole: bytes) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(EARLIER)
    assert backfit_into(target, "a", "show", "bent-leg-deadlift") == (0, "")
    assert target.read_bytes() == EARLIER + whole


def test_a_short_write_is_carried_on_and_a_write_taking_nothing_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    taken: list[bytes] = []

    def a_little_at_a_time(fd: int, data: bytes) -> int:
        taken.append(bytes(data[:3]))
        return len(taken[-1])

    monkeypatch.setattr(os, "write", a_little_at_a_time)
    write_all(99, b"0123456789")
    assert taken == [b"012", b"345", b"678", b"9"]
    monkeypatch.setattr(os, "write", lambda fd, data: 0)
    with pytest.raises(OSError) as failed:
        write_all(99, b"x")
    assert failed.value.errno == errno.ENOSPC


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_disk_is_an_output_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        monkeypatch.setattr(sys, "stdout", full)
        with pytest.raises(OutputError) as failed, guarded_stdout():
            print("x" * 500)
    assert not failed.value.closed_pipe
    assert str(failed.value) == os.strerror(errno.ENOSPC)
    assert sys.stdout is full


def test_a_pipe_whose_reader_left_is_a_closed_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    read, write = os.pipe()
    os.close(read)
    with open(write, "w", encoding="utf-8") as pipe:
        monkeypatch.setattr(sys, "stdout", pipe)
        with pytest.raises(OutputError) as failed, guarded_stdout():
            print("x")
    assert failed.value.closed_pipe


def test_what_was_printed_before_a_command_failed_is_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = io.StringIO()
    monkeypatch.setattr(sys, "stdout", raw)
    with pytest.raises(KeyError), guarded_stdout():
        print("first")
        raise KeyError
    assert raw.getvalue() == "first\n"


def test_a_closed_pipe_is_told_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", Closed())
    with pytest.raises(OutputError) as failed, guarded_stdout():
        print("x")
    assert failed.value.closed_pipe


def test_ascii_keeps_meaning_and_escapes_the_rest() -> None:
    assert to_ascii("2 × 5 reps · rest 60 s • pain ≤ 2 → 3 – ok") == (
        "2 x 5 reps - rest 60 s * pain <= 2 -> 3 - ok"
    )
    assert to_ascii("╭─╮│╰╯━╸█▁▇") == "+-+|++--#_*"
    assert to_ascii("Café, Thomeé 体 😀") == "Cafe, Thomee \\u4f53 \\ud83d\\ude00"  # accents go


def test_an_ascii_stream_gets_ascii_and_json_stays_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="ascii"))
    monkeypatch.delenv(output.ASCII_ENV, raising=False)
    with guarded_stdout():
        output.write_json(json.dumps({"dose": "2 × 5 · café 😀"}, ensure_ascii=False))
        sys.stdout.write("• bullet\n")
    text = raw.getvalue().decode("ascii")
    first, second = text.splitlines()
    assert json.loads(first) == {"dose": "2 × 5 · café 😀"}
    assert second == "* bullet"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "C"}, True),
        ({"LANG": "C", "LC_CTYPE": "C.UTF-8"}, True),  # what Python makes of LANG=C
        ({"LANG": "en_GB.UTF-8"}, False),
        ({"LC_ALL": "POSIX", "LANG": "en_GB.UTF-8"}, True),
        ({"LANG": "C", "LC_CTYPE": "en_GB.UTF-8"}, False),
        ({"LANG": "en_GB.UTF-8", "BACKFIT_ASCII": "1"}, True),
        ({"LANG": "en_GB.UTF-8", "BACKFIT_ASCII": "0"}, False),
    ],
)
def test_when_output_is_ascii(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: bool
) -> None:
    for name in ("LANG", "LC_ALL", "LC_CTYPE", "BACKFIT_ASCII"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert output.ascii_only(io.StringIO()) is expected


def test_a_file_backfit_makes_is_whole_or_left_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "figure.svg"
    write_file(target, "<svg>first</svg>\n")
    assert target.read_text() == "<svg>first</svg>\n"

    def disk_full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", disk_full)
    with pytest.raises(OSError):
        write_file(target, "<svg>second</svg>\n")
    assert target.read_text() == "<svg>first</svg>\n"
    assert [p.name for p in tmp_path.iterdir()] == ["figure.svg"]  # no temporary file left
