"""The catalog in the run's language. Each sentence of an exercise or routine is a message
of the catalog's own gettext domain, its context being where it lives (`swallow-fly.steps.2`),
so an English sentence edited in the YAML becomes fuzzy and is shown in English until it is
translated again, never in a stale translation. The translated name is the entry's name and
its English name one of its aliases, so both find it (`backfit show 小燕飞`).

The catalog's own pages are messages too (`disclaimer`, `benefits.points.2`,
`safety.emergency.1`, `safety.pain_rule.caution`), and so are the plan's lessons
(`lesson.keep-moving.text`).

Safety text (an exercise's cautions, its stop signs and its care notes, and the whole safety
page) is compiled into the words only once a translation has been checked by translating it
back (the `.po` marks it `reviewed`): until then it is shown in English (see
`hatch_build.py`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from backfit import i18n

if TYPE_CHECKING:
    from backfit.catalog.lessons import Lessons
    from backfit.catalog.models import Benefits, Catalog, Exercise, Routine, Safety

DOMAIN = f"{i18n.DOMAIN}-catalog"
SAFETY_FIELDS = ("cautions", "stop_if", "care")  # compiled only when reviewed
TERM = "term"  # the context of equipment and muscle names
SAFETY_PAGE = "safety"  # the context of the safety page's sentences starts with it
LESSON = "lesson"  # and a lesson's with this
Say = Callable[[str, str], str]


def texts(catalog: Catalog) -> Iterator[tuple[str, str]]:
    """Every sentence to translate, with the context that says where it lives."""
    found, note = _noted()
    _pages(catalog, note)
    for exercise in catalog.exercises:
        _exercise(exercise, note)
    for routine in catalog.routines:
        _routine(routine, note)
    named = {t for e in catalog.exercises for t in (*e.equipment, *e.muscles.primary,
                                                     *e.muscles.secondary)}  # fmt: skip
    found += [(TERM, name) for name in sorted(named)]
    return iter(found)


def named_elsewhere(catalog: Catalog, name: str) -> Exercise | Routine | None:
    """The entry whose name in another language backfit speaks is `name`: an English run
    (a C locale, ASCII output, --lang en) is given 小燕飞 by someone who knows it so."""
    from backfit.catalog.models import normalise

    wanted = normalise(name)
    for words in i18n.catalog_words_elsewhere():
        say = words.pgettext  # the catalog's own messages: not for the extractor
        for entry in catalog.entries:
            if normalise(say(f"{entry.slug}.name", entry.name)) == wanted:
                return entry
    return None


def term(name: str) -> str:
    """A piece of equipment or a muscle, as this run says it. Only where it is shown: the
    catalog keeps its own word, which `list --equipment mat` and `--muscle` match."""
    return i18n.catalog_text(TERM, name)


def is_safety(context: str) -> bool:
    """Whether a catalog message's context (`swallow-fly.cautions.2`) is safety text."""
    parts = context.split(".")
    return len(parts) > 1 and (parts[0] == SAFETY_PAGE or parts[1] in SAFETY_FIELDS)


def translated(catalog: Catalog) -> Catalog:
    """`catalog` in the run's language (itself, in English)."""
    if i18n.language() == i18n.ENGLISH:
        return catalog
    say = i18n.catalog_text
    exercises = tuple(_exercise(exercise, say) for exercise in catalog.exercises)
    routines = tuple(_routine(routine, say) for routine in catalog.routines)
    return _pages(catalog, say).model_copy(update={"exercises": exercises, "routines": routines})


def lesson_texts(lessons: Lessons) -> Iterator[tuple[str, str]]:
    """Every sentence of the lessons, with its context (`lesson.keep-moving.title`)."""
    found, note = _noted()
    _lessons(lessons, note)
    return iter(found)


def _noted() -> tuple[list[tuple[str, str]], Say]:
    """A `Say` that says each sentence as it is, noting it and its context in the list."""
    found: list[tuple[str, str]] = []

    def note(context: str, text: str) -> str:
        found.append((context, text))
        return text

    return found, note


def translated_lessons(lessons: Lessons) -> Lessons:
    """The plan's lessons in the run's language (themselves, in English)."""
    if i18n.language() == i18n.ENGLISH:
        return lessons
    return _lessons(lessons, i18n.catalog_text)


def _lessons(lessons: Lessons, say: Say) -> Lessons:
    said = tuple(
        lesson.model_copy(
            update={
                "title": say(f"{LESSON}.{lesson.slug}.title", lesson.title),
                "text": say(f"{LESSON}.{lesson.slug}.text", lesson.text),
            }
        )
        for lesson in lessons.lessons
    )
    return lessons.model_copy(update={"lessons": said})


def _pages(catalog: Catalog, say: Say) -> Catalog:
    """The catalog's own pages: its disclaimer and licence, what exercise does, and the
    safety page."""

    def each(context: str, items: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(say(f"{context}.{n}", item) for n, item in enumerate(items, 1))

    b: Benefits = catalog.benefits
    benefits = b.model_copy(
        update={"summary": say("benefits.summary", b.summary),
                "points": each("benefits.points", b.points)}
    )  # fmt: skip
    s: Safety = catalog.safety
    page = SAFETY_PAGE
    rule = tuple(
        level.model_copy(update={"meaning": say(f"{page}.pain_rule.{level.zone}", level.meaning)})
        for level in s.pain_rule
    )
    safety = s.model_copy(
        update={
            "outlook": say(f"{page}.outlook", s.outlook) if s.outlook else None,
            "emergency": each(f"{page}.emergency", s.emergency),
            "see_doctor": each(f"{page}.see_doctor", s.see_doctor),
            "pain_rule": rule,
            "stop_always": each(f"{page}.stop_always", s.stop_always),
            "general": each(f"{page}.general", s.general),
        }
    )
    return catalog.model_copy(
        update={
            "disclaimer": say("disclaimer", catalog.disclaimer),
            "license": say("license", catalog.license),
            "benefits": benefits,
            "safety": safety,
        }
    )


def _exercise(e: Exercise, say: Say) -> Exercise:
    def each(field: str, items: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(say(f"{e.slug}.{field}.{n}", item) for n, item in enumerate(items, 1))

    name = say(f"{e.slug}.name", e.name)
    update: dict[str, object] = {
        "name": name,
        "aliases": (*e.aliases, e.name) if name != e.name else e.aliases,
        "summary": say(f"{e.slug}.summary", e.summary),
        "benefits": each("benefits", e.benefits),
        "steps": each("steps", e.steps),
        "mistakes": each("mistakes", e.mistakes),
        "cautions": each("cautions", e.cautions),
        "stop_if": each("stop_if", e.stop_if),
    }
    dose = {
        field: say(f"{e.slug}.dose.{field}", text)
        for field in ("note", "halfway", "finish")
        if (text := getattr(e.dose, field))
    }
    if dose:
        update["dose"] = e.dose.model_copy(update=dose)
    if e.build_up is not None and e.build_up.note:
        note = say(f"{e.slug}.build_up.note", e.build_up.note)
        update["build_up"] = e.build_up.model_copy(update={"note": note})
    if e.care is not None:
        notes = {
            condition: note.model_copy(
                update={"note": say(f"{e.slug}.care.{condition}", note.note)}
            )
            for condition, note in e.care
            if note is not None
        }
        update["care"] = e.care.model_copy(update=notes)
    if e.pose is not None:
        frames = {
            name: frame.model_copy(update={"caption": say(f"{e.slug}.pose.{name}", frame.caption)})
            for name, frame in e.pose.frames()
            if frame.caption
        }
        update["pose"] = e.pose.model_copy(update=frames)
    return e.model_copy(update=update)


def _routine(r: Routine, say: Say) -> Routine:
    return r.model_copy(
        update={
            "name": say(f"{r.slug}.name", r.name),
            "purpose": say(f"{r.slug}.purpose", r.purpose),
            "audience": say(f"{r.slug}.audience", r.audience),
        }
    )
