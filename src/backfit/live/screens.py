"""The ways the coach's moments reach the terminal: a full screen redrawn in place; line by
line where the cursor cannot move; and a whole line per event for a screen reader."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.control import Control
from rich.segment import ControlType
from rich.text import Text

from backfit.output import print_view
from backfit.views.session import clock_text, exercise_intro, key_text, phase_line, said_line
from backfit.views.words import session as words

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

    from backfit.session.coach import Moment
    from backfit.views.screen import FittedScreen


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
            self._write(words.LINE_PAUSED if self.paused else words.LINE_GOING_ON)
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


class SpokenScreen:
    """The coach for a screen reader (--accessible): every event one whole line, never
    rewritten, so each is read out once as it comes: the exercise (its pose in words, its
    steps, cautions and when to stop), each step as it starts, the time left every `every`
    seconds, a pause and going on."""

    def __init__(self, console: Console, *, typed_keys: bool, every: int) -> None:
        self.console = console
        self.typed_keys = typed_keys
        self.every = every
        self.index: int | None = None
        self.position: int | None = None
        self.paused = False
        self.said: int | None = None  # the last whole seconds left said (or the step's own)

    def show(self, moment: Moment) -> None:
        if moment.index != self.index:
            if moment.step.position != self.position:
                print_view(self.console, exercise_intro(moment))
                print_view(self.console, key_text(moment, typed=self.typed_keys))
            self.index, self.position, self.paused = moment.index, moment.step.position, False
            self.said = None if moment.remaining is None else math.ceil(moment.remaining - 1e-9)
            self._line(said_line(moment))
        if moment.paused != self.paused:
            self.paused = moment.paused
            self._line(words.SAID_PAUSED if self.paused else words.SAID_GOING_ON)
        if moment.remaining is None or self.said is None:
            return
        left = math.ceil(moment.remaining - 1e-9)
        if 0 < left < self.said and left % self.every == 0:
            self._line(words.TIME_LEFT.format(seconds=words.in_seconds(left)))
            self.said = left

    def close(self) -> None:
        """Nothing to end: every line was written whole."""

    def _line(self, text: str) -> None:
        self.console.print(text)  # wrapped between words, where the terminal would cut one
        self.console.file.flush()
