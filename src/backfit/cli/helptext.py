"""The help in Chinese: Click wraps help by counting characters, not terminal cells, and
breaks a run of Chinese anywhere, so at 80 columns a Chinese help line ran to 160 cells.
`spoken` hands Click's formatter on unchanged in English; in another language it wraps
the text and the option lists that hold Chinese by the Chinese rules (`views.text`),
measured in cells, and leaves the rest to Click."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from typing import Any

from backfit.i18n import ENGLISH, language

COL_MAX, COL_SPACING = 30, 2  # Click's own layout of an option list
HELP_MAX, HELP_LEAST = 80, 20  # the help's widest lines, as Click has them, and its narrowest
TEXT_LEAST, UNDER = 24, 4  # narrower than this beside the options, their text goes under them


def help_width() -> int:
    """How wide the help is written: as Click writes it (two columns short of the terminal,
    80 at most), except that Click never goes below 50, so at 40 columns every line ran
    past the edge and the terminal folded it again."""
    return max(min(shutil.get_terminal_size().columns, HELP_MAX) - 2, HELP_LEAST)


def spoken(formatter: Any) -> Any:
    """Click's help formatter for this run's language, and for a narrow terminal."""
    if language() != ENGLISH:
        return ChineseHelp(formatter)
    return NarrowHelp(formatter) if formatter.width < NARROW else formatter


NARROW = COL_MAX + COL_SPACING + 2 + TEXT_LEAST  # narrower, Click's option column is too tight
COMMAND_NAME = 12  # the longest command's name (translations), which Click leaves beside it


class _Wrapped:
    """Click's help formatter, some of whose methods a subclass says in its own way."""

    def __init__(self, formatter: Any) -> None:
        self._formatter = formatter

    def __getattr__(self, name: str) -> Any:
        return getattr(self._formatter, name)


class NarrowHelp(_Wrapped):
    """Click's formatter, except that each option's text goes under the option: beside it,
    at 40 columns, Click left 14 cells and folded '[env var: BACK' / 'FIT_CATALOG]'."""

    @property
    def width(self) -> int:
        """The width Click cuts each command's summary to, less the names beside it ('List
        the...' at 40 columns): here a summary goes under its name, on lines of its own,
        so it is cut only past HELP_MAX. (What is written is as wide as the terminal.)"""
        return HELP_MAX + COMMAND_NAME + 6

    def write_dl(
        self,
        rows: Sequence[tuple[str, str]],
        col_max: int = COL_MAX,
        col_spacing: int = COL_SPACING,
    ) -> None:
        indent = self._formatter.current_indent
        for term, text in rows:
            room = self._formatter.width - indent
            self._formatter.write("".join(f"{' ' * indent}{x}\n" for x in _term_lines(term, room)))
            if text:
                self._formatter.current_indent = indent + UNDER
                self._formatter.write_text(text)
                self._formatter.current_indent = indent


def first_sentence(text: str) -> str:
    """The first sentence of a Chinese help text, its full stop kept as the English list
    of commands keeps its own, for the list of commands (Click finds a sentence by its
    full stop and a space, which Chinese has not)."""
    paragraph = text.split("\n\n")[0]
    end = paragraph.find("。")
    return _joined(paragraph[: end + 1] if end > 0 else paragraph)


class ChineseHelp(_Wrapped):
    """Click's formatter, with its paragraphs and option lists broken by the Chinese rules
    where they hold Chinese; everything else is Click's own."""

    def write_text(self, text: str) -> None:
        from backfit.views.text import broken, has_chinese

        if not has_chinese(text):
            return self._formatter.write_text(text)  # type: ignore[no-any-return]
        indent = self._formatter.current_indent
        width = max(self._formatter.width - indent, 11)
        for n, paragraph in enumerate(text.split("\n\n")):
            lines = broken(_joined(paragraph), width)
            self._formatter.write("\n" * bool(n) + "".join(f"{' ' * indent}{x}\n" for x in lines))
        return None

    def write_dl(
        self,
        rows: Sequence[tuple[str, str]],
        col_max: int = COL_MAX,
        col_spacing: int = COL_SPACING,
    ) -> None:
        from rich.cells import cell_len

        from backfit.views.text import broken, has_chinese

        if not any(has_chinese(text) for _, text in rows):
            return self._formatter.write_dl(rows, col_max, col_spacing)  # type: ignore[no-any-return]
        indent = self._formatter.current_indent
        first = min(max(cell_len(term) for term, _ in rows), col_max) + col_spacing
        width = max(self._formatter.width - first - 2, 10)  # as Click leaves it
        if width < TEXT_LEAST:  # a narrow terminal: each option's text under it, indented
            first, width = UNDER, max(self._formatter.width - indent - UNDER, 10)
        for term, text in rows:
            *above, term = _term_lines(term, self._formatter.width - indent)
            self._formatter.write("".join(f"{' ' * indent}{line}\n" for line in above))
            self._formatter.write(" " * indent + term)
            if not text:
                self._formatter.write("\n")
                continue
            if cell_len(term) <= first - col_spacing:
                self._formatter.write(" " * (first - cell_len(term)))
            else:
                self._formatter.write("\n" + " " * (indent + first))
            lines = broken(_joined(text), width)
            self._formatter.write(_lines(lines, " " * (indent + first)))
        return None


def _term_lines(term: str, room: int) -> list[str]:
    """An option and its choices on lines of `room` cells, broken after a '|' between
    choices where it is too wide for one (--duration under-6-weeks|6-12-weeks|…)."""
    lines = [""]
    for choice in term.replace("|", "|\0").split("\0"):
        if lines[-1] and len(lines[-1] + choice) > room:
            lines.append("")
        lines[-1] += choice
    return lines


def _lines(lines: Iterable[str], indent: str) -> str:
    """The first line where the cursor is, the others under it."""
    first, *rest = lines
    return "".join([f"{first}\n", *(f"{indent}{line}\n" for line in rest)])


def _joined(paragraph: str) -> str:
    """A paragraph's lines as one: with a space between English words, none in Chinese."""
    from backfit.views.text import has_chinese

    joined = ""
    for line in paragraph.split("\n"):
        line = line.strip()
        gap = " " if joined and not (has_chinese(joined[-1]) or has_chinese(line[:1])) else ""
        joined += gap + line
    return joined
