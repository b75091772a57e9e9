"""The live screen writes only what changed, and what a terminal shows is the whole frame."""

from __future__ import annotations

import io
from typing import Any

import pyte
import pytest
from rich.console import Console
from rich.text import Text

from backfit.live.screens import LiveScreen


class Frames:
    """A view that draws the given frames, one per moment, as FittedScreen.fit would."""

    def __init__(self, *frames: list[str]) -> None:
        self.frames = iter(frames)

    def __call__(self, moment: Any) -> Frames:
        self.lines = [
            Text(line, style="bold" if line.isupper() else "") for line in next(self.frames)
        ]
        return self

    def fit(self, console: Console, width: int, height: int) -> list[Text]:
        return self.lines


@pytest.fixture(autouse=True)
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")  # the tests run with TERM=dumb


def test_only_the_rows_that_change_are_written_and_the_screen_is_whole() -> None:
    out = io.StringIO()
    console = Console(file=out, width=20, height=4, force_terminal=True, color_system="standard")
    view = Frames(["hold", "10", "next: relax", "q stop"], ["HOLD", "9", "next: relax", "q stop"],
                  ["HOLD", "9", "next: relax", "q stop"], ["relax"])  # fmt: skip
    screen = LiveScreen(console, view)
    writes = []
    for _ in range(4):
        start = len(out.getvalue())
        screen.show(None)  # type: ignore[arg-type]
        writes.append(out.getvalue()[start:])
    assert all(f"\x1b[{row};1H" in writes[0] for row in (1, 2, 3, 4))
    assert "\x1b[3;1H" not in writes[1] and "next" not in writes[1]  # rows 1 and 2 only
    assert "\x1b[1;1H" in writes[1] and "\x1b[2;1H" in writes[1]
    assert writes[2] == ""  # nothing changed: nothing written
    terminal = pyte.Screen(20, 4)
    pyte.Stream(terminal).feed(out.getvalue())
    assert [line.rstrip() for line in terminal.display] == ["relax", "", "", ""]


def test_a_new_size_clears_and_draws_everything() -> None:
    out = io.StringIO()
    console = Console(file=out, width=20, height=2, force_terminal=True)
    screen = LiveScreen(console, Frames(["a", "b"], ["a", "b"]))
    screen.show(None)  # type: ignore[arg-type]
    console.size = (30, 2)
    start = len(out.getvalue())
    screen.show(None)  # type: ignore[arg-type]
    assert out.getvalue()[start:].startswith("\x1b[2J")
    assert "a" in out.getvalue()[start:] and "b" in out.getvalue()[start:]
