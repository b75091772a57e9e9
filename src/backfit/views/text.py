"""Text as backfit breaks it into lines: Rich's `Text`, except that where it holds Chinese
it is broken by Chinese rules (between characters; no line starts with closing punctuation
or ends with opening punctuation; a number stays with its unit, 5 秒), where Rich would
fold a run of Chinese anywhere, even before a "，". Text without Chinese is broken exactly
as Rich breaks it. Views build their text with this `Text`, so every paragraph, table
cell and box follows the rules wherever it is wrapped, at whatever width."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.containers import Lines
from rich.text import Text as RichText

if TYPE_CHECKING:
    from rich.console import Console, JustifyMethod, OverflowMethod


class Text(RichText):
    """Rich's `Text`, wrapped by `wrapped` where it holds Chinese."""

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        if no_wrap or not has_chinese(self.plain):
            return super().wrap(console, width, justify=justify, overflow=overflow,
                                tab_size=tab_size, no_wrap=no_wrap)  # fmt: skip
        lines = Lines(wrapped(console, self, width))
        if justify := justify or self.justify:
            lines.justify(console, width, justify=justify, overflow=overflow or "fold")
        return lines


ADDRESS = re.compile(r"\W{0,2}(?:https?://|www\.)\S+")  # a word that is a web address


def wrapped(console: Console, text: RichText, width: int) -> list[RichText]:
    """`text` as lines of at most `width` cells, broken between words as Rich breaks them,
    except that a web address too long for a line is never split: it gets a line of its
    own and runs past the width, whole. Any other word too long for a line is folded, as
    Rich does. (Rich's own wrap either folds every long word or crops it.)"""
    lines: list[RichText] = []
    for paragraph in text.split(allow_blank=True):
        breaks, used = [], 0
        for start, word in _units(paragraph.plain):
            if used and used + cell_len(word.rstrip()) > width:
                breaks.append(start)
                used = 0
            used += cell_len(word)
        for line in paragraph.divide(breaks):
            line.rstrip()
            if line.cell_len > width and not ADDRESS.fullmatch(line.plain.strip()):
                lines += RichText.wrap(line, console, width, overflow="fold")  # Rich's own fold
            else:
                lines.append(line)
    return lines


def broken(plain: str, width: int) -> list[str]:
    """A line of plain text (no newlines) as lines of at most `width` cells where it can be
    broken (`_units`); a unit wider than `width` gets a line of its own. For text Click
    wraps (the help), which Rich never sees."""
    lines, line = [], ""
    for _, unit in _units(plain):
        if line and cell_len(line + unit.rstrip()) > width:
            lines.append(line.rstrip())
            line = ""
        line += unit
    return [*lines, line.rstrip()] if line or not lines else lines


def has_chinese(text: str) -> bool:
    return any(_cjk(char) for char in text)


CLOSING = set("。，、；：！？）」』】》”’")  # a line never starts with one of these
OPENING = set("（「『【《“‘")  # and never ends with one of these


def _cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _units(text: str) -> list[tuple[int, str]]:
    """The pieces a line may start with, and where each starts: words with the spaces after
    them, as Rich has them; in Chinese, each character, except that no line starts with
    closing punctuation (。，）…) or ends with opening punctuation (（「…), and a number
    stays with the unit after it (5 秒)."""
    if not text:  # a blank line of a paragraph
        return []
    starts = [0]
    for i in range(1, len(text)):
        before, here = text[i - 1], text[i]
        if here.isspace():
            continue
        if before.isspace():
            word_before = text[:i].rstrip()
            if word_before[-1:].isdigit() and _cjk(here):  # 5 秒: a dose and its unit
                continue
            starts.append(i)
        elif (
            (_cjk(before) or _cjk(here) or before in CLOSING)
            and here not in CLOSING
            and before not in OPENING
        ):
            starts.append(i)
    return [(a, text[a:b]) for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
