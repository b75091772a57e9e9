"""The two streams: results to stdout through Rich, messages to stderr as plain lines."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from backfit.text_safety import escaped

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.segment import Segment


def stdout_console() -> Console:
    """Rich decides colour from the stream: none when piped, none with NO_COLOR."""
    from rich.console import Console

    return Console(highlight=False, emoji=False, markup=False)


def print_view(console: Console, renderable: RenderableType) -> None:
    """Print without the trailing spaces Rich pads lines with, which clutter pipes and diffs."""
    from rich.segment import Segment, Segments

    # Every view already fits the console's width, so its segments are only split into
    # lines here, not cropped again (which costs a cell count of every segment).
    lines = Segment.split_lines(console.render(renderable))
    segments: list[Segment] = []
    for line in lines:
        segments += _rstrip(line)
        segments.append(Segment.line())
    console.print(Segments(segments), end="", soft_wrap=True)  # already fitted: no re-wrapping


def _rstrip(line: list[Segment]) -> list[Segment]:
    from rich.segment import Segment

    while line and line[-1].control is None and not line[-1].text.strip():
        line = line[:-1]
    if line:
        last = line[-1]
        line = [*line[:-1], Segment(last.text.rstrip(), last.style, last.control)]
    return line


def error_line(message: str) -> None:
    """One line on stderr, whatever `message` holds."""
    sys.stderr.write(f"backfit: {escaped(message)}\n")


def write_lines(lines: list[str]) -> None:
    """Plain result lines on stdout, made safe like error lines."""
    sys.stdout.write("".join(f"{escaped(line)}\n" for line in lines))


def write_json(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
