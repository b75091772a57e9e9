"""The coach run on the real terminal: the system clock, the keys, a live or a line screen,
and the bell and voice, put together; the terminal is put back however the run ends. The
coach itself (`backfit.session.coach`) never touches any of these directly."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

from backfit.live.keys import LineKeys, TerminalKeys, key_reader
from backfit.live.screens import LineScreen, LiveScreen, SpokenScreen
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


class Hangup(KeyboardInterrupt):
    """The terminal was closed (SIGHUP) or backfit was asked to end (SIGTERM): handled as
    Ctrl-C is, so that the session is saved as stopped and the terminal put back."""


ENDING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name)
)


@contextmanager
def ended_by_signals() -> Iterator[None]:
    """While a session runs, closing the terminal or `kill` ends it as Ctrl-C would."""

    def end(signum: int, frame: Any) -> None:
        raise Hangup

    previous = {number: signal.signal(number, end) for number in ENDING_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold the ending signals back while the session is written, so that it is written
    whole; one that came meanwhile is acted on afterwards."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, ENDING_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, ENDING_SIGNALS)


def is_interactive() -> bool:
    streams = (sys.stdin, sys.stdout)  # None: closed when backfit started (`<&-`)
    return all(stream is not None and stream.isatty() for stream in streams)


class Display(NamedTuple):
    """How the coach shows itself."""

    figure: str = "none"  # the moving figure's characters, on the alternate screen only
    still: bool = False  # reduced motion: the figure keeps still
    spoken: bool = False  # for a screen reader: a whole line per event, never redrawn
    every: int = 5  # for a screen reader: seconds between sayings of the time left


PLAIN = Display()  # no figure, moving or not; the screen redrawn in place


def coach_in_terminal(
    plan: Plan, *, quiet: bool, voice: list[str] | None, display: Display = PLAIN
) -> Outcome:
    """The coach on the alternate screen; line by line where the terminal cannot move its
    cursor or read single keys, or for a screen reader; the terminal is put back however
    this ends."""
    console = stdout_console()
    announcer = Announcer(console, quiet=quiet, voice=voice)
    with key_reader(sys.stdin) as keys:
        live = console.is_terminal and not console.is_dumb_terminal and not display.spoken
        if live and isinstance(keys, TerminalKeys):
            outcome = _on_live_screen(console, plan, keys, announcer, display)
        else:
            outcome = _line_by_line(console, plan, keys, announcer, display)
    announcer.close()
    return outcome


def _line_by_line(
    console: Console,
    plan: Plan,
    keys: TerminalKeys | LineKeys,
    announcer: Announcer,
    display: Display,
) -> Outcome:
    typed = isinstance(keys, LineKeys)
    screen = (
        SpokenScreen(console, typed_keys=typed, every=display.every)
        if display.spoken
        else LineScreen(console, typed_keys=typed)
    )
    coach = Coach(clock=SystemClock(), keys=keys, screen=screen, announcer=announcer)
    try:
        return coach.run(plan)
    finally:
        with suppress(OSError):  # a closed terminal: what was done is kept
            screen.close()


def _on_live_screen(
    console: Console, plan: Plan, keys: TerminalKeys, announcer: Announcer, display: Display
) -> Outcome:
    outcome = None
    figure = display.figure
    try:
        with console.screen(hide_cursor=True), suspendable(console, keys):
            moving = None if figure == "none" else MovingFigure(figure)  # this session's frames
            screen = LiveScreen(console, partial(moment_view, figure=moving))
            coach = Coach(
                clock=SystemClock(), keys=keys, screen=screen, announcer=announcer,
                animate=figure != "none", still=display.still,
            )  # fmt: skip
            outcome = coach.run(plan)
    except OSError:  # the terminal went away while being put back: keep what was done
        if outcome is None:
            raise
    return outcome


@contextmanager
def suspendable(console: Console, keys: TerminalKeys) -> Iterator[None]:
    """Ctrl-Z during a session: put the terminal back as the shell expects it, stop, and on
    `fg` take the screen again, paused, with what was typed meanwhile thrown away."""
    if not hasattr(signal, "SIGTSTP"):  # pragma: no cover - Windows
        yield
        return

    def suspend(signum: int, frame: Any) -> None:
        with suppress(OSError):
            console.set_alt_screen(False)
            console.show_cursor(True)
            keys.restore()
        signal.signal(signal.SIGTSTP, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTSTP)  # stops here until `fg`
        signal.signal(signal.SIGTSTP, suspend)
        with suppress(OSError):
            keys.resume()
            console.set_alt_screen(True)
            console.show_cursor(False)

    previous = signal.signal(signal.SIGTSTP, suspend)
    try:
        yield
    finally:
        signal.signal(signal.SIGTSTP, previous)
