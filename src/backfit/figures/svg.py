"""Shapes to SVG: one picture of one or more frames side by side, self-contained and
scalable, with a title and description for screen readers and nothing that runs.

The output is byte-stable (numbers rounded to one decimal, a fixed order), so the same
pose always gives the same file, and pictures can be compared in tests and diffs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple
from unicodedata import east_asian_width
from xml.sax.saxutils import escape

from backfit.figures.scene import Circle, Line, Shape, bounds

UNIT = 100.0  # SVG user units per body height
PAD = 0.06  # space around each frame, in body heights
GAP = 0.2  # space between frames
LABEL = 0.09  # room under each frame for its label, at FONT_SIZE
FONT_SIZE = 6.0  # the labels' size, in SVG user units, unless a printed size asks for more
CHAR_WIDTH = 0.6  # a generous average width of a sans-serif character, in font sizes
WRAP_AT = 0.8  # body heights: a label wider than this and than its figure takes more lines
SPACING = 1.25  # from one line of text to the next, in font sizes
PRINTED_PT = 8.5  # the smallest text on paper, in points, where the printed size is known
MM_PER_PT = 25.4 / 72
SAMPLE = 0.07  # body heights: the line drawn before a legend's entry
ACCENT = "#c2410c"
STROKES = {
    "ghost": 'stroke="#f6c9a8" stroke-width="2.4"',
    "ghost-far": 'stroke="#f6c9a8" stroke-width="2.4" stroke-dasharray="3 3"',
    "prop": 'stroke="#9aa5b1" stroke-width="1.6"',
    "far": 'stroke="#7b8794" stroke-width="2.4" stroke-dasharray="3 3"',
    "moved-far": 'stroke="#e8895c" stroke-width="2.4" stroke-dasharray="3 3"',
    "body": 'stroke="#1f2933" stroke-width="2.4"',
    "moved": f'stroke="{ACCENT}" stroke-width="2.4"',
    "halo": 'stroke="#ffffff" stroke-width="4.4"',
    "arrow": f'stroke="{ACCENT}" stroke-width="1.6"',
}
"""Each layer's look, in the order they are drawn: ghosts under everything, the arrows
over it; in a layer, the shapes in the order given (a `halo` just before the limb it
belongs to, after the head it breaks)."""
RANK = {"ghost": 0, "ghost-far": 0, "prop": 1, "far": 2, "moved-far": 2, "body": 3, "moved": 3,
        "halo": 3, "arrow": 4}  # fmt: skip


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


class Layout(NamedTuple):
    """Where everything goes, in body heights: each frame's width, the labels' lines, the
    legend's rows of entries, and the picture's size."""

    size: float  # the text's font size, in user units
    box: tuple[float, float, float, float]
    width: float
    wrapped: list[list[str]]
    legend: list[list[tuple[str, str]]]
    drawn: float  # the figures' height, padding included
    total: float

    @property
    def line(self) -> float:
        return self.size * SPACING / UNIT

    @property
    def labels_end(self) -> float:
        """Where the last line of the labels sits, from the top."""
        lines_down = max((len(lines) for lines in self.wrapped), default=1)
        return self.drawn + LABEL * self.size / FONT_SIZE + (lines_down - 1) * self.line

    @property
    def height(self) -> float:
        """The whole picture's: the figures, their labels and the legend's rows."""
        return self.labels_end + len(self.legend) * self.line


def words(label: str) -> list[str]:
    """Where a label may be broken: between its words (each with the spaces after it)."""
    return re.findall(r"\S+\s*", label)


Breaks = Callable[[str], Sequence[str]]  # a label's pieces, each a line may start with


def layout(
    frames: Sequence[Sequence[Shape]],
    labels: Sequence[str],
    legend: Sequence[tuple[str, str]] = (),
    size: float = FONT_SIZE,
    breaks: Breaks = words,
) -> Layout:
    """The picture laid out with its text `size` units high, its labels broken into lines
    between the pieces `breaks` gives (a Chinese label has no spaces to break at)."""
    box = bounds([shape for frame in frames for shape in frame])
    left, bottom, right, top = box
    # Each frame is at least as wide as its label, so that no label is clipped at the
    # picture's edges or runs into its neighbour's; a long label under a narrow figure
    # takes more lines rather than shrinking the figure in a wide frame.
    room = max(right - left + 2 * PAD, WRAP_AT * size / FONT_SIZE)
    wrapped = [wrap(breaks(label), room - PAD, size) for label in labels]
    widest = max((label_width(line, size) for lines in wrapped for line in lines), default=0.0)
    width = max(right - left + 2 * PAD, widest + PAD)
    total = width * len(frames) + GAP * (len(frames) - 1)
    rows: list[list[tuple[str, str]]] = []
    for entry in legend:
        if rows and _row_width([*rows[-1], entry], size) <= total - PAD:
            rows[-1].append(entry)
        else:
            rows.append([entry])
    widest_row = max((_row_width(row, size) for row in rows), default=0.0)
    total = max(total, widest_row + PAD)
    return Layout(size, box, width, wrapped, rows, top - bottom + 2 * PAD, total)


def printed_layout(
    frames: Sequence[Sequence[Shape]],
    labels: Sequence[str],
    legend: Sequence[tuple[str, str]],
    printed: tuple[float, float],
    breaks: Breaks = words,
) -> Layout:
    """The layout whose text comes out at least PRINTED_PT points high when the picture
    is printed as large as fits `printed` (width and height in millimetres): larger text
    takes more room, which makes the picture smaller, so the size is found in a few steps."""
    size = FONT_SIZE
    for _ in range(8):
        laid = layout(frames, labels, legend, size, breaks)
        scale = min(printed[0] / (laid.total * UNIT), printed[1] / (laid.height * UNIT))
        needed = math.ceil(PRINTED_PT * MM_PER_PT / scale * 10) / 10
        if needed <= size:
            return laid
        size = needed
    return layout(frames, labels, legend, size, breaks)


def picture(
    frames: Sequence[Sequence[Shape]],
    labels: Sequence[str],
    *,
    title: str,
    description: str,
    ids: str = "",
    legend: Sequence[tuple[str, str]] = (),
    printed: tuple[float, float] | None = None,
    breaks: Breaks = words,
) -> str:
    """An SVG document showing `frames` left to right, each above its label, and under
    them the `legend`'s entries (a layer, drawn as a short line, and what it means); `ids`
    goes before the ids of its title and description, which must differ between pictures
    on one page (a handout's). With `printed` (the largest it is printed, in mm across and
    down), the text is large enough to read on paper."""
    laid = (
        layout(frames, labels, legend, breaks=breaks)
        if printed is None
        else printed_layout(frames, labels, legend, printed, breaks)
    )
    left, _, right, top = laid.box
    width, size = laid.width, laid.size
    view = f"0 0 {_n(laid.total * UNIT)} {_n(laid.height * UNIT)}"
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" '
        f'viewBox="{view}" role="img" aria-labelledby="{ids}title {ids}desc">',
        f'<title id="{ids}title">{escape(title)}</title>',
        f'<desc id="{ids}desc">{escape(description)}</desc>',
        '<g fill="none" stroke-linecap="round" stroke-linejoin="round">',
    ]
    spare = (laid.total - (width * len(frames) + GAP * (len(frames) - 1))) / 2
    for i, (frame, label, lines) in enumerate(zip(frames, labels, laid.wrapped, strict=True)):
        dx = spare + i * (width + GAP) + (width - (right - left)) / 2 - left

        def x(value: float, dx: float = dx) -> str:
            return _n((value + dx) * UNIT)

        def y(value: float) -> str:
            return _n((top + PAD - value) * UNIT)

        parts.append(f'<g aria-label="{escape(label)}">')
        for shape in sorted(frame, key=lambda shape: RANK[shape.layer]):
            if isinstance(shape, Line):
                (x1, y1), (x2, y2) = shape.start, shape.end
                parts.append(
                    f'<line x1="{x(x1)}" y1="{y(y1)}" x2="{x(x2)}" y2="{y(y2)}" '
                    f"{STROKES[shape.layer]}/>"
                )
            elif isinstance(shape, Circle):
                (cx, cy), r = shape.centre, shape.radius
                parts.append(
                    f'<circle cx="{x(cx)}" cy="{y(cy)}" r="{_n(r * UNIT)}" {STROKES[shape.layer]}/>'
                )
        middle = spare + i * (width + GAP) + width / 2
        for j, line in enumerate(lines):
            baseline = laid.drawn + LABEL * size / FONT_SIZE - PAD / 2 + j * laid.line
            parts.append(_text(middle, baseline, size, line))
        parts.append("</g>")
    parts += _legend(laid)
    parts += ["</g>", "</svg>"]
    return "\n".join(parts) + "\n"


def _text(x: float, baseline: float, size: float, text: str, anchor: str = "middle") -> str:
    return (
        f'<text x="{_n(x * UNIT)}" y="{_n(baseline * UNIT)}" fill="#1f2933" '
        f'stroke="none" font-family="sans-serif" font-size="{_n(size)}" '
        f'text-anchor="{anchor}">'
        f"{escape(text)}</text>"
    )


def _legend(laid: Layout) -> list[str]:
    """The legend's rows under the labels, each centred, each entry a short line in its
    layer's look and then its words."""
    parts = []
    space = label_width(" ", laid.size)
    for k, row in enumerate(laid.legend):
        baseline = laid.labels_end - PAD / 2 + (k + 1) * laid.line
        at = (laid.total - _row_width(row, laid.size)) / 2
        mid = baseline - laid.size * 0.35 / UNIT
        for layer, text in row:
            x1, x2 = _n(at * UNIT), _n((at + SAMPLE) * UNIT)
            parts.append(
                f'<line x1="{x1}" y1="{_n(mid * UNIT)}" x2="{x2}" y2="{_n(mid * UNIT)}" '
                f"{STROKES[layer]}/>"
            )
            parts.append(_text(at + SAMPLE + space, baseline, laid.size, text, "start"))
            at += SAMPLE + space + label_width(text, laid.size) + 3 * space
    return parts


def _row_width(row: Sequence[tuple[str, str]], size: float) -> float:
    space = label_width(" ", size)
    entries = [SAMPLE + space + label_width(text, size) for _, text in row]
    return sum(entries) + 3 * space * (len(entries) - 1)


def label_width(label: str, size: float = FONT_SIZE) -> float:
    """How wide `label` is drawn, in body heights (an estimate on the generous side): a
    Chinese character is a whole font size wide, not an average Latin letter's 0.6."""
    ems = sum(1.0 if east_asian_width(c) in "WF" else CHAR_WIDTH for c in label)
    return ems * size / UNIT


def wrap(pieces: Sequence[str], room: float, size: float = FONT_SIZE) -> list[str]:
    """A label's `pieces` in lines at most `room` body heights wide (a piece wider than
    that has a line of its own)."""
    lines: list[str] = []
    for piece in pieces:
        if lines and label_width((lines[-1] + piece).rstrip(), size) <= room:
            lines[-1] += piece
        else:
            lines.append(piece)
    return [line.rstrip() for line in lines] or [""]
