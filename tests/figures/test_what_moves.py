"""The motion cue: every figure of two or more frames shows what moves; still frames none."""

from __future__ import annotations

import math

import pytest

from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.catalog.movement import placed
from backfit.catalog.movement import posture as keyframe
from backfit.figures import motion, scene
from backfit.views.figure import pose_svg

EXERCISES = [e for e in load_catalog(builtin_catalog_path()).exercises if e.pose is not None]
CUES = ("moved", "moved-far", "arrow", "ghost", "ghost-far")


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.slug)
def test_every_figure_of_two_frames_shows_what_moves(exercise) -> None:  # type: ignore[no-untyped-def]
    names = [name for name, _ in exercise.pose.frames()]
    text = pose_svg(exercise.name, exercise.pose, names)
    assert text == pose_svg(exercise.name, exercise.pose, names)  # byte-stable
    assert "#c2410c" in text  # the accent: what moved, and its arrow
    one = pose_svg(exercise.name, exercise.pose, names[:1])
    assert "#c2410c" not in one


def test_frames_that_do_not_move_have_no_cue() -> None:
    still = placed(keyframe({"trunk": 90, "upper_arm": -90, "forearm": -90, "thigh": -90,
                             "shin": -90, "foot": 0}, ["feet"]), "near_heel")  # fmt: skip
    shapes = scene.figure(still)
    assert motion.cued(shapes, shapes, [still, still]) == shapes
    assert not any(s.layer in CUES for s in motion.cued(shapes, shapes, [still, still]))


def test_what_a_movement_carries_a_little_is_not_coloured() -> None:
    """A blind reading: with the hands coloured as the back rounds in cat-camel, readers took
    it that the hands should move. Points moving under FOLLOWS of the largest shift stay put."""
    from backfit.catalog.movement import Point

    before: dict[str, Point] = {"hips": (0.0, 0.5), "head": (1.0, 0.5), "near_hand": (0.9, 0.0)}
    after: dict[str, Point] = {"hips": (0.0, 0.7), "head": (1.0, 0.5), "near_hand": (0.93, 0.0)}
    trunk = [scene.Line(before["hips"], before["head"], "body"),
             scene.Line(before["head"], before["near_hand"], "body")]  # fmt: skip
    moved = [scene.Line(after["hips"], after["head"], "body"),
             scene.Line(after["head"], after["near_hand"], "body")]  # fmt: skip
    assert math.dist(before["near_hand"], after["near_hand"]) > motion.MOVED  # it did move
    shown = motion.cued(trunk, moved, [before, after])
    assert [s.layer for s in shown if s.layer in ("body", "moved")] == ["moved", "body"]
