"""The guided session: walks a plan step by step against a clock, reacting to keys.

Everything it touches from outside comes in as an object (the clock, the keys, the
screen, the bell and voice), so tests run a whole routine in milliseconds with a fake
clock, and the real terminal code stays in `terminal.py`.

Timing never drifts: each step ends at a deadline computed from where the previous one
ended, not by counting ticks, and a pause moves the deadline by exactly its length.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from backfit.session.plan import Plan, Step

TICK = 0.2  # how often the screen is redrawn while counting down, in seconds


class Key(StrEnum):
    CONTINUE = "continue"  # Enter
    PAUSE = "pause"  # p or space: pause, or resume
    SKIP = "skip"  # s: skip the rest of this exercise
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

    @property
    def step(self) -> Step:
        return self.plan.steps[self.index]

    @property
    def next_step(self) -> Step | None:
        following = self.plan.steps[self.index + 1 : self.index + 2]
        return following[0] if following else None


@dataclass
class Outcome:
    """What happened: which exercises were done or skipped, and when."""

    plan: Plan
    started: float
    ended: float = 0.0
    finished: bool = False
    interrupted: bool = False  # stopped by Ctrl-C rather than by q
    done: list[int] = field(default_factory=list)  # positions of exercises completed
    skipped: list[int] = field(default_factory=list)
    stopped_during: int | None = None  # the exercise in progress when the person stopped

    @property
    def elapsed(self) -> float:
        return self.ended - self.started

    @property
    def not_reached(self) -> list[int]:
        seen = {*self.done, *self.skipped, self.stopped_during}
        return [p for p in range(1, len(self.plan.exercises) + 1) if p not in seen]


class Stopped(Exception):
    """The person asked to stop (q or Ctrl-C)."""


class Coach:
    def __init__(self, *, clock: Clock, keys: Keys, screen: Screen, announcer: Announcer) -> None:
        self.clock = clock
        self.keys = keys
        self.screen = screen
        self.announcer = announcer

    def run(self, plan: Plan) -> Outcome:
        """Do every step of `plan`; return what was done, whether finished or stopped."""
        outcome = Outcome(plan, started=self.clock.now())
        start = outcome.started
        index = 0
        try:
            while index < len(plan.steps):
                step = plan.steps[index]
                self.announcer.announce(step)
                ended, skipped = self._do(plan, index, start)
                if skipped:
                    outcome.skipped.append(step.position)
                    index = _next_exercise(plan, index)
                else:
                    index += 1
                    if index == len(plan.steps) or plan.steps[index].position != step.position:
                        outcome.done.append(step.position)
                start = ended
            outcome.finished = True
            self.announcer.announce(None)
        except (Stopped, KeyboardInterrupt) as stop:
            outcome.interrupted = isinstance(stop, KeyboardInterrupt)
            outcome.stopped_during = plan.steps[index].position
        outcome.ended = self.clock.now()
        return outcome

    def _do(self, plan: Plan, index: int, start: float) -> tuple[float, bool]:
        """Run one step from `start`; return when it ended and whether the exercise was skipped."""
        step = plan.steps[index]
        deadline = None if step.seconds is None else start + step.seconds
        paused_at: float | None = None
        while True:
            now = self.clock.now()
            if deadline is not None and paused_at is None and now >= deadline:
                return deadline, False
            remaining = None if deadline is None else deadline - (paused_at or now)
            self.screen.show(Moment(plan, index, remaining, paused=paused_at is not None))
            wait = None if deadline is None or paused_at is not None else min(TICK, deadline - now)
            key = self.keys.read(wait)
            match key:
                case Key.QUIT:
                    raise Stopped
                case Key.SKIP:
                    return self.clock.now(), True
                case Key.PAUSE if paused_at is None:
                    paused_at = self.clock.now()
                case Key.PAUSE | Key.CONTINUE if paused_at is not None:  # resume
                    if deadline is not None:
                        deadline += self.clock.now() - paused_at
                    paused_at = None
                case Key.CONTINUE:
                    return self.clock.now(), False


def _next_exercise(plan: Plan, index: int) -> int:
    position = plan.steps[index].position
    while index < len(plan.steps) and plan.steps[index].position == position:
        index += 1
    return index
