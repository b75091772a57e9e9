"""Where the coach's figure is along its movement at an instant of a step: still while
getting ready, easing into a hold over the tempo's first seconds and staying there,
easing back out while relaxing, and through a set of reps going start, end, start at
the exercise's tempo. Pure arithmetic on the pose's tempo, so that a test can ask for
any instant, and the screen draws the frame it is told."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from backfit.catalog.movement import ease
from backfit.session.phases import Phase

if TYPE_CHECKING:
    from backfit.catalog.poses import Tempo

CALM_SECONDS = 2.0  # to move between the start and end poses where the tempo gives no time
MOVING_OUT = (Phase.RELAX, Phase.SWITCH, Phase.REST)  # after a hold: back to the start


def pose_progress(phase: Phase, tempo: Tempo, elapsed: float, *, after_hold: bool) -> float:
    """How far along its movement the figure is `elapsed` seconds into a step of `phase`
    (0 the start pose, 1 the end pose). A hold whose tempo holds nothing (a walk) keeps
    going as reps do. `after_hold`: the step follows a hold, so the figure eases back from
    the end pose; after a set of reps or a get-ready it is at the start pose already."""
    up, hold, down = moving_tempo(tempo)
    if phase is Phase.REPS or (phase is Phase.HOLD and hold == 0):
        return repeating(up, hold, down, elapsed)
    if phase is Phase.HOLD:
        return ease(elapsed / up)
    if phase in MOVING_OUT and after_hold:
        return 1.0 - ease(elapsed / down)
    return 0.0


def still_progress(phase: Phase, tempo: Tempo) -> float:
    """Where the figure is with motion turned off: the end pose through a hold, the start
    pose otherwise (a set of reps, getting ready, resting), never anywhere in between."""
    return 1.0 if phase is Phase.HOLD and tempo.hold > 0 else 0.0


def moving_tempo(tempo: Tempo) -> tuple[float, float, float]:
    """Seconds up, held at the end, and down: the tempo's, with CALM_SECONDS for a way up
    or down it gives no time to (a figure never jumps from one pose to the other)."""
    return tempo.up or CALM_SECONDS, tempo.hold, tempo.down or CALM_SECONDS


def repeating(up: float, hold: float, down: float, elapsed: float) -> float:
    """One repetition after another with no pause at the start pose: up in `up` seconds,
    held `hold`, down in `down`, and up again at once (cat-camel: "move smoothly between
    the two without pausing at either end")."""
    at = math.fmod(max(0.0, elapsed), up + hold + down)
    if at < up:
        return ease(at / up)
    if at < up + hold:
        return 1.0
    return 1.0 - ease((at - up - hold) / down)
