"""The pose model's body maths: angles to points, keyframes to in-between postures, easing,
timing, and the checks that keep a pose one a body can take."""

from __future__ import annotations

import math

import pytest

from backfit.catalog import body
from backfit.catalog.movement import (
    ASIDE,
    Angle,
    PoseError,
    between,
    ease,
    normalised,
    placed,
    skeleton,
)
from backfit.catalog.movement import posture as keyframe
from backfit.catalog.poses import FRAMES, Pose, Tempo

STANDING = {"trunk": 90, "upper_arm": -90, "forearm": -90, "thigh": -90, "shin": -90, "foot": 0}
LYING = {"trunk": 180, "upper_arm": -8, "forearm": -5, "thigh": 50, "shin": -55, "foot": 0}


def close(a: tuple[float, float], b: tuple[float, float], within: float = 1e-9) -> bool:
    return math.dist(a, b) <= within


def test_standing_figure_has_the_tables_heights() -> None:
    points = placed(keyframe(STANDING, ["feet"]), "near_heel")
    assert points["near_heel"] == pytest.approx((0.0, 0.0))
    assert points["near_ankle"][1] == pytest.approx(0.039)
    assert points["near_knee"][1] == pytest.approx(0.285)
    assert points["hips"][1] == pytest.approx(0.530)
    assert points["shoulders"][1] == pytest.approx(0.818)
    assert points["head"][1] + body.HEAD / 2 == pytest.approx(1.0)  # the crown
    assert points["near_elbow"][1] == pytest.approx(0.632)
    assert points["near_toe"] == pytest.approx((body.FOOT, 0.0))


def test_a_raised_eye_draws_what_lies_behind_higher_up_and_the_floor_as_a_band() -> None:
    """Issue 17: seen from the front at floor level, a shin folded straight back behind
    the knee has no length on the page; seen from a little above, it shows."""
    kneeling = keyframe({**STANDING, "thigh": -90, "shin": Angle(-90, 90)}, ["knees", "feet"])
    level, above = placed(kneeling, "near_knee"), placed(kneeling, "near_knee", raised=25.0)
    assert level == placed(kneeling, "near_knee", raised=0.0) and level.band is None
    assert close(level["near_knee"], level["near_ankle"], 1e-6)  # end on: no shin at all
    knee, ankle = above["near_knee"], above["near_ankle"]
    rise, aside = math.sin(math.radians(25.0)) * body.SHIN, ASIDE * body.SHIN
    assert ankle == pytest.approx((knee[0] + aside, knee[1] + rise))  # behind: up the page
    assert above["near_knee"][0] == 0.0  # the anchor keeps its place
    # the middle of the hips: its height foreshortened, and lifted by lying half the hips'
    # width behind the near knee
    behind = body.HIP_WIDTH / 2 * math.sin(math.radians(25.0))
    foreshortened = level["hips"][1] * math.cos(math.radians(25.0))
    assert above["hips"][1] == pytest.approx(foreshortened + behind)
    near, far = above.band or (0.0, 0.0)  # the depth the body spans, for the floor's band
    assert near < 0.0 < body.SHIN <= far


def test_angles_are_absolute_so_a_vertical_shin_stays_vertical() -> None:
    leaning = skeleton(keyframe({**STANDING, "trunk": 30, "thigh": -40}, ["feet"]))
    knee, ankle = leaning["near_knee"], leaning["near_ankle"]
    assert knee[0] == pytest.approx(ankle[0])
    assert knee[1] - ankle[1] == pytest.approx(body.SHIN)


def test_shorthands_set_both_sides_and_named_segments_override_them() -> None:
    frame = keyframe({**STANDING, "near_thigh": 0, "lumbar": 80}, ["feet"])
    assert frame.angles["far_thigh"] == Angle(-90)
    assert frame.angles["near_thigh"] == Angle(0)
    assert frame.angles["lumbar"] == Angle(80)
    assert frame.angles["thoracic"] == Angle(90)
    assert frame.angles["head"] == Angle(90)  # follows the thoracic line by default
    assert frame.angles["far_foot"] == Angle(0)


def test_foot_defaults_to_a_right_angle_with_its_shin() -> None:
    frame = keyframe({k: v for k, v in STANDING.items() if k != "foot"} | {"shin": -70}, ["hips"])
    assert frame.angles["near_foot"] == Angle(20)


def test_a_segment_turned_out_of_the_picture_is_shorter() -> None:
    flat = skeleton(keyframe({**STANDING, "upper_arm": 0}, ["feet"]))
    turned = skeleton(keyframe({**STANDING, "upper_arm": Angle(0, 60)}, ["feet"]))
    assert flat["near_elbow"][0] - flat["shoulders"][0] == pytest.approx(body.UPPER_ARM)
    assert turned["near_elbow"][0] - turned["shoulders"][0] == pytest.approx(body.UPPER_ARM / 2)


def test_unknown_segments_points_and_missing_angles_are_located() -> None:
    with pytest.raises(PoseError) as caught:
        keyframe({"trunk": 90, "tail": 3}, ["feet", "nose"])
    where = [loc for loc, _ in caught.value.problems]
    assert ("angles", "tail") in where
    assert ("contacts", 1) in where
    assert ("angles",) in where  # the arms and legs have no angle
    messages = " ".join(message for _, message in caught.value.problems)
    assert "unknown segment 'tail'" in messages and "unknown point 'nose'" in messages


def test_no_contacts_is_refused() -> None:
    with pytest.raises(PoseError, match="at least one point"):
        keyframe(STANDING, [])


def motion(*frames: dict[str, float], contacts: tuple[list[str], ...]) -> Pose:
    """A pose of these keyframes (one alone is both start and end)."""
    given = [{"angles": f, "contacts": c} for f, c in zip(frames, contacts, strict=True)]
    names = FRAMES if len(given) == 3 else ("start", "end")
    data = dict(zip(names, given * 2 if len(given) == 1 else given, strict=False))
    return Pose.model_validate({"tempo": {"up": 2, "down": 2}, **data})


def problems(pose: Pose, names: list[str]) -> list[tuple[tuple[str | int, ...], str]]:
    return [(loc, message) for loc, message in pose.problems() if loc[0] in names]


def test_a_good_pose_has_no_problems() -> None:
    bridge = {**LYING, "trunk": 205, "head": 178, "thigh": 25, "shin": -80}
    lying = motion(LYING, bridge, contacts=(["feet", "hips", "head"], ["feet", "shoulders"]))
    assert problems(lying, ["start", "end"]) == []


def test_a_knee_bending_backwards_is_refused() -> None:
    found = problems(motion({**STANDING, "shin": -70}, contacts=(["feet"],)), ["start"])
    where = [loc for loc, _ in found]
    assert where == [("start", "angles", "shin"), ("start", "angles", "shin")]  # as written
    assert "the near knee is at 20°" in found[0][1]


def test_a_declared_contact_off_the_floor_is_refused() -> None:
    found = problems(motion(STANDING, contacts=(["feet", "hands"],)), ["start"])
    assert found[0][0] == ("start", "contacts", 1)
    assert "'near_hand' is" in found[0][1] and "above the floor" in found[0][1]


def test_nothing_may_go_below_the_floor() -> None:
    touching_toes = {**STANDING, "trunk": -60}  # hands would reach through the floor
    found = problems(motion(touching_toes, contacts=(["feet"],)), ["start"])
    assert ("start", "angles") in [loc for loc, _ in found]
    assert any("'near_hand' is" in m and "below the floor" in m for _, m in found)


def test_the_anchor_must_stay_on_the_floor_in_every_keyframe() -> None:
    found = problems(motion(LYING, LYING, contacts=(["hips"], ["feet"])), ["start", "end"])
    assert found[0][0] == ("end", "contacts")
    assert "'hips'" in found[0][1]


def test_normalised_angles() -> None:
    assert normalised(190) == -170
    assert normalised(-180) == 180
    assert normalised(540) == 180
    assert normalised(-10) == -10


def test_easing_starts_and_ends_slowly() -> None:
    assert ease(0) == 0 and ease(1) == 1 and ease(0.5) == pytest.approx(0.5)
    assert ease(0.1) < 0.1 and ease(0.9) > 0.9
    assert ease(-1) == 0 and ease(2) == 1


def test_interpolation_turns_each_segment_the_short_way_round() -> None:
    a = keyframe({**LYING, "thigh": 170}, ["hips"])
    b = keyframe({**LYING, "thigh": -170}, ["hips"])
    assert between(a, b, 0.5).angles["near_thigh"].degrees == pytest.approx(180)
    assert between(a, b, 0.0).angles == a.angles


def test_frames_along_a_movement_keep_the_anchor_still_and_stay_above_the_floor() -> None:
    lift = motion(
        {**STANDING, "trunk": 42, "head": 60, "thigh": -20, "shin": -106},
        STANDING,
        contacts=(["feet"], ["feet"]),
    )
    start = lift.at(0.0)
    assert close(start["near_heel"], (0.0, 0.0))
    for step in range(11):
        points = lift.at(step / 10)
        assert close(points["near_heel"], (0.0, 0.0), 1e-6) or points["near_heel"][1] >= 0
        gaps = [y - body.rest_height(n) for n, (_, y) in points.items() if n in body.POINTS]
        assert min(gaps) > -1e-9
    assert lift.at(1.0) == lift.placed("end") == placed(lift.end.posture, lift.anchor)


def test_a_middle_keyframe_sits_halfway() -> None:
    three = motion(LYING, {**LYING, "head": 170}, {**LYING, "head": 160},
                   contacts=(["hips"], ["hips"], ["hips"]))  # fmt: skip
    assert three.at(0.5) == three.placed("middle") == placed(three.middle.posture, "hips")


def test_timing_follows_the_tempo() -> None:
    tempo = Tempo(up=2, hold=3, down=1)
    assert tempo.lifting(0) == 0 and tempo.lifting(1) == pytest.approx(0.5)
    assert tempo.lifting(2) == 1 and tempo.lifting(10) == 1
    assert tempo.lowering(0) == 1 and tempo.lowering(1) == 0
    cycle = [tempo.repeating(t) for t in (0, 1, 2, 4, 5.5, 6.5, 7, 8)]
    assert cycle == pytest.approx([0, 0.5, 1, 1, 0.5, 0, 0, 0.5])


def test_a_pose_works_out_each_posture_once_and_keeps_no_global_cache() -> None:
    pose = motion(LYING, {**LYING, "head": 170}, contacts=(["hips"], ["hips"]))
    assert pose.start.posture is pose.start.posture  # a cached property of the frozen model
    twin = motion(LYING, {**LYING, "head": 170}, contacts=(["hips"], ["hips"]))
    assert twin.start.posture is not pose.start.posture  # each pose owns its own
    assert twin == pose
