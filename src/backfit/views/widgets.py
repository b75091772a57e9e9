"""Layout pieces every view borrows: bullets, numbered steps, labelled lines, tables that
become stacked entries when narrow, sections, the source list and the disclaimer.

Each draws itself at the width Rich gives it (`__rich_console__`), measuring text in
terminal cells, so Chinese, emoji and combining marks line up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.text import Text

if TYPE_CHECKING:
    from backfit.catalog.models import Catalog


class ByWidth:
    """One layout or another, chosen by the width Rich offers when it draws."""

    def __init__(
        self, *, wide: Callable[[], RenderableType], narrow: Callable[[], RenderableType],
        min_width: int,
    ) -> None:  # fmt: skip
        self.wide = wide
        self.narrow = narrow
        self.min_width = min_width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.wide() if options.max_width >= self.min_width else self.narrow()


def section(title: str, body: RenderableType) -> list[RenderableType]:
    return [Text(), Text(title, style="bold"), body]


def footer(catalog: Catalog) -> list[RenderableType]:
    """The disclaimer every view ends with."""
    return [Text(), Text(catalog.disclaimer, style="dim")]


def sources(ids: Iterable[str], catalog: Catalog) -> Hanging:
    rows = []
    for source_id in ids:
        source = catalog.sources[source_id]
        line = f"{source.publisher}: {source.title}"
        rows.append(line + (f" <{source.url}>" if source.url else ""))
    return numbered(rows)


def bullets(items: Iterable[str]) -> Hanging:
    return Hanging(("•", Text(item)) for item in items)


def numbered(items: Iterable[str]) -> Hanging:
    return Hanging(((f"{n}.", Text(item)) for n, item in enumerate(items, 1)), align="right")


class Grid:
    """Rows of text in aligned columns under a header and a rule.

    Rich's Table does this too, but measuring and drawing one costs several times more
    than the whole of `backfit list` may spend; here each column is as wide as its
    longest line, and the columns in `wrap` give up room, widest first, until the rows
    fit the terminal.
    """

    def __init__(
        self, headers: Sequence[str], rows: Sequence[Sequence[Text]], *, wrap: Sequence[int]
    ) -> None:
        self.headers = [Text(header, style="bold") for header in headers]
        self.rows = rows
        self.wrap = wrap

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = [
            max(_longest_line(cell) for cell in (self.headers[c], *(row[c] for row in self.rows)))
            for c in range(len(self.headers))
        ]
        room = options.max_width - 2 * (len(widths) - 1)
        while sum(widths) > room and any(widths[c] > 8 for c in self.wrap):
            widest = max(self.wrap, key=lambda c: widths[c])
            widths[widest] -= 1
        rule = Text("─" * min(sum(widths) + 2 * (len(widths) - 1), options.max_width))
        yield from _lines(console, [*self._line([[h] for h in self.headers], widths), rule])
        for row in self.rows:
            wrapped = zip(row, widths, strict=True)
            cells = [_fit(console, cell, w) for cell, w in wrapped]
            yield from _lines(console, self._line(cells, widths))

    @staticmethod
    def _line(cells: Sequence[Sequence[Text]], widths: list[int]) -> list[Text]:
        lines = []
        for i in range(max(len(cell) for cell in cells)):
            parts = [cell[i] if i < len(cell) else Text() for cell in cells]
            line = Text()
            for c, part in enumerate(parts):
                line.append_text(part)
                if c < len(parts) - 1:
                    line.append(" " * (widths[c] - part.cell_len + 2))
            lines.append(line)
        return lines


def _fit(console: Console, text: Text, width: int) -> list[Text]:
    """`text` as lines of at most `width` cells; most catalog lines fit already, and
    checking that is far cheaper than wrapping."""
    plain = text.plain
    if "\n" not in plain and cell_len(plain) <= width:
        return [text]
    return list(text.wrap(console, width, overflow="fold"))


def _lines(console: Console, lines: Iterable[Text]) -> Iterator[Segment]:
    """Lines already fitted to the width, as segments: yielding them as Text would make
    Rich wrap each one again."""
    for line in lines:
        yield from line.render(console)
        yield Segment.line()


def _longest_line(text: Text) -> int:
    return max(cell_len(line) for line in text.plain.split("\n"))


class Stacked:
    """Stacked entries for a narrow terminal: a heading, then its details indented, with a
    blank line between entries. Drawn line by line, without Rich's padding and grouping
    machinery, so that a catalog of thousands of exercises still lists quickly."""

    def __init__(self, entries: Sequence[tuple[Text, Sequence[Text]]], indent: int = 2) -> None:
        self.entries = entries
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        pad = Text(" " * self.indent)
        for number, (heading, details) in enumerate(self.entries):
            lines = [Text()] if number else []  # a blank line between entries
            lines += _fit(console, heading, width)
            lines += [
                pad + line
                for detail in details
                for line in _fit(console, detail, max(width - self.indent, 8))
            ]
            yield from _lines(console, lines)


class Hanging:
    """Labelled lines whose wrapped parts stay under the text, not under the label.

    A two-column grid would do the same, but measuring a Table costs several times more,
    and the detail view has many of them.
    """

    def __init__(
        self,
        rows: Iterable[tuple[str, Text]],
        *,
        label_style: str = "",
        gap: int = 1,
        align: str = "left",
    ) -> None:
        self.rows = list(rows)
        self.label_style = label_style
        self.gap = gap
        self.align = align

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        label_width = max((cell_len(label) for label, _ in self.rows), default=0)
        text_width = max(options.max_width - label_width - self.gap, 8)
        for label, text in self.rows:
            room = " " * (label_width - cell_len(label))
            first = room + label if self.align == "right" else label + room
            pad = " " * label_width
            lines = [
                Text.assemble((first if i == 0 else pad, self.label_style), " " * self.gap, line)
                for i, line in enumerate(_fit(console, text, text_width))
            ]
            yield from _lines(console, lines)
