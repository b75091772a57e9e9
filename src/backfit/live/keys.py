"""Key presses from the person at the terminal, as the coach's keys: single keys in cbreak
mode where the terminal allows it, else one typed line a key."""

from __future__ import annotations

import os
import select
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import IO, Any

from backfit.session.coach import Key

try:  # POSIX only: elsewhere each line typed is a key
    import termios
    import tty
except ImportError:  # pragma: no cover - Windows
    termios = tty = None  # type: ignore[assignment]

KEYMAP = {
    "\r": Key.CONTINUE,
    "\n": Key.CONTINUE,
    "p": Key.PAUSE,
    " ": Key.PAUSE,
    "s": Key.SKIP,
    "h": Key.HURT,
    "q": Key.QUIT,
}
CAN_SELECT_FILES = hasattr(os, "fork")  # select works on files and terminals on POSIX only


class TerminalKeys:
    """Single key presses from a terminal in cbreak mode (Ctrl-C still interrupts)."""

    REDRAW = 1.0  # while waiting for a key with no end, come back this often (seconds)

    def __init__(self, stream: IO[str], saved: list[Any] | None = None) -> None:
        self.fd = stream.fileno()
        self.saved = saved  # the terminal's settings before the session
        self.pending: Key | None = None

    def restore(self) -> None:
        """Give the terminal its own settings back (before a suspend)."""
        if self.saved is not None:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self.saved)

    def resume(self) -> None:
        """Back in cbreak mode after `fg`, with the keys typed meanwhile (the Enter after
        `fg`) thrown away, and the session paused until the person goes on."""
        tty.setcbreak(self.fd)
        termios.tcflush(self.fd, termios.TCIFLUSH)
        self.pending = Key.PAUSE

    def read(self, timeout: float | None) -> Key | None:
        """A key, or None when `timeout` passes. Waiting with no timeout (a set of reps,
        a pause) also comes back empty every REDRAW seconds, so that the coach draws the
        screen again: after the terminal is resized, it fits the new size within a second."""
        if self.pending is not None:
            key, self.pending = self.pending, None
            return key
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
            waits = timeout is not None and CAN_SELECT_FILES
            if waits and not select.select([self.fd], [], [], timeout)[0]:
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
    saved = _terminal_mode(stream)
    if saved is None:
        yield LineKeys(stream)
        return
    try:
        tty.setcbreak(stream.fileno())
        yield TerminalKeys(stream, saved)
    finally:
        with suppress(OSError, termios.error):  # a terminal that was closed stays closed
            termios.tcsetattr(stream.fileno(), termios.TCSADRAIN, saved)


def _terminal_mode(stream: IO[str]) -> list[Any] | None:
    """The terminal's settings, to put back later; None where `stream` is no terminal."""
    if termios is None:
        return None
    try:
        return termios.tcgetattr(stream.fileno())
    except (OSError, ValueError, termios.error):
        return None
