"""The daily lessons as views and as JSON: the list by day, and one lesson in full with
its sources. Functions return renderables (or JSON text); the command prints them."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType

from backfit.views.text import Text
from backfit.views.widgets import labelled, numbered, section
from backfit.views.words import catalog as catalog_words
from backfit.views.words import lessons as words

if TYPE_CHECKING:
    from backfit.catalog.lessons import Lesson, Lessons


def lesson_list(lessons: Lessons) -> RenderableType:
    """Every lesson's title, numbered by its day, and how to read one."""
    ordered = lessons.ordered()
    parts: list[RenderableType] = [Text(words.LIST_HEADING, style="bold underline"), Text()]
    parts.append(numbered([Text(lesson.title) for lesson in ordered]))
    parts += [Text(), Text(words.READ_ONE.format(count=len(ordered)))]
    parts += _note()
    return Group(*parts)


def lesson_detail(lesson: Lesson, lessons: Lessons) -> RenderableType:
    """One lesson in full: its day and title, its text, and the sources it cites."""
    heading = words.LESSON_HEADING.format(
        day=lesson.day, count=len(lessons.lessons), title=lesson.title
    )
    parts: list[RenderableType] = [Text(heading, style="bold underline"), Text()]
    parts.append(Text(lesson.text))
    parts += section(words.SOURCES, _sources(lesson, lessons))
    parts += _note()
    return Group(*parts)


def lessons_json(lessons: Lessons) -> str:
    return _dumps([lesson_data(lesson, lessons) for lesson in lessons.ordered()])


def lesson_json(lesson: Lesson, lessons: Lessons) -> str:
    return _dumps(lesson_data(lesson, lessons))


def lesson_data(lesson: Lesson, lessons: Lessons) -> dict[str, Any]:
    """A lesson as the README documents it, each source written out, not just its id."""
    data = lesson.model_dump(mode="json", exclude={"sources", "safety"})
    data["sources"] = [
        {"id": source_id, **lessons.sources[source_id].model_dump(mode="json")}
        for source_id in lesson.sources
    ]
    return data


def _sources(lesson: Lesson, lessons: Lessons) -> Group:
    """Numbered sources, as `show` cites them: each address whole on its own line, so that
    it can still be copied or clicked on a narrow terminal."""
    width = len(f"{len(lesson.sources)}.")
    parts: list[RenderableType] = []
    for n, source_id in enumerate(lesson.sources, 1):
        source = lessons.sources[source_id]
        said = catalog_words.SOURCE if source.year is None else catalog_words.SOURCE_YEAR
        title = said.format(publisher=source.publisher, title=source.title, year=source.year)
        parts.append(labelled([(f"{n}.".rjust(width), Text(title))]))
        if source.url:
            address = f"{' ' * (width + 1)}<{source.url}>"
            parts.append(Text(address, no_wrap=True, overflow="ignore"))
    return Group(*parts)


def _note() -> list[RenderableType]:
    return [Text(), Text(words.NOT_AN_EXAMINATION, style="dim")]


def _dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
