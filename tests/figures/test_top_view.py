"""Issue 17: the top view, seen along the body's long axis, for the movements that turn
about it (seated trunk rotation from above, knee rolls from the feet), drawn by every
renderer; and the joint check in three dimensions for shoulders and hips."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from test_catalog_poses import Pose, catalog

from backfit.catalog import body
from backfit.catalog.movement import Angle, Point, normalised, posture
from backfit.catalog.poses import Pose as PoseModel
from backfit.catalog.poses import _joint_problems
from backfit.figures import raster, scene, svg
from backfit.figures.modes import DRAWN

STANDING = {"trunk": 90.0, "upper_arm": -90.0, "forearm": -90.0, "thigh": -90.0, "shin": -90.0}


def _drawn(slug: str, mode: str) -> dict[str, list[list[raster.Run]]]:
    """The start and end frames drawn in `mode`, on one scale, as `figure` draws them."""
    pose = catalog().exercise(slug).pose
    assert pose is not None
    frames = [pose.placed(name) for name in ("start", "end")]
    shapes = scene.drawing(frames, pose.props, frames[0])
    box = scene.bounds([shape for frame in shapes for shape in frame])
    scale = raster.fit(box, mode, 40, 16)
    return {
        name: raster.render(frame, box, mode, scale)
        for name, frame in zip(("start", "end"), shapes, strict=True)
    }


def _ink(rows: Sequence[Sequence[raster.Run]]) -> list[int]:
    """The columns of the figure's cells (not the props') in `rows`."""
    columns = []
    for row in rows:
        column = 0
        for text, layer in row:
            for char in text:
                if layer in ("body", "far") and char != " ":
                    columns.append(column)
                column += 1
    return columns


def test_the_turning_exercises_are_seen_along_the_body() -> None:
    views = {
        slug: catalog().exercise(slug).pose for slug in ("seated-trunk-rotation", "knee-rolls")
    }
    seen = {slug: (pose.view, pose.seen_from) for slug, pose in views.items() if pose}
    assert seen == {"seated-trunk-rotation": ("top", "above"), "knee-rolls": ("top", "above")}


@pytest.mark.parametrize("mode", DRAWN)
def test_every_renderer_draws_the_knees_rolling_over_to_one_side(mode: str) -> None:
    drawn = _drawn("knee-rolls", mode)
    width = max(sum(len(text) for text, _ in row) for row in drawn["start"])
    middle = width / 2
    legs = len(drawn["start"]) // 2  # below the arms, seen from above: the legs
    start, end = _ink(drawn["start"][legs:]), _ink(drawn["end"][legs:])
    assert start and end
    assert abs((min(start) + max(start)) / 2 - middle) < width * 0.05  # knees up in the middle
    assert max(end) > max(start) + width * 0.05  # the knees over to the right
    assert min(end) >= min(start)  # and none to the left
    assert raster.plain(drawn["start"]) != raster.plain(drawn["end"])


@pytest.mark.parametrize("mode", DRAWN)
def test_every_renderer_draws_the_shoulders_turning_over_still_hips(mode: str) -> None:
    drawn = _drawn("seated-trunk-rotation", mode)
    start, end = raster.plain(drawn["start"]), raster.plain(drawn["end"])
    assert start != end
    rows = len(start)
    legs = rows // 3  # the thighs and feet, ahead of the chair's seat, stay put
    assert start[:legs] == end[:legs]
    assert start[legs:] != end[legs:]  # what turns is the upper body


def test_seen_from_above_there_is_no_floor_and_the_chair_is_seen_from_above() -> None:
    pose = catalog().exercise("seated-trunk-rotation").pose
    assert pose is not None
    start = pose.placed("start")
    shapes = scene.drawing([start], pose.props, start)[0]
    props = [s for s in shapes if isinstance(s, scene.Line) and s.layer == "prop"]
    hips = start["hips"]
    # the seat is a box around the hips, not a floor line under the figure
    assert (
        min(min(s.start[1], s.end[1]) for s in props)
        < hips[1]
        < max(max(s.start[1], s.end[1]) for s in props)
    )
    for line in props:  # and no floor line across the page
        for x, _ in (line.start, line.end):
            assert abs(x - hips[0]) <= scene.SEAT_WIDTH / 2 + 1e-9


def _shoulder_line(frame: str) -> float:
    """The slope in degrees of the shoulders in one frame of an SVG, seen from above: the
    two points of the figure furthest apart near the head, the ends of the shoulders."""
    pattern = (  # the figure's lines, in its colour or (what moved) the accent
        r'<line x1="([\d.-]+)" y1="([\d.-]+)" x2="([\d.-]+)" y2="([\d.-]+)" '
        rf'stroke="(?:#1f2933|{svg.ACCENT})"'
    )
    head = re.search(
        rf'<circle cx="([\d.-]+)" cy="([\d.-]+)" r="[\d.]+" stroke="(?:#1f2933|{svg.ACCENT})"',
        frame,
    )
    assert head
    centre = (float(head[1]), float(head[2]))
    ends = [(float(x), float(y)) for found in re.findall(pattern, frame)
            for x, y in (found[:2], found[2:4])]  # fmt: skip
    near = [p for p in ends if math.dist(p, centre) < 0.2 * svg.UNIT]
    (x1, y1), (x2, y2) = max(((p, q) for p in near for q in near), key=lambda pq: math.dist(*pq))
    assert math.dist((x1, y1), (x2, y2)) >= body.SHOULDER_WIDTH * svg.UNIT - 0.5
    return normalised(math.degrees(math.atan2(y1 - y2, x2 - x1)))


def _ahead(point: Point, points: Mapping[str, Point]) -> float:
    """How far `point` is in front of the line across the shoulders, seen from above."""
    (x1, y1), (x2, y2) = points["far_shoulder"], points["near_shoulder"]
    across = math.dist((x1, y1), (x2, y2))
    forward = (-(y2 - y1) / across, (x2 - x1) / across)  # a quarter turn left of the line
    return (point[0] - x1) * forward[0] + (point[1] - y1) * forward[1]


def test_seated_trunk_rotation_from_above_reads_as_a_body_seen_from_above() -> None:
    """Issue 17b (blind reading, figure 5: 'a ball in a box with antennae'): the shoulders
    are a bar through the head, with width in front of and behind their line; the arms
    crossed on the chest stand clear in front of it; the legs go straight forward from the
    seat, drawn lighter as the lap below the arms; nothing else crosses the head."""
    pose = catalog().exercise("seated-trunk-rotation").pose
    assert pose is not None
    still = pose.placed("start")
    for name in ("start", "end"):
        points = pose.placed(name)
        shapes = scene.drawing([points], pose.props, still)[0]
        lines = [s for s in shapes if isinstance(s, scene.Line) and s.layer != "prop"]
        near = [p for line in lines for p in (line.start, line.end)
                if math.dist(p, points["shoulders"]) < body.SHOULDER_WIDTH / 2 + 0.05]  # fmt: skip
        behind = [p for p in near if _ahead(p, points) < -0.03]
        in_front = [p for p in near if _ahead(p, points) > 0.03]
        for part in (behind, in_front):  # the bar has a depth: its edges either side
            assert part, name
            assert max(math.dist(p, q) for p in part for q in part) > body.SHOULDER_WIDTH / 2
        for side in ("near", "far"):
            assert _ahead(points[f"{side}_elbow"], points) > 0.12, name  # clear of the bar
            assert _ahead(points[f"{side}_hand"], points) > scene.BAR, name  # on its front
            knee, toe = points[f"{side}_knee"], points[f"{side}_toe"]
            thigh = points[f"{side}_knee"][0] - points[f"{side}_hip"][0], knee[1]
            assert abs(thigh[0]) < 0.03 and knee[1] > 0.2, name  # straight forward
            assert abs(toe[0] - knee[0]) < 0.03 and toe[1] > knee[1], name  # feet ahead
        legs = {line.layer for line in lines if line.start in _leg_points(points)}
        arms = {line.layer for line in lines if line.end in _arm_points(points)}
        assert legs == {"far"} and arms == {"body"}, name
        centre, r = points["head"], body.HEAD / 2
        inside = [line for line in lines if _closest(line, centre) < r - 1e-6]
        assert inside == [], name


def _leg_points(points: Mapping[str, Point]) -> list[Point]:
    return [points[f"{side}_{joint}"] for side in ("near", "far") for joint in ("knee", "ankle")]


def _arm_points(points: Mapping[str, Point]) -> list[Point]:
    return [points[f"{side}_{joint}"] for side in ("near", "far") for joint in ("elbow", "hand")]


def _closest(line: scene.Line, point: Point) -> float:
    """How near `line` comes to `point`."""
    (ax, ay), (bx, by), (px, py) = line.start, line.end, point
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / ((dx * dx + dy * dy) or 1.0)))
    return math.dist((ax + t * dx, ay + t * dy), point)


def test_the_shoulder_line_turns_in_the_svg(tmp_path: Path, invoke: Callable[..., Any]) -> None:
    out = tmp_path / "twist.svg"
    result = invoke("figure", "seated-trunk-rotation", "--svg", str(out))
    assert result.exit_code == 0, result.output
    frames = out.read_text().split('<g aria-label="')[1:]
    assert len(frames) == 2
    start, end = (abs(normalised(_shoulder_line(frame) * 2) / 2) for frame in frames)
    assert start < 2  # square at the start
    assert 30 < end < 60  # turned at the end


def _pose(
    view: str, seen_from: str | None, contacts: list[str], *, girdles: bool = True
) -> PoseModel:
    angles: dict[str, Any] = {"trunk": {"angle": 90, "away": -90}, "thigh": 90,
                              "upper_arm": -90, "forearm": -90,
                              "shin": {"angle": 90, "away": 90}, "foot": 90}  # fmt: skip
    if girdles:
        angles |= {"shoulder_line": 0, "hip_line": 0}
    frame = {"angles": angles, "contacts": contacts}
    data: dict[str, Any] = {"view": view, "tempo": {"up": 1, "down": 1}, "start": frame,
                            "end": frame}  # fmt: skip
    if seen_from:
        data["seen_from"] = seen_from
    return PoseModel.model_validate(data)


def test_seen_from_above_nothing_is_checked_against_a_floor_line() -> None:
    assert _pose("top", "above", ["hips", "feet"]).problems() == []
    from_feet = _pose("top", "feet", ["hips", "feet"]).problems()
    assert any("above the floor" in message for _, message in from_feet)


def test_a_top_view_says_where_it_is_seen_from() -> None:
    assert [loc for loc, _ in _pose("top", None, ["hips"]).problems()][:1] == [("seen_from",)]
    assert ("seen_from",) in [loc for loc, _ in _pose("side", "above", ["hips"]).problems()]


@pytest.mark.parametrize(
    ("segment", "angle", "joint"),
    [
        ("near_upper_arm", Angle(150, 30), "near shoulder"),  # raised behind, a little out
        ("near_upper_arm", Angle(180, 20), "near shoulder"),  # straight back at shoulder height
        ("near_thigh", Angle(-120, 30), "near hip"),  # kicked back and out
        ("near_thigh", Angle(-90, 60), "near hip"),  # out to the side further than a hip goes
    ],
)
def test_joint_check_sees_shoulders_and_hips_turned_out_of_the_picture(
    segment: str, angle: Angle, joint: str
) -> None:
    frame = posture({**STANDING, segment: angle}, ["feet"])
    found = [message for _, message in _joint_problems("side", frame, ("start",))]
    assert any(joint in message for message in found), found


@pytest.mark.parametrize(
    ("segment", "angle"),
    [
        ("near_upper_arm", Angle(-90, 80)),  # out to the side, level with the shoulder
        ("near_upper_arm", Angle(-100, 15)),  # hands on the low back
        ("near_thigh", Angle(-80, 30)),  # stepping a little out to the side
        ("near_thigh", Angle(0, 30)),  # knee up and a little out
    ],
)
def test_joint_check_lets_shoulders_and_hips_turn_as_far_as_a_body_does(
    segment: str, angle: Angle
) -> None:
    frame = posture({**STANDING, segment: angle}, ["feet"])
    found = [
        m for _, m in _joint_problems("side", frame, ("start",)) if "hip" in m or "shoulder" in m
    ]
    assert found == []


def test_every_catalog_pose_passes_the_three_dimensional_joint_check() -> None:
    for exercise in catalog().exercises:
        pose = exercise.pose
        assert pose is not None
        for name, frame in pose.frames():
            assert _joint_problems(pose.view, frame.posture, (name,)) == [], exercise.slug


def test_seated_trunk_rotation_is_the_pose_it_says() -> None:
    p = Pose("seated-trunk-rotation")
    assert p["start"]["hips"] == p["end"]["hips"] == (0.0, 0.0)  # put where the anchor is


@pytest.mark.parametrize("mode", DRAWN)
@pytest.mark.parametrize("slug", ["seated-trunk-rotation", "knee-rolls"])
def test_figure_draws_the_top_view_in_every_mode(
    slug: str, mode: str, invoke: Callable[..., Any]
) -> None:
    result = invoke("figure", slug, "--figure", mode)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    drawn = result.stdout
    assert "Start" in drawn and "End" in drawn  # both frames
    ink = {"braille": "⠁⡀⣀⠉⡇⢸", "blocks": "▀▄█", "ascii": "/\\|-_o"}[mode]
    assert sum(drawn.count(char) for char in ink) > 20


def test_a_top_view_gives_the_lines_across_the_shoulders_and_hips() -> None:
    found = _pose("top", "above", ["hips"], girdles=False).problems()
    assert (("start", "angles"), "a top view shows the body's width: give shoulder_line and "
            "hip_line") in found  # fmt: skip


def test_the_svg_description_says_where_a_top_view_is_seen_from(invoke: Any, tmp_path: Any) -> None:
    for slug, seen in (
        ("knee-rolls", "seen from above"),
        ("seated-trunk-rotation", "seen from above"),
    ):
        out = tmp_path / f"{slug}.svg"
        assert invoke("figure", slug, "--svg", str(out)).exit_code == 0
        assert "Stick figure of" in out.read_text() and seen in out.read_text()
