"""The body maths of a pose: a keyframe's data to a posture (every segment's angle), a
posture to joint positions on the floor, and the postures in between two keyframes.

Pure functions on plain values, so that the catalog's pose model (`poses`), its checks,
the renderers and the tests all use the same few lines of geometry. Lengths are fractions
of standing height (see `body`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple

from backfit.catalog import body
from backfit.catalog.errors import Loc

Point = tuple[float, float]


class Angle(NamedTuple):
    """A segment's direction in the picture's plane, and how far (degrees) it turns out of
    that plane, towards or away from the viewer, which shortens it on the page."""

    degrees: float
    away: float = 0.0


class Posture(NamedTuple):
    """A body's position: every segment's angle, and the points resting on the floor. A
    catalog `Frame` gives one (with its shorthands and defaults filled in), and so does
    every instant between two of them."""

    angles: Mapping[str, Angle]  # every name in body.SEGMENTS
    contacts: tuple[str, ...]  # point names from body.POINTS, groups expanded


class PoseError(ValueError):
    """Pose data that cannot be read, with each problem's place in the data."""

    def __init__(self, problems: list[tuple[Loc, str]]) -> None:
        super().__init__("; ".join(message for _, message in problems))
        self.problems = problems


# --- reading -----------------------------------------------------------------------------


def posture(angles: Mapping[str, float | Angle], contacts: Sequence[str]) -> Posture:
    """A posture from a keyframe's data as written: shorthands (`trunk`, `thigh`, ...) set every
    segment they stand for, a named segment (`lumbar`, `near_thigh`) overrides them, the
    head defaults to the thoracic part's line and a foot to a right angle with its shin."""
    problems: list[tuple[Loc, str]] = []
    full: dict[str, Angle] = {}
    for name, value in angles.items():
        angle = value if isinstance(value, Angle) else Angle(float(value))
        if name in body.SHORTHANDS:
            for segment in body.SHORTHANDS[name]:
                full.setdefault(segment, angle)
        elif name not in body.SEGMENTS:
            problems.append((("angles", name), f"unknown segment '{name}'"))
    for name, value in angles.items():
        if name in body.SEGMENTS:
            full[name] = value if isinstance(value, Angle) else Angle(float(value))
    if "thoracic" in full:
        full.setdefault("head", full["thoracic"])
    for girdle in body.GIRDLES:
        full.setdefault(girdle, END_ON)
    for side in body.SIDES:
        shin = full.get(f"{side}_shin")
        if shin is not None:
            full.setdefault(f"{side}_foot", Angle(shin.degrees + 90.0))
    missing = [s for s in body.SEGMENTS if s not in full]
    if missing:
        listed = ", ".join(missing)
        problems.append((("angles",), f"no angle for {listed}"))
    points: list[str] = []
    for i, name in enumerate(contacts):
        expanded = body.expand_points(name)
        if not expanded:
            message = f"unknown point '{name}'; use one of {', '.join(_contact_names())}"
            problems.append((("contacts", i), message))
        points += [p for p in expanded if p not in points]
    if not contacts:
        problems.append((("contacts",), "name at least one point resting on the floor"))
    if problems:
        raise PoseError(problems)
    return Posture(full, tuple(points))


END_ON = Angle(0.0, -90.0)
"""A line across the body seen from the side: pointing at the viewer, so it has no length."""


def _contact_names() -> list[str]:
    return [*body.TRUNK_POINTS, *body.POINT_GROUPS, "near_knee", "far_hand", "..."]


# --- forward kinematics ------------------------------------------------------------------


def direction(degrees: float) -> Point:
    radians = math.radians(degrees)
    return math.cos(radians), math.sin(radians)


Solid = tuple[float, float, float]
"""A point in space: x and y in the picture, z away from the viewer."""


def _step(start: Solid, angle: Angle, length: float) -> Solid:
    (dx, dy), out = direction(angle.degrees), math.radians(angle.away)
    across = length * math.cos(out)
    return start[0] + dx * across, start[1] + dy * across, start[2] + length * math.sin(out)


def _opposite(angle: Angle) -> Angle:
    """The direction straight opposite `angle`, out of the picture as well as in it."""
    return Angle(angle.degrees + 180.0, -angle.away)


def skeleton(frame: Posture) -> dict[str, Point]:
    """Every joint and point of `frame` in the picture, with the middle of the hips at the
    origin."""
    return {name: (x, y) for name, (x, y, _) in solid(frame).items()}


def solid(frame: Posture) -> dict[str, Solid]:
    """Every joint and point of `frame` in space: where `skeleton` puts it in the picture,
    and how far it lies behind the middle of the hips (negative: in front, nearer)."""
    a = frame.angles
    points: dict[str, Solid] = {"hips": (0.0, 0.0, 0.0)}
    points["waist"] = _step(points["hips"], a["lumbar"], body.LUMBAR)
    points["shoulders"] = _step(points["waist"], a["thoracic"], body.THORACIC)
    points["neck"] = _step(points["shoulders"], a["head"], body.NECK)
    points["head"] = _step(points["shoulders"], a["head"], body.NECK + body.HEAD / 2)
    for middle, girdle, width in (("shoulders", "shoulder_line", body.SHOULDER_WIDTH),
                                  ("hips", "hip_line", body.HIP_WIDTH)):  # fmt: skip
        joint = middle.removesuffix("s")
        points[f"near_{joint}"] = _step(points[middle], a[girdle], width / 2)
        points[f"far_{joint}"] = _step(points[middle], _opposite(a[girdle]), width / 2)
    for side in body.SIDES:
        elbow = _step(points[f"{side}_shoulder"], a[f"{side}_upper_arm"], body.UPPER_ARM)
        points[f"{side}_elbow"] = elbow
        points[f"{side}_hand"] = _step(elbow, a[f"{side}_forearm"], body.FOREARM)
        knee = _step(points[f"{side}_hip"], a[f"{side}_thigh"], body.THIGH)
        ankle = _step(knee, a[f"{side}_shin"], body.SHIN)
        points[f"{side}_knee"], points[f"{side}_ankle"] = knee, ankle
        foot, shin = a[f"{side}_foot"], a[f"{side}_shin"]
        down = Angle(foot.degrees - 90.0, shin.away)  # from the ankle to the sole, down the leg
        back = Angle(foot.degrees + 180.0, foot.away)
        heel = _step(_step(ankle, down, body.ANKLE), back, body.HEEL)
        points[f"{side}_heel"] = heel
        points[f"{side}_toe"] = _step(heel, foot, body.FOOT)
    return points


def clearance(name: str, point: Point) -> float:
    """How far above the floor the body is at `name` (negative: below it)."""
    return point[1] - body.rest_height(name)


def checked(points: Mapping[str, Point]) -> Iterator[tuple[str, float]]:
    """Every point that must not sink into the floor, and how far above it it is."""
    for name in (*body.POINTS, *body.GIRDLE_POINTS):
        yield name, clearance(name, points[name])


def moved(points: Mapping[str, Point], dx: float, dy: float) -> dict[str, Point]:
    return {name: (x + dx, y + dy) for name, (x, y) in points.items()}


class Placed(dict[str, Point]):
    """A posture's points on the page, whether the floor is in the picture (seen from
    above, the floor is the page itself, and nothing stands on a line under the figure),
    whether the body faces the viewer (seen from the front, neither side is nearer), and
    how far above the floor the eye is, with the depth the body spans (seen from a little
    above, what lies further back is drawn higher up, and the floor is a band, not a line),
    and how far behind the middle of the hips each point lies, which the picture loses
    (an arm drawn across the head passes in front of it or behind it)."""

    def __init__(
        self,
        points: Mapping[str, Point],
        *,
        floor: bool = True,
        facing: bool = False,
        band: tuple[float, float] | None = None,
        raised: float = 0.0,
        depth: Mapping[str, float] | None = None,
    ) -> None:
        super().__init__(points)
        self.floor = floor
        self.facing = facing
        self.band = band  # how far in front of the anchor and behind it the body reaches
        self.raised = raised  # how many degrees above the floor the eye is
        self.depth = depth  # each point's distance behind the hips' middle, if known


def placed(frame: Posture, anchor: str, *, floor: bool = True, raised: float = 0.0) -> Placed:
    """`frame` standing on the floor: lifted so its lowest contact rests on it, and shifted
    so `anchor` is at x = 0, so that what stays put stays put between frames. Without a
    floor in the picture (seen from above), `anchor` is simply put at the origin. With the
    eye `raised` degrees, as seen from there (the anchor keeps x = 0)."""
    points = skeleton(frame)
    if not floor:
        shifted = moved(points, -points[anchor][0], -points[anchor][1])
        return Placed(shifted, floor=False, depth=_depth(frame))
    lowest = min(clearance(name, points[name]) for name in frame.contacts)
    return _raised(moved(points, -points[anchor][0], -lowest), frame, anchor, raised)


def _depth(frame: Posture) -> dict[str, float]:
    return {name: z for name, (_, _, z) in solid(frame).items()}


def _raised(points: Mapping[str, Point], frame: Posture, anchor: str, raised: float) -> Placed:
    """Placed `points` of `frame` seen with the eye `raised` degrees above the floor: a
    point's height is foreshortened, and its depth (behind the anchor) lifts it up the page."""
    depth = _depth(frame)
    if not raised:
        return Placed(points, depth=depth)
    behind = depth[anchor]
    seen = {
        name: projected((x, y, depth[name] - behind), raised) for name, (x, y) in points.items()
    }
    near, far = min(depth.values()) - behind, max(depth.values()) - behind
    return Placed(seen, band=(near, far), raised=raised, depth=depth)


def projected(point: Solid, raised: float) -> Point:
    """Where a point in space is drawn, seen from in front, `raised` degrees above the
    floor and a little to the left: a point further back is drawn higher up the page and a
    little to the right, so a flat mat is a parallelogram and a shin folded back behind the
    knee is drawn at an angle to the thigh, not along it (an oblique view, as in a drawing)."""
    x, y, z = point
    up, back = math.cos(math.radians(raised)), math.sin(math.radians(raised))
    return x + z * ASIDE, y * up + z * back


ASIDE = 0.15  # how far right a point is drawn for each unit it lies further back


def barbell_clearance(points: Mapping[str, Point]) -> float:
    """How far the plates of a bar held in the near hand are above the floor."""
    return points["near_hand"][1] - PLATE_RADIUS


PLATE_RADIUS = 0.128  # a standard 450 mm plate, for a person 1.76 m tall


# --- checks ------------------------------------------------------------------------------


def normalised(degrees: float) -> float:
    """An angle brought into (-180, 180]."""
    degrees = math.fmod(degrees, 360.0)
    if degrees > 180.0:
        degrees -= 360.0
    elif degrees <= -180.0:
        degrees += 360.0
    return degrees


def joint_angle(frame: Posture, proximal: str, distal: str, offset: float) -> float:
    """A joint's angle in three dimensions: how far `distal` turns from `proximal` (turned
    by `offset` in the picture's plane), in whichever direction, signed as it bends in the
    picture. For two segments in the picture's plane this is simply their difference; a
    segment turned out of the plane no longer escapes the check."""
    a, b = frame.angles[proximal], frame.angles[distal]
    flat = normalised(b.degrees - a.degrees - offset)
    if not a.away and not b.away:
        return flat
    turned = _between(_neutral(a, offset), _direction_3d(b))
    return -turned if flat < 0 else turned


def ball_joint(frame: Posture, proximal: str, distal: str, offset: float) -> tuple[float, float]:
    """How a limb hangs from a ball joint (shoulder, hip), in three dimensions: how far it
    swings from straight along `proximal` (turned by `offset`), and which way, from 0 (straight
    forward, the way the picture's angles grow) through 90 (out to the side or across the
    body) to 180 (straight back)."""
    a, b = frame.angles[proximal], frame.angles[distal]
    neutral = _neutral(a, offset)
    ahead = _direction_3d(Angle(a.degrees + offset + 90.0, a.away))
    along = _dot(ahead, neutral)  # zero unless `proximal` is turned out of the picture
    forward = _unit(tuple(f - along * n for f, n in zip(ahead, neutral, strict=True)))
    side = _cross(neutral, forward)
    limb = _direction_3d(b)
    swing = _between(neutral, limb)
    which = math.degrees(math.atan2(abs(_dot(limb, side)), _dot(limb, forward)))
    return swing, which


Vector = tuple[float, ...]


def _neutral(angle: Angle, offset: float) -> Vector:
    """The direction a joint's distal segment takes when the joint is straight: `angle`
    turned by `offset`; turned half round, it is the opposite direction in space."""
    if normalised(offset) == 180.0:
        return _direction_3d(_opposite(angle))
    return _direction_3d(Angle(angle.degrees + offset, angle.away))


def _direction_3d(angle: Angle) -> Vector:
    """A segment's direction in space: x and y in the picture, z away from the viewer."""
    (dx, dy), out = direction(angle.degrees), math.radians(angle.away)
    return dx * math.cos(out), dy * math.cos(out), math.sin(out)


def _dot(p: Vector, q: Vector) -> float:
    return sum(a * b for a, b in zip(p, q, strict=True))


def _cross(p: Vector, q: Vector) -> Vector:
    return p[1] * q[2] - p[2] * q[1], p[2] * q[0] - p[0] * q[2], p[0] * q[1] - p[1] * q[0]


def _unit(p: Vector) -> Vector:
    size = math.sqrt(_dot(p, p)) or 1.0
    return tuple(a / size for a in p)


def _between(p: Vector, q: Vector) -> float:
    """The angle in degrees between two directions."""
    return math.degrees(math.acos(max(-1.0, min(1.0, _dot(p, q)))))


# --- movement ----------------------------------------------------------------------------


def ease(t: float) -> float:
    """Slow out, slow in: how a controlled movement starts and stops."""
    t = min(1.0, max(0.0, t))
    return 0.5 - 0.5 * math.cos(math.pi * t)


def between(a: Posture, b: Posture, t: float) -> Posture:
    """The pose a fraction `t` of the way from `a` to `b`, each segment turning the short
    way round; contacts are those of the nearer keyframe."""
    angles = {
        name: Angle(
            a.angles[name].degrees
            + t * normalised(b.angles[name].degrees - a.angles[name].degrees),
            a.angles[name].away + t * (b.angles[name].away - a.angles[name].away),
        )
        for name in a.angles
    }
    return Posture(angles, a.contacts if t < 0.5 else b.contacts)


def frame_at(
    frames: Sequence[Posture],
    anchor: str,
    progress: float,
    *,
    floor: bool = True,
    raised: float = 0.0,
) -> Placed:
    """The placed points at `progress` along the movement through `frames`: 0 is the first,
    1 the last, and a middle one sits at 0.5. The anchor keeps its place, and nothing
    dips below the floor on the way (where there is one in the picture)."""
    progress = min(1.0, max(0.0, progress))
    spans = len(frames) - 1
    index = min(int(progress * spans), spans - 1)
    local = progress * spans - index
    if local <= 0.0:
        return placed(frames[index], anchor, floor=floor, raised=raised)
    if local >= 1.0:
        return placed(frames[index + 1], anchor, floor=floor, raised=raised)
    frame = between(frames[index], frames[index + 1], local)
    points = skeleton(frame)
    first = placed(frames[index], anchor, floor=floor)[anchor]
    second = placed(frames[index + 1], anchor, floor=floor)[anchor]
    x = first[0] + local * (second[0] - first[0])
    y = first[1] + local * (second[1] - first[1])
    points = moved(points, x - points[anchor][0], y - points[anchor][1])
    if not floor:
        return Placed(points, floor=False, depth=_depth(frame))
    lowest = min(gap for _, gap in checked(points))
    return _raised(moved(points, 0.0, -lowest) if lowest < 0 else points, frame, anchor, raised)
