"""An exercise's pose as catalog data: keyframes of segment angles, the points resting on
the floor, a tempo and the props. The shape is checked here; whether the body could take
that pose (on the floor, joints in range) is checked by `backfit.figures.pose`, from the
catalog's own validator, so each problem is reported at its line like any other.

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

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from backfit.catalog.fields import Model
from backfit.figures.body import SEGMENTS, SHORTHANDS

if TYPE_CHECKING:
    from backfit.figures.pose import Keyframe, Loc, Motion

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
            "90 up, 180 back, -90 down. A limb's plain name (thigh) sets both sides, near_ or "
            "far_ one side; trunk sets lumbar and thoracic. The head follows the thoracic line "
            "and each foot sits at right angles to its shin unless given.",
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


Seconds = Annotated[float, Field(strict=True, ge=0, le=60)]


class Tempo(Model):
    """Seconds to move to the end pose, to hold it, and to move back."""

    up: Seconds
    hold: Seconds = 0
    down: Seconds


Prop = Literal["mat", "barbell", "dowel", "chair", "wall", "bed"]
FRAMES = ("start", "middle", "end")


class Pose(Model):
    """How an exercise looks, from the side (or the front where the side tells nothing)."""

    view: Literal["side", "front"] = "side"
    props: tuple[Prop, ...] = ()
    tempo: Tempo
    start: Frame
    middle: Frame | None = None
    end: Frame

    def frames(self) -> list[tuple[str, Frame]]:
        """The keyframes in order, by name."""
        named = [("start", self.start), ("middle", self.middle), ("end", self.end)]
        return [(name, frame) for name, frame in named if frame is not None]

    def motion(self) -> "Motion":
        """The pose as the figures package reads it; raises PoseError if it cannot. Built
        once per pose: the coach asks for it at every redraw."""
        built = _MOTIONS.get(id(self))
        if built is None or built[0] is not self:
            built = _MOTIONS[id(self)] = (self, _motion(self))
        return built[1]

    def problems(self) -> "list[tuple[Loc, str]]":
        """Everything that keeps this pose from being drawn, or from being a pose a body
        can take, located within the pose's data."""
        from backfit.figures import pose

        try:
            motion = self.motion()
        except pose.PoseError as error:
            return error.problems
        found = pose.problems(motion, [name for name, _ in self.frames()])
        return [(self._given(loc), message) for loc, message in found]

    def _given(self, loc: "Loc") -> "Loc":
        """Point at the key as written: `shin` rather than the `near_shin` it set."""
        if len(loc) == 3 and loc[1] == "angles" and isinstance(loc[2], str):
            frame: Frame = getattr(self, str(loc[0]))
            if loc[2] not in frame.angles:
                for short, segments in SHORTHANDS.items():
                    if loc[2] in segments and short in frame.angles:
                        return (loc[0], "angles", short)
        return loc


_MOTIONS: "dict[int, tuple[Pose, Motion]]" = {}


def _motion(pose: Pose) -> "Motion":
    from backfit.figures import pose as figures

    keyframes = tuple(_keyframe(name, frame) for name, frame in pose.frames())
    tempo = figures.Tempo(pose.tempo.up, pose.tempo.hold, pose.tempo.down)
    return figures.Motion(pose.view, keyframes, tempo, pose.props)


def _keyframe(name: str, frame: Frame) -> "Keyframe":
    from backfit.figures import pose

    angles: dict[str, float | pose.Angle] = {}
    for key, value in frame.angles.items():
        if isinstance(value, Turned):
            angles[key] = pose.Angle(value.angle, value.away)
        else:
            angles[key] = float(value)
    return pose.keyframe(angles, frame.contacts, where=(name,))
