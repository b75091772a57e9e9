"""A placed pose as shapes to draw: the figure's lines and head, the floor, and the props.

Each shape has a layer, so that every renderer can tell the body from what is further away
(`far` limbs, drawn dotted or lighter) and from the furniture (`prop`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from backfit.figures import body
from backfit.figures.pose import PLATE_RADIUS, Point

PROPS = ("mat", "barbell", "dowel", "chair", "wall", "bed")
LAYERS = ("prop", "far", "body")  # drawn in this order, so the body is on top


@dataclass(frozen=True)
class Line:
    start: Point
    end: Point
    layer: str


@dataclass(frozen=True)
class Circle:
    centre: Point
    radius: float
    layer: str


Shape = Line | Circle

BED_HEIGHT = 0.16  # a bed's top above the floor, in H (drawn low, so the figure stays large)
MATTRESS = 0.07
MARGIN = 0.06  # floor beyond the figure's ends


def _limb(points: Mapping[str, Point], side: str) -> list[Shape]:
    layer = "body" if side == "near" else "far"
    chain = [("shoulders", "elbow"), ("elbow", "hand"), ("hips", "knee"), ("knee", "ankle"),
             ("heel", "toe"), ("ankle", "heel")]  # fmt: skip
    shapes: list[Shape] = []
    for a, b in chain:
        first = a if a in ("shoulders", "hips") else f"{side}_{a}"
        shapes.append(Line(points[first], points[f"{side}_{b}"], layer))
    return shapes


def figure(points: Mapping[str, Point]) -> list[Shape]:
    """The stick figure: far limbs first, then the trunk, head and near limbs."""
    shapes = _limb(points, "far")
    shapes += [
        Line(points["hips"], points["waist"], "body"),
        Line(points["waist"], points["shoulders"], "body"),
        Line(points["shoulders"], points["neck"], "body"),
        Circle(points["head"], body.HEAD / 2, "body"),
    ]
    return shapes + _limb(points, "near")


def extent(frames: Sequence[Mapping[str, Point]]) -> tuple[float, float]:
    """The leftmost and rightmost x any of `frames` reaches, head included."""
    xs = [x for points in frames for name, (x, _) in points.items() if name != "head"]
    heads = [points["head"][0] for points in frames]
    left = min(*xs, *(x - body.HEAD / 2 for x in heads))
    right = max(*xs, *(x + body.HEAD / 2 for x in heads))
    return left, right


def ground(props: Sequence[str], left: float, right: float) -> list[Shape]:
    """The floor under the figure, or a bed's top with its legs and the floor below."""
    left, right = left - MARGIN, right + MARGIN
    if "bed" in props:
        return [
            Line((left, 0.0), (right, 0.0), "prop"),
            Line((left, -MATTRESS), (right, -MATTRESS), "prop"),
            Line((left, 0.0), (left, -BED_HEIGHT), "prop"),
            Line((right, 0.0), (right, -BED_HEIGHT), "prop"),
            Line((left - MARGIN, -BED_HEIGHT), (right + MARGIN, -BED_HEIGHT), "prop"),
        ]
    floor: list[Shape] = [Line((left, 0.0), (right, 0.0), "prop")]
    if "mat" in props:
        floor.append(Line((left + MARGIN / 2, -0.03), (right - MARGIN / 2, -0.03), "prop"))
    return floor


def props_for(points: Mapping[str, Point], props: Sequence[str]) -> list[Shape]:
    """The props that move with the figure: the bar in the hands, the stick along the
    back, the chair under the hips, the wall behind the back."""
    shapes: list[Shape] = []
    if "barbell" in props:
        hand = points["near_hand"]
        shapes += [Circle(hand, PLATE_RADIUS, "prop"), Circle(hand, 0.02, "body")]
    if "dowel" in props:
        shapes.append(_dowel(points))
    if "chair" in props:
        x, y = points["hips"]
        seat = y - body.rest_height("hips")
        shapes += [
            Line((x - 0.14, seat), (x + 0.14, seat), "prop"),
            Line((x - 0.14, seat), (x - 0.14, 0.0), "prop"),
            Line((x + 0.14, seat), (x + 0.14, 0.0), "prop"),
            Line((x - 0.14, seat), (x - 0.16, seat + 0.3), "prop"),
        ]
    if "wall" in props:
        back = min(points[p][0] for p in ("hips", "shoulders")) - body.rest_height("hips")
        shapes.append(Line((back, 0.0), (back, 1.05), "prop"))
    return shapes


def _dowel(points: Mapping[str, Point]) -> Line:
    """A straight stick touching the back of the head and the tailbone."""
    hips, head = points["hips"], points["head"]
    along = (head[0] - hips[0], head[1] - hips[1])
    size = (along[0] ** 2 + along[1] ** 2) ** 0.5 or 1.0
    ux, uy = along[0] / size, along[1] / size
    # the back is on the left of the line from hips to head, for a figure facing right
    bx, by = -uy, ux
    depth = body.rest_height("hips")
    start = (hips[0] + bx * depth - ux * 0.08, hips[1] + by * depth - uy * 0.08)
    end = (head[0] + bx * depth + ux * 0.12, head[1] + by * depth + uy * 0.12)
    return Line(start, end, "prop")


def drawing(frames: Sequence[Mapping[str, Point]], props: Sequence[str]) -> list[list[Shape]]:
    """Each frame's shapes, all standing on one floor as wide as the widest of them."""
    left, right = extent(frames)
    floor = ground(props, left, right)
    return [[*floor, *props_for(points, props), *figure(points)] for points in frames]


def bounds(shapes: Sequence[Shape]) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of `shapes`."""
    xs: list[float] = []
    ys: list[float] = []
    for shape in shapes:
        if isinstance(shape, Line):
            xs += [shape.start[0], shape.end[0]]
            ys += [shape.start[1], shape.end[1]]
        else:
            (x, y), r = shape.centre, shape.radius
            xs += [x - r, x + r]
            ys += [y - r, y + r]
    return min(xs), min(ys), max(xs), max(ys)
