"""`backfit show` draws the pose as large as the terminal leaves room for: it grows with
the width and the height, and never runs past the width (issue 18)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rich.cells import cell_len

Invoke = Callable[..., Any]


def figure(invoke: Invoke, width: int, height: int, name: str = "bird-dog") -> list[str]:
    """The braille lines of the figure `show` draws, trailing spaces removed."""
    result = invoke("show", name, env={"COLUMNS": str(width), "LINES": str(height)})
    assert (result.exit_code, result.stderr) == (0, "")
    return [line for line in result.stdout.splitlines() if any("⠀" <= c <= "⣿" for c in line)]


def frame_height(invoke: Invoke, width: int, height: int, name: str = "bird-dog") -> int:
    result = invoke("show", name, env={"COLUMNS": str(width), "LINES": str(height)})
    runs, run = [], 0
    for line in result.stdout.splitlines():
        if any("⠀" <= c <= "⣿" for c in line):
            run += 1
        else:
            runs, run = [*runs, run], 0
    return max([*runs, run])


@pytest.mark.parametrize("name", ["bird-dog", "glute-bridge", "sit-to-stand", "walking"])
@pytest.mark.parametrize("width", [40, 80, 200])
def test_the_figure_fits_the_width(invoke: Invoke, width: int, name: str) -> None:
    lines = figure(invoke, width, 50, name)
    assert lines and max(cell_len(line) for line in lines) <= width


@pytest.mark.parametrize("name", ["bird-dog", "glute-bridge"])
def test_the_figure_grows_with_the_width(invoke: Invoke, name: str) -> None:
    at_40, at_80, at_200 = (frame_height(invoke, w, 50, name) for w in (40, 80, 200))
    # (At 80 the frames may stand side by side a little smaller than one alone at 40.)
    assert max(at_40, at_80) < at_200
    wide = figure(invoke, 200, 50, name)
    assert max(cell_len(line) for line in wide) > 100  # past the text's reading width


def test_the_figure_grows_with_the_height(invoke: Invoke) -> None:
    short, tall = (frame_height(invoke, 200, h) for h in (24, 60))
    assert short < tall
    # and never takes more than about a third of the screen for one frame
    assert tall <= 60 // 3


def test_a_short_wide_terminal_keeps_the_figure_small(invoke: Invoke) -> None:
    assert frame_height(invoke, 200, 24) <= 10
