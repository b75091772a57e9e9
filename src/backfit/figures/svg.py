"""Shapes to SVG: one picture of one or more frames side by side, self-contained and
scalable, with a title and description for screen readers and nothing that runs.

The output is byte-stable (numbers rounded to one decimal, a fixed order), so the same
pose always gives the same file, and pictures can be compared in tests and diffs.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from backfit.figures.scene import Circle, Line, Shape, bounds

UNIT = 100.0  # SVG user units per body height
PAD = 0.06  # space around each frame, in body heights
GAP = 0.2  # space between frames
LABEL = 0.09  # room under each frame for its label
FONT_SIZE = 6.0  # the label's size, in SVG user units
CHAR_WIDTH = 0.6  # a generous average width of a sans-serif character, in font sizes
WRAP_AT = 0.8  # body heights: a label wider than this and than its figure takes more lines
LINE = FONT_SIZE * 1.25 / UNIT  # from one line of a label to the next, in body heights
STROKES = {
    "body": 'stroke="#1f2933" stroke-width="2.4"',
    "far": 'stroke="#7b8794" stroke-width="2.4" stroke-dasharray="3 3"',
    "prop": 'stroke="#9aa5b1" stroke-width="1.6"',
}


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def picture(
    frames: Sequence[Sequence[Shape]],
    labels: Sequence[str],
    *,
    title: str,
    description: str,
    ids: str = "",
) -> str:
    """An SVG document showing `frames` left to right, each above its label; `ids` goes
    before the ids of its title and description, which must differ between pictures on
    one page (a handout's)."""
    box = bounds([shape for frame in frames for shape in frame])
    left, bottom, right, top = box
    # Each frame is at least as wide as its label, so that no label is clipped at the
    # picture's edges or runs into its neighbour's; a long label under a narrow figure
    # takes more lines rather than shrinking the figure in a wide frame.
    room = max(right - left + 2 * PAD, WRAP_AT)
    wrapped = [wrap(label, room - PAD) for label in labels]
    widest = max((label_width(line) for lines in wrapped for line in lines), default=0.0)
    width = max(right - left + 2 * PAD, widest + PAD)
    lines_down = max((len(lines) for lines in wrapped), default=1)
    drawn = top - bottom + 2 * PAD
    height = drawn + LABEL + (lines_down - 1) * LINE
    total = width * len(frames) + GAP * (len(frames) - 1)
    view = f"0 0 {_n(total * UNIT)} {_n(height * UNIT)}"
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" '
        f'viewBox="{view}" role="img" aria-labelledby="{ids}title {ids}desc">',
        f'<title id="{ids}title">{escape(title)}</title>',
        f'<desc id="{ids}desc">{escape(description)}</desc>',
        '<g fill="none" stroke-linecap="round" stroke-linejoin="round">',
    ]
    for i, (frame, label, lines) in enumerate(zip(frames, labels, wrapped, strict=True)):
        dx = i * (width + GAP) + (width - (right - left)) / 2 - left

        def x(value: float, dx: float = dx) -> str:
            return _n((value + dx) * UNIT)

        def y(value: float) -> str:
            return _n((top + PAD - value) * UNIT)

        parts.append(f'<g aria-label="{escape(label)}">')
        for layer in ("prop", "far", "body"):
            for shape in frame:
                if shape.layer != layer:
                    continue
                if isinstance(shape, Line):
                    (x1, y1), (x2, y2) = shape.start, shape.end
                    parts.append(
                        f'<line x1="{x(x1)}" y1="{y(y1)}" x2="{x(x2)}" y2="{y(y2)}" '
                        f"{STROKES[layer]}/>"
                    )
                elif isinstance(shape, Circle):
                    (cx, cy), r = shape.centre, shape.radius
                    parts.append(
                        f'<circle cx="{x(cx)}" cy="{y(cy)}" r="{_n(r * UNIT)}" {STROKES[layer]}/>'
                    )
        middle = _n((i * (width + GAP) + width / 2) * UNIT)
        for j, line in enumerate(lines):
            baseline = drawn + LABEL - PAD / 2 + j * LINE
            parts.append(
                f'<text x="{middle}" y="{_n(baseline * UNIT)}" fill="#1f2933" '
                f'stroke="none" font-family="sans-serif" font-size="{_n(FONT_SIZE)}" '
                'text-anchor="middle">'
                f"{escape(line)}</text>"
            )
        parts.append("</g>")
    parts += ["</g>", "</svg>"]
    return "\n".join(parts) + "\n"


def label_width(label: str) -> float:
    """How wide `label` is drawn, in body heights (an estimate on the generous side)."""
    return len(label) * FONT_SIZE * CHAR_WIDTH / UNIT


def wrap(label: str, room: float) -> list[str]:
    """`label` in lines at most `room` body heights wide, broken between words (a word
    wider than that has a line of its own)."""
    lines: list[str] = []
    for word in label.split(" "):
        if lines and label_width(f"{lines[-1]} {word}") <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [label]
