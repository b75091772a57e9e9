"""Pose maths: segment angles to joint positions, keyframes to in-between frames, and the
checks that keep a pose on the floor and within what a body can do.

Pure functions on plain data, so the catalog's models, the renderers and the tests all use
the same few lines of geometry. Lengths are fractions of standing height (see `body`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple

from backfit.figures import body

Point = tuple[float, float]
Loc = tuple[str | int, ...]  # where in a pose's data a problem is, e.g. ("end", "contacts", 1)


class Angle(NamedTuple):
    """A segment's direction in the picture's plane, and how far (degrees) it turns out of
    that plane, towards or away from the viewer, which shortens it on the page."""

    degrees: float
    away: float = 0.0


class Keyframe(NamedTuple):
    """One pose: every segment's angle, and the points resting on the floor."""

    angles: Mapping[str, Angle]  # every name in body.SEGMENTS
    contacts: tuple[str, ...]  # point names from body.POINTS, groups expanded
    declared: tuple[str, ...] = ()  # the contacts as written, groups and all

    def declared_index(self, point: str) -> int:
        """Which of the contacts as written names `point`."""
        found = (i for i, name in enumerate(self.declared) if point in body.expand_points(name))
        return next(found, 0)


class Tempo(NamedTuple):
    """Seconds to move from the start pose to the end pose, to hold it, and to move back."""

    up: float = 2.0
    hold: float = 1.0
    down: float = 2.0


class Motion(NamedTuple):
    """An exercise's movement: its keyframes in order (start, optional middle, end)."""

    view: str  # "side" or "front"
    keyframes: tuple[Keyframe, ...]
    tempo: Tempo = Tempo()
    props: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        """The point that stays put from frame to frame: the start's first contact."""
        return self.keyframes[0].contacts[0]


class PoseError(ValueError):
    """Pose data that cannot be read, with each problem's place in the data."""

    def __init__(self, problems: list[tuple[Loc, str]]) -> None:
        super().__init__("; ".join(message for _, message in problems))
        self.problems = problems


# --- reading -----------------------------------------------------------------------------


def keyframe(
    angles: Mapping[str, float | Angle], contacts: Sequence[str], *, where: Loc = ()
) -> Keyframe:
    """A keyframe from its data as written: shorthands (`trunk`, `thigh`, ...) set every
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
            problems.append(((*where, "angles", name), f"unknown segment '{name}'"))
    for name, value in angles.items():
        if name in body.SEGMENTS:
            full[name] = value if isinstance(value, Angle) else Angle(float(value))
    if "thoracic" in full:
        full.setdefault("head", full["thoracic"])
    for side in body.SIDES:
        shin = full.get(f"{side}_shin")
        if shin is not None:
            full.setdefault(f"{side}_foot", Angle(shin.degrees + 90.0))
    missing = [s for s in body.SEGMENTS if s not in full]
    if missing:
        listed = ", ".join(missing)
        problems.append(((*where, "angles"), f"no angle for {listed}"))
    points: list[str] = []
    for i, name in enumerate(contacts):
        expanded = body.expand_points(name)
        if not expanded:
            message = f"unknown point '{name}'; use one of {', '.join(_contact_names())}"
            problems.append(((*where, "contacts", i), message))
        points += [p for p in expanded if p not in points]
    if not contacts:
        problems.append(((*where, "contacts"), "name at least one point resting on the floor"))
    if problems:
        raise PoseError(problems)
    return Keyframe(full, tuple(points), tuple(contacts))


def _contact_names() -> list[str]:
    return [*body.TRUNK_POINTS, *body.POINT_GROUPS, "near_knee", "far_hand", "..."]


# --- forward kinematics ------------------------------------------------------------------


def direction(degrees: float) -> Point:
    radians = math.radians(degrees)
    return math.cos(radians), math.sin(radians)


def _step(start: Point, angle: Angle, length: float) -> Point:
    dx, dy = direction(angle.degrees)
    length *= math.cos(math.radians(angle.away))
    return start[0] + dx * length, start[1] + dy * length


def skeleton(frame: Keyframe) -> dict[str, Point]:
    """Every joint and point of `frame`, with the hip joint at the origin."""
    a = frame.angles
    points: dict[str, Point] = {"hips": (0.0, 0.0)}
    points["waist"] = _step(points["hips"], a["lumbar"], body.LUMBAR)
    points["shoulders"] = _step(points["waist"], a["thoracic"], body.THORACIC)
    points["neck"] = _step(points["shoulders"], a["head"], body.NECK)
    points["head"] = _step(points["shoulders"], a["head"], body.NECK + body.HEAD / 2)
    for side in body.SIDES:
        elbow = _step(points["shoulders"], a[f"{side}_upper_arm"], body.UPPER_ARM)
        points[f"{side}_elbow"] = elbow
        points[f"{side}_hand"] = _step(elbow, a[f"{side}_forearm"], body.FOREARM)
        knee = _step(points["hips"], a[f"{side}_thigh"], body.THIGH)
        ankle = _step(knee, a[f"{side}_shin"], body.SHIN)
        points[f"{side}_knee"], points[f"{side}_ankle"] = knee, ankle
        foot = a[f"{side}_foot"]
        down = Angle(foot.degrees - 90.0)  # from the ankle towards the sole
        back = Angle(foot.degrees + 180.0, foot.away)
        heel = _step(_step(ankle, down, body.ANKLE), back, body.HEEL)
        points[f"{side}_heel"] = heel
        points[f"{side}_toe"] = _step(heel, foot, body.FOOT)
    return points


def clearance(name: str, point: Point) -> float:
    """How far above the floor the body is at `name` (negative: below it)."""
    return point[1] - body.rest_height(name)


def _checked(points: Mapping[str, Point]) -> Iterator[tuple[str, float]]:
    for name in body.POINTS:
        yield name, clearance(name, points[name])


def moved(points: Mapping[str, Point], dx: float, dy: float) -> dict[str, Point]:
    return {name: (x + dx, y + dy) for name, (x, y) in points.items()}


def placed(frame: Keyframe, anchor: str) -> dict[str, Point]:
    """`frame` standing on the floor: lifted so its lowest contact rests on it, and shifted
    so `anchor` is at x = 0, so that what stays put stays put between frames."""
    points = skeleton(frame)
    lowest = min(clearance(name, points[name]) for name in frame.contacts)
    return moved(points, -points[anchor][0], -lowest)


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


def joint_angle(frame: Keyframe, proximal: str, distal: str, offset: float) -> float:
    return normalised(frame.angles[distal].degrees - frame.angles[proximal].degrees - offset)


def problems(motion: Motion, names: Sequence[str]) -> list[tuple[Loc, str]]:
    """Everything physically wrong with `motion`; `names` are its keyframes' keys."""
    found: list[tuple[Loc, str]] = []
    anchor = motion.anchor
    for name, frame in zip(names, motion.keyframes, strict=True):
        found += _joint_problems(motion.view, frame, (name,))
        points = placed(frame, anchor)
        if anchor not in frame.contacts:
            found.append(
                ((name, "contacts"), f"must include '{anchor}', the start's first contact, "
                 "which stays on the floor throughout")
            )  # fmt: skip
        for point in frame.contacts:
            gap = clearance(point, points[point])
            if gap > body.CONTACT_TOLERANCE:
                message = f"'{point}' is {_cm(gap)} above the floor, not resting on it"
                found.append(((name, "contacts", frame.declared_index(point)), message))
        for point, gap in _checked(points):
            if gap < -body.CONTACT_TOLERANCE:
                message = f"'{point}' is {_cm(-gap)} below the floor"
                found.append(((name, "angles"), message))
        if "barbell" in motion.props and barbell_clearance(points) < -body.CONTACT_TOLERANCE:
            message = f"the barbell is {_cm(-barbell_clearance(points))} below the floor"
            found.append(((name, "angles"), message))
    return found


def _cm(fraction: float) -> str:
    """A distance in H as centimetres on a person 1.70 m tall, which reads better."""
    return f"{fraction * 170:.0f} cm"


def _joint_problems(view: str, frame: Keyframe, where: Loc) -> list[tuple[Loc, str]]:
    found: list[tuple[Loc, str]] = []
    for joint, proximal, distal, low, high, offset in body.JOINTS[view]:
        sides = ("",) if distal in body.TRUNK else body.SIDES
        for side in sides:
            near = f"{side}_" if side else ""
            first = proximal if proximal in body.TRUNK else near + proximal
            second = near + distal
            a, b = frame.angles[first], frame.angles[second]
            if a.away or b.away:  # turned out of the picture: its angle there means little
                continue
            value = joint_angle(frame, first, second, offset)
            if not low <= value <= high:
                label = f"{side} {joint}".strip()
                message = (
                    f"the {label} is at {value:.0f}°, outside what a body can do "
                    f"({low:.0f}° to {high:.0f}° between {first} and {second})"
                )
                found.append(((*where, "angles", second), message))
    return found


# --- movement ----------------------------------------------------------------------------


def ease(t: float) -> float:
    """Slow out, slow in: how a controlled movement starts and stops."""
    t = min(1.0, max(0.0, t))
    return 0.5 - 0.5 * math.cos(math.pi * t)


def between(a: Keyframe, b: Keyframe, t: float) -> Keyframe:
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
    return Keyframe(angles, a.contacts if t < 0.5 else b.contacts)


def frame_at(motion: Motion, progress: float) -> dict[str, Point]:
    """The placed points at `progress` along the movement: 0 is the start pose, 1 the end
    pose, and a middle keyframe sits at 0.5. The anchor keeps its place, and nothing
    dips below the floor on the way."""
    frames = motion.keyframes
    progress = min(1.0, max(0.0, progress))
    spans = len(frames) - 1
    index = min(int(progress * spans), spans - 1)
    local = progress * spans - index
    if local <= 0.0:
        return placed(frames[index], motion.anchor)
    if local >= 1.0:
        return placed(frames[index + 1], motion.anchor)
    frame = between(frames[index], frames[index + 1], local)
    points = skeleton(frame)
    first = placed(frames[index], motion.anchor)[motion.anchor]
    second = placed(frames[index + 1], motion.anchor)[motion.anchor]
    x = first[0] + local * (second[0] - first[0])
    y = first[1] + local * (second[1] - first[1])
    points = moved(points, x - points[motion.anchor][0], y - points[motion.anchor][1])
    lowest = min(gap for _, gap in _checked(points))
    return moved(points, 0.0, -lowest) if lowest < 0 else points


def lifting(tempo: Tempo, elapsed: float) -> float:
    """Progress `elapsed` seconds into a hold: moving to the end pose, then holding it."""
    return ease(elapsed / tempo.up) if tempo.up > 0 else 1.0


def lowering(tempo: Tempo, elapsed: float) -> float:
    """Progress `elapsed` seconds into a relax or rest after a hold: back to the start."""
    return 1.0 - (ease(elapsed / tempo.down) if tempo.down > 0 else 1.0)


PAUSE_AT_START = 1.0  # seconds at the start pose between repetitions


def repeating(tempo: Tempo, elapsed: float) -> float:
    """Progress `elapsed` seconds into a set of repetitions: up, hold, down, pause, again."""
    cycle = tempo.up + tempo.hold + tempo.down + PAUSE_AT_START
    at = math.fmod(max(0.0, elapsed), cycle)
    if at < tempo.up:
        return lifting(tempo, at)
    if at < tempo.up + tempo.hold:
        return 1.0
    return lowering(tempo, at - tempo.up - tempo.hold)
