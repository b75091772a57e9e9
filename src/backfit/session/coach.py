"""The guided session: walks a plan step by step against a clock, reacting to keys.

Everything it touches from outside comes in as an object (the clock, the keys, the
screen, the bell and voice), so tests run a whole routine in milliseconds with a fake
clock, and the real terminal code stays in `backfit.live`.

Timing never drifts: each step ends at a deadline computed from where the previous one
ended, not by counting ticks, and a pause moves the deadline by exactly its length.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from backfit.session import motion
from backfit.session.phases import Phase
from backfit.session.plan import Plan, Step

FRAME = 0.3  # how often a moving figure is redrawn, in seconds
LOOK_AHEAD = 4  # frames ahead to look for a still figure starting to move
LATE = 0.01  # wake this much after the countdown's next number is due, never just before
WORK = (Phase.HOLD, Phase.REPS)  # the phases that count as work done


class Key(StrEnum):
    CONTINUE = "continue"  # Enter
    PAUSE = "pause"  # p or space: pause, or resume
    SKIP = "skip"  # s: skip the rest of this exercise
    HURT = "hurt"  # h: it hurts; stop this exercise, and the session with it
    QUIT = "quit"  # q or Ctrl-C


class Clock(Protocol):
    def now(self) -> float: ...


class Keys(Protocol):
    def read(self, timeout: float | None) -> Key | None:
        """The next key pressed within `timeout` seconds (None: wait as long as it takes)."""
        ...


class Screen(Protocol):
    def show(self, moment: Moment) -> None: ...


class Announcer(Protocol):
    def announce(self, step: Step | None) -> None:
        """Mark the start of `step` (None: the end of the session): a bell, and its cue
        spoken where speech is on."""
        ...


@dataclass(frozen=True)
class Moment:
    """What the screen shows at one instant."""

    plan: Plan
    index: int  # the step being done
    remaining: float | None  # seconds left, or None for a set of reps
    paused: bool = False
    elapsed: float = 0.0  # seconds into the step, pauses left out
    still: bool = False  # reduced motion: the figure never moves, only changes pose

    @property
    def step(self) -> Step:
        return self.plan.steps[self.index]

    @property
    def next_step(self) -> Step | None:
        following = self.plan.steps[self.index + 1 : self.index + 2]
        return following[0] if following else None

    def pose_progress(self, later: float = 0.0) -> float:
        """How far along its movement the figure is `later` seconds from now (0 the start
        pose, 1 the end pose): see `motion.pose_progress`."""
        step = self.step
        if step.exercise.pose is None:
            return 0.0
        before = self.plan.steps[self.index - 1] if self.index else None
        after_hold = before is not None and before.phase is Phase.HOLD
        tempo = step.exercise.pose.tempo
        if self.still:
            return motion.still_progress(step.phase, tempo)
        return motion.pose_progress(step.phase, tempo, self.elapsed + later, after_hold=after_hold)


@dataclass
class Outcome:
    """What happened: which exercises were done or skipped, how much of each, and when.

    `completed` maps an exercise's position to one number per (set, side) started, in
    order (set 1 left, set 1 right, set 2 left, ...): the reps or holds completed in it,
    partial sets included. An exercise with no set started has no entry. A set of reps
    counts when Enter ends it; a hold counts when its time runs out, or when Enter ends
    it after a second or more, and `held` keeps how long each hold counted really lasted.
    """

    plan: Plan
    started: float
    ended: float = 0.0
    finished: bool = False
    interrupted: bool = False  # stopped by Ctrl-C rather than by q
    done: list[int] = field(default_factory=list)  # positions of exercises completed
    skipped: list[int] = field(default_factory=list)
    stopped_during: int | None = None  # the exercise in progress when the person stopped
    completed: dict[int, list[int]] = field(default_factory=dict)
    held: dict[int, list[float]] = field(default_factory=dict)  # seconds of each hold counted
    pain_stop: int | None = None  # the exercise stopped with the "it hurts" key
    pain_during: int | None = None  # the pain score given then (None: not asked, or skipped)
    pain_before: int | None = None  # the scores given before and after the session
    pain_after: int | None = None
    work_seconds: float = 0.0  # time in holds and sets of reps, pauses left out
    saved: bool = True  # False when the log could not take it (said at once; exit code 4)

    @property
    def elapsed(self) -> float:
        return self.ended - self.started

    @property
    def not_reached(self) -> list[int]:
        seen = {*self.done, *self.skipped, self.stopped_during}
        return [p for p in range(1, len(self.plan.exercises) + 1) if p not in seen]


class Stopped(Exception):
    """The person asked to stop (q or Ctrl-C)."""


class Hurts(Stopped):
    """The person stopped because it hurts (h)."""


class Coach:
    def __init__(
        self, *, clock: Clock, keys: Keys, screen: Screen, announcer: Announcer,
        animate: bool = False, still: bool = False,
    ) -> None:  # fmt: skip
        """`animate`: redraw every FRAME during sets of reps too, for a figure that moves.
        `still`: reduced motion; the figure only changes pose (see `motion.still_progress`),
        so nothing is redrawn for it."""
        self.clock = clock
        self.keys = keys
        self.screen = screen
        self.announcer = announcer
        self.animate = animate and not still
        self.still = still
        self._work = 0.0  # seconds of work in the step just done, pauses left out

    def run(self, plan: Plan) -> Outcome:
        """Do every step of `plan`; return what was done, whether finished or stopped."""
        outcome = Outcome(plan, started=self.clock.now())
        start = outcome.started
        index = 0
        try:
            while index < len(plan.steps):
                step = plan.steps[index]
                self.announcer.announce(step)
                if step.phase in WORK and step.rep == 1 and not step.extra:  # a (set, side)
                    counts = outcome.completed.setdefault(step.position, [])  # begins
                    counts += [0, 0] if step.both_sides else [0]
                ended, skipped = self._do(plan, index, start, outcome)
                if skipped:
                    outcome.skipped.append(step.position)
                    index = _next_exercise(plan, index)
                else:
                    _count(outcome, step, self._work)
                    index += 1
                    if index == len(plan.steps) or plan.steps[index].position != step.position:
                        outcome.done.append(step.position)
                start = ended
            outcome.finished = True
            self.announcer.announce(None)
        except (Stopped, KeyboardInterrupt) as stop:
            outcome.interrupted = isinstance(stop, KeyboardInterrupt)
            step = plan.steps[index]
            outcome.stopped_during = step.position
            if isinstance(stop, Hurts):
                outcome.pain_stop = _hurt_by(outcome, step)
                if outcome.pain_stop != step.position:  # the next had not begun
                    outcome.stopped_during = None
        outcome.ended = self.clock.now()
        return outcome

    def _do(self, plan: Plan, index: int, start: float, outcome: Outcome) -> tuple[float, bool]:
        """Run one step from `start`; return when it ended and whether the exercise was
        skipped. Time spent in a hold or a set of reps, pauses left out, adds to
        `outcome.work_seconds`, however the step ends."""
        step = plan.steps[index]
        self._work = 0.0
        deadline = None if step.seconds is None else start + step.seconds
        paused_at: float | None = None
        paused = 0.0  # seconds spent paused in this step
        ended: float | None = None
        try:
            while True:
                now = self.clock.now()
                if deadline is not None and paused_at is None and now >= deadline:
                    ended = deadline
                    return ended, False
                remaining = None if deadline is None else deadline - (paused_at or now)
                elapsed = (paused_at or now) - start - paused
                moment = Moment(
                    plan, index, remaining, paused_at is not None, elapsed, still=self.still
                )
                self.screen.show(moment)
                wait = None if paused_at is not None else self._until_change(moment)
                key = self.keys.read(wait)
                match key:
                    case Key.QUIT:
                        raise Stopped
                    case Key.HURT:
                        raise Hurts
                    case Key.SKIP:
                        ended = self.clock.now()
                        return ended, True
                    case Key.PAUSE if paused_at is None:
                        paused_at = self.clock.now()
                    case Key.PAUSE | Key.CONTINUE if paused_at is not None:  # resume
                        now = self.clock.now()
                        if deadline is not None:
                            deadline += now - paused_at
                        paused += now - paused_at
                        paused_at = None
                    case Key.CONTINUE:
                        ended = self.clock.now()
                        return ended, False
        finally:
            if step.phase in WORK:
                end = self.clock.now() if ended is None else ended
                if paused_at is not None:
                    paused += end - paused_at
                self._work = end - start - paused
                outcome.work_seconds += self._work

    def _until_change(self, moment: Moment) -> float | None:
        """Seconds until the screen would look different: when the countdown shows its next
        number (the step's end included), or after FRAME while the figure moves; None when
        nothing changes until a key is pressed. Drawing only then keeps the coach's share of
        the processor small: each frame costs several times more after a sleep than in a
        busy loop, so it is the number of frames that counts."""
        waits = []
        if moment.remaining is not None:
            shown = shown_seconds(moment.remaining)
            waits.append(min(moment.remaining - (shown - 1) + LATE, moment.remaining))
        if self.animate:  # a figure still now may start to move (a new repetition)
            now = moment.pose_progress()
            for frames in range(1, LOOK_AHEAD + 1):
                if moment.pose_progress(frames * FRAME) != now:
                    waits.append(max(frames - 1, 1) * FRAME)
                    break
        return min(waits, default=None)


def shown_seconds(remaining: float) -> int:
    """The whole seconds a countdown shows with `remaining` seconds left: 9.2 shows 10, and
    it shows 9 from exactly 9.0 on."""
    return max(0, math.ceil(remaining - 1e-9))


SHORTEST_HOLD = 1.0  # seconds: a hold cut shorter by Enter was not done


def _count(outcome: Outcome, step: Step, work: float) -> None:
    """A hold (for `work` seconds) or a set of reps has ended without a skip or a stop:
    add it to its (set, side)."""
    if step.extra:  # a finishing hold: done, but in no set
        return
    if step.phase is Phase.HOLD and work >= SHORTEST_HOLD:
        outcome.completed[step.position][-1] += 1
        outcome.held.setdefault(step.position, []).append(min(work, step.seconds or work))
    elif step.phase is Phase.REPS:
        counts = outcome.completed[step.position]
        counts[-2 if step.both_sides else -1 :] = [step.reps] * (2 if step.both_sides else 1)


def _hurt_by(outcome: Outcome, step: Step) -> int:
    """The exercise to blame for "it hurts" pressed during `step`: the one in progress,
    or while getting ready for the next, the last one worked at (if any was)."""
    if step.phase is Phase.READY and outcome.completed:
        return max(outcome.completed)
    return step.position


def _next_exercise(plan: Plan, index: int) -> int:
    position = plan.steps[index].position
    while index < len(plan.steps) and plan.steps[index].position == position:
        index += 1
    return index
