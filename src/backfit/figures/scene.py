"""A placed pose as shapes to draw: the figure's lines and head, the floor, and the props.

Each shape has a layer, so that every renderer can tell the body from what is further away
(`far` limbs, drawn dotted or lighter) and from the furniture (`prop`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import NamedTuple

from backfit.catalog import body
from backfit.catalog.movement import PLATE_RADIUS, Placed, Point, projected

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
MAT_BEHIND = 0.2  # seen from a little above, how far the mat reaches behind the body


def _limb(points: Mapping[str, Point], side: str) -> list[Shape]:
    layer = "body" if side == "near" or facing(points) else "far"
    chain = [("shoulder", "elbow"), ("elbow", "hand"), ("hip", "knee"), ("knee", "ankle")]
    chain += _foot(points, side)
    return [Line(points[f"{side}_{a}"], points[f"{side}_{b}"], layer) for a, b in chain]


def _foot(points: Mapping[str, Point], side: str) -> list[tuple[str, str]]:
    """A foot with its heel below the ankle is drawn as an L, down to the heel and along
    the sole; with the heel above the ankle (kneeling on tucked toes, the calf up), the
    heel's step reads as an extra joint, and the foot is one line from the ankle to the
    toes."""
    ankle, heel = points[f"{side}_ankle"], points[f"{side}_heel"]
    if heel[1] > ankle[1] + HEEL_UP:
        return [("ankle", "toe")]
    return [("heel", "toe"), ("ankle", "heel")]


HEEL_UP = 0.005  # how far above the ankle a heel counts as raised above it


def _girdles(points: Mapping[str, Point]) -> list[Shape]:
    """The lines across the shoulders and the hips, where the body's width shows (seen
    along its long axis), and a nose on the head, which shows which way the shoulders
    face. Seen from the side the lines have no length and are left out, and the nose is on
    the face side of the head (a figure faces right: face down when lying on its front,
    up on its back; the blind reading, set 6, could not tell the two apart without it);
    seen from the front the face looks out of the picture, and there is no nose."""
    shapes: list[Shape] = []
    for joint in ("shoulder", "hip"):
        near, far = points[f"near_{joint}"], points[f"far_{joint}"]
        if abs(near[0] - far[0]) + abs(near[1] - far[1]) > 1e-6:
            shapes.append(Line(far, near, "body"))
    if facing(points):
        return shapes
    (x1, y1), (x2, y2) = points["far_shoulder"], points["near_shoulder"]
    across = math.hypot(x2 - x1, y2 - y1)
    if across > 1e-6:
        # the near shoulder is the right one, so the chest faces a quarter turn left of it
        ux, uy = -(y2 - y1) / across, (x2 - x1) / across
    else:  # seen from the side: the face is a quarter turn right of the head's own line
        (sx, sy), (hx, hy) = points["shoulders"], points["head"]
        along = math.hypot(hx - sx, hy - sy) or 1.0
        ux, uy = (hy - sy) / along, -(hx - sx) / along
    (x, y), r = points["head"], body.HEAD / 2
    shapes.append(Line((x + ux * r, y + uy * r), (x + ux * (r + NOSE), y + uy * (r + NOSE)),
                       "body"))  # fmt: skip
    return shapes


NOSE = 0.03  # how far the nose stands out from the head


def figure(points: Mapping[str, Point]) -> list[Shape]:
    """The stick figure: far limbs first, then the trunk, head and near limbs. Seen from
    the front, the trunk is an outline from shoulder to hip on each side, the way a body
    facing the viewer looks, where a line down its middle would read as a body seen side on."""
    shapes = _limb(points, "far")
    if facing(points):
        trunk = [
            Line(points[f"{side}_shoulder"], points[f"{side}_hip"], "body") for side in body.SIDES
        ]
    else:
        trunk = [Line(points["hips"], points["waist"], "body"),
                 Line(points["waist"], points["shoulders"], "body")]  # fmt: skip
    shapes += [
        *trunk,
        Line(points["shoulders"], points["neck"], "body"),
        *_girdles(points),
        Circle(points["head"], body.HEAD / 2, "body"),
    ]
    return shapes + _limb(points, "near")


def hip_mark(points: Mapping[str, Point]) -> list[Shape]:
    """A dot at the hip joint of a figure seen from the side, where the trunk ends and the
    thighs begin: lying flat or at a bridge's top the trunk and a thigh are one straight
    line, and a blind reading (set 9) could not find the hip, nor tell the thigh from the
    trunk. Only where lines are drawn smoothly (SVG): in braille a dot is a blot."""
    if facing(points) or not has_floor(points):
        return []
    return [Circle(points["hips"], HIP_DOT, "body")]


HIP_DOT = 0.014  # the dot's radius, in H: with the line's width, about twice as wide as a line


def from_above(points: Mapping[str, Point]) -> list[Shape]:
    """The figure seen from above, where the body's width shows: the shoulders a bar with
    the head a circle on it (the way a body looks from above), both sides drawn alike
    (neither is nearer), and what lies under the shoulders and head hidden by them. Sitting
    up, the trunk is seen end on and the legs lie below the arms: they are drawn lighter,
    as anything further away is, so the arms crossed on the chest stand clear of the thighs
    in the lap. No nose: the arms and legs in front show which way the body faces, and a
    tick on the head read as a stray line."""
    upright = math.dist(points["hips"], points["shoulders"]) < UPRIGHT
    bar = _shoulder_bar(points)
    shapes: list[Line] = []
    for side in body.SIDES:
        shapes += [Line(a, b, "far" if upright else "body") for a, b in _legs(points, side)]
    if not upright:
        shapes += [
            Line(points["far_hip"], points["near_hip"], "body"),
            Line(points["hips"], points["waist"], "body"),
            Line(points["waist"], points["shoulders"], "body"),
        ]
    for side in body.SIDES:
        shapes += [Line(a, b, "body") for a, b in _arms(points, side)]
    hidden = [piece for shape in shapes for piece in _clipped(shape, bar)]
    outline = [Line(a, b, "body") for a, b in pairwise((*bar, bar[0]))]
    head = Circle(points["head"], body.HEAD / 2, "body")
    return [*_under_head([*hidden, *outline], points), head]


UPRIGHT = 0.1  # hips and shoulders closer than this on the page: the trunk is seen end on
BAR = 0.04  # half the depth of the shoulders seen from above, chest to back


def _legs(points: Mapping[str, Point], side: str) -> list[tuple[Point, Point]]:
    """Each drawn from its far end, so that a dotted leg's dots stay put where the
    shoulders, turning over it, hide a different part of the thigh; the foot from the
    ankle to the toes, since the heel below the ankle is hidden from above."""
    chain = (("hip", "knee"), ("knee", "ankle"), ("ankle", "toe"))
    return [(points[f"{side}_{b}"], points[f"{side}_{a}"]) for a, b in chain]


def _arms(points: Mapping[str, Point], side: str) -> list[tuple[Point, Point]]:
    chain = (("shoulder", "elbow"), ("elbow", "hand"))
    return [(points[f"{side}_{a}"], points[f"{side}_{b}"]) for a, b in chain]


def _shoulder_bar(points: Mapping[str, Point]) -> list[Point]:
    """The outline of the shoulders seen from above: an oval as wide as the shoulders,
    its long axis along the line from one shoulder joint to the other."""
    (x1, y1), (x2, y2) = points["far_shoulder"], points["near_shoulder"]
    across = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / across, (y2 - y1) / across
    cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
    long, short = across / 2 + SHOULDER_CAP, BAR
    corners = []
    for i in range(OVAL_SIDES):
        angle = 2 * math.pi * i / OVAL_SIDES
        a, b = long * math.cos(angle), short * math.sin(angle)
        corners.append((cx + a * ux - b * uy, cy + a * uy + b * ux))
    return corners


SHOULDER_CAP = 0.03  # how far the shoulders reach beyond their joints
OVAL_SIDES = 20


def _clipped(line: Line, polygon: Sequence[Point]) -> list[Line]:
    """The parts of `line` outside a convex `polygon` (Cyrus and Beck's clipping)."""
    (ax, ay), (bx, by) = line.start, line.end
    dx, dy = bx - ax, by - ay
    enter, leave = 0.0, 1.0
    cx = sum(x for x, _ in polygon) / len(polygon)
    cy = sum(y for _, y in polygon) / len(polygon)
    for (px, py), (qx, qy) in pairwise((*polygon, polygon[0])):
        nx, ny = qy - py, -(qx - px)  # a normal to the edge, pointed outwards below
        if nx * (cx - px) + ny * (cy - py) > 0:
            nx, ny = -nx, -ny
        towards = nx * dx + ny * dy
        outside = nx * (ax - px) + ny * (ay - py)
        if abs(towards) < 1e-12:
            if outside > 0:
                return [line]
            continue
        t = -outside / towards
        if towards < 0:
            enter = max(enter, t)
        else:
            leave = min(leave, t)
    if enter >= leave:
        return [line]

    def at(t: float) -> Point:
        return ax + t * dx, ay + t * dy

    parts = []
    if enter > 1e-9:
        parts.append(Line(line.start, at(enter), line.layer))
    if leave < 1 - 1e-9:
        parts.append(Line(at(leave), line.end, line.layer))
    return parts


def _under_head(shapes: Sequence[Shape], points: Mapping[str, Point]) -> list[Shape]:
    """The shapes as seen from above, where the head is nearest: each line's part inside
    the head's circle is hidden, so the head sits on the shoulders rather than on a
    tangle of lines."""
    centre, r = points["head"], body.HEAD / 2
    seen: list[Shape] = []
    for shape in shapes:
        if not isinstance(shape, Line):
            seen.append(shape)
            continue
        seen += [Line(a, b, shape.layer) for a, b in _outside(shape.start, shape.end, centre, r)]
    return seen


def _outside(a: Point, b: Point, centre: Point, r: float) -> list[tuple[Point, Point]]:
    """The parts of the segment a-b outside the circle."""
    (ax, ay), (bx, by), (cx, cy) = a, b, centre
    dx, dy = bx - ax, by - ay
    fx, fy = ax - cx, ay - cy
    qa, qb, qc = dx * dx + dy * dy, 2 * (fx * dx + fy * dy), fx * fx + fy * fy - r * r
    if qa < 1e-12:  # a point, such as the trunk seen end on
        return [] if qc < 0 else [(a, b)]
    disc = qb * qb - 4 * qa * qc
    if disc <= 0:
        return [(a, b)]
    root = math.sqrt(disc)
    t1, t2 = (-qb - root) / (2 * qa), (-qb + root) / (2 * qa)
    if t2 <= 0 or t1 >= 1:
        return [(a, b)]

    def at(t: float) -> Point:
        return ax + t * dx, ay + t * dy

    parts = []
    if t1 > 0:
        parts.append((a, at(t1)))
    if t2 < 1:
        parts.append((at(t2), b))
    return parts


def around_head(shapes: Sequence[Shape], points: Mapping[str, Point]) -> list[Shape]:
    """The shapes with every limb drawn across the head as it lies in space: a limb
    behind the head (further from the viewer at the crossing) is hidden inside its circle;
    one in front of it, clear of it (not a hand under the forehead), gets a `halo` first,
    which breaks the circle where the limb passes, so that an arm reaching past the head
    reads as in front of it, not through it. Seen from
    above, `from_above` has hidden what is under the head already; without the points'
    depth, nothing is changed."""
    depth = points.depth if isinstance(points, Placed) else None
    if depth is None or not has_floor(points):
        return list(shapes)
    centre, r = points["head"], body.HEAD / 2
    seen: list[Shape] = []
    for shape in shapes:
        ends = _limb_ends(shape, points)
        if ends is None:
            seen.append(shape)
            continue
        assert isinstance(shape, Line)
        inside = _inside(shape.start, shape.end, centre, r)
        if inside is None:
            seen.append(shape)
            continue
        t = sum(inside) / 2
        at = depth[ends[0]] + t * (depth[ends[1]] - depth[ends[0]]) - depth["head"]
        if at > 0:  # behind the head
            seen += [
                Line(a, b, shape.layer) for a, b in _outside(shape.start, shape.end, centre, r)
            ]
            continue
        # beside it (not resting against it), crossing the circle rather than grazing
        # its edge, where a break would take a long arc away
        if shape.layer == "body" and -at > r and _inside(shape.start, shape.end, centre, r / 2):
            wider = _inside(shape.start, shape.end, centre, r + HALO)
            if wider is not None:
                seen.append(Line(_along(shape, wider[0]), _along(shape, wider[1]), "halo"))
        seen.append(shape)
    return seen


HALO = 0.01  # how far past the head's circle a halo reaches


def _limb_ends(shape: Shape, points: Mapping[str, Point]) -> tuple[str, str] | None:
    """The points a limb's line joins, or None for a shape that is not a line of a limb
    (the trunk, the neck, the nose, a prop). Seen from the side the near and far limbs
    can be drawn in the same place; the line's layer says which it is."""
    if not isinstance(shape, Line) or shape.layer not in ("body", "far"):
        return None
    sides = ("far", "near") if shape.layer == "far" else body.SIDES
    for side in sides:
        for a, b in LIMB_LINES:
            ends = f"{side}_{a}", f"{side}_{b}"
            if (shape.start, shape.end) == (points[ends[0]], points[ends[1]]):
                return ends
    return None


LIMB_LINES = (("shoulder", "elbow"), ("elbow", "hand"), ("hip", "knee"), ("knee", "ankle"),
              ("ankle", "heel"), ("heel", "toe"), ("ankle", "toe"))  # fmt: skip


def _inside(a: Point, b: Point, centre: Point, r: float) -> tuple[float, float] | None:
    """Where (as fractions from a to b) the segment a-b is inside the circle, if it is."""
    (ax, ay), (bx, by), (cx, cy) = a, b, centre
    dx, dy = bx - ax, by - ay
    fx, fy = ax - cx, ay - cy
    qa, qb, qc = dx * dx + dy * dy, 2 * (fx * dx + fy * dy), fx * fx + fy * fy - r * r
    if qa < 1e-12:
        return None
    disc = qb * qb - 4 * qa * qc
    if disc <= 0:
        return None
    root = math.sqrt(disc)
    t1, t2 = max(0.0, (-qb - root) / (2 * qa)), min(1.0, (-qb + root) / (2 * qa))
    return (t1, t2) if t2 - t1 > 1e-6 else None


def _along(line: Line, t: float) -> Point:
    (ax, ay), (bx, by) = line.start, line.end
    return ax + t * (bx - ax), ay + t * (by - ay)


def facing(points: Mapping[str, Point]) -> bool:
    """Whether the body faces the viewer (seen from the front): both sides are drawn alike."""
    return isinstance(points, Placed) and points.facing


def has_floor(points: Mapping[str, Point]) -> bool:
    """Whether the floor is a line in the picture: not where the figure is seen from above."""
    return not isinstance(points, Placed) or points.floor


def extent(frames: Sequence[Mapping[str, Point]]) -> tuple[float, float]:
    """The leftmost and rightmost x any of `frames` reaches, head included."""
    xs = [x for points in frames for name, (x, _) in points.items() if name != "head"]
    heads = [points["head"][0] for points in frames]
    left = min(*xs, *(x - body.HEAD / 2 for x in heads))
    right = max(*xs, *(x + body.HEAD / 2 for x in heads))
    return left, right


def ground(
    props: Sequence[str],
    left: float,
    right: float,
    band: tuple[float, float] | None = None,
    raised: float = 0.0,
) -> list[Shape]:
    """The floor under the figure, or a bed's top with its legs and the floor below. Seen
    from `raised` degrees above, the floor under the body spans `band` (how far in front
    and behind): drawn as the mat's outline, or as the floor's near and far edges."""
    left, right = left - MARGIN, right + MARGIN
    if band is not None:
        near, far = band[0] - MARGIN, band[1] + MAT_BEHIND  # room behind for the feet
        front = [projected((x, 0.0, near), raised) for x in (left, right)]
        back = [projected((x, 0.0, far), raised) for x in (right, left)]
        if "mat" not in props:  # the floor: only its near and far edges
            return [Line(front[0], front[1], "prop"), Line(back[0], back[1], "prop")]
        corners = [*front, *back]
        return [Line(a, b, "prop") for a, b in pairwise([*corners, corners[0]])]
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
    seated start (otherwise beside the figure, its backrest under the near hand), a wall
    touching the back, and seen from above, a mat under a body lying on it."""
    shapes: list[Shape] = []
    if "mat" in props and not has_floor(still):
        shapes += _mat_from_above(still)
    if "chair" in props and not has_floor(still):
        shapes += _seat_from_above(still)
    elif "chair" in props:
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


BACKREST = 0.05  # the backrest's depth seen from above, a bar behind the seat
SEAT_WIDTH = 0.32  # a firm chair's seat seen from above, 54 cm across on a person 1.70 m tall


def _seat_from_above(points: Mapping[str, Point]) -> list[Shape]:
    """A chair seen from above: its seat under the hips and thighs, the backrest a bar
    along its back edge, a hand's width behind the hips (sitting away from it)."""
    x, y = points["hips"]
    left, right = x - SEAT_WIDTH / 2, x + SEAT_WIDTH / 2
    back, front = y - 0.1, y - 0.1 + 2 * CHAIR_SEAT
    rest = back - BACKREST
    return [
        Line((left, back), (right, back), "prop"),
        Line((right, back), (right, front), "prop"),
        Line((right, front), (left, front), "prop"),
        Line((left, front), (left, back), "prop"),
        Line((left, rest), (right, rest), "prop"),
        Line((left, rest), (left, back), "prop"),
        Line((right, rest), (right, back), "prop"),
    ]


MAT_WIDTH = 0.36  # an exercise mat, 61 cm across on a person 1.70 m tall


def _mat_from_above(points: Mapping[str, Point]) -> list[Shape]:
    """A mat seen from above: a long box from beyond the head to beyond the feet, under
    the trunk, so the figure reads as lying on the floor rather than standing; the arms
    out to the sides reach past its edges onto the floor."""
    ys = [y for name, (_, y) in points.items() if name != "head"]
    top = points["head"][1] + body.HEAD / 2 + MARGIN
    bottom = min(ys) - MARGIN
    x = points["shoulders"][0]
    left, right = x - MAT_WIDTH / 2, x + MAT_WIDTH / 2
    corners = ((left, bottom), (right, bottom), (right, top), (left, top))
    return [Line(a, b, "prop") for a, b in pairwise((*corners, corners[0]))]


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
    if not has_floor(frames[0]):  # seen from above
        return [[*fixed, *from_above(points)] for points in frames]
    seen = [points for points in frames if isinstance(points, Placed) and points.band]
    bands = [points.band for points in seen if points.band]
    band = (min(b[0] for b in bands), max(b[1] for b in bands)) if bands else None
    floor = ground(props, left, right, band, seen[0].raised if seen else 0.0)
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
