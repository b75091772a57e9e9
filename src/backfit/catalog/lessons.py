"""The daily lessons a plan shows, one a day: read from `data/lessons.yaml` with the
catalog's safe YAML loader and checked (unique slugs, days 1..N without gaps, each text
under 70 words, every cited source defined), so a broken file fails loudly, located."""

from collections.abc import Collection, Mapping
from pathlib import Path
from string import Formatter
from typing import Annotated

from pydantic import Field, ValidationError, model_validator

from backfit.catalog import cache
from backfit.catalog.errors import CatalogError, Problem
from backfit.catalog.fields import Label, Model, Prose, Slug, SourceId
from backfit.catalog.files import builtin_catalog_path
from backfit.catalog.models import Source

LESSONS_FILE = "lessons.yaml"  # beside the built-in catalog, in the wheel and in the repo
MAX_WORDS = 70  # a lesson must be shorter than this
MAX_TITLE_WORDS = 8
# Where help is depends on the place (backfit.regions): a lesson says `{emergency}` or
# `{urgent}`, and the words for the run's region fill it in (`Lessons.with_help`).
HELP_PLACES = ("emergency", "urgent")


class Lesson(Model):
    """One short lesson, for one day of a plan."""

    slug: Slug
    day: Annotated[int, Field(strict=True, ge=1)]
    title: Label
    text: Prose
    sources: Annotated[tuple[SourceId, ...], Field(min_length=1)]
    # its text is safety advice (warning signs, the pain rule, when to stop): translated
    # into another language only once the translation is checked, as the safety page is
    safety: bool = False

    @model_validator(mode="after")
    def _short(self) -> "Lesson":
        words = len(self.text.split())
        if words >= MAX_WORDS:
            raise ValueError(f"text has {words} words; a lesson must have fewer than {MAX_WORDS}")
        unknown = {name for _, name, _, _ in Formatter().parse(self.text) if name} - set(
            HELP_PLACES
        )
        if unknown:
            known = ", ".join(f"{{{name}}}" for name in HELP_PLACES)
            raise ValueError(f"text names {sorted(unknown)}; a lesson may name only {known}")
        title_words = len(self.title.split())
        if title_words > MAX_TITLE_WORDS:
            raise ValueError(f"title has {title_words} words; at most {MAX_TITLE_WORDS}")
        return self


class Lessons(Model):
    """Every lesson, in day order, and the sources they cite."""

    lessons: Annotated[tuple[Lesson, ...], Field(min_length=1)]
    sources: dict[SourceId, Source]

    @model_validator(mode="after")
    def _coherent(self) -> "Lessons":
        slugs = [lesson.slug for lesson in self.lessons]
        repeated = sorted({slug for slug in slugs if slugs.count(slug) > 1})
        if repeated:
            raise ValueError(f"lesson slugs must be unique: {', '.join(repeated)} repeated")
        days = sorted(lesson.day for lesson in self.lessons)
        if days != list(range(1, len(days) + 1)):
            raise ValueError(f"days must run 1 to {len(days)} with no gaps or repeats")
        missing = sorted({s for lesson in self.lessons for s in lesson.sources} - set(self.sources))
        if missing:
            raise ValueError(f"cited sources not defined under 'sources': {', '.join(missing)}")
        return self

    def with_help(
        self,
        said: Mapping[str, str],
        *,
        english: Mapping[str, str] | None = None,
        for_english: Collection[str] = (),
    ) -> "Lessons":
        """The lessons with where to get help (`{emergency}`, `{urgent}`) said as `said`
        says it for the run's region; those in `for_english` (slugs of lessons shown in
        English, their translation not yet checked) as `english` says it."""
        lessons = tuple(
            lesson.model_copy(
                update={
                    "text": lesson.text.format_map(
                        english if english is not None and lesson.slug in for_english else said
                    )
                }
            )
            for lesson in self.lessons
        )
        return self.model_copy(update={"lessons": lessons})

    def ordered(self) -> tuple[Lesson, ...]:
        """The lessons by day, day 1 first."""
        return tuple(sorted(self.lessons, key=lambda lesson: lesson.day))


def lesson_for_day(lessons: Lessons, day_number: int) -> Lesson:
    """The lesson for day `day_number` of a plan, day 1 being the plan's first day.

    After the last lesson the lessons start again from the first (day 29 of 28 lessons is
    lesson 1), so that a plan of any length has a lesson every day: a plan may run 12 weeks,
    and going over what matters is no loss. A day before the first is a mistake in the
    caller, not a day without a lesson."""
    if day_number < 1:
        raise ValueError(f"plan days start at 1, not {day_number}")
    ordered = lessons.ordered()
    return ordered[(day_number - 1) % len(ordered)]


def builtin_lessons_path() -> Path:
    """The lessons shipped beside the built-in catalog: inside the wheel
    (`backfit/data/`), or the repo's own `data/` in a source checkout."""
    return builtin_catalog_path().with_name(LESSONS_FILE)


def load_lessons(path: Path) -> Lessons:
    """The lessons at `path`, from the cache when they validated before (as the catalog's
    are), else read and validated; a `CatalogError` with located problems if not."""
    found = cache.read_object([path], Lessons)
    if found is not None:
        return found
    lessons = read_lessons(path)
    cache.write_object([path], lessons)
    return lessons


def read_lessons(path: Path) -> Lessons:
    """Read and validate the lessons at `path`; a `CatalogError` with located problems if not."""
    # PyYAML and the located checks: only when the cache cannot answer
    from backfit.catalog.problems import Origin, located_problems
    from backfit.catalog.safe_yaml import read_yaml

    node, data, duplicates = read_yaml(path, top_keys=Lessons.model_fields)
    if duplicates:
        raise CatalogError(duplicates)
    if not isinstance(data, dict):
        raise CatalogError([Problem(str(path), 1, 1, "the lessons file must be a mapping of keys")])
    try:
        return Lessons.model_validate(data)
    except ValidationError as error:
        raise CatalogError(located_problems({(): Origin(path, node, ())}, error)) from None
