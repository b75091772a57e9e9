"""Catalog -> Rich renderables, which are never printed here.

Every string that comes from the catalog enters Rich as `Text`, never as markup, so
a `[bold]` in an exercise's steps is shown as written. Rich's tables and panels are
imported by the views that use them, to keep each command's start-up short.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding

from backfit import i18n
from backfit.catalog.translated import term
from backfit.figures.modes import WORDS
from backfit.views.care import care_verdicts
from backfit.views.pose_words import pose_words
from backfit.views.text import Text
from backfit.views.widgets import (
    INDENT,
    Boxed,
    ByWidth,
    Grid,
    Phrases,
    TableOrEntries,
    address,
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
    from rich.text import Text as RichText

    from backfit.catalog.conditions import Condition
    from backfit.catalog.models import (
        BuildUp,
        Catalog,
        Dose,
        Exercise,
        Routine,
        Safety,
    )
    from backfit.catalog.poses import Pose

NARROW = 72  # below this many columns, tables become stacked entries
LIST_TABLE_MIN = 100  # the exercise table has five columns and needs more room


def exercise_list(
    exercises: Sequence[Exercise], *, conditions: Sequence[Condition] = ()
) -> RenderableType:
    """A table where it fits whole, stacked entries otherwise. With `conditions`, each
    exercise also says, for each one, whether it suits it or needs care."""
    return TableOrEntries(
        _list_table(exercises, conditions),
        narrow=lambda: stacked([_list_entry(e, conditions) for e in exercises]),
        min_width=LIST_TABLE_MIN,
    )


def _list_table(exercises: Sequence[Exercise], conditions: Sequence[Condition]) -> Grid:
    rows = [
        (
            Text.assemble((e.name, "bold"), "\n", (e.slug, "cyan")),
            Text("\n".join(filter(None, (words.LEVELS.get(e.level, e.level), _position(e))))),
            Text(_terms(e.equipment)),
            Text(_terms(e.muscles.primary)),
            Text("\n".join(dose_lines(e.dose, walking=e.position == "walking"))),
            *(Text(_verdict(e, condition)) for condition in conditions),
        )
        for e in exercises
    ]
    headers = [
        *words.LIST_HEADERS,
        *(words.FOR_CONDITION.format(condition=words.condition_name(c)) for c in conditions),
    ]
    return table(headers, rows, wrap=(2, 3))  # a dose is short lines that never wrap


def _terms(names: Sequence[str]) -> str:
    return words.LIST.join(term(name) for name in names)


def _level(e: Exercise) -> str:
    return words.LEVELS.get(e.level, e.level)


def _position(e: Exercise) -> str | None:
    return words.LISTED_POSITIONS.get(e.position, e.position) if e.position else None


def _list_entry(
    e: Exercise, conditions: Sequence[Condition]
) -> tuple[RichText, list[RenderableType]]:
    heading = Text.assemble((e.name, "bold"), " (", (e.slug, "cyan"), ")")
    details: list[RenderableType] = [
        Text(
            words.LEVEL_EQUIPMENT.format(
                level=words.LEVEL_POSITION.format(level=_level(e), position=_position(e))
                if e.position
                else _level(e),
                equipment=_terms(e.equipment),
            )
        ),
        Text(words.TARGETS.format(muscles=_terms(e.muscles.primary))),
        _dose(e.dose, walking=e.position == "walking"),
    ]
    for condition in conditions:
        said = words.CONDITION_VERDICT.format(
            condition=words.condition_name(condition), verdict=_verdict(e, condition)
        )
        details.append(Text(said))
    return heading, details


def _dose(dose: Dose, *, walking: bool = False) -> Phrases:
    """The dose on one line where it fits, else broken between its parts."""
    lines = dose_lines(dose, walking=walking)
    return Phrases(lines, dose_separators(lines))


def _verdict(e: Exercise, condition: Condition) -> str:
    note = e.care_for(condition)
    return words.VERDICTS[note.verdict] if note else words.NO_NOTE


def exercise_detail(
    exercise: Exercise, catalog: Catalog, *, figure: str = "none"
) -> RenderableType:
    """Everything about one exercise, in the order a person reads before trying it; with
    its pose drawn above the steps in `figure` characters unless that is "none"."""
    e = exercise
    heading = Text(e.name, style="bold underline")
    if e.aliases:
        heading.append(words.ALSO.format(names=words.LIST.join(e.aliases)), style="dim")
    rows: list[tuple[str, RenderableType]] = [
        (words.DOSE, _dose(e.dose, walking=e.position == "walking"))
    ]
    if e.dose.note:
        rows.append(("", Text(e.dose.note, style="italic")))
    rows += [(words.LEVEL, Text(_level(e)))]
    if e.position:
        rows.append((words.POSITION, Text(words.POSITIONS[e.position])))
    rows += [
        (words.EQUIPMENT, Text(_terms(e.equipment))),
        (words.TARGETS_LABEL, Text(_terms(e.muscles.primary))),
    ]
    if e.muscles.secondary:
        rows.append((words.ALSO_WORKS, Text(_terms(e.muscles.secondary))))
    facts = labelled(rows, label_style="bold", gap=2)
    parts: list[RenderableType] = [heading, Text(e.summary), Text(), facts]
    parts += section(words.WHY_IT_HELPS, bullets(e.benefits))
    if e.pose is not None and figure == WORDS:
        parts += [Text(), *(Text(line) for line in pose_words(e))]
    elif e.pose is not None and figure != "none":
        parts += [Text(), PoseAboveSteps(e.pose, figure)]
    parts += section(words.HOW_TO_DO_IT, numbered(e.steps))
    caution = Group(
        bullets(e.cautions),
        Text(words.STOP_AND_REST, style="bold red"),
        bullets((*catalog.safety.stop_always, *e.stop_if)),
    )
    parts += [
        Text(),
        Boxed(caution, title=words.CAUTIONS, border_style="yellow"),
    ]
    care = e.care.notes() if e.care else []
    parts += _why_in_english(
        (*e.cautions, words.STOP_AND_REST, *catalog.safety.stop_always, *e.stop_if,
         words.PAIN_RULE, *(level.meaning for level in catalog.safety.pain_rule),
         *(note.note for _, note in care))
    )  # fmt: skip
    parts += section(words.PAIN_RULE, _pain_rule(catalog.safety))
    if e.mistakes:
        parts += section(words.MISTAKES, bullets(e.mistakes))
    if e.build_up:
        parts += section(words.HOW_TO_BUILD_UP, _build_up(e.build_up))
    if care:
        notes = [
            (
                words.CARE_LABEL.format(condition=words.condition_name(condition).capitalize()),
                Text(words.CARE_NOTE.format(verdict=words.VERDICTS[note.verdict], note=note.note)),
            )
            for condition, note in care
        ]
        parts += section(words.WHO_SHOULD_TAKE_CARE, labelled(notes, label_style="bold"))
    variants = _variants(e, catalog)
    if variants is not None:
        parts += section(words.VARIANTS, variants)
    parts += section(words.SOURCES, sources(e.sources, catalog))
    parts += footer(catalog)
    return Group(*parts)


class PoseAboveSteps:
    """An exercise's keyframes above its steps, as large as the terminal leaves room for:
    a frame may be a third of the terminal's height (never less than the figure's usual
    rows), and the frames may use the terminal's whole width, past the width text is
    wrapped at, since a figure is looked at, not read line by line. Drawn at the top
    level of a view only, where the terminal's width is the room there is."""

    def __init__(self, pose: Pose, mode: str) -> None:
        self.pose = pose
        self.mode = mode

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from backfit.views.figure import ROWS, keyframe_figures

        width = max(options.max_width, console.width)
        rows = max(ROWS[self.mode], min(console.height // 3, width // COLUMNS_A_ROW))
        figures = keyframe_figures(self.pose, self.mode, rows=rows)
        yield from console.render(figures, options.update_width(width))


COLUMNS_A_ROW = 8  # a frame's rows grow by one for each this many columns of terminal


def _build_up(b: BuildUp) -> RenderableType:
    lines = words.build_up_lines(b)
    if b.note:
        lines.append(b.note)
    return bullets(lines)


def _name_slug(catalog: Catalog, slug: str) -> str:
    return words.NAME_SLUG.format(name=catalog.exercise(slug).name, slug=slug)


def _variants(e: Exercise, catalog: Catalog) -> RenderableType | None:
    rows = [
        (label, Text(words.LIST.join(_name_slug(catalog, s) for s in slugs)))
        for label, slugs in ((words.EASIER, e.easier), (words.HARDER, e.harder))
        if slugs
    ]
    return labelled(rows, label_style="bold") if rows else None


def benefits_view(catalog: Catalog) -> RenderableType:
    """Why lower-back training matters, then what each exercise is best for."""
    b = catalog.benefits
    parts: list[RenderableType] = [Text(words.WHY_TRAIN, style="bold underline")]
    parts += [Text(b.summary), Text(), bullets(b.points)]
    parts += section(words.WHAT_EACH_OFFERS, _headline_benefits(catalog))
    parts += section(words.SOURCES, sources(b.sources, catalog))
    parts += footer(catalog)
    return Group(*parts)


def _headline_benefits(catalog: Catalog) -> RenderableType:
    def wide() -> RenderableType:
        rows = [(Text(e.name, style="bold"), Text(e.benefits[0])) for e in catalog.exercises]
        return table(words.BENEFITS_HEADERS, rows, wrap=(1,))

    def narrow() -> RenderableType:
        return stacked(
            [(Text(e.name, style="bold"), [Text(e.benefits[0])]) for e in catalog.exercises]
        )

    return ByWidth(wide=wide, narrow=narrow, min_width=NARROW)


def _why_in_english(shown: Sequence[str]) -> list[RenderableType]:
    """The one line, in the run's language, that says why safety text it shows is in
    English (its translation not yet checked, or its English edited since), where any of
    `shown` is; none where all of it is in the run's language."""
    if not i18n.in_english(shown):
        return []
    return [Text(words.SAFETY_IN_ENGLISH, style="italic")]


def _pain_rule(s: Safety) -> RenderableType:
    """The catalog's one pain rule, band by band: `safety` and every `show` print it."""
    return labelled(
        [
            (words.PAIN_RANGE.format(range=level.range), Text(level.meaning))
            for level in s.pain_rule
        ],
        label_style="bold",
        gap=2,
    )


def safety_view(catalog: Catalog) -> RenderableType:
    """Red flags first, because they are the part that cannot wait."""
    s: Safety = catalog.safety
    emergency = Group(
        Text(words.EMERGENCY_NOW),
        bullets(s.emergency),
    )
    parts: list[RenderableType] = [
        Text(words.SAFETY, style="bold underline"),
        Text(),
        Boxed(emergency, title=words.EMERGENCY, border_style="red"),
    ]
    parts += section(words.LEADS_IN.format(heading=words.SEE_A_DOCTOR), bullets(s.see_doctor))
    parts += section(words.PAIN_RULE, _pain_rule(s))
    if s.stop_always:
        parts += section(words.STOP_AT_ONCE, bullets(s.stop_always))
    if s.outlook:
        parts += section(words.OUTLOOK, Text(s.outlook))
    parts += section(words.GENERAL_CAUTIONS, bullets(s.general))
    parts += section(words.SOURCES, sources(s.sources, catalog))
    shown = (*s.emergency, *s.see_doctor, *(level.meaning for level in s.pain_rule),
             *s.stop_always, s.outlook or "", *s.general)  # fmt: skip
    shown += (words.SAFETY, words.EMERGENCY, words.EMERGENCY_NOW, words.SEE_A_DOCTOR)
    shown += (words.PAIN_RULE, words.STOP_AT_ONCE, words.OUTLOOK, words.GENERAL_CAUTIONS)
    why = _why_in_english(shown)
    parts += [Text(), *why] if why else []
    parts += footer(catalog)
    return Group(*parts)


def sources_view(catalog: Catalog) -> RenderableType:
    """Every source, what it is and where to find it, and the entries that cite it. The
    address is a line of its own, never split (`address`), so it is not one of the
    indented details, which would crop it."""
    cited = catalog.citations()
    parts: list[RenderableType] = [Text(words.SOURCES, style="bold underline")]
    for source_id, source in catalog.sources.items():
        heading = Text.assemble((source.publisher, "bold"), " (", (source_id, "cyan"), ")")
        year = source.year
        title = (
            source.title if year is None else words.TITLE_YEAR.format(title=source.title, year=year)
        )
        by = [_citer(catalog, citer) for citer in cited[source_id]]
        by_said = (
            words.CITED_BY.format(names=words.NAMES.join(by)) if by else words.CITED_BY_NOTHING
        )
        parts += [Text(), heading, Padding(Text(title), (0, 0, 0, INDENT))]
        if source.url:
            parts.append(address(source.url, indent=INDENT))
        parts.append(Padding(Text(by_said), (0, 0, 0, INDENT)))
    parts += footer(catalog)
    return Group(*parts)


def _citer(catalog: Catalog, citer: str) -> str:
    """What cites a source, as a reader finds it: a page by the command that shows it
    (backfit safety), an exercise or routine by its name (a slug meant nothing on a
    Chinese screen)."""
    if citer in PAGES:
        return f"backfit {citer}"
    entry = catalog.find(citer)
    return entry.name if entry is not None else citer


PAGES = ("benefits", "safety")  # the catalog's pages that cite sources, each a command


def routine_list(routines: Sequence[Routine], catalog: Catalog) -> RenderableType:
    """Each routine with its length, its exercises and who it is for."""
    from backfit.session.plan import plan_for

    entries = []
    for routine in routines:
        length = format_about(plan_for(routine, catalog).total_seconds)
        heading = Text.assemble((routine.name, "bold"), " (", (routine.slug, "cyan"), ")")
        names = words.LIST.join(catalog.exercise(item.exercise).name for item in routine.exercises)
        said = words.ROUTINE_LENGTH.format(length=length, count=len(routine.exercises))
        entries.append((heading, [Text(said), Text(names)]))
    return stacked(entries)


def routine_detail(routine: Routine, catalog: Catalog) -> RenderableType:
    """A routine: what it is for, who it suits, and each exercise at its dose."""
    from backfit.session.plan import plan_for

    length = format_about(plan_for(routine, catalog).total_seconds)
    rows = [
        (
            words.NUMBERED.format(number=n),
            Text.assemble((e.name, "bold"), words.SLUG_LINE.format(slug=e.slug), format_dose(dose)),
        )
        for n, (e, dose) in enumerate(catalog.doses_of(routine), 1)
    ]
    parts: list[RenderableType] = [
        Text(routine.name, style="bold underline"),
        Text(routine.purpose),
        Text(),
        labelled(
            [(words.TIME, Text(length)), (words.WHO_FOR, Text(routine.audience))],
            label_style="bold",
            gap=2,
        ),
    ]
    parts += section(words.EXERCISES, labelled(rows, align="right"))
    care = care_verdicts(exercise for exercise, _ in catalog.doses_of(routine))
    if care:
        parts += section(words.WHO_SHOULD_TAKE_CARE, labelled(care, label_style="bold"))
    parts += section(words.SOURCES, sources(routine.sources, catalog))
    parts += [Text(), Text(words.START_IT.format(slug=routine.slug), style="bold")]
    parts += footer(catalog)
    return Group(*parts)
