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

from functools import lru_cache
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

if TYPE_CHECKING:
    from backfit.figures.pose import Keyframe, Loc, Motion

Degrees = Annotated[float, Field(strict=True, ge=-360, le=360)]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Turned(Model):
    """A segment that also turns out of the picture (towards or away from the viewer) by
    `away` degrees, such as a forearm pointing at the viewer: it is drawn shorter."""

    angle: Degrees
    away: Annotated[float, Field(strict=True, ge=-90, le=90)]


Angle = Degrees | Turned


class Angles(Model):
    """Absolute angles in degrees for a figure facing right: 0 forward, 90 up, 180 back,
    -90 down. A limb's plain name (`thigh`) sets both sides, `near_`/`far_` one side;
    `trunk` sets `lumbar` and `thoracic`. The head follows the thoracic line and each
    foot sits at right angles to its shin unless given."""

    trunk: Angle | None = None
    lumbar: Angle | None = None
    thoracic: Angle | None = None
    head: Angle | None = None
    upper_arm: Angle | None = None
    near_upper_arm: Angle | None = None
    far_upper_arm: Angle | None = None
    forearm: Angle | None = None
    near_forearm: Angle | None = None
    far_forearm: Angle | None = None
    thigh: Angle | None = None
    near_thigh: Angle | None = None
    far_thigh: Angle | None = None
    shin: Angle | None = None
    near_shin: Angle | None = None
    far_shin: Angle | None = None
    foot: Angle | None = None
    near_foot: Angle | None = None
    far_foot: Angle | None = None

    @model_serializer(mode="wrap")
    def _given_only(self, handler: SerializerFunctionWrapHandler) -> dict[str, object]:
        """As data, only the angles the catalog gives, not a null for every other name."""
        return {key: value for key, value in handler(self).items() if value is not None}


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
        """The pose as the figures package reads it; raises PoseError if it cannot."""
        return _motion(self)

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
            if loc[2] not in frame.angles.model_fields_set:
                from backfit.figures.body import SHORTHANDS

                for short, segments in SHORTHANDS.items():
                    if loc[2] in segments and short in frame.angles.model_fields_set:
                        return (loc[0], "angles", short)
        return loc


@lru_cache(maxsize=128)
def _motion(pose: Pose) -> "Motion":
    """Built once per pose: the coach asks for it at every redraw."""
    from backfit.figures import pose as figures

    keyframes = tuple(_keyframe(name, frame) for name, frame in pose.frames())
    tempo = figures.Tempo(pose.tempo.up, pose.tempo.hold, pose.tempo.down)
    return figures.Motion(pose.view, keyframes, tempo, pose.props)


def _keyframe(name: str, frame: Frame) -> "Keyframe":
    from backfit.figures import pose

    angles: dict[str, float | pose.Angle] = {}
    for key in frame.angles.model_fields_set:
        value = getattr(frame.angles, key)
        if value is not None:
            turned = isinstance(value, Turned)
            angles[key] = pose.Angle(value.angle, value.away) if turned else float(value)
    return pose.keyframe(angles, frame.contacts, where=(name,))
