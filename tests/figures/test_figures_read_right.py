"""Issue 17, "Figures a patient reads right": each fault the caption-less reading test
found, measured on the figure (each failed on the pose before the mend)."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from test_catalog_poses import Pose

from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.catalog.movement import Angle, joint_angle, normalised, posture
from backfit.catalog.poses import _joint_problems
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
    p = Pose("seated-trunk-rotation")
    for frame in ("start", "end"):
        points = p[frame]
        for side in ("near", "far"):
            elbow, shoulders = points[f"{side}_elbow"], points["shoulders"]
            assert elbow[1] < shoulders[1] and elbow[0] > shoulders[0], frame  # down, in front


@pytest.mark.parametrize("slug", SLUGS)
def test_svg_labels_fit_the_view_box_and_never_overlap(
    slug: str, tmp_path: Path, invoke: Callable[..., Any]
) -> None:
    out = tmp_path / "figure.svg"
    result = invoke("figure", slug, "--svg", str(out))
    assert result.exit_code == 0, result.output
    svg = out.read_text()
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))  # type: ignore[union-attr]
    spans = []
    for x, size, text in re.findall(
        r'<text x="([\d.]+)"[^>]*font-size="([\d.]+)"[^>]*>([^<]*)<', svg
    ):
        half = len(text) * float(size) * CHAR_WIDTH / 2
        spans.append((float(x) - half, float(x) + half))
    assert spans
    for left, right in spans:
        assert left >= 0 and right <= width, (slug, left, right, width)
    for (_, right), (left, _) in pairwise(spans):
        assert right <= left, slug
