"""Issue 17, "Figures a patient reads right": each fault the caption-less reading test
found, measured on the figure (each failed on the pose before the mend)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from test_catalog_poses import Pose, height

from backfit.catalog import body
from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.catalog.movement import Angle, Point, joint_angle, normalised, posture
from backfit.catalog.poses import _joint_problems
from backfit.figures.scene import (
    CHAIR_SEAT,
    NOSE,
    Circle,
    Line,
    drawing,
    figure,
    furniture,
    hip_mark,
)
from backfit.figures.svg import CHAR_WIDTH

SLUGS = [e.slug for e in load_catalog(builtin_catalog_path(), use_cache=False).exercises]


def test_standing_back_extension_hands_and_elbows_behind_the_back_legs_straight() -> None:
    p = Pose("standing-back-extension")
    for frame in ("start", "end"):
        points = p[frame]
        spine = points["waist"][0]
        for side in ("near", "far"):
            assert points[f"{side}_elbow"][0] < spine, frame  # not forward of the trunk
            assert points[f"{side}_hand"][0] < spine + 0.01, frame
            assert p.joint(frame, "knee", side) == pytest.approx(0, abs=1)


def test_joint_check_sees_an_elbow_bent_backwards_out_of_the_picture() -> None:
    angles = {"trunk": 90.0, "upper_arm": Angle(-53, 40), "forearm": -152.0, "thigh": -90.0,
              "shin": -90.0}  # fmt: skip
    frame = posture(angles, ["feet"])
    assert joint_angle(frame, "near_upper_arm", "near_forearm", 0.0) < -5
    found = [message for _, message in _joint_problems("side", frame, ("start",))]
    assert any("near elbow" in message for message in found)  # no longer skipped


def test_hip_hinge_far_arm_reaches_down_to_the_low_back() -> None:
    p = Pose("hip-hinge-dowel")
    for frame in ("start", "end"):  # along the back, not sticking out at shoulder height
        down_the_back = p.angle(frame, "thoracic") + 180
        assert abs(normalised(p.angle(frame, "far_upper_arm") - down_the_back)) < 45, frame


def test_seated_trunk_rotation_arms_crossed_on_the_chest_not_behind_the_head() -> None:
    p = Pose("seated-trunk-rotation")  # seen from above, facing up the page at the start
    for frame in ("start", "end"):
        posture = p.frames[frame]
        for side in ("near", "far"):  # the upper arms hang down from the shoulders ...
            assert posture.angles[f"{side}_upper_arm"].away > 0, frame
    points = p["start"]
    for side in ("near", "far"):  # ... and the elbows are in front of the chest
        assert points[f"{side}_elbow"][1] > points["shoulders"][1] + 0.05


@pytest.mark.parametrize("slug", SLUGS)
def test_svg_labels_fit_the_view_box_and_never_overlap(
    slug: str, tmp_path: Path, invoke: Callable[..., Any]
) -> None:
    out = tmp_path / "figure.svg"
    result = invoke("figure", slug, "--svg", str(out))
    assert result.exit_code == 0, result.output
    svg = out.read_text()
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))  # type: ignore[union-attr]
    height = float(re.search(r'viewBox="0 0 [\d.]+ ([\d.]+)"', svg).group(1))  # type: ignore[union-attr]
    rows: dict[float, list[tuple[float, float]]] = {}
    for x, y, size, anchor, text in re.findall(
        r'<text x="([\d.]+)" y="([\d.]+)"[^>]*font-size="([\d.]+)" '
        r'text-anchor="(\w+)"[^>]*>([^<]*)<',
        svg,
    ):
        wide = len(text) * float(size) * CHAR_WIDTH
        left = float(x) if anchor == "start" else float(x) - wide / 2  # legend: start
        rows.setdefault(float(y), []).append((left, left + wide))
        assert float(y) <= height, slug  # a label's lines all inside the picture
    assert rows
    for spans in rows.values():  # on each line of labels, side by side
        for left, right in spans:
            assert left >= 0 and right <= width, (slug, left, right, width)
        for (_, right), (left, _) in pairwise(spans):
            assert right <= left, slug


def _on_floor(points: Mapping[str, Point], name: str) -> bool:
    return height(points, name) <= body.CONTACT_TOLERANCE


def test_mcgill_curl_up_hands_rest_under_the_low_back() -> None:
    p = Pose("mcgill-curl-up")
    for frame in ("start", "end"):
        points = p[frame]
        for side in ("near", "far"):
            hand = points[f"{side}_hand"]
            assert points["shoulders"][0] < hand[0] < points["hips"][0], frame
            assert _on_floor(points, f"{side}_hand"), frame  # under the back, not on the belly


def test_sit_to_stand_starts_with_the_hands_on_the_chair_seat() -> None:
    points = Pose("sit-to-stand")["start"]
    hips = points["hips"]
    seat = hips[1] - body.rest_height("hips")
    for side in ("near", "far"):
        x, y = points[f"{side}_hand"]
        assert abs(x - hips[0]) < CHAIR_SEAT
        assert abs(y - body.rest_height("hand") - seat) < body.CONTACT_TOLERANCE


def test_bird_dog_trunk_near_level_and_the_reaching_hand_not_above_the_head() -> None:
    p = Pose("bird-dog")
    for frame in ("start", "end"):
        assert abs(p.angle(frame, "thoracic")) <= 16, frame
    points = p["end"]
    assert points["near_hand"][1] <= points["head"][1] + body.HEAD / 2


def test_bottom_to_heels_starts_with_the_hands_under_the_shoulders() -> None:
    # NHS (nhs-exercises): kneel on all fours, knees under the hips and hands under the
    # shoulders, back and neck fairly straight, elbows not locked; then move the bottom back.
    p = Pose("bottom-to-heels")
    start, end = p["start"], p["end"]
    for side in ("near", "far"):
        # the palm flat on the floor puts the middle of the hand a little ahead of the wrist
        assert 0 <= start[f"{side}_hand"][0] - start["shoulders"][0] < 0.06
        assert abs(start[f"{side}_knee"][0] - start["hips"][0]) < 0.03
    for frame in ("start", "end"):
        assert abs(p.joint(frame, "spine")) < 3  # the back moves as one piece
        for side in ("near", "far"):
            assert 0 < p.joint(frame, "elbow", side) <= 30, frame  # soft, not locked
            assert _on_floor(p[frame], f"{side}_hand")
    assert end["near_hand"][0] > end["head"][0]  # arms reaching forward at the end
    assert p.angle("end", "thoracic") <= p.angle("start", "thoracic")  # trunk not raised


def test_swallow_fly_lifts_a_little_and_stays_on_the_bed() -> None:
    p = Pose("swallow-fly")
    points = p["end"]
    assert p.angle("end", "thoracic") <= 15  # "a little"
    assert height(points, "near_toe") < 0.1  # the feet too, a little
    for name in ("hips", "waist"):  # hips and belly stay on the bed: nothing hovers
        assert _on_floor(points, name), name


def test_walking_has_no_floating_foot() -> None:
    p = Pose("walking")
    for frame in ("start", "end"):
        points = p[frame]
        for side in ("near", "far"):
            low = min(height(points, f"{side}_heel"), height(points, f"{side}_toe"))
            assert low <= body.CONTACT_TOLERANCE, (frame, side)


@pytest.mark.parametrize("slug", ["standing-hip-flexor-stretch", "kneeling-hip-flexor-stretch"])
def test_hip_flexor_stretch_hand_stays_on_a_real_chair_and_nothing_hangs_below_the_hip(
    slug: str,
) -> None:
    p = Pose(slug)
    start, end = p["start"], p["end"]
    for side in ("near", "far"):
        hand = f"{side}_hand"
        assert math.dist(start[hand], end[hand]) < 0.02  # holds the chair throughout
        for points in (start, end):  # no stray stub of an arm below the hip
            assert points[hand][1] > points["hips"][1]
    chair = furniture(start, p.pose.props)
    seat = min(line.start[1] for line in chair if isinstance(line, Line) and line.start[1] > 0)
    assert seat >= 0.25 * 0.99  # a chair's seat is about 45 cm high, not 17


def test_standing_hip_flexor_stretch_starts_in_a_split_stance() -> None:
    p = Pose("standing-hip-flexor-stretch")
    points = p["start"]
    assert _on_floor(points, "near_heel") and _on_floor(points, "far_toe")
    assert points["far_toe"][0] < points["hips"][0] - 0.15  # the back foot well behind
    assert p.joint("start", "knee", "far") > -25  # the back leg long, not a one-leg stand


def test_side_plank_on_bent_knees_shows_the_bent_knees() -> None:
    p = Pose("side-plank-bent-knee")
    for frame in ("start", "end"):
        points = p[frame]
        knee, ankle, hips = points["near_knee"], points["near_ankle"], points["hips"]
        assert math.dist(knee, ankle) > 0.1, frame  # the lower leg is drawn, not a dot
        thigh = math.degrees(math.atan2(knee[1] - hips[1], knee[0] - hips[0]))
        shin = math.degrees(math.atan2(ankle[1] - knee[1], ankle[0] - knee[0]))
        assert abs(normalised(shin - thigh)) > 10, frame  # bent at the knee in the picture


@pytest.mark.parametrize("lines", [24, 40])
def test_figure_fills_the_terminal_height_and_width(
    lines: int, invoke: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", str(lines))
    result = invoke("figure", "bent-leg-deadlift")
    assert result.exit_code == 0, result.output
    drawn = result.stdout.rstrip("\n").split("\n")
    assert len(drawn) <= lines - 1  # fits the screen, with the prompt below
    floor = drawn[-2]  # the floor line under both frames, side by side
    widths = [len(part) for part in floor.split() if part]
    assert len(widths) == 2  # side by side
    if lines >= 40:  # room enough: wide frames, not 12 columns each
        assert min(widths) >= 30


def test_kneeling_hip_flexor_stretch_kneels_on_the_back_knee_then_lifts_it() -> None:
    """Issue 17 (blind readings 3a and 3b): the hips did not visibly go forward, and the
    back leg, drawn dotted, was what moved. Now the back leg is the near one, drawn solid:
    kneeling upright on it, then the knee lifts and the hips go forward over the front foot."""
    p = Pose("kneeling-hip-flexor-stretch")
    start, end = p["start"], p["end"]
    assert _on_floor(start, "near_knee")  # the back knee down on the mat
    assert _on_floor(start, "far_heel") and _on_floor(start, "far_toe")  # front foot flat
    assert start["far_ankle"][0] > start["hips"][0] + 0.15  # ... and well ahead
    assert -100 <= p.joint("start", "knee", "far") <= -80  # front knee bent about 90°
    assert abs(p.angle("start", "thoracic") - 90) < 3  # trunk upright
    assert abs(start["hips"][0] - start["near_knee"][0]) < 0.05  # hips over the back knee
    assert end["hips"][0] > start["hips"][0] + 0.06  # ... then forward
    assert end["hips"][0] > end["near_knee"][0] + 0.08
    # the chair held for balance stands ahead of the front knee, not under the thigh as a
    # box the figure seems to sit on
    chair = furniture(start, p.pose.props)
    for points in (start, end):
        nearest = min(
            x for line in chair if isinstance(line, Line) for x in (line.start[0], line.end[0])
        )
        assert nearest > points["far_knee"][0] + 0.03
    drawn = figure(end)
    back_thigh = Line(end["near_hip"], end["near_knee"], "body")
    assert back_thigh in drawn  # the moving leg is drawn solid


def _page_angle(a: Point, b: Point) -> float:
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def _from_line(point: Point, a: Point, b: Point) -> float:
    """How far `point` is from the line through `a` and `b`."""
    (x1, y1), (x2, y2), (x, y) = a, b, point
    return abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / math.dist(a, b)


def test_side_plank_on_bent_knees_lies_on_its_side_facing_the_viewer() -> None:
    """Issue 17 (blind readings 3a and 3b, figure 6): drawn as a line down the middle of
    the body, propped on a forearm, it read as lying face down on the elbows. Seen from
    the front, a body lying on its side shows its width: the trunk is an outline from
    each shoulder to the hip below it, the top shoulder and hip above the lower ones, the
    top hand on the lower shoulder, and no limb dotted as further away. The knees bend about
    90° with the lower legs back, away from the viewer."""
    p = Pose("side-plank-bent-knee")
    for frame in ("start", "end"):
        points, posture = p[frame], p.frames[frame]
        for side in ("near", "far"):
            bend = joint_angle(posture, f"{side}_thigh", f"{side}_shin", 0.0)
            assert 80 <= abs(bend) <= 100, frame  # bent about 90° in three dimensions
        elbow, hand = points["near_elbow"], points["near_hand"]
        assert math.dist(elbow, hand) > 0.1, frame  # the forearm shows, flat on the floor
        assert abs(hand[1] - elbow[1]) < 0.02, frame
        # the top hand on the opposite shoulder, the arm across the chest: no wing, and
        # no second line along the top side (blind reading, set 9: "a tangle of lines")
        assert math.dist(points["far_hand"], points["near_shoulder"]) < 0.02, frame
        top = points["far_hip"], points["far_shoulder"]
        assert _from_line(points["far_elbow"], *top) > 0.05, frame
        chest = points["far_shoulder"], points["near_shoulder"]
        assert _from_line(points["far_elbow"], *chest) < 0.12, frame
        seen = p.drawn[frame]
        drawn = figure(seen)
        assert all(shape.layer == "body" for shape in drawn), frame
        for side in ("near", "far"):
            side_line = Line(seen[f"{side}_shoulder"], seen[f"{side}_hip"], "body")
            assert side_line in drawn, frame
        assert Line(seen["hips"], seen["waist"], "body") not in drawn  # no middle line
    assert height(p["start"], "near_hip") < 0.02 < 0.04 < height(p["end"], "near_hip")


@pytest.mark.parametrize("slug", ["side-plank", "side-plank-bent-knee"])
def test_a_front_view_lies_on_a_mat_seen_from_a_little_above(slug: str) -> None:
    """Issue 17 (side plank on bent knees, blind set 4): seen from the front at floor level
    the shins folded back had no length, and the figure read as lying with straight legs.
    The eye is raised, so the mat is a parallelogram and what rests on it is drawn inside it."""
    p = Pose(slug)
    frames = [p.drawn["start"], p.drawn["end"]]
    drawn = drawing(frames, p.pose.props)
    for shapes, points, frame in zip(drawn, frames, ("start", "end"), strict=True):
        mat = [s for s in shapes if isinstance(s, Line) and s.layer == "prop"]
        corners = [line.start for line in mat]
        assert len(mat) == 4 and [line.end for line in mat] == [*corners[1:], corners[0]]
        for contact in p.frames[frame].contacts:  # where it touches: below the joint's centre
            x, y = points[contact]
            y -= body.rest_height(contact) * math.cos(math.radians(p.pose.raised))
            assert _inside((x, y), corners), (frame, contact)


def _inside(point: Point, corners: list[Point]) -> bool:
    """Whether `point` lies inside the convex polygon `corners` (in either turning order)."""
    sides = [
        (b[0] - a[0]) * (point[1] - a[1]) - (b[1] - a[1]) * (point[0] - a[0])
        for a, b in pairwise([*corners, corners[0]])
    ]
    return all(side > 0 for side in sides) or all(side < 0 for side in sides)


def test_a_front_view_has_no_nose() -> None:
    """Facing the viewer, the face looks out of the picture: a nose drawn on the head's
    edge would point along the body and read as a stray line."""
    for slug in ("side-plank", "side-plank-bent-knee"):
        for frame in ("start", "end"):
            lines = [s for s in figure(Pose(slug).drawn[frame]) if isinstance(s, Line)]
            assert not [s for s in lines if math.isclose(math.dist(s.start, s.end), NOSE)]


def test_deep_lunge_lifts_the_back_knee_a_hand_off_the_floor_and_the_hips_forward() -> None:
    """Issue 17b (blind reading, figure 3): the back knee hung in mid-air with the shin
    level and a long upright foot under it, like an extra joint; issue 17 (readings 3a and
    3b): the lift was too small to see. The steps lift the back knee off the floor into a
    deep lunge: it rises about a hand's breadth, the shin runs back to the tucked toes,
    and the hips go forward over the front foot."""
    p = Pose("kneeling-hip-flexor-stretch")
    start, end = p["start"], p["end"]
    assert 0.06 < height(end, "near_knee") <= 0.11  # lifted, about 10 to 19 cm
    knee, ankle, toe = end["near_knee"], end["near_ankle"], end["near_toe"]
    assert (
        abs(normalised(math.degrees(math.atan2(ankle[1] - knee[1], ankle[0] - knee[0])) - 180)) < 15
    )
    foot = math.degrees(math.atan2(ankle[1] - toe[1], ankle[0] - toe[0]))
    assert 25 < foot < 85  # the foot slopes down and back to the toes
    assert end["hips"][0] > start["hips"][0] + 0.06  # the hips pushed forward
    assert end["hips"][1] - start["hips"][1] < 0.1  # not risen into a half-standing lunge


@pytest.mark.parametrize("slug", ["kneeling-hip-flexor-stretch", "bird-dog", "bottom-to-heels"])
def test_a_foot_on_tucked_toes_is_one_line_from_the_ankle(slug: str) -> None:
    """The blind reading saw the heel's step, up from the ankle with the calf upwards, as
    an extra joint ('a zig-zag, like a lightning bolt')."""
    p = Pose(slug)
    for frame in ("start", "end"):
        points = p[frame]
        drawn = figure(points)
        for side in ("near", "far"):
            ankle, heel = points[f"{side}_ankle"], points[f"{side}_heel"]
            if heel[1] <= ankle[1]:
                continue
            from_ankle = [s for s in drawn if isinstance(s, Line) and ankle in (s.start, s.end)]
            assert all(points[f"{side}_heel"] not in (s.start, s.end) for s in from_ankle)


@pytest.mark.parametrize(
    ("slug", "down"), [("swallow-fly", True), ("prone-leg-lift", True), ("glute-bridge", False)]
)
def test_seen_from_the_side_a_nose_says_face_down_or_face_up(slug: str, down: bool) -> None:
    """The blind reading, set 6: the swallow fly read as lying on the back (a hollow hold,
    the opposite movement), since a side view had no face. The nose is on the face side."""
    p = Pose(slug)
    for frame in ("start", "end"):
        points = p.drawn[frame]
        noses = [s for s in figure(points) if isinstance(s, Line)
                 and math.isclose(math.dist(s.start, s.end), NOSE)]  # fmt: skip
        [nose] = noses
        head = points["head"][1]
        assert (nose.end[1] < head) == down, frame


@pytest.mark.parametrize("slug", ["glute-bridge", "single-leg-bridge"])
def test_a_bridge_keeps_the_shoulders_and_head_where_they_were(slug: str) -> None:
    """Blind reading, set 9: almost the whole bridge was orange, head and arms too, as if
    they moved: the feet stayed put and the shoulders slid 10 cm along the floor as the
    hips rose. Both rest on the floor throughout, so the end pose keeps both where they
    were; only the hips, trunk and thighs move, and the head is not coloured as moving.
    (The single-leg bridge's shoulders slid 6 cm too.)"""
    p = Pose(slug)
    start, end = p["start"], p["end"]
    for name in ("near_heel", "shoulders", "head", "near_hand"):
        assert math.dist(start[name], end[name]) < 0.01, name
    assert height(end, "hips") > 0.08  # lifted ...
    hips, knee, shoulders = end["hips"], end["near_knee"], end["shoulders"]
    assert _from_line(hips, shoulders, knee) < 0.01  # ... into a line from knees to shoulders
    for progress in (0.25, 0.5, 0.75):  # and on the way, only a centimetre or two
        assert abs(p.pose.at(progress)["shoulders"][0] - start["shoulders"][0]) < 0.015


def test_prone_leg_lift_lies_face_down_on_the_hands_and_lifts_the_bent_knee() -> None:
    """Blind reading, set 9: back or front could not be told, the head lay on the floor
    with the arms' line running through it, and the lift was hard to see. The forehead
    rests on the folded hands, so the head is off the floor with the nose towards the
    hands and the arms ending under the face; the knee bends to about 90° with the lower
    leg up, and the thigh lifts it a little off the floor, the hips staying down."""
    p = Pose("prone-leg-lift")
    for frame in ("start", "end"):
        points = p[frame]
        assert height(points, "head") > 0.03, frame  # on the hands, not the floor
        assert points["near_hand"][0] <= points["head"][0] + body.HEAD / 2 + 0.01, frame
        assert -100 <= p.joint(frame, "knee") <= -80, frame
        assert height(points, "hips") < 0.01, frame
    assert height(p["start"], "near_knee") < 0.01
    assert 0.04 < height(p["end"], "near_knee") < 0.08  # about 7 to 14 cm: "just off"


def test_seen_from_the_side_the_hip_is_marked() -> None:
    """Blind reading, set 9: lying flat or at a bridge's top, the trunk and a thigh are one
    line and the hip could not be found. The SVG marks it with a dot."""
    points = Pose("prone-leg-lift").drawn["end"]
    [dot] = hip_mark(points)
    assert isinstance(dot, Circle) and dot.centre == points["hips"]
    assert hip_mark(Pose("side-plank").drawn["end"]) == []  # facing: the outline shows it
