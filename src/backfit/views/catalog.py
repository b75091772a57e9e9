"""Catalog -> Rich renderables, which are never printed here.

Every string that comes from the catalog enters Rich as `Text`, never as markup, so
a `[bold]` in an exercise's steps is shown as written. Rich's tables and panels are
imported by the views that use them, to keep each command's start-up short.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.text import Text

if TYPE_CHECKING:
    from backfit.catalog.models import Catalog, Dose, Exercise, Routine, Safety

NARROW = 72  # below this many columns, tables become stacked entries
LIST_TABLE_MIN = 100  # the exercise table has five columns and needs more room


def format_dose(dose: Dose) -> str:
    """'2 × 8 reps, hold 5 s · rest 30 s' — the whole prescription on one line."""
    side = " each side" if dose.per_side else ""
    if dose.reps is None:
        sets = "set" if dose.sets == 1 else "sets"
        return f"{dose.sets} {sets} × hold {dose.hold_seconds} s{side} · rest {dose.rest_seconds} s"
    if isinstance(dose.reps, tuple):
        amount = f"{dose.sets} sets of {', '.join(map(str, dose.reps))} reps{side}"
    else:
        amount = f"{dose.sets} × {dose.reps} reps{side}"
    if dose.hold_seconds is not None:
        amount += f", hold {dose.hold_seconds} s"
    return f"{amount} · rest {dose.rest_seconds} s"


def exercise_list(exercises: Sequence[Exercise], *, width: int) -> RenderableType:
    """A table at normal widths, stacked entries in a narrow terminal."""
    if width < LIST_TABLE_MIN:
        return Entries([_list_entry(e) for e in exercises])
    rows = [
        (
            Text.assemble((e.name, "bold"), "\n", (e.slug, "cyan")),
            Text(e.level),
            Text(", ".join(e.equipment)),
            Text(", ".join(e.muscles.primary)),
            Text(format_dose(e.dose)),
        )
        for e in exercises
    ]
    headers = ("Exercise", "Level", "Equipment", "Targets", "Dose")
    return Grid(headers, rows, wrap=(2, 3, 4))


def _list_entry(e: Exercise) -> tuple[Text, list[Text]]:
    heading = Text.assemble((e.name, "bold"), " (", (e.slug, "cyan"), ")")
    details = [
        Text(f"{e.level} · {', '.join(e.equipment)}"),
        Text(f"targets {', '.join(e.muscles.primary)}"),
        Text(format_dose(e.dose)),
    ]
    return heading, details


def exercise_detail(exercise: Exercise, catalog: Catalog) -> RenderableType:
    """Everything about one exercise, in the order a person reads before trying it."""
    from rich.panel import Panel

    e = exercise
    heading = Text(e.name, style="bold underline")
    if e.aliases:
        heading.append(f"  (also: {', '.join(e.aliases)})", style="dim")
    rows = [("Dose", Text(format_dose(e.dose)))]
    if e.dose.note:
        rows.append(("", Text(e.dose.note, style="italic")))
    rows += [
        ("Level", Text(e.level)),
        ("Equipment", Text(", ".join(e.equipment))),
        ("Targets", Text(", ".join(e.muscles.primary))),
    ]
    if e.muscles.secondary:
        rows.append(("Also works", Text(", ".join(e.muscles.secondary))))
    facts = Hanging(rows, label_style="bold", gap=2)
    parts: list[RenderableType] = [heading, Text(e.summary), Text(), facts]
    parts += _section("Why it helps", bullets(e.benefits))
    parts += _section("How to do it", numbered(e.steps))
    caution = Group(
        bullets(e.cautions),
        Text("\nStop and rest if:", style="bold red"),
        bullets(e.stop_if),
    )
    parts += [
        Text(),
        Panel(caution, title=Text("Cautions"), title_align="left", border_style="yellow"),
    ]
    if e.mistakes:
        parts += _section("Common mistakes", bullets(e.mistakes))
    variants = _variants(e, catalog)
    if variants is not None:
        parts += _section("Variants", variants)
    parts += _section("Sources", _sources(e.sources, catalog))
    parts += [Text(), Text(catalog.disclaimer, style="dim")]
    return Group(*parts)


def _variants(e: Exercise, catalog: Catalog) -> Hanging | None:
    rows = [
        (label, Text(", ".join(f"{catalog.exercise(s).name} ({s})" for s in slugs)))
        for label, slugs in (("Easier:", e.easier), ("Harder:", e.harder))
        if slugs
    ]
    return Hanging(rows, label_style="bold") if rows else None


def benefits_view(catalog: Catalog, *, width: int) -> RenderableType:
    """Why lower-back training matters, then what each exercise is best for."""
    b = catalog.benefits
    parts: list[RenderableType] = [Text("Why train the lower back", style="bold underline")]
    parts += [Text(b.summary), Text(), bullets(b.points)]
    parts += _section("What each exercise offers", _headline_benefits(catalog, width=width))
    parts += _section("Sources", _sources(b.sources, catalog))
    parts += [Text(), Text(catalog.disclaimer, style="dim")]
    return Group(*parts)


def _headline_benefits(catalog: Catalog, *, width: int) -> RenderableType:
    if width < NARROW:
        return Entries(
            [(Text(e.name, style="bold"), [Text(e.benefits[0])]) for e in catalog.exercises]
        )
    rows = [(Text(e.name, style="bold"), Text(e.benefits[0])) for e in catalog.exercises]
    return Grid(("Exercise", "Main benefit"), rows, wrap=(1,))


def safety_view(catalog: Catalog) -> RenderableType:
    """Red flags first, because they are the part that cannot wait."""
    from rich.panel import Panel

    s: Safety = catalog.safety
    emergency = Group(
        Text("Go to an emergency department or call emergency services now if you have:"),
        bullets(s.emergency),
    )
    parts: list[RenderableType] = [
        Text("Safety", style="bold underline"),
        Text(),
        Panel(emergency, title=Text("Emergency: stop now"), title_align="left", border_style="red"),
    ]
    parts += _section("See a doctor soon if you have back pain with", bullets(s.see_doctor))
    rule = Hanging(
        [(f"{level.range}/10", Text(level.meaning)) for level in s.pain_rule],
        label_style="bold",
        gap=2,
    )
    parts += _section("The pain rule while exercising", rule)
    parts += _section("General cautions", bullets(s.general))
    parts += _section("Sources", _sources(s.sources, catalog))
    parts += [Text(), Text(catalog.disclaimer, style="dim")]
    return Group(*parts)


def _section(title: str, body: RenderableType) -> list[RenderableType]:
    return [Text(), Text(title, style="bold"), body]


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


class Entries:
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
        label_width = max((len(label) for label, _ in self.rows), default=0)
        text_width = max(options.max_width - label_width - self.gap, 8)
        for label, text in self.rows:
            first = label.rjust(label_width) if self.align == "right" else label.ljust(label_width)
            pad = " " * label_width
            lines = [
                Text.assemble((first if i == 0 else pad, self.label_style), " " * self.gap, line)
                for i, line in enumerate(_fit(console, text, text_width))
            ]
            yield from _lines(console, lines)


def _sources(ids: Iterable[str], catalog: Catalog) -> Hanging:
    rows = []
    for source_id in ids:
        source = catalog.sources[source_id]
        line = f"{source.publisher}: {source.title}"
        rows.append(line + (f" <{source.url}>" if source.url else ""))
    return numbered(rows)


def routine_list(routines: Sequence[Routine], catalog: Catalog) -> RenderableType:
    """Each routine with its length, its exercises and who it is for."""
    from backfit.session.plan import format_duration, plan_for

    entries = []
    for routine in routines:
        minutes = format_duration(plan_for(routine, catalog).total_seconds)
        heading = Text.assemble((routine.name, "bold"), " (", (routine.slug, "cyan"), ")")
        names = ", ".join(catalog.exercise(item.exercise).name for item in routine.exercises)
        entries.append(
            (heading, [Text(f"about {minutes} · {len(routine.exercises)} exercises"), Text(names)])
        )
    return Entries(entries)


def routine_detail(routine: Routine, catalog: Catalog) -> RenderableType:
    """A routine: what it is for, who it suits, and each exercise at its dose."""
    from backfit.session.plan import format_duration, plan_for

    total = format_duration(plan_for(routine, catalog).total_seconds)
    rows = [
        (f"{n}.", Text.assemble((e.name, "bold"), f" ({e.slug})\n", format_dose(dose)))
        for n, (e, dose) in enumerate(catalog.planned(routine), 1)
    ]
    parts: list[RenderableType] = [
        Text(routine.name, style="bold underline"),
        Text(routine.purpose),
        Text(),
        Hanging(
            [("Time", Text(f"about {total}")), ("Who for", Text(routine.audience))],
            label_style="bold",
            gap=2,
        ),
    ]
    parts += _section("Exercises", Hanging(rows, align="right"))
    parts += _section("Sources", _sources(routine.sources, catalog))
    parts += [Text(), Text(f"Start it with: backfit start {routine.slug}", style="bold")]
    parts += [Text(), Text(catalog.disclaimer, style="dim")]
    return Group(*parts)
