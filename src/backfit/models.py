"""The catalog's domain model: what a valid catalog is, with no I/O.

Every model is frozen and forbids unknown fields, so a typo in the YAML is an error
rather than a silently ignored key. Checks that span the whole catalog (duplicate
slugs, links between exercises, cited sources) live on `Catalog` and report the
exact location of each problem.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

LEVELS = ("beginner", "intermediate", "advanced")
Level = Literal["beginner", "intermediate", "advanced"]


def _printable(text: str) -> str:
    """Refuse characters a terminal would act on instead of print (ESC, bidi overrides, ...)."""
    if text.isprintable():
        return text
    for position, char in enumerate(text):
        if char in "\n\t":
            continue
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            raise PydanticCustomError(
                "control_character",
                "contains the control character U+{code} at position {position}",
                {"code": f"{ord(char):04X}", "position": position + 1},
            )
    return text


def _prose(text: str) -> str:
    text = _printable(text.strip())
    if not text:
        raise PydanticCustomError("empty", "must not be empty")
    return text


def _label(text: str) -> str:
    text = _prose(text)
    if len(text) > 80:
        raise PydanticCustomError(
            "too_long", "must be at most 80 characters, not {n}", {"n": len(text)}
        )
    return text


# Plain validator functions rather than pydantic's constraint types: importing those
# (pydantic.types, annotated_types) costs more start-up time than the checks themselves.
Prose = Annotated[str, AfterValidator(_prose)]
Label = Annotated[str, AfterValidator(_label)]
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _slug(text: str) -> str:
    if not (_SLUG.fullmatch(text) and len(text) <= 60):
        raise PydanticCustomError(
            "slug",
            "'{text}' is not a valid id: use up to 60 lowercase letters, digits and single "
            "hyphens, like 'bird-dog'",
            {"text": text[:60]},
        )
    return text


Slug = Annotated[str, AfterValidator(_slug)]
SourceId = Slug


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _https(url: str) -> str:
    if not re.fullmatch(r"https://[^\s/]+\S*", url):
        raise PydanticCustomError("url", "must be a web address starting with https://")
    return _printable(url)


def _pain_range(text: str) -> str:
    if not re.fullmatch(r"\d{1,2}(-\d{1,2}|\+)?", text):
        raise PydanticCustomError("pain_range", "must be a pain score or range, like '0-3' or '6+'")
    return text


class Source(Model):
    """A publication an entry's facts come from."""

    title: Prose
    publisher: Label
    url: Annotated[str, AfterValidator(_https)] | None = None


class Dose(Model):
    """How much: sets of reps, of holds, or of reps that each end in a hold."""

    sets: Annotated[int, Field(strict=True, gt=0, le=20)]
    reps: Annotated[int, Field(strict=True, gt=0, le=100)] | None = None
    hold_seconds: Annotated[int, Field(strict=True, gt=0, le=600)] | None = None
    rest_seconds: Annotated[int, Field(strict=True, gt=0, le=600)]
    per_side: Annotated[bool, Field(strict=True)] = False
    note: Prose | None = None

    @model_validator(mode="after")
    def _reps_or_hold(self) -> Dose:
        if self.reps is None and self.hold_seconds is None:
            raise ValueError("a dose needs reps, hold_seconds, or both")
        return self


class Muscles(Model):
    primary: Annotated[tuple[Label, ...], Field(min_length=1)]
    secondary: tuple[Label, ...] = ()


class Exercise(Model):
    """One exercise, with everything a person needs to do it safely."""

    slug: Slug
    name: Label
    aliases: tuple[Label, ...] = ()
    summary: Prose
    level: Level
    equipment: Annotated[tuple[Label, ...], Field(min_length=1)]
    muscles: Muscles
    dose: Dose
    benefits: Annotated[tuple[Prose, ...], Field(min_length=1)]
    steps: Annotated[tuple[Prose, ...], Field(min_length=1)]
    cautions: Annotated[tuple[Prose, ...], Field(min_length=1)]
    stop_if: Annotated[tuple[Prose, ...], Field(min_length=1)]
    mistakes: tuple[Prose, ...] = ()
    easier: tuple[Slug, ...] = ()
    harder: tuple[Slug, ...] = ()
    sources: Annotated[tuple[SourceId, ...], Field(min_length=1)]


class Benefits(Model):
    """Why training the lower back is worth it, said without promising a cure."""

    summary: Prose
    points: Annotated[tuple[Prose, ...], Field(min_length=1)]
    sources: Annotated[tuple[SourceId, ...], Field(min_length=1)]


class PainLevel(Model):
    range: Annotated[str, AfterValidator(_pain_range)]
    meaning: Prose


class Safety(Model):
    """When to stop exercising and get help, and how to judge pain while training."""

    emergency: Annotated[tuple[Prose, ...], Field(min_length=1)]
    see_doctor: Annotated[tuple[Prose, ...], Field(min_length=1)]
    pain_rule: Annotated[tuple[PainLevel, ...], Field(min_length=1)]
    general: Annotated[tuple[Prose, ...], Field(min_length=1)]
    sources: Annotated[tuple[SourceId, ...], Field(min_length=1)]


class Catalog(Model):
    """The whole catalog; valid only when every link inside it resolves."""

    title: Label
    disclaimer: Prose
    license: Prose
    benefits: Benefits
    safety: Safety
    sources: Annotated[dict[SourceId, Source], Field(min_length=1)]
    exercises: Annotated[tuple[Exercise, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _links_resolve(self) -> Catalog:
        problems = list(_link_problems(self))
        if problems:
            raise ValidationError.from_exception_data("Catalog", problems)
        return self

    def find(self, name: str) -> Exercise | None:
        """The exercise whose slug, name or alias is `name`, ignoring case and punctuation."""
        wanted = normalise(name)
        for exercise in self.exercises:
            if wanted in {normalise(n) for n in (exercise.slug, exercise.name, *exercise.aliases)}:
                return exercise
        return None

    def exercise(self, slug: str) -> Exercise:
        return next(e for e in self.exercises if e.slug == slug)


def normalise(name: str) -> str:
    """'Bird Dog', 'bird_dog' and 'BIRD-DOG' all become 'bird-dog'."""
    return "-".join("".join(c if c.isalnum() else " " for c in name.casefold()).split())


def _problem(
    loc: tuple[str | int, ...],
    message: str,
    value: object,
    first: tuple[str | int, ...] | None = None,
) -> InitErrorDetails:
    """A located problem; `first` is where a duplicated value was first seen."""
    context: dict[str, object] = {"message": message}
    if first is not None:
        context["first"] = first
    error = PydanticCustomError("catalog", "{message}", context)
    return InitErrorDetails(type=error, loc=loc, input=value)


def _link_problems(catalog: Catalog) -> list[InitErrorDetails]:
    problems: list[InitErrorDetails] = []
    claimed: dict[str, tuple[str | int, ...]] = {}  # normalised name -> where it was first seen
    for i, exercise in enumerate(catalog.exercises):
        names: list[tuple[tuple[str | int, ...], str]] = [
            (("slug",), exercise.slug),
            (("name",), exercise.name),
        ]
        names += [(("aliases", j), alias) for j, alias in enumerate(exercise.aliases)]
        for field, value in names:
            loc = ("exercises", i, *field)
            first = claimed.setdefault(normalise(value), loc)
            if first[1] != i:
                owner = catalog.exercises[int(first[1])].slug
                message = f"'{value}' is already the slug, name or alias of '{owner}'"
                problems.append(_problem(loc, message, value, first))
            elif first != loc and field[0] == "aliases":
                message = f"the alias '{value}' repeats this exercise's slug, name or an alias"
                problems.append(_problem(loc, message, value, first))
    slugs = {e.slug for e in catalog.exercises}
    for i, exercise in enumerate(catalog.exercises):
        for link_field in ("easier", "harder"):
            for j, link in enumerate(getattr(exercise, link_field)):
                loc = ("exercises", i, link_field, j)
                if link == exercise.slug:
                    problems.append(_problem(loc, "an exercise cannot link to itself", link))
                elif link not in slugs:
                    problems.append(_problem(loc, f"no exercise has the slug '{link}'", link))
        problems += _source_problems(catalog, ("exercises", i), exercise.sources)
    problems += _source_problems(catalog, ("benefits",), catalog.benefits.sources)
    problems += _source_problems(catalog, ("safety",), catalog.safety.sources)
    return problems


def _source_problems(
    catalog: Catalog, where: tuple[str | int, ...], cited: tuple[str, ...]
) -> list[InitErrorDetails]:
    return [
        _problem((*where, "sources", j), f"no source has the id '{source}'", source)
        for j, source in enumerate(cited)
        if source not in catalog.sources
    ]
