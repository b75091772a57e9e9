"""A full-screen layout of named parts that fits any terminal size.

Each part draws itself into at most the number of lines it is offered and says so when
it has to leave something out (a line ending in "…", a "… 3 more" line). The screen
hands out lines stage by stage in a declared order, most important first, so when room
is short the parts last in that order are the ones shortened or dropped; the parts
marked `keep` are always shown. Parts appear on screen in their own display order,
whatever their importance, so nothing jumps about as room changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text

from backfit.transliteration import to_ascii
from backfit.views.widgets import labelled
from backfit.views.words import plural
from backfit.views.words.session import FIRST, FIRST_OF

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

# A part: given the console, the width in cells and the lines it may take, its lines.
Part = Callable[["Console", int, int], list[Text]]
ELLIPSIS = "…"


@dataclass(frozen=True)
class Stage:
    """One step of handing out room: `part` may now take up to `lines` lines (None: as
    many as are left), and at most `share` of the screen's height (a part that would use
    all the room it is given, such as a figure, leaves some for the parts after it). A
    `keep` part is shown even when the screen is too small for it."""

    part: str
    lines: int | None = None
    keep: bool = False
    share: float | None = None


GAPS = Stage("gaps")  # the blank lines between groups of parts: a stage of its own


class FittedScreen:
    """Parts laid out in `groups` (display order, a blank line between groups where room
    allows, the last group at the bottom), given room in the order of `stages`."""

    def __init__(
        self,
        parts: Mapping[str, Part],
        *,
        groups: Sequence[Sequence[str]],
        stages: Sequence[Stage],
    ) -> None:
        self.parts = parts
        self.groups = groups
        self.stages = stages

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        height = options.height if options.height is not None else options.max_height
        lines = self.fit(console, options.max_width, height)
        for number, line in enumerate(lines):
            yield from line.render(console)
            if number < len(lines) - 1:
                yield Segment.line()

    def fit(self, console: Console, width: int, height: int) -> list[Text]:
        """The screen's lines: every stage that fits is granted, in order."""
        drawn: dict[str, list[Text]] = {}
        gaps = False
        for stage in self.stages:
            if stage is GAPS:
                gaps = self._height(drawn, gaps=True) <= height
                continue
            have = drawn.get(stage.part, [])
            left = height - self._height(drawn, gaps)
            room = len(have) + max(left, 0)
            if stage.lines is not None:
                room = min(room, stage.lines)
            if stage.share is not None:
                room = min(room, int(height * stage.share))
            if stage.keep:  # shown whatever the room; a keep part still takes its cap
                room = stage.lines or height
            lines = self.parts[stage.part](console, width, room)
            trial = {**drawn, stage.part: lines}
            if len(lines) >= len(have) and (stage.keep or self._height(trial, gaps) <= height):
                drawn = trial
        lines = self._stack(drawn, gaps, height)
        if carries_unicode(console):
            return lines
        return [_in_ascii(console, line, width) for line in lines]

    def _visible_groups(self, drawn: Mapping[str, list[Text]]) -> list[list[Text]]:
        groups = [[line for name in group for line in drawn.get(name, [])] for group in self.groups]
        return [group for group in groups if group]

    def _height(self, drawn: Mapping[str, list[Text]], gaps: bool) -> int:
        groups = self._visible_groups(drawn)
        return sum(map(len, groups)) + (max(len(groups) - 1, 0) if gaps else 0)

    def _stack(self, drawn: Mapping[str, list[Text]], gaps: bool, height: int) -> list[Text]:
        """The groups top to bottom, the last one (the keys) on the screen's bottom line."""
        *groups, last = self._visible_groups(drawn) or [[]]
        lines: list[Text] = []
        for group in groups:
            if lines and gaps:
                lines.append(Text())
            lines += group
        return lines + [Text()] * (height - len(lines) - len(last)) + last


def carries_unicode(console: Console) -> bool:
    """Whether the output can carry more than ASCII: `--ascii`, a C locale or an ASCII
    stream make backfit's stdout report its encoding as ASCII."""
    return console.encoding.lower().startswith("utf")


def _in_ascii(console: Console, line: Text, width: int) -> Text:
    """`line` as ASCII, its styles kept; cut again where that made it longer ('…' is '...')."""
    plain = Text()
    for segment in line.render(console):
        plain.append(to_ascii(segment.text), segment.style)
    return one_line(plain, width, ellipsis="...")


def one_line(text: Text, width: int, *, ellipsis: str = ELLIPSIS) -> Text:
    """`text` on one line of at most `width` cells, ending in "…" if it had to be cut."""
    first, *rest = text.split("\n", allow_blank=True) or [Text()]
    if not rest and cell_len(first.plain) <= width:
        return first
    cut = first.copy()
    cut.truncate(max(width - cell_len(ellipsis), 0))
    cut.rstrip()
    return cut.append(ellipsis)


def wrapped(console: Console, text: Text, width: int) -> list[Text]:
    return list(text.wrap(console, max(width, 1), overflow="fold"))


@lru_cache(maxsize=64)
def _hung(console: Console, items: tuple[tuple[str, str], ...], width: int) -> tuple[Text, ...]:
    """Every item of a listing, its wrapped lines kept under its text, not under its label
    (the `Labelled` widget's layout, as lines of Text): the same for every frame of an
    exercise, so it is worked out once per size rather than at every frame."""
    rows = labelled([(label, Text(item)) for label, item in items])
    drawn = console.render_lines(rows, console.options.update_width(max(width, 1)), pad=False)
    return tuple(Text.assemble(*((seg.text, seg.style or "") for seg in line)) for line in drawn)


def listing(
    console: Console,
    heading: Text,
    items: Sequence[tuple[str, str]],
    width: int,
    room: int,
    *,
    more: tuple[str, str],
) -> list[Text]:
    """A heading and labelled items in at most `room` lines: in full if they fit, else
    one line each, else the first few and how many more (`more`: the line's singular and
    plural, with a {count}), else the heading and the first item on one line."""
    if room <= 0 or not items:
        return []
    full = [heading, *_hung(console, tuple(items), width)]
    if len(full) <= room:
        return full
    if room == 1:  # the heading and the first item on one line, with the count first
        first = FIRST_OF if len(items) > 1 else FIRST
        line = heading.copy().append(first.format(count=len(items))).append(items[0][1])
        return [one_line(line, width)]
    short = [one_line(Text(f"{label} {text}"), width) for label, text in items]
    if 1 + len(short) <= room:
        return [heading, *short]
    shown = room - 2
    hidden = len(items) - shown
    line = Text(plural(*more, hidden).format(count=hidden), style="dim")
    return [heading, *short[:shown], one_line(line, width)]


def item_line(items: Iterable[tuple[str, str]], width: int) -> list[Text]:
    """`key label` pairs joined by " · ", broken into lines between pairs, never inside one."""
    lines: list[Text] = []
    line = Text()
    for key, label in items:
        pair = Text.assemble((key, "bold"), " ", label)
        if line.plain and cell_len(line.plain) + 3 + pair.cell_len > width:
            lines.append(line)
            line = Text()
        if line.plain:
            line.append(" · ")
        line.append_text(one_line(pair, width))
    return [*lines, line] if line.plain else lines
