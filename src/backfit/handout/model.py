"""A printed handout as data: what each exercise on it says and shows, and what the sheet
says around them. Built once from the catalog (or the active plan's day), then drawn by
either renderer (`html`, `pdf`), so the two cannot say different things. Every string in
it is plain text, never markup: each renderer escapes it for its own language."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from backfit import i18n
from backfit.catalog.models import Exercise, Routine
from backfit.views.words import catalog as catalog_words
from backfit.views.words import handout as words
from backfit.views.words.doses import format_dose

if TYPE_CHECKING:
    from backfit.catalog.conditions import Condition
    from backfit.catalog.models import Catalog, Dose


class Figure(NamedTuple):
    svg: str  # a whole SVG document: inline in HTML, an image in the PDF
    title: str
    description: str


class Item(NamedTuple):
    """One exercise on the sheet, at the dose it is to be done at."""

    name: str
    slug: str
    summary: str
    figure: Figure | None
    dose: str  # '3 sets of 6, 4, 2 reps, hold 10 s · rest 20 s'
    dose_note: str | None  # the catalog's note on its usual dose: only with that dose
    how_often: str | None  # None: the days were not said (the grid has every day)
    steps: tuple[str, ...]
    cautions: tuple[str, ...]
    stop_if: tuple[str, ...]  # its own; the sheet's stop_always apply to every exercise
    build_up: tuple[str, ...]
    next_step: str | None  # from a plan: the next rung's dose, or that it is at the top
    care: tuple[tuple[str, str], ...]  # (heading, note) for the conditions that apply
    sources: tuple[str, ...]  # short: publisher, title and year; the sheet lists addresses
    cites: tuple[int, ...] = ()  # the same, as numbers in the sheet's list of sources, from 1


class Band(NamedTuple):
    scores: str  # '3-5/10'
    meaning: str


class Sheet(NamedTuple):
    lang: str
    title: str
    for_whom: str
    purpose: str | None
    items: tuple[Item, ...]  # in order; a renderer never splits one across pages
    pain_rule: tuple[Band, ...]
    stop_always: tuple[str, ...]
    emergency: tuple[str, ...]
    urgent: tuple[str, ...]
    care_summary: tuple[tuple[str, str], ...]  # (condition, its verdicts) without a plan
    walking: str | None  # a plan's walking goal for the day
    days: tuple[str, ...]  # the session days' short names, the tracking grid's columns
    weeks: int  # its rows
    first_week: int
    sources: tuple[str, ...]  # every source cited on the sheet, with its address
    in_english: str | None  # why safety text on the sheet is in English, if any is
    figure_key: str | None  # what the figures' colours and dashes mean, once for the sheet
    disclaimer: str
    licence: str
    made_by: str
    labels: dict[str, str]  # the headings, worded once for both renderers


LABELS = {
    "dose": catalog_words.DOSE,
    "how_often": words.HOW_OFTEN,
    "steps": catalog_words.HOW_TO_DO_IT,
    "cautions": catalog_words.CAUTIONS,
    "stop_if": catalog_words.STOP_AND_REST.strip(),
    "build_up": catalog_words.HOW_TO_BUILD_UP,
    "sources": catalog_words.SOURCES,
    "pain_rule": catalog_words.PAIN_RULE,
    "stop_always": catalog_words.STOP_AT_ONCE,
    "emergency_title": catalog_words.EMERGENCY,
    "emergency": catalog_words.EMERGENCY_NOW,
    "urgent": catalog_words.LEADS_IN.format(heading=catalog_words.SEE_A_DOCTOR),
    "tracking": words.TRACKING,
    "week": words.WEEK,
    "pain_box": words.PAIN_BOX,
    "notes": words.NOTES,
    "continued": words.CONTINUED,
    "all_sources": words.ALL_SOURCES,
    "cited": words.CITED,
    "care_summary": catalog_words.WHO_SHOULD_TAKE_CARE,
    "list": catalog_words.LIST,  # between the numbers of the sources an exercise cites
}

SAFETY_LABELS = ("stop_if", "pain_rule", "stop_always", "emergency_title", "emergency", "urgent")


class Dosed(NamedTuple):
    """An exercise as the sheet gives it: its dose there, and from a plan its next one."""

    exercise: Exercise
    dose: Dose
    next_dose: Dose | None = None
    at_top: bool = False


def from_entries(entries: Sequence[Exercise | Routine], catalog: Catalog) -> list[Dosed]:
    """Each exercise of `entries` (routines opened) once, at its dose there: a routine's
    own, as `show` gives it; an exercise named alone, at the start of its build-up, where
    a person on paper begins (its build-up says how far it goes)."""
    from backfit.programme.steps import ladder

    seen: set[str] = set()
    dosed = []
    for entry in entries:
        alone = isinstance(entry, Exercise)
        for exercise, dose in catalog.doses_of(entry):
            if exercise.slug not in seen:
                seen.add(exercise.slug)
                dosed.append(Dosed(exercise, ladder(exercise)[0] if alone else dose))
    return dosed


def sheet(
    dosed: Sequence[Dosed],
    catalog: Catalog,
    *,
    title: str,
    for_whom: str,
    purpose: str | None,
    days: Sequence[int] | None,
    weeks: int,
    first_week: int = 1,
    care: Sequence[Condition] | None = None,
    walking: str | None = None,
    version: str,
    today: date,
) -> Sheet:
    """The whole handout: `dosed` in order, done on `days` (0 is Monday; None: not
    said, and the grid has every day of the week), with a tracking grid of `weeks` rows
    from `first_week`. `care` is a plan's conditions (each exercise gets its note for
    them); None, without a plan: the sheet says for every condition which of its exercises
    to avoid or do with care, as `show` of a routine does."""
    from backfit.views.care import care_verdicts
    from backfit.views.figure import figure_key

    how_often = None if days is None else _how_often(days)
    cited = list(dict.fromkeys(i for d in dosed for i in d.exercise.sources))
    items = [
        _item(n, d, catalog, how_often, care or ())._replace(
            cites=tuple(cited.index(i) + 1 for i in d.exercise.sources)
        )
        for n, d in enumerate(dosed, 1)
    ]
    s = catalog.safety
    shown = [*(b.meaning for b in s.pain_rule), *s.stop_always, *s.emergency, *s.see_doctor]
    shown += [text for item in items for text in (*item.cautions, *item.stop_if)]
    shown += [note for item in items for _, note in item.care]
    shown += [LABELS[label] for label in SAFETY_LABELS]
    return Sheet(
        lang=words.LANG,
        title=title,
        for_whom=for_whom,
        purpose=purpose,
        items=tuple(items),
        pain_rule=tuple(
            Band(catalog_words.PAIN_RANGE.format(range=b.range), b.meaning) for b in s.pain_rule
        ),
        stop_always=tuple(s.stop_always),
        emergency=tuple(s.emergency),
        urgent=tuple(s.see_doctor),
        care_summary=()
        if care is not None
        else tuple((label, text.plain) for label, text in care_verdicts(d.exercise for d in dosed)),
        walking=walking,
        days=tuple(words.DAY_SHORT[d] for d in sorted(range(7) if days is None else days)),
        weeks=weeks,
        first_week=first_week,
        sources=tuple(_source(catalog, source_id, address=True) for source_id in cited),
        in_english=catalog_words.SAFETY_IN_ENGLISH if i18n.in_english(shown) else None,
        figure_key=figure_key() if any(item.figure for item in items) else None,
        disclaimer=catalog.disclaimer,
        licence=words.LICENCES.format(catalog=catalog.license, figures=words.FIGURES_LICENCE),
        made_by=words.MADE_BY.format(version=version, date=today.isoformat()),
        labels=LABELS,
    )


FIGURE_PRINTED = (70.0, 36.0)
"""The largest a figure is printed, in mm across and down: its column on A4 (2 of 5 parts
of 182 mm, less the gap), and a height for tall poses; its labels are sized for that, so
they read on paper, and the HTML and PDF renderers hold it to that size."""


def _how_often(days: Sequence[int]) -> str:
    named = catalog_words.LIST.join(words.DAY_NAMES[d] for d in sorted(days))
    if len(days) == 1:
        return words.ON_DAYS_ONE.format(days=named)
    return words.ON_DAYS.format(count=len(days), days=named)


def _item(
    n: int, dosed: Dosed, catalog: Catalog, how_often: str | None, care: Sequence[Condition]
) -> Item:
    from backfit.views.figure import pose_description, pose_svg

    e = dosed.exercise
    figure = None
    if e.pose is not None:
        frames = ["start", "end"]
        svg = pose_svg(e.name, e.pose, frames, ids=f"figure-{n}-", printed=FIGURE_PRINTED,
                       legend=False)  # fmt: skip
        heading = words.FIGURE_START_END.format(name=e.name)
        figure = Figure(svg, heading, pose_description(e.name, e.pose, frames))
    build_up: list[str] = []
    if e.build_up is not None:
        build_up = [*catalog_words.build_up_lines(e.build_up)]
        if e.build_up.note:
            build_up.append(e.build_up.note)
    next_step = None
    if dosed.at_top:
        next_step = words.AT_TOP
    elif dosed.next_dose is not None:
        next_step = words.NEXT_STEP.format(dose=_unbroken(format_dose(dosed.next_dose)))
    notes = []
    for condition in care:
        note = e.care_for(condition)
        if note is not None:
            verdict = catalog_words.VERDICTS[note.verdict]
            heading = words.CARE.format(who=words.CONDITIONS[condition.value], verdict=verdict)
            notes.append((heading, note.note))
    return Item(
        name=e.name,
        slug=e.slug,
        summary=e.summary,
        figure=figure,
        dose=_unbroken(format_dose(dosed.dose)),
        dose_note=dosed.dose.note if dosed.dose == e.dose else None,
        how_often=how_often,
        steps=tuple(e.steps),
        cautions=tuple(e.cautions),
        stop_if=tuple(e.stop_if),
        build_up=tuple(_unbroken(line) for line in build_up),
        next_step=next_step,
        care=tuple(notes),
        sources=tuple(_source(catalog, source_id) for source_id in e.sources),
    )


def _unbroken(text: str) -> str:
    """A number kept on one line with what follows it ('60 秒', '8 reps'): the space
    between them made a no-break space, which the browser and typst both keep."""
    return re.sub(r"(?<=\d) (?=\S)", "\u00a0", text)


def _source(catalog: Catalog, source_id: str, *, address: bool = False) -> str:
    source = catalog.sources[source_id]
    said = catalog_words.SOURCE if source.year is None else catalog_words.SOURCE_YEAR
    text = said.format(publisher=source.publisher, title=source.title, year=source.year)
    return f"{text} {source.url}" if address and source.url else text


def to_json(handout: Sheet) -> str:
    """The handout as JSON, for the PDF template (NamedTuples become objects)."""
    return json.dumps(_plain(handout), ensure_ascii=False, sort_keys=True)


def _plain(value: object) -> object:
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {k: _plain(v) for k, v in value._asdict().items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
