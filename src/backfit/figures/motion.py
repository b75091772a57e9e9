"""What moves from one frame of a pose to the next, drawn so that a still picture shows it.

Frames side by side tell what moves only when the movement is large: a pelvic tilt or a
swallow fly lifts a few centimetres, and a blind reading of the figures could not see
what changed. So each frame after the first is drawn with the segments that moved in an
accent colour (`moved`, `moved-far`), where they were in the frame before as a faint
ghost behind (`ghost`, `ghost-far`), and an arrow at the end of each part that moved most,
along the way it went (`arrow`). All of it comes from the joints' positions; nothing is
said per exercise. These layers are the SVG's: the terminal's figures animate instead.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import pairwise

from backfit.catalog import body
from backfit.catalog.movement import Point
from backfit.figures.scene import Line, Shape, has_floor

MOVED = 0.01  # H: a point that moves less than this (1.7 cm) stays put
FOLLOWS = 0.3  # and one that moves less than this share of what moves most is carried along
LEADS = 0.5  # a part gets an arrow if it moves at least this share of what moves most
MOST_ARROWS = 3
APART = 0.08  # H: arrows for points closer than this (near and far limbs seen side on) are one
LONG = 0.14  # H: a path at least this long is drawn as it goes; a shorter one, straight
SHORT = 0.09  # H: the length of the straight arrow beside a small movement
GAP = 0.035  # H: between an arrow and the point it is about
HEAD = 0.03  # H: the arrowhead's sides
HEAD_ANGLE = 28.0  # degrees between the arrowhead's sides and its shaft
RECOLOURED = {"body": "moved", "far": "moved-far"}
GHOSTED = {"body": "ghost", "far": "ghost-far"}
PARTS = (
    ("hips", "waist", "shoulders", "neck", "head"),
    *((f"{side}_elbow", f"{side}_hand") for side in body.SIDES),
    *((f"{side}_knee", f"{side}_ankle", f"{side}_heel", f"{side}_toe") for side in body.SIDES),
)
"""The parts that can each have an arrow, every one listed from the body towards its end."""


def shifts(before: Mapping[str, Point], after: Mapping[str, Point]) -> dict[str, float]:
    """How far each point moves from `before` to `after` on the page."""
    return {name: math.dist(before[name], after[name]) for name in after if name in before}


def cued(
    before: Sequence[Shape], after: Sequence[Shape], steps: Sequence[Mapping[str, Point]]
) -> list[Shape]:
    """The shapes of `after` with what moved since `before` shown: `steps` are the points
    along the way, the first those of `before`, the last those of `after`. Nothing is
    added where nothing moved."""
    start, end = steps[0], steps[-1]
    shifted = shifts(start, end)
    # What the person moves, not what it carries a little (a bridge's head, as the trunk
    # tilts): in a figure coloured all over, the colour no longer says what to move.
    least = max(MOVED, FOLLOWS * max(shifted.values(), default=0.0))
    moved = {name for name, shift in shifted.items() if shift > least}
    if not moved:
        return list(after)
    ghost = [
        shape._replace(layer=GHOSTED[shape.layer])
        for shape in before
        if shape.layer in GHOSTED and isinstance(shape, Line) and _touches(shape, start, moved)
    ]
    shown = [
        shape._replace(layer=RECOLOURED[shape.layer])
        if shape.layer in RECOLOURED and _touches(shape, end, moved)
        else shape
        for shape in after
    ]
    figure = [shape for shape in shown if isinstance(shape, Line) and shape.layer in DRAWN]
    arrows = [
        line
        for name in leading(start, end)
        for line in arrow(
            [points[name] for points in steps],
            floor=has_floor(end),
            clear=GAP + (body.HEAD / 2 if name == "head" else 0.0),
            avoid=figure,
        )
    ]
    return [*ghost, *shown, *arrows]


DRAWN = ("body", "far", "moved", "moved-far")  # the figure's own lines, which a short arrow avoids


def leading(before: Mapping[str, Point], after: Mapping[str, Point]) -> list[str]:
    """The points that get an arrow: in each part that moves nearly as much as the part
    that moves most, the point that moves most (the one furthest out, where they move
    alike); one arrow for points in the same place, and a few at most, largest first."""
    shift = shifts(before, after)
    most = max(shift.values(), default=0.0)
    if most <= MOVED:
        return []
    ends = []
    for part in PARTS:
        present = [name for name in part if name in shift]
        if not present:
            continue
        # rounded, so that points moving alike go to the one furthest out
        name = max(reversed(present), key=lambda n: round(shift[n], 3))
        if shift[name] >= max(MOVED, LEADS * most):
            ends.append(name)
    ends.sort(key=lambda n: -round(shift[n], 3))
    chosen: list[str] = []
    for name in ends:
        if all(math.dist(after[name], after[other]) >= APART for other in chosen):
            chosen.append(name)
    return chosen[:MOST_ARROWS]


def arrow(
    path: Sequence[Point], *, floor: bool = True, clear: float = GAP, avoid: Sequence[Line] = ()
) -> list[Line]:
    """An arrow for a point that went along `path`: along the path itself, short of both
    ends, where it is long enough to read; otherwise a short straight arrow the way the
    point moved, `clear` of it: just ahead, or just behind where ahead is under the floor
    or across a line of the figure in `avoid` (none, where both are: an arrow drawn over
    the body reads as part of it)."""
    length = sum(math.dist(a, b) for a, b in pairwise(path))
    (x0, y0), (x1, y1) = path[0], path[-1]
    if length >= LONG:
        shaft = _trimmed(list(path), GAP)
        shaft = list(reversed(_trimmed(list(reversed(shaft)), clear)))
    else:
        span = math.hypot(x1 - x0, y1 - y0)
        if span < 1e-9:
            return []
        ux, uy = (x1 - x0) / span, (y1 - y0) / span
        far, near = clear + SHORT, clear
        ahead = [(x1 + ux * near, y1 + uy * near), (x1 + ux * far, y1 + uy * far)]
        behind = [(x1 - ux * far, y1 - uy * far), (x1 - ux * near, y1 - uy * near)]
        fits = [
            candidate
            for candidate in (ahead, behind)
            if not (floor and min(y for _, y in candidate) < 0.0)
            and not any(_crosses(candidate[0], candidate[1], line) for line in avoid)
        ]
        if not fits:
            return []
        shaft = fits[0]
    lines = [Line(a, b, "arrow") for a, b in pairwise(shaft) if math.dist(a, b) > 1e-9]
    if not lines:
        return []
    (ax, ay), (tx, ty) = lines[-1].start, lines[-1].end
    back = math.atan2(ay - ty, ax - tx)
    for turn in (HEAD_ANGLE, -HEAD_ANGLE):
        angle = back + math.radians(turn)
        lines.append(Line((tx, ty), (tx + HEAD * math.cos(angle), ty + HEAD * math.sin(angle)),
                          "arrow"))  # fmt: skip
    return lines


def _crosses(a: Point, b: Point, line: Line) -> bool:
    """Whether the segment a-b crosses `line`."""

    def side(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    c, d = line.start, line.end
    return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0


def _trimmed(path: list[Point], cut: float) -> list[Point]:
    """`path` without its first `cut` of length."""
    for i, (a, b) in enumerate(pairwise(path)):
        step = math.dist(a, b)
        if step > cut:
            t = cut / step
            return [(a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])), *path[i + 1 :]]
        cut -= step
    return path[-1:]


def _touches(shape: Shape, points: Mapping[str, Point], moved: set[str]) -> bool:
    """Whether `shape` belongs to a moved point: a line with an end at (or, for a line
    cut short or a nose, nearest to) one, a circle around one."""
    ends = (shape.start, shape.end) if isinstance(shape, Line) else (shape.centre,)
    return any(_nearest(end, points) in moved for end in ends)


def _nearest(point: Point, points: Mapping[str, Point]) -> str:
    return min(points, key=lambda name: math.dist(point, points[name]))
