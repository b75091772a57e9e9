"""The stdout guard on its own: failed writes, files cut back, ASCII and escapes."""

from __future__ import annotations

import errno
import io
import sys
from pathlib import Path

import pytest

from backfit import output
from backfit.output import OutputError, guarded_stdout, to_ascii


class FillsUp(io.FileIO):
    """A real file that takes `room` more bytes and then fails as a full disk does."""

    def __init__(self, path: Path, room: int) -> None:
        super().__init__(path, "a")
        self.room = room

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if self.room <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        taken = min(self.room, len(data))
        self.room -= taken
        return super().write(bytes(data)[:taken])


def test_a_full_disk_partway_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"kept\n")
    stream = io.TextIOWrapper(io.BufferedWriter(FillsUp(target, 100), 16), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", stream)
    with pytest.raises(OutputError) as failed, guarded_stdout():
        print("x" * 500)
    assert not failed.value.closed_pipe
    assert str(failed.value) == "No space left on device"
    assert target.read_bytes() == b"kept\n"
    assert sys.stdout is stream


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
