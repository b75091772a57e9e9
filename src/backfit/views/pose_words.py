"""A pose in words, for whoever cannot see its figure (a screen reader, `--figure words`):
the position and what rests on the floor at the start, then what moves by the end, read
off the same pose data the figure is drawn from, with the keyframes' captions where the
catalog gives them. Measured in space, as the floor checks are, never on the page."""

from __future__ import annotations

import math
from collections.abc import Mapping
from itertools import pairwise
from typing import TYPE_CHECKING

from backfit.catalog import body
from backfit.catalog.movement import Point, placed
from backfit.views.words import catalog as catalog_words
from backfit.views.words import pose as words

if TYPE_CHECKING:
    from backfit.catalog.models import Exercise
    from backfit.catalog.poses import Frame, Pose

MOVED = 0.03  # of standing height (about 5 cm): less than this is holding still
A_LITTLE = 0.08  # up to this (about 14 cm) a lift is "a little"
FORWARD = 0.06  # how far the hips travel forward or back to be said
STANDS_UP = 0.15  # the hips rising this much from sitting or a squat: standing up
LEAN = 20.0  # degrees the trunk turns before it counts as leaning
CURVED = 0.015  # how far the middle of the back rises or sinks to be said
LEVEL = math.sin(math.radians(45.0))  # a trunk within 45 degrees of level is on all fours
TRUNK = {"head": "head", "chest": "shoulders", "hips": "hips"}  # a part, and the point it moves
LIMBS = {"arm": ("hand",), "leg": ("toe", "knee")}  # a limb, and the points that show it move


def pose_words(exercise: Exercise) -> list[str]:
    """A sentence for each keyframe: "Start: lying on your front, resting on ...", then
    what has changed by the next one. None for an exercise with no pose."""
    pose = exercise.pose
    if pose is None:
        return []
    if exercise.position == "walking":
        return [words.WALKING]
    frames = [frame for _, frame in pose.frames()]
    position = exercise.position or ""
    first = [catalog_words.POSITIONS.get(position, position)] if position else []
    shape = _shape(pose, frames[0], position)
    resting = _resting(frames[0], position)
    if resting:
        first.append(words.RESTING_ON.format(parts=_joined(resting)))
    held = words.HOLDING_SEATED if position == "seated" else words.HOLDING
    first += [said for said in (held.get(prop) for prop in pose.props) if said]
    first += [text for text in (shape, frames[0].caption) if text]
    said = [words.START.format(text=words.CLAUSES.join(first))]
    for before, after in pairwise(frames):
        if after.caption:
            changes = [after.caption]
        else:
            changes = _changes(pose, before, after, position)
            now = _shape(pose, after, position)
            if now != _shape(pose, before, position) and changes != [words.STANDS_UP]:
                changes.insert(0, now or words.STRAIGHTENS)
        template = words.END if after is frames[-1] else words.THEN
        said.append(template.format(text=words.CHANGES.join(changes) if changes else words.HELD))
    return said


def _shape(pose: Pose, frame: Frame, position: str) -> str | None:
    """How the trunk is held, where it says something: leaning, for someone standing or
    sitting; the back rounded up, flat or dipped, on all fours. None: upright."""
    if pose.view != "side":
        return None
    if position in ("standing", "seated"):
        lean = 90.0 - frame.posture.angles["thoracic"].degrees
        if abs(lean) < LEAN:
            return None
        return words.LEANS_FORWARD if lean > 0 else words.LEANS_BACK
    level = abs(math.sin(math.radians(frame.posture.angles["thoracic"].degrees))) < LEVEL
    if position == "kneeling" and level:  # on all fours, not kneeling up
        curve = _curve(placed(frame.posture, pose.anchor))
        if abs(curve) < CURVED:
            return words.FLAT
        return words.ROUNDED if curve > 0 else words.HOLLOWED
    return None


def _resting(frame: Frame, position: str) -> list[str]:
    """The parts of the limbs on the floor (the trunk's is the position itself); the
    feet of someone standing or sitting, and the legs of someone lying face down, go
    without saying."""
    contacts = set(frame.posture.contacts)
    parts: list[str] = []
    for point, (both, one) in words.RESTING.items():
        sides = [side for side in body.SIDES if f"{side}_{point}" in contacts]
        if point in ("toe", "heel") and position in ("standing", "seated"):
            continue
        if point in ("knee", "toe", "heel") and position == "front":
            continue  # lying face down, the legs lie on the floor: it goes without saying
        if point == "heel" and any(f"{side}_toe" in contacts for side in body.SIDES):
            continue  # a foot: said once, by its toes
        if sides:
            parts.append(both if len(sides) == 2 else one)
    return parts


def _changes(pose: Pose, start: Frame, end: Frame, position: str) -> list[str]:
    """What has moved between two frames, each verb once with every part it moves:
    "head, chest and legs lifted a little"."""
    a = placed(start.posture, pose.anchor, floor=pose.floor)
    b = placed(end.posture, pose.anchor, floor=pose.floor)
    if position in ("standing", "seated") and b["hips"][1] - a["hips"][1] > STANDS_UP:
        return [words.STANDS_UP]
    moves: dict[str, list[str]] = {}
    for part, point in TRUNK.items():
        _add(moves, words.TRUNK[part], _rise(a, b, (point,)))
    rises = {(part, side): _rise(a, b, tuple(f"{side}_{p}" for p in points))
             for part, points in LIMBS.items() for side in body.SIDES}  # fmt: skip
    moving = {part: _moving(rises[part, "near"], rises[part, "far"]) for part in LIMBS}
    for part, sides in moving.items():
        both, one = words.LIMBS[part]
        if len(sides) == 2:
            _add(moves, both, max(rises[part, side] for side in sides))
        elif sides:
            arms = moving["arm"]
            opposite = part == "leg" and len(arms) == 1 and arms[0] != sides[0]
            _add(moves, words.OPPOSITE_LEG if opposite else one, rises[part, sides[0]])
    said = [template.format(parts=_joined(parts)) for template, parts in moves.items()]
    if pose.view == "side":
        forward = b["hips"][0] - a["hips"][0]
        if abs(forward) >= FORWARD:
            said.append(words.HIPS_FORWARD if forward > 0 else words.HIPS_BACK)
    return said


def _moving(near: float, far: float) -> list[str]:
    """The sides of a limb that move, in step: both, or the one that clearly moves most."""
    sides = [(side, rise) for side, rise in (("near", near), ("far", far)) if abs(rise) >= MOVED]
    if len(sides) == 2:
        (_, first), (_, second) = sides
        if (first > 0) != (second > 0) or min(abs(first), abs(second)) < abs(first + second) / 4:
            sides = [max(sides, key=lambda pair: abs(pair[1]))]
    return [side for side, _ in sides]


def _add(moves: dict[str, list[str]], part: str, rise: float) -> None:
    if abs(rise) < MOVED:
        return
    if rise > 0:
        template = words.LIFTED_A_LITTLE if rise < A_LITTLE else words.LIFTED
    else:
        template = words.LOWERED
    moves.setdefault(template, []).append(part)


def _rise(a: Mapping[str, Point], b: Mapping[str, Point], points: tuple[str, ...]) -> float:
    """How far the points rise from frame `a` to frame `b` (the one that moves most)."""
    return max((b[p][1] - a[p][1] for p in points), key=abs)


def _curve(points: Mapping[str, Point]) -> float:
    """How far the waist stands above the straight line from hips to shoulders: a back
    rounded up (positive) or hollowed (negative), for a body on all fours or lying."""
    (x1, y1), (x2, y2), (x, y) = points["hips"], points["shoulders"], points["waist"]
    if x2 == x1:
        return 0.0
    return y - (y1 + (y2 - y1) * (x - x1) / (x2 - x1))


def _joined(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return words.AND.format(first=catalog_words.LIST.join(parts[:-1]), last=parts[-1])
