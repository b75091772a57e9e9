"""An exercise's pose as catalog data: keyframes of segment angles, the points resting on
the floor, a tempo and the props. The model is the one every part of backfit reads: each
frame gives its posture (`movement`'s maths, worked out once), a pose places its frames on
the floor and moves between them, and `problems` says whether a body could take it (on the
floor, joints in range), which the loader reports at its line like any other problem.

Example, the glute bridge (lying on the back, head to the left):

    pose:
      props: [mat]
      tempo: {up: 2, hold: 10, down: 2}
      start:
        angles: {trunk: 180, upper_arm: -8, forearm: -5, thigh: 50, shin: -55, foot: 0}
        contacts: [feet, hips, shoulders, head, hands]
      end:
        angles: {trunk: 205, head: 178, upper_arm: -8, forearm: -5, thigh: 25, shin: -80, foot: 0}
        contacts: [feet, shoulders, head, hands]
"""

import math
from functools import cached_property
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from backfit.catalog import body, movement
from backfit.catalog.body import SEGMENTS, SHORTHANDS
from backfit.catalog.errors import Loc
from backfit.catalog.fields import Model
from backfit.catalog.movement import (
    Placed,
    PoseError,
    Posture,
    ball_joint,
    barbell_clearance,
    checked,
    clearance,
    ease,
    frame_at,
    joint_angle,
    placed,
    posture,
)

Degrees = Annotated[float, Field(strict=True, ge=-360, le=360)]


class Turned(Model):
    """A segment that also turns out of the picture (towards or away from the viewer) by
    `away` degrees, such as a forearm pointing at the viewer: it is drawn shorter."""

    angle: Degrees
    away: Annotated[float, Field(strict=True, ge=-90, le=90)]


Angle = Degrees | Turned
SEGMENT_KEYS = (*SHORTHANDS, *SEGMENTS)


def _segment(name: str) -> str:
    if name not in SEGMENT_KEYS:
        raise PydanticCustomError(
            "segment",
            "unknown segment '{name}'; the segments are {known}",
            {"name": name[:40], "known": ", ".join(SEGMENT_KEYS)},
        )
    return name


_DEGREES = {"type": "number", "minimum": -360, "maximum": 360}
_ANGLE_SCHEMA = {
    "anyOf": [
        _DEGREES,
        {
            "type": "object",
            "properties": {
                "angle": _DEGREES,
                "away": {"type": "number", "minimum": -90, "maximum": 90},
            },
            "required": ["angle", "away"],
            "additionalProperties": False,
        },
    ]
}
# A mapping rather than a model with a field per segment: pydantic builds it in a fraction
# of the time, and every run of backfit builds these classes. The schema still lists every
# segment, so that editors complete them.
Angles = Annotated[
    dict[Annotated[str, AfterValidator(_segment)], Angle],
    Field(min_length=1),
    WithJsonSchema(
        {
            "type": "object",
            "description": "Absolute angles in degrees for a figure facing right: 0 forward, "
            "90 up, 180 back, -90 down (in the top view, 0 right and 90 up the page). A limb's "
            "plain name (thigh) sets both sides, near_ or far_ one side; trunk sets lumbar and "
            "thoracic. The head follows the thoracic line and each foot sits at right angles "
            "to its shin unless given. shoulder_line and hip_line run from the body's middle "
            "to the near shoulder and hip; they point at the viewer unless given, which only "
            "a top view needs.",
            "properties": {name: _ANGLE_SCHEMA for name in SEGMENT_KEYS},
            "additionalProperties": False,
            "minProperties": 1,
        }
    ),
]


Point = Annotated[str, Field(min_length=1, max_length=40)]


class Frame(Model):
    """One keyframe: its angles, the points resting on the floor (the first one of the
    start frame stays put throughout), and an optional caption for what a stick figure
    cannot show."""

    angles: Angles
    contacts: Annotated[tuple[Point, ...], Field(min_length=1, max_length=12)]
    caption: Annotated[str, Field(min_length=1, max_length=40)] | None = None

    @cached_property
    def posture(self) -> Posture:
        """Every segment's angle and every point on the floor; raises PoseError if the data
        cannot give them. Worked out once: the coach asks at every redraw."""
        angles = {
            key: movement.Angle(value.angle, value.away)
            if isinstance(value, Turned)
            else movement.Angle(float(value))
            for key, value in self.angles.items()
        }
        return posture(angles, self.contacts)

    def declared_index(self, point: str) -> int:
        """Which of the contacts as written names `point`."""
        found = (i for i, name in enumerate(self.contacts) if point in body.expand_points(name))
        return next(found, 0)


Seconds = Annotated[float, Field(strict=True, ge=0, le=60)]


class Tempo(Model):
    """Seconds to move to the end pose, to hold it, and to move back."""

    up: Seconds
    hold: Seconds = 0
    down: Seconds

    def lifting(self, elapsed: float) -> float:
        """Progress `elapsed` seconds into a hold: moving to the end pose, then holding it."""
        return ease(elapsed / self.up) if self.up > 0 else 1.0

    def lowering(self, elapsed: float) -> float:
        """Progress `elapsed` seconds into a relax or rest after a hold: back to the start."""
        return 1.0 - (ease(elapsed / self.down) if self.down > 0 else 1.0)

    def repeating(self, elapsed: float) -> float:
        """Progress `elapsed` seconds into a set of repetitions: up, hold, down, pause, again."""
        cycle = self.up + self.hold + self.down + PAUSE_AT_START
        at = math.fmod(max(0.0, elapsed), cycle)
        if at < self.up:
            return self.lifting(at)
        if at < self.up + self.hold:
            return 1.0
        return self.lowering(at - self.up - self.hold)


PAUSE_AT_START = 1.0  # seconds at the start pose between repetitions


Prop = Literal["mat", "barbell", "dowel", "chair", "wall", "bed"]
FRAMES = ("start", "middle", "end")
FRONT_RAISED = 25.0  # degrees: the front view looks down on the body this much


class Pose(Model):
    """How an exercise looks: from the side, or from the front or from above (the top view)
    where the side tells nothing. Seen from the front, the body faces the viewer: its width
    (shoulder_line, hip_line) lies in the picture, as it does seen from above. A top view is
    seen from above (a seated body turning, or a body lying on its back with its knees
    rolling: the floor is the page, so nothing is checked against it) or from the feet (the
    floor is a line under the body, as in the other views; a lying body's knees hide its
    head there, so the catalog's lying figures are seen from above)."""

    view: Literal["side", "front", "top"] = "side"
    seen_from: Literal["above", "feet"] | None = None
    props: tuple[Prop, ...] = ()
    tempo: Tempo
    start: Frame
    middle: Frame | None = None
    end: Frame

    def frames(self) -> list[tuple[str, Frame]]:
        """The keyframes in order, by name."""
        named = [("start", self.start), ("middle", self.middle), ("end", self.end)]
        return [(name, frame) for name, frame in named if frame is not None]

    @cached_property
    def anchor(self) -> str:
        """The point that stays put from frame to frame: the start's first contact."""
        return self.start.posture.contacts[0]

    @property
    def floor(self) -> bool:
        """Whether the floor is a line in the picture: everywhere but seen from above."""
        return self.seen_from != "above"

    def placed(self, name: str) -> Placed:
        """The keyframe called `name` standing on the floor, its anchor at x = 0."""
        frame: Frame = getattr(self, name)
        return self._seen(placed(frame.posture, self.anchor, floor=self.floor, raised=self.raised))

    def at(self, progress: float) -> Placed:
        """The placed points `progress` along the movement: 0 the start pose, 1 the end."""
        postures = [frame.posture for _, frame in self.frames()]
        return self._seen(
            frame_at(postures, self.anchor, progress, floor=self.floor, raised=self.raised)
        )

    @property
    def raised(self) -> float:
        """How far above the floor the eye is, in degrees. From the front it looks down a
        little, so that what lies behind the body shows (the shins of bent knees, folded
        back), as it would not with the eye at floor level."""
        return FRONT_RAISED if self.view == "front" else 0.0

    def _seen(self, points: Placed) -> Placed:
        """`points` as this pose's view sees them: from the front, the body faces the viewer."""
        return Placed(
            points, floor=points.floor, facing=self.view == "front", band=points.band,
            raised=points.raised, depth=points.depth,
        )  # fmt: skip

    def problems(self) -> list[tuple[Loc, str]]:
        """Everything that keeps this pose from being drawn, or from being a pose a body
        can take, located within the pose's data."""
        found: list[tuple[Loc, str]] = []
        if (self.view == "top") != (self.seen_from is not None):
            message = (
                "a top view needs 'seen_from: above' or 'seen_from: feet'"
                if self.view == "top"
                else "only a top view is seen from above or from the feet"
            )
            found.append((("seen_from",), message))
        for name, frame in self.frames():
            missing = [line for line in body.GIRDLES if line not in frame.angles]
            if self.view in ("front", "top") and missing:
                message = f"a {self.view} view shows the body's width: give {' and '.join(missing)}"
                found.append(((name, "angles"), message))
            try:
                frame.posture  # noqa: B018 (working it out is the check)
            except PoseError as error:
                found += [((name, *loc), message) for loc, message in error.problems]
        if found:
            return found
        for name, frame in self.frames():
            found += _joint_problems(self.view, frame.posture, (name,))
            if self.floor:
                found += _floor_problems(self, name, frame)
        return [(self._given(loc), message) for loc, message in found]

    def _given(self, loc: Loc) -> Loc:
        """Point at the key as written: `shin` rather than the `near_shin` it set."""
        if len(loc) == 3 and loc[1] == "angles" and isinstance(loc[2], str):
            frame: Frame = getattr(self, str(loc[0]))
            if loc[2] not in frame.angles:
                for short, segments in SHORTHANDS.items():
                    if loc[2] in segments and short in frame.angles:
                        return (loc[0], "angles", short)
        return loc


def _floor_problems(pose: Pose, name: str, frame: Frame) -> list[tuple[Loc, str]]:
    """What rests on the floor must, nothing may sink into it, and the anchor stays put."""
    found: list[tuple[Loc, str]] = []
    points = placed(frame.posture, pose.anchor)
    contacts = frame.posture.contacts
    if pose.anchor not in contacts:
        found.append(
            ((name, "contacts"), f"must include '{pose.anchor}', the start's first contact, "
             "which stays on the floor throughout")
        )  # fmt: skip
    for point in contacts:
        gap = clearance(point, points[point])
        if gap > body.CONTACT_TOLERANCE:
            message = f"'{point}' is {_cm(gap)} above the floor, not resting on it"
            found.append(((name, "contacts", frame.declared_index(point)), message))
    for point, gap in checked(points):
        if gap < -body.CONTACT_TOLERANCE:
            message = f"'{point}' is {_cm(-gap)} below the floor"
            found.append(((name, "angles"), message))
    if "barbell" in pose.props and barbell_clearance(points) < -body.CONTACT_TOLERANCE:
        message = f"the barbell is {_cm(-barbell_clearance(points))} below the floor"
        found.append(((name, "angles"), message))
    return found


def _cm(fraction: float) -> str:
    """A distance in H as centimetres on a person 1.70 m tall, which reads better."""
    return f"{fraction * 170:.0f} cm"


HINGES = ("knee", "elbow")


def _joint_problems(view: str, frame: Posture, where: Loc) -> list[tuple[Loc, str]]:
    found: list[tuple[Loc, str]] = []
    for joint, proximal, distal, low, high, offset in body.JOINTS[view]:
        sides = ("",) if distal in (*body.TRUNK, *body.GIRDLES) else body.SIDES
        for side in sides:
            near = f"{side}_" if side else ""
            first = proximal if proximal in (*body.TRUNK, *body.GIRDLES) else near + proximal
            second = near + distal
            label = f"{side} {joint}".strip()
            turned = frame.angles[first].away or frame.angles[second].away
            if view == "side" and joint in body.SIDEWAYS:
                message = _ball_problem(frame, label, (first, second), (low, high), offset)
                if message:
                    found.append(((*where, "angles", second), message))
                continue
            # Seen from the side, a hinge (knee, elbow) turned out of the picture is checked
            # in three dimensions; seen from the front, out of the plane is the side view's
            # bend, and is left alone. Seen along the body, everything is in three
            # dimensions, and only how far a joint bends is checked, not which way.
            if turned and (view == "front" or (view == "side" and joint not in HINGES)):
                continue
            value = joint_angle(frame, first, second, offset)
            if view == "top" and joint != "twist":
                value = abs(value)
            if not low <= value <= high:
                message = (
                    f"the {label} is at {value:.0f}°, outside what a body can do "
                    f"({low:.0f}° to {high:.0f}° between {first} and {second})"
                )
                found.append(((*where, "angles", second), message))
    return found


def _ball_problem(
    frame: Posture, label: str, segments: tuple[str, str], limits: tuple[float, float],
    offset: float,
) -> str | None:  # fmt: skip
    """What is wrong with a shoulder or hip seen from the side, in three dimensions: its
    limb may swing forward as far as the range's top, back as far as its bottom, and out to
    the side (or across) as far as `body.SIDEWAYS` says; in between, the limit moves from
    one to the next with the sine of the angle, so a limb a little out of the picture is
    held nearly to the limit in it."""
    first, second = segments
    low, high = limits
    swing, which = ball_joint(frame, first, second, offset)
    sideways = body.SIDEWAYS[label.split()[-1]]
    if which <= 90:
        limit = high + (sideways - high) * math.sin(math.radians(which))
    else:
        limit = sideways + (-low - sideways) * math.sin(math.radians(which - 90))
    if swing <= limit + 0.5:  # half a degree for rounding in the data
        return None
    value = -swing if which > 90 else swing
    if which < 1 or which > 179:  # in the picture's plane
        return (
            f"the {label} is at {value:.0f}°, outside what a body can do "
            f"({low:.0f}° to {high:.0f}° between {first} and {second})"
        )
    return (
        f"the {label} swings {swing:.0f}° out of line, {which:.0f}° round from straight "
        f"forward, beyond what a body can do (at most {limit:.0f}° that way between "
        f"{first} and {second})"
    )
