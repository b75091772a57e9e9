"""The catalog's domain model: what a valid catalog is, with no I/O.

Every model is frozen and forbids unknown fields, so a typo in the YAML is an error
rather than a silently ignored key. Checks that span the whole catalog (duplicate
slugs, links between exercises, cited sources) live on `Catalog` and report the
exact location of each problem.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

LEVELS = ("beginner", "intermediate", "advanced")
Level = Literal["beginner", "intermediate", "advanced"]


def _printable(text: str) -> str:
    """Refuse characters a terminal would act on instead of print (ESC, bidi overrides, ...)."""
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


Prose = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_printable)
]
Label = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=80),
    AfterValidator(_printable),
]
Slug = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=2, max_length=60)
]
SourceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(Model):
    """A publication an entry's facts come from."""

    title: Prose
    publisher: Label
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$")] | None = None


class Dose(Model):
    """How much: sets of reps, of holds, or of reps that each end in a hold."""

    sets: Annotated[StrictInt, Field(gt=0, le=20)]
    reps: Annotated[StrictInt, Field(gt=0, le=100)] | None = None
    hold_seconds: Annotated[StrictInt, Field(gt=0, le=600)] | None = None
    rest_seconds: Annotated[StrictInt, Field(gt=0, le=600)]
    per_side: StrictBool = False
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
    range: Annotated[str, StringConstraints(pattern=r"^\d{1,2}(-\d{1,2})?\+?$")]
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


def _problem(loc: tuple[str | int, ...], message: str, value: object) -> InitErrorDetails:
    return InitErrorDetails(
        type=PydanticCustomError("catalog", message), loc=loc, input=value
    )


def _link_problems(catalog: Catalog) -> list[InitErrorDetails]:
    problems: list[InitErrorDetails] = []
    owners: dict[str, str] = {}  # normalised name -> slug that claims it
    for i, exercise in enumerate(catalog.exercises):
        names = [("slug", exercise.slug), ("name", exercise.name)]
        names += [(("aliases", j), alias) for j, alias in enumerate(exercise.aliases)]
        claimed_here: set[str] = set()
        for field, value in names:
            key = normalise(value)
            loc = ("exercises", i, *(field if isinstance(field, tuple) else (field,)))
            owner = owners.get(key)
            if owner is not None and owner != exercise.slug:
                problems.append(_problem(loc, f"'{value}' is already used by '{owner}'", value))
            elif key in claimed_here and field not in ("slug", "name"):
                problems.append(_problem(loc, f"alias '{value}' repeats this exercise's name", value))
            owners.setdefault(key, exercise.slug)
            claimed_here.add(key)
    slugs = {e.slug for e in catalog.exercises}
    for i, exercise in enumerate(catalog.exercises):
        for field in ("easier", "harder"):
            for j, link in enumerate(getattr(exercise, field)):
                loc = ("exercises", i, field, j)
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
