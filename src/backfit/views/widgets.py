"""Layout pieces every view borrows: bullets, numbered steps, labelled lines, tables that
become stacked entries when narrow, sections, the source list and the disclaimer.

Stacked entries are Rich's own `Padding`. Two pieces are our own because Rich's cost
more start-up time than the 0.05x of the baseline we allow for code of our own (best of
30, in process): the table (`Grid`: 11.4 ms for the list of 27 exercises against 31.5 ms
for Rich's Table) and the labelled lines (`Labelled`: 4.8 ms for the whole of `show
swallow-fly` against 10.9 ms with `Table.grid`, 16 ms against 28 ms in a fresh process).
Everything measures text in terminal cells (`rich.cells.cell_len`), so Chinese, emoji
and combining marks line up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Literal

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.text import Text

from backfit.views.text import Text as Prose
from backfit.views.text import has_chinese, pieces, wrapped
from backfit.views.words import catalog as words

if TYPE_CHECKING:
    from rich.style import Style

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


class TableOrEntries:
    """A table where it fits with every word whole, stacked entries where it does not. A
    table wider than the width offered (the width text is read at) that still fits the
    terminal takes the columns it needs: a row of short cells is no long line to read.
    For a view's top level, where the terminal's width is the room there is."""

    def __init__(
        self, table: Grid, *, narrow: Callable[[], RenderableType], min_width: int
    ) -> None:
        self.table = table
        self.narrow = narrow
        self.min_width = min_width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        least = max(self.min_width, self.table.least_width())
        if least <= options.max_width:
            yield self.table
        elif least <= console.width:
            room = min(console.width, max(least, self.table.least_width(whole_headers=True)))
            yield from console.render(self.table, options.update_width(room))
        else:
            yield self.narrow()


class Phrases:
    """Short phrases on one line, broken only between them when the line is too long:
    '1 × 6 reps each side, hold 10 s · rest 30 s' never wraps inside 'hold 10 s'. A
    phrase wider than the whole width still wraps, between its words."""

    def __init__(self, phrases: Sequence[str], separators: Sequence[str], style: str = "") -> None:
        self.phrases = phrases
        self.separators = separators  # after each phrase but the last, e.g. ", " or " · "
        self.style = style

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((cell_len(p) for p in self.phrases), default=0)
        whole = cell_len(self._line(list(range(len(self.phrases))), trailing=False))
        return Measurement(min(longest, options.max_width), min(whole, options.max_width))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        for line in _lines_of(self._parts(width), width):
            yield Prose(line, style=self.style)  # what still overflows wraps by the rules

    def _parts(self, width: int) -> list[tuple[str, str]]:
        """What may not be parted: each phrase whole, or, when it is wider than the whole
        width, each piece of it a line may start with (a word; in Chinese, as `views.text`
        breaks it: '2 次' stays whole); each with what joins it to the next."""
        parts: list[tuple[str, str]] = []
        for phrase, after in zip(self.phrases, [*self.separators, ""], strict=False):
            split = [phrase] if cell_len(phrase) <= width else pieces(phrase, width)
            parts += [(piece.rstrip(), piece[len(piece.rstrip()) :]) for piece in split[:-1]]
            parts.append((split[-1], after))
        return parts

    def _line(self, indices: list[int], *, trailing: bool) -> str:
        """The phrases at `indices` with their separators; `trailing` keeps the last one's
        separator, trimmed, at the end of a line that continues below."""
        *first, end = indices
        text = "".join(self.phrases[i] + self.separators[i] for i in first) + self.phrases[end]
        return text + self.separators[end].rstrip() if trailing else text


def _lines_of(parts: Sequence[tuple[str, str]], width: int) -> Iterator[str]:
    """Pieces on lines of `width` cells, broken only between them. The separator stays,
    trimmed, at the end of the line it ends; where it would not fit there, the line's last
    piece goes down with it; where a line holds one piece only and still leaves no room,
    a separator set apart by spaces starts the next line instead ('· rest 20 s')."""
    start, lead = 0, ""  # lead: a separator carried down to the next line
    while start < len(parts):
        end = start + 1
        while end < len(parts) and cell_len(lead + _joined(parts[start : end + 1])) <= width:
            end += 1
        while end - start > 1 and end < len(parts):
            if cell_len(lead + _joined(parts[start:end], ended=True)) <= width:
                break
            end -= 1
        line, lead = lead + _joined(parts[start:end], ended=end < len(parts)), ""
        if end < len(parts) and cell_len(line) > width:
            separator, after = parts[end - 1][1], parts[end][0]
            mark = separator.strip()
            if separator[:1].isspace() and mark and cell_len(f"{mark} {after}") <= width:
                line, lead = line.removesuffix(mark).rstrip(), f"{mark} "
        yield line
        start = end


def _joined(parts: Sequence[tuple[str, str]], *, ended: bool = False) -> str:
    """Pieces, each with what joins it to the next; `ended`: the last one's separator,
    trimmed, ends a line that continues below."""
    *first, (last, after) = parts
    return (
        "".join(piece + joiner for piece, joiner in first)
        + last
        + (after.rstrip() if ended else "")
    )


def section(title: str, body: RenderableType) -> list[RenderableType]:
    return [Text(), Prose(title, style="bold"), body]


def footer(catalog: Catalog) -> list[RenderableType]:
    """The disclaimer every view ends with."""
    return [Text(), Prose(catalog.disclaimer, style="dim")]


def sources(ids: Iterable[str], catalog: Catalog) -> Group:
    """Numbered sources, each address on its own line under its title. An address is
    never split: one longer than the width runs past it, whole, so that it can still be
    copied or clicked (a table cell would crop it, so it is a line of its own)."""
    cited = [catalog.sources[source_id] for source_id in ids]
    width = len(f"{len(cited)}.")
    parts: list[RenderableType] = []
    for n, source in enumerate(cited, 1):
        said = words.SOURCE if source.year is None else words.SOURCE_YEAR
        title = Prose(said.format(publisher=source.publisher, title=source.title, year=source.year))
        parts.append(labelled([(f"{n}.".rjust(width), title)]))
        if source.url:
            parts.append(address(f"<{source.url}>", indent=width + 1))
    return Group(*parts)


def address(url: str, *, indent: int = 0) -> Text:
    """A web address on a line of its own, never split: one longer than the width runs
    past it, whole, so that it can still be copied or clicked. (Inside a `Padding` or a
    table cell it would be cropped, so it is given its indent here.)"""
    return Text(" " * indent + url, no_wrap=True, overflow="ignore")


class Boxed:
    """A body in a rounded box with a title at the top left, as Rich's `Panel` draws it,
    except that a line holding a web address too long for the box runs past its right
    edge, whole, where the Panel would crop it."""

    def __init__(self, body: RenderableType, *, title: str, border_style: str) -> None:
        self.body = body
        self.title = title
        self.border_style = border_style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width, 5)
        room = width - 4  # a border and a space on each side
        edge = console.get_style(self.border_style)
        title = f" {self.title} "
        body = self.body
        if cell_len(title) > width - 3:  # a narrow terminal: the title opens the box instead
            body = Group(Prose(self.title, style=edge), self.body)
            title = ""
        top = "─" * max(width - 3 - cell_len(title), 0)
        yield from (Segment("╭─", edge), Segment(title, edge), Segment(top + "╮", edge))
        yield Segment.line()
        inner = options.update(width=room, height=None)
        for line in Segment.split_lines(console.render(body, inner)):
            length = Segment.get_line_length(line)
            yield from (Segment("│", edge), Segment(" "), *line)
            if length <= room:
                yield from (Segment(" " * (room - length + 1)), Segment("│", edge))
            yield Segment.line()
        yield Segment("╰" + "─" * (width - 2) + "╯", edge)
        yield Segment.line()


def bullets(items: Iterable[str]) -> Labelled:
    return labelled(("•", Text(item)) for item in items)


def numbered(items: Iterable[str | Text]) -> Labelled:
    return labelled(
        (
            (f"{n}.", item if isinstance(item, Text) else Text(item))
            for n, item in enumerate(items, 1)
        ),
        align="right",
    )


def labelled(
    rows: Iterable[tuple[str, RenderableType]], *, label_style: str = "", gap: int = 1,
    align: Literal["left", "right"] = "left",
) -> Labelled:  # fmt: skip
    """Labelled lines whose wrapped parts stay under the text, not under the label."""
    return Labelled(list(rows), label_style=label_style, gap=gap, align=align)


class Labelled:
    """A column of labels and, beside it, what each one labels, wrapped to the room left.

    Rich's `Table.grid` draws the same but measures every cell before drawing it, and
    pads each one; here the labels' column is as wide as the widest label and the rest
    of the width is the text's (the module's docstring has the figures).
    """

    def __init__(
        self, rows: Sequence[tuple[str, RenderableType]], *, label_style: str, gap: int,
        align: Literal["left", "right"],
    ) -> None:  # fmt: skip
        self.rows = rows
        self.label_style = label_style
        self.gap = gap
        self.align = align

    def _label_width(self) -> int:
        return max((cell_len(label) for label, _ in self.rows), default=0)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        side = self._label_width() + self.gap
        room = options.update_width(max(options.max_width - side, 1))
        bodies = [Measurement.get(console, room, body) for _, body in self.rows]
        least = max((m.minimum for m in bodies), default=0) + side
        most = max((m.maximum for m in bodies), default=0) + side
        return Measurement(min(least, options.max_width), min(most, options.max_width))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = self._label_width()
        room = max(options.max_width - width - self.gap, 1)
        label_style = console.get_style(self.label_style) if self.label_style else None
        if room < min(width, LEAST_BESIDE):  # 近期做过背部手术： at 21 columns left 2 cells
            yield from self._stacked(console, options, label_style)
            return
        gap = Segment(" " * self.gap)
        blank = Segment(" " * width)
        for label, body in self.rows:
            pad = " " * (width - cell_len(label))
            head = Segment(pad + label if self.align == "right" else label + pad, label_style)
            for n, line in enumerate(_body_lines(console, options, body, room)):
                yield head if n == 0 else blank
                yield gap
                yield from line
                yield Segment.line()

    def _stacked(
        self, console: Console, options: ConsoleOptions, label_style: Style | None
    ) -> RenderResult:
        """Each label on a line of its own and what it labels below, indented: for a
        terminal too narrow to keep a column of long labels beside the text."""
        room = max(options.max_width - INDENT, 1)
        for label, body in self.rows:
            yield from (Segment(label, label_style), Segment.line())
            for line in _body_lines(console, options, body, room):
                yield from (Segment(" " * INDENT), *line, Segment.line())


def _body_lines(
    console: Console, options: ConsoleOptions, body: RenderableType, room: int
) -> list[list[Segment]]:
    """What a label labels, as lines of `room` cells: catalog text by the views' rules (an
    address in it is never split), anything else as Rich renders it."""
    if isinstance(body, Text):
        return [list(line.render(console)) for line in wrapped(console, body, room)]
    return console.render_lines(body, options.update(width=room, overflow="fold", height=None),
                                pad=False)  # fmt: skip


LEAST_BESIDE = 12  # fewer cells than this beside the labels (and than they take): stacked


def table(headers: Sequence[str], rows: Sequence[Sequence[Text]], *, wrap: Sequence[int]) -> Grid:
    """Rows in aligned columns under a header and a rule; only the columns in `wrap` may
    wrap to fit the terminal (and any header, between its words)."""
    return Grid(headers, rows, wrap=wrap)


class Grid:
    """Rows of text in aligned columns under a header and a rule.

    Rich's Table does this too, but measuring and drawing one costs several times more
    than the whole of `backfit list` may spend; here each column is as wide as its
    longest line, and the columns that may wrap give up room, widest first, until the rows
    fit the terminal. No column gets narrower than its longest word: a view that offers
    less room than `least_width` shows something else (`ByWidth`).
    """

    def __init__(
        self, headers: Sequence[str], rows: Sequence[Sequence[Text]], *, wrap: Sequence[int]
    ) -> None:
        self.headers = [Text(header, style="bold") for header in headers]
        self.rows = rows
        columns = range(len(self.headers))
        self.widths = [
            max(_longest_line(cell) for cell in (self.headers[c], *(row[c] for row in rows)))
            for c in columns
        ]
        # The least each column can take without splitting a word: a header may wrap
        # between its words, a cell only in the columns in `wrap`.
        self.wrap = wrap
        self.cells = [
            max(
                ((_longest_word if c in wrap else _longest_line)(row[c]) for row in rows), default=0
            )
            for c in columns
        ]
        self.floors = [max(_longest_word(self.headers[c]), self.cells[c]) for c in columns]

    def least_width(self, *, whole_headers: bool = False) -> int:
        """The fewest columns the table fits in with every word whole (and every header
        on one line, if asked)."""
        floors = self.floors
        if whole_headers:
            floors = [max(h.cell_len, n) for h, n in zip(self.headers, self.cells, strict=True)]
        return sum(floors) + GUTTER * (len(floors) - 1)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = list(self.widths)
        room = options.max_width - GUTTER * (len(widths) - 1)
        while sum(widths) > room:
            # The columns in `wrap` give up room first, widest first; then headers wrap.
            give = [c for c in self.wrap if widths[c] > self.floors[c]] or [
                c for c, w in enumerate(widths) if w > self.floors[c]
            ]
            if not give:
                break
            widths[max(give, key=lambda c: widths[c])] -= 1
        rule = Text("─" * min(sum(widths) + GUTTER * (len(widths) - 1), options.max_width))
        headers = [_fit(console, header, w) for header, w in zip(self.headers, widths, strict=True)]
        yield from _lines(console, [*self._line(headers, widths), rule])
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
                    line.append(" " * (widths[c] - part.cell_len + GUTTER))
            lines.append(line)
        return lines


GUTTER = 2  # columns between a table's columns


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


def _longest_word(text: Text) -> int:
    """The widest piece of `text` a line can never part: a word, or in Chinese a character
    with the punctuation held to it (Chinese has no spaces: a whole sentence was taken for
    one word, and no column of it narrowed)."""
    plain = text.plain
    words = (
        (p for line in plain.split("\n") for p in pieces(line, 0))
        if has_chinese(plain)
        else plain.split()
    )
    return max((cell_len(word.rstrip()) for word in words), default=0)


INDENT = 2  # a stacked entry's details, under its heading


def stacked(
    entries: Iterable[tuple[Text, Sequence[RenderableType]]], indent: int = INDENT
) -> Group:
    """Entries for a narrow terminal: a heading, then its details indented, with a blank
    line between entries."""
    parts: list[RenderableType] = []
    for number, (heading, details) in enumerate(entries):
        if number:
            parts.append(Text())
        parts.append(heading)
        parts += [Padding(detail, (0, 0, 0, indent)) for detail in details]
    return Group(*parts)
