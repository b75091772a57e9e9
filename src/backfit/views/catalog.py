"""Catalog -> Rich renderables, which are never printed here.

Every string that comes from the catalog enters Rich as `Text`, never as markup, so
a `[bold]` in an exercise's steps is shown as written. Rich's tables and panels are
imported by the views that use them, to keep each command's start-up short.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from backfit.views.widgets import (
    ByWidth,
    Phrases,
    bullets,
    footer,
    labelled,
    numbered,
    section,
    sources,
    stacked,
    table,
)
from backfit.views.words import catalog as words
from backfit.views.words.doses import dose_lines, dose_separators, format_about, format_dose

if TYPE_CHECKING:
    from backfit.catalog.conditions import Condition
    from backfit.catalog.models import (
        BuildUp,
        Catalog,
        Dose,
        DoseOverride,
        Exercise,
        Routine,
        Safety,
    )

NARROW = 72  # below this many columns, tables become stacked entries
LIST_TABLE_MIN = 100  # the exercise table has five columns and needs more room


def exercise_list(
    exercises: Sequence[Exercise], *, condition: Condition | None = None
) -> RenderableType:
    """A table at normal widths, stacked entries in a narrow terminal. With a `condition`,
    each exercise also says whether it suits it or needs care."""
    return ByWidth(
        wide=lambda: _list_table(exercises, condition),
        narrow=lambda: stacked([_list_entry(e, condition) for e in exercises]),
        min_width=LIST_TABLE_MIN,
    )


def _list_table(exercises: Sequence[Exercise], condition: Condition | None) -> RenderableType:
    rows = [
        (
            Text.assemble((e.name, "bold"), "\n", (e.slug, "cyan")),
            Text(e.level),
            Text(", ".join(e.equipment)),
            Text(", ".join(e.muscles.primary)),
            Text("\n".join(dose_lines(e.dose))),
            *([Text(_verdict(e, condition))] if condition else []),
        )
        for e in exercises
    ]
    headers: tuple[str, ...] = ("Exercise", "Level", "Equipment", "Targets", "Dose")
    if condition:
        headers += (f"For {condition.value}",)
    return table(headers, rows, wrap=(2, 3))  # a dose is short lines that never wrap


def _list_entry(e: Exercise, condition: Condition | None) -> tuple[Text, list[RenderableType]]:
    heading = Text.assemble((e.name, "bold"), " (", (e.slug, "cyan"), ")")
    details: list[RenderableType] = [
        Text(f"{e.level} · {', '.join(e.equipment)}"),
        Text(f"targets {', '.join(e.muscles.primary)}"),
        _dose(e.dose),
    ]
    if condition:
        details.append(Text(f"{condition.value}: {_verdict(e, condition)}"))
    return heading, details


def _dose(dose: Dose) -> Phrases:
    """The dose on one line where it fits, else broken between its parts."""
    lines = dose_lines(dose)
    return Phrases(lines, dose_separators(lines))


VERDICTS = {"suits": "suits", "care": "with care", "avoid": "avoid"}


def _verdict(e: Exercise, condition: Condition) -> str:
    note = e.care_for(condition)
    return VERDICTS[note.verdict] if note else "no note"


def exercise_detail(
    exercise: Exercise, catalog: Catalog, *, figure: str = "none"
) -> RenderableType:
    """Everything about one exercise, in the order a person reads before trying it; with
    its pose drawn above the steps in `figure` characters unless that is "none"."""
    from rich.panel import Panel

    e = exercise
    heading = Text(e.name, style="bold underline")
    if e.aliases:
        heading.append(f"  (also: {', '.join(e.aliases)})", style="dim")
    rows: list[tuple[str, RenderableType]] = [("Dose", _dose(e.dose))]
    if e.dose.note:
        rows.append(("", Text(e.dose.note, style="italic")))
    rows += [("Level", Text(e.level))]
    if e.position:
        rows.append(("Position", Text(POSITIONS[e.position])))
    rows += [
        ("Equipment", Text(", ".join(e.equipment))),
        ("Targets", Text(", ".join(e.muscles.primary))),
    ]
    if e.muscles.secondary:
        rows.append(("Also works", Text(", ".join(e.muscles.secondary))))
    facts = labelled(rows, label_style="bold", gap=2)
    parts: list[RenderableType] = [heading, Text(e.summary), Text(), facts]
    parts += section("Why it helps", bullets(e.benefits))
    if e.pose is not None and figure != "none":
        from backfit.views.figure import keyframe_figures

        parts += [Text(), keyframe_figures(e.pose, figure)]
    parts += section("How to do it", numbered(e.steps))
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
        parts += section("Common mistakes", bullets(e.mistakes))
    if e.build_up:
        parts += section("How to build up", _build_up(e.build_up))
    if e.care and e.care.notes():
        notes = [
            (f"{condition.value.capitalize()}:", Text(f"{VERDICTS[note.verdict]}. {note.note}"))
            for condition, note in e.care.notes()
        ]
        parts += section("Who should take care", labelled(notes, label_style="bold"))
    variants = _variants(e, catalog)
    if variants is not None:
        parts += section("Variants", variants)
    parts += section("Sources", sources(e.sources, catalog))
    parts += footer(catalog)
    return Group(*parts)


POSITIONS = {
    "back": "lying on your back",
    "front": "lying on your front",
    "side": "lying on your side",
    "kneeling": "kneeling or on all fours",
    "seated": "sitting",
    "standing": "standing",
    "walking": "walking",
}


def _build_up(b: BuildUp) -> RenderableType:
    """The build-up in words: from where, by how much, how often, up to where, how long."""
    lines = [
        f"Start with {_amounts(b.start)}.",
        f"Every {b.every_days} days, add {_increment(b)}, as long as your pain stays out of "
        f"the stop zone, up to {_amounts(b.ceiling)}.",
        f"Keep going for at least {b.weeks} weeks.",
    ]
    if b.note:
        lines.append(b.note)
    return bullets(lines)


def _amounts(dose: DoseOverride) -> str:
    """'2 sets, 3, 2, 1 reps, holds of 10 s'."""
    parts = []
    if dose.sets is not None:
        parts.append(f"{dose.sets} {'set' if dose.sets == 1 else 'sets'}")
    if dose.reps is not None:
        reps = dose.reps if isinstance(dose.reps, tuple) else (dose.reps,)
        parts.append(f"{', '.join(map(str, reps))} {'rep' if reps == (1,) else 'reps'}")
    if dose.hold_seconds is not None:
        parts.append(f"holds of {dose.hold_seconds} s")
    return ", ".join(parts) or "the usual dose"


def _increment(b: BuildUp) -> str:
    parts = []
    if b.add.sets is not None:
        parts.append(f"{b.add.sets} {'set' if b.add.sets == 1 else 'sets'}")
    if b.add.reps is not None:
        parts.append(f"{b.add.reps} {'rep' if b.add.reps == 1 else 'reps'} to each set")
    if b.add.hold_seconds is not None:
        parts.append(f"{b.add.hold_seconds} s to each hold")
    return " and ".join(parts)


def _variants(e: Exercise, catalog: Catalog) -> RenderableType | None:
    rows = [
        (label, Text(", ".join(f"{catalog.exercise(s).name} ({s})" for s in slugs)))
        for label, slugs in (("Easier:", e.easier), ("Harder:", e.harder))
        if slugs
    ]
    return labelled(rows, label_style="bold") if rows else None


def benefits_view(catalog: Catalog) -> RenderableType:
    """Why lower-back training matters, then what each exercise is best for."""
    b = catalog.benefits
    parts: list[RenderableType] = [Text("Why train the lower back", style="bold underline")]
    parts += [Text(b.summary), Text(), bullets(b.points)]
    parts += section("What each exercise offers", _headline_benefits(catalog))
    parts += section("Sources", sources(b.sources, catalog))
    parts += footer(catalog)
    return Group(*parts)


def _headline_benefits(catalog: Catalog) -> RenderableType:
    def wide() -> RenderableType:
        rows = [(Text(e.name, style="bold"), Text(e.benefits[0])) for e in catalog.exercises]
        return table(("Exercise", "Main benefit"), rows, wrap=(1,))

    def narrow() -> RenderableType:
        return stacked(
            [(Text(e.name, style="bold"), [Text(e.benefits[0])]) for e in catalog.exercises]
        )

    return ByWidth(wide=wide, narrow=narrow, min_width=NARROW)


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
    parts += section("See a doctor soon if you have back pain with", bullets(s.see_doctor))
    rule = labelled(
        [(f"{level.range}/10", Text(level.meaning)) for level in s.pain_rule],
        label_style="bold",
        gap=2,
    )
    parts += section("The pain rule while exercising", rule)
    if s.stop_always:
        parts += section("Stop at once, whatever the score, if", bullets(s.stop_always))
    if s.outlook:
        parts += section("How back pain usually goes", Text(s.outlook))
    parts += section("General cautions", bullets(s.general))
    parts += section("Sources", sources(s.sources, catalog))
    parts += footer(catalog)
    return Group(*parts)


def sources_view(catalog: Catalog) -> RenderableType:
    """Every source, what it is and where to find it, and the entries that cite it."""
    cited = catalog.citations()
    entries = []
    for source_id, source in catalog.sources.items():
        heading = Text.assemble((source.publisher, "bold"), " (", (source_id, "cyan"), ")")
        year = source.year
        title = (
            source.title if year is None else words.TITLE_YEAR.format(title=source.title, year=year)
        )
        details = [Text(title)]
        if source.url:
            details.append(Text(source.url))
        by = cited[source_id]
        by_said = (
            words.CITED_BY.format(names=words.NAMES.join(by)) if by else words.CITED_BY_NOTHING
        )
        details.append(Text(by_said))
        entries.append((heading, details))
    parts: list[RenderableType] = [Text("Sources", style="bold underline"), Text()]
    parts.append(stacked(entries))
    parts += footer(catalog)
    return Group(*parts)


def routine_list(routines: Sequence[Routine], catalog: Catalog) -> RenderableType:
    """Each routine with its length, its exercises and who it is for."""
    from backfit.session.plan import plan_for

    entries = []
    for routine in routines:
        length = format_about(plan_for(routine, catalog).total_seconds)
        heading = Text.assemble((routine.name, "bold"), " (", (routine.slug, "cyan"), ")")
        names = ", ".join(catalog.exercise(item.exercise).name for item in routine.exercises)
        entries.append(
            (heading, [Text(f"{length} · {len(routine.exercises)} exercises"), Text(names)])
        )
    return stacked(entries)


def routine_detail(routine: Routine, catalog: Catalog) -> RenderableType:
    """A routine: what it is for, who it suits, and each exercise at its dose."""
    from backfit.session.plan import plan_for

    length = format_about(plan_for(routine, catalog).total_seconds)
    rows = [
        (f"{n}.", Text.assemble((e.name, "bold"), f" ({e.slug})\n", format_dose(dose)))
        for n, (e, dose) in enumerate(catalog.doses_of(routine), 1)
    ]
    parts: list[RenderableType] = [
        Text(routine.name, style="bold underline"),
        Text(routine.purpose),
        Text(),
        labelled(
            [("Time", Text(length)), ("Who for", Text(routine.audience))],
            label_style="bold",
            gap=2,
        ),
    ]
    parts += section("Exercises", labelled(rows, align="right"))
    parts += section("Sources", sources(routine.sources, catalog))
    parts += [Text(), Text(f"Start it with: backfit start {routine.slug}", style="bold")]
    parts += footer(catalog)
    return Group(*parts)
