"""The real-world side of a guided session: the clock, single key presses, the live
screen, and the bell and voice. The coach itself never touches any of these directly.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING

from backfit.session.coach import Key, Moment

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.text import Text

    from backfit.session.coach import Outcome
    from backfit.session.plan import Plan, Step
    from backfit.views.screen import FittedScreen

KEYMAP = {
    "\r": Key.CONTINUE,
    "\n": Key.CONTINUE,
    "p": Key.PAUSE,
    " ": Key.PAUSE,
    "s": Key.SKIP,
    "h": Key.HURT,
    "q": Key.QUIT,
}
SPEECH_COMMANDS = ("say", "espeak-ng", "spd-say", "espeak")


class SystemClock:
    def now(self) -> float:
        return time.monotonic()


class TerminalKeys:
    """Single key presses from a terminal in cbreak mode (Ctrl-C still interrupts)."""

    REDRAW = 1.0  # while waiting for a key with no end, come back this often (seconds)

    def __init__(self, stream: IO[str]) -> None:
        self.fd = stream.fileno()

    def read(self, timeout: float | None) -> Key | None:
        """A key, or None when `timeout` passes. Waiting with no timeout (a set of reps,
        a pause) also comes back empty every REDRAW seconds, so that the coach draws the
        screen again: after the terminal is resized, it fits the new size within a second."""
        import select

        ready, _, _ = select.select([self.fd], [], [], self.REDRAW if timeout is None else timeout)
        if not ready:
            return None
        data = os.read(self.fd, 32).decode(errors="replace")
        if not data:  # the terminal went away: treat it as a request to stop
            return Key.QUIT
        return next((KEYMAP[c] for c in data.lower() if c in KEYMAP), None)


class LineKeys:
    """Where single keys cannot be read: each line typed is a key ('' is Enter).

    Reads the file descriptor itself, keeping its own buffer, so that lines typed (or
    piped) together are each seen, not left behind in a stream's hidden buffer.
    """

    def __init__(self, stream: IO[str]) -> None:
        self.fd = stream.fileno()
        self.pending = ""

    def read(self, timeout: float | None) -> Key | None:
        while "\n" not in self.pending:
            if timeout is not None and hasattr(os, "fork"):  # select works on POSIX only
                import select

                if not select.select([self.fd], [], [], timeout)[0]:
                    return None
            chunk = os.read(self.fd, 1024).decode(errors="replace")
            if not chunk:  # the input ended: stop rather than wait forever
                return Key.QUIT
            self.pending += chunk
        line, self.pending = self.pending.split("\n", 1)
        return KEYMAP.get(line.strip().lower()[:1] or "\n")


@contextmanager
def key_reader(stream: IO[str]) -> Iterator[TerminalKeys | LineKeys]:
    """Put the terminal into cbreak mode for the session, and always put it back."""
    try:
        import termios
        import tty

        saved = termios.tcgetattr(stream.fileno())
    except (ImportError, OSError, ValueError):
        yield LineKeys(stream)
        return
    try:
        tty.setcbreak(stream.fileno())
        yield TerminalKeys(stream)
    finally:
        termios.tcsetattr(stream.fileno(), termios.TCSADRAIN, saved)


class Announcer:
    """A bell at each transition (unless quiet) and, given a voice, the cue read aloud."""

    def __init__(self, console: Console, *, quiet: bool, voice: list[str] | None) -> None:
        self.console = console
        self.quiet = quiet
        self.voice = voice
        self.speaking: subprocess.Popen[bytes] | None = None

    def announce(self, step: Step | None) -> None:
        from backfit.views.words import FINISHED, cue

        self.say(FINISHED if step is None else cue(step))

    def say(self, text: str) -> None:
        if not self.quiet:
            self.console.bell()
        if self.voice is None:
            return
        if self.speaking is not None and self.speaking.poll() is None:
            self.speaking.terminate()  # a new cue matters more than the end of the last one
        try:
            self.speaking = subprocess.Popen(
                [*self.voice, text.removesuffix(", then press Enter")],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self.voice = None

    def close(self) -> None:
        """Let the last cue finish, but never hold the person up for long."""
        if self.speaking is None:
            return
        try:
            self.speaking.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.speaking.terminate()


def find_voice() -> list[str] | None:
    for command in SPEECH_COMMANDS:
        path = shutil.which(command)
        if path:
            return [path]
    return None


def voice_for(*, speak: bool, quiet: bool, notice: Callable[[str], None]) -> list[str] | None:
    """The speech command for --speak. Looked for before the session starts, so that a
    missing one is said while the person can still read it, not after the session."""
    if not speak:
        return None
    voice = find_voice()
    if voice is None:
        instead = "carrying on without sound (--quiet)" if quiet else "carrying on with the bell"
        notice(f"no speech command found (say, espeak-ng, spd-say or espeak); {instead}")
    return voice


class LiveScreen:
    """The coach's screen on the terminal's alternate screen.

    Each moment is fitted to the terminal's size, and only the rows that differ from the
    frame on screen are written: while a hold counts down, each second changes the digits
    and the bar, so the coach writes a few hundred bytes rather than the whole screen (a
    fraction of the CPU, for it and for the terminal). A new size clears the screen and
    draws it all again.
    """

    def __init__(self, console: Console, view: Callable[[Moment], FittedScreen]) -> None:
        self.console = console
        self.view = view
        self.size: tuple[int, int] | None = None
        self.rows: list[Text] = []  # what the screen shows now, top to bottom

    def show(self, moment: Moment) -> None:
        from rich.control import Control
        from rich.text import Text

        width, height = self.console.size
        if (width, height) != self.size:
            self.size, self.rows = (width, height), []
            self.console.control(Control.clear())
        lines = self.view(moment).fit(self.console, width, height)[:height]
        lines += [Text()] * (len(self.rows) - len(lines))  # rows no longer used are cleared
        changed = [
            (row, line)
            for row, line in enumerate(lines)
            if row >= len(self.rows) or self.rows[row] != line
        ]
        if changed:
            self.console.print(_Rows(changed), end="", soft_wrap=True)  # one write
        self.rows = lines


class _Rows:
    """Lines of the screen, each written at its row and cleared to the row's end."""

    def __init__(self, rows: list[tuple[int, Text]]) -> None:
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.control import Control
        from rich.segment import ControlType

        to_end = Control((ControlType.ERASE_IN_LINE, 0)).segment
        for row, line in self.rows:
            yield Control.move_to(0, row).segment
            yield from line.render(console)
            yield to_end


class LineScreen:
    """The coach for terminals that cannot move the cursor (TERM=dumb) or read single
    keys: a line for each step as it starts, and a few marks along it as time runs out."""

    MARKS = (60, 30, 20, 10, 5, 3, 2, 1)  # seconds left at which a countdown mark is written

    def __init__(self, console: Console, *, typed_keys: bool) -> None:
        self.console = console
        self.typed_keys = typed_keys
        self.index: int | None = None
        self.position: int | None = None
        self.paused = False
        self.last_mark: int | None = None

    def show(self, moment: Moment) -> None:
        from backfit.output import print_view
        from backfit.views.session import clock_text, exercise_intro, key_text, phase_line

        if moment.index != self.index:
            self.close()
            if moment.step.position != self.position:
                print_view(self.console, exercise_intro(moment))
                print_view(self.console, key_text(moment, typed=self.typed_keys))
            self.index, self.position, self.paused = moment.index, moment.step.position, False
            self.last_mark = None if moment.remaining is None else math.ceil(moment.remaining)
            self._write(phase_line(moment))
        if moment.paused != self.paused:
            self.paused = moment.paused
            self._write(" (paused: Enter, p or space goes on)" if self.paused else " (going on)")
        left = None if moment.remaining is None else math.ceil(moment.remaining - 1e-9)
        if left in self.MARKS and self.last_mark is not None and left < self.last_mark:
            self._write(f" {clock_text(left)}")
            self.last_mark = left

    def close(self) -> None:
        """End the line being written, if any."""
        if self.index is not None:
            self.console.file.write("\n")
            self.console.file.flush()
            self.index = None

    def _write(self, text: str | Text) -> None:
        self.console.print(text, end="", soft_wrap=True)
        self.console.file.flush()


def is_interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def coach_in_terminal(
    plan: Plan, *, quiet: bool, voice: list[str] | None, figure: str = "none"
) -> Outcome:
    """The coach on the alternate screen, or line by line where the terminal cannot move
    its cursor or read single keys; the terminal is put back however this ends. `figure`
    draws the exercise moving in those characters, on the alternate screen only."""
    from backfit.output import stdout_console
    from backfit.session.coach import Coach

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
    from functools import partial

    from backfit.session.coach import Coach
    from backfit.views.session import moment_view

    with console.screen(hide_cursor=True):
        screen = LiveScreen(console, partial(moment_view, figure=figure))
        coach = Coach(
            clock=SystemClock(), keys=keys, screen=screen, announcer=announcer,
            animate=figure != "none",
        )  # fmt: skip
        return coach.run(plan)
