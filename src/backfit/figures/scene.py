"""A placed pose as shapes to draw: the figure's lines and head, the floor, and the props.

Each shape has a layer, so that every renderer can tell the body from what is further away
(`far` limbs, drawn dotted or lighter) and from the furniture (`prop`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from backfit.catalog import body
from backfit.catalog.movement import PLATE_RADIUS, Point

PROPS = ("mat", "barbell", "dowel", "chair", "wall", "bed")
LAYERS = ("prop", "far", "body")  # drawn in this order, so the body is on top


class Line(NamedTuple):
    start: Point
    end: Point
    layer: str


class Circle(NamedTuple):
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
    """The props held by the figure, which move with it: the bar, the stick."""
    shapes: list[Shape] = []
    if "barbell" in props:
        hand = points["near_hand"]
        shapes += [Circle(hand, PLATE_RADIUS, "prop"), Circle(hand, 0.02, "body")]
    if "dowel" in props:
        shapes.append(_dowel(points))
    return shapes


CHAIR_SEAT = 0.14  # half the seat's depth
CHAIR_BACK = 0.3  # the backrest's height above the seat


def furniture(still: Mapping[str, Point], props: Sequence[str]) -> list[Shape]:
    """The props that stay where the start pose puts them: a chair under the hips of a
    seated start (otherwise beside the figure, its backrest under the near hand) and a
    wall touching the back."""
    shapes: list[Shape] = []
    if "chair" in props:
        shapes += _seat(still) if seated(still) else _held_chair(still)
    if "wall" in props:
        back = min(still[p][0] for p in ("hips", "shoulders")) - body.rest_height("hips")
        shapes.append(Line((back, 0.0), (back, 1.05), "prop"))
    return shapes


def seated(points: Mapping[str, Point]) -> bool:
    """Whether the figure sits: hips low, both thighs pointing forwards."""
    hips = points["hips"]
    if not 0.15 < hips[1] < 0.45:
        return False
    for side in ("near", "far"):
        dx, dy = points[f"{side}_knee"][0] - hips[0], points[f"{side}_knee"][1] - hips[1]
        if dx <= 0 or abs(dy) > dx:  # more than 45 degrees from level
            return False
    return True


def _seat(points: Mapping[str, Point]) -> list[Shape]:
    x, y = points["hips"]
    seat = y - body.rest_height("hips")
    front, back = x + CHAIR_SEAT, x - CHAIR_SEAT
    return [
        Line((back, seat), (front, seat), "prop"),
        Line((back, seat), (back, 0.0), "prop"),
        Line((front, seat), (front, 0.0), "prop"),
        Line((back, seat), (back - 0.02, seat + CHAIR_BACK), "prop"),
    ]


SEAT_HEIGHT = (0.25, 0.28)  # a dining chair's seat, 43 to 48 cm on a person 1.70 m tall


def _held_chair(points: Mapping[str, Point]) -> list[Shape]:
    """A chair whose backrest (or, held low, whose seat) is under the near hand, its seat
    as high as a real chair's whatever the hand's height."""
    x, top = points["near_hand"]
    low, high = SEAT_HEIGHT
    seat = min(top, max(low, min(high, top - CHAIR_BACK)))
    return [
        Line((x, top), (x, 0.0), "prop"),
        Line((x, seat), (x + 2 * CHAIR_SEAT, seat), "prop"),
        Line((x + 2 * CHAIR_SEAT, seat), (x + 2 * CHAIR_SEAT, 0.0), "prop"),
    ]


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


def drawing(
    frames: Sequence[Mapping[str, Point]],
    props: Sequence[str],
    still: Mapping[str, Point] | None = None,
    span: tuple[float, float] | None = None,
) -> list[list[Shape]]:
    """Each frame's shapes, all standing on one floor as wide as the widest of them (or
    `span`, left and right), with the furniture where `still` (the start pose; the first
    frame if not given) puts it."""
    fixed = furniture(frames[0] if still is None else still, props)
    left, right = extent(frames) if span is None else span
    if fixed:
        left, right = min(left, *_xs(fixed)), max(right, *_xs(fixed))
    floor = ground(props, left, right)
    return [[*floor, *fixed, *props_for(points, props), *figure(points)] for points in frames]


def _xs(shapes: Sequence[Shape]) -> list[float]:
    return [
        x for shape in shapes if isinstance(shape, Line) for x in (shape.start[0], shape.end[0])
    ]


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
