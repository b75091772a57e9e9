"""The coach run on the real terminal: the system clock, the keys, a live or a line screen,
and the bell and voice, put together; the terminal is put back however the run ends. The
coach itself (`backfit.session.coach`) never touches any of these directly."""

from __future__ import annotations

import sys
import time
from functools import partial
from typing import TYPE_CHECKING

from backfit.live.keys import LineKeys, TerminalKeys, key_reader
from backfit.live.screens import LineScreen, LiveScreen
from backfit.live.sound import Announcer
from backfit.output import stdout_console
from backfit.session.coach import Coach
from backfit.views.figure import MovingFigure
from backfit.views.session import moment_view

if TYPE_CHECKING:
    from rich.console import Console

    from backfit.session.coach import Outcome
    from backfit.session.plan import Plan


class SystemClock:
    def now(self) -> float:
        return time.monotonic()


def is_interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def coach_in_terminal(
    plan: Plan, *, quiet: bool, voice: list[str] | None, figure: str = "none"
) -> Outcome:
    """The coach on the alternate screen, or line by line where the terminal cannot move
    its cursor or read single keys; the terminal is put back however this ends. `figure`
    draws the exercise moving in those characters, on the alternate screen only."""
    console = stdout_console()
    announcer = Announcer(console, quiet=quiet, voice=voice)
    with key_reader(sys.stdin) as keys:
        if isinstance(keys, TerminalKeys) and console.is_terminal and not console.is_dumb_terminal:
            outcome = _on_live_screen(console, plan, keys, announcer, figure)
        else:
            screen = LineScreen(console, typed_keys=isinstance(keys, LineKeys))
            try:
                coach = Coach(clock=SystemClock(), keys=keys, screen=screen, announcer=announcer)
                outcome = coach.run(plan)
            finally:
                screen.close()
    announcer.close()
    return outcome


def _on_live_screen(
    console: Console, plan: Plan, keys: TerminalKeys, announcer: Announcer, figure: str
) -> Outcome:
    with console.screen(hide_cursor=True):
        moving = None if figure == "none" else MovingFigure(figure)  # this session's frames
        screen = LiveScreen(console, partial(moment_view, figure=moving))
        coach = Coach(
            clock=SystemClock(), keys=keys, screen=screen, announcer=announcer,
            animate=figure != "none",
        )  # fmt: skip
        return coach.run(plan)
