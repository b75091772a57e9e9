"""Checks that span the whole catalog: duplicate names, links between exercises and
routines, cited sources, build-ups; each problem located at the place it is about."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from backfit.catalog.errors import did_you_mean, first_reason
from backfit.catalog.models import BuildUp, Catalog, Dose, Exercise, Routine, normalise


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


def link_problems(catalog: Catalog) -> list[InitErrorDetails]:
    problems: list[InitErrorDetails] = []
    claimed: dict[str, tuple[str | int, ...]] = {}  # normalised name -> where it was first seen
    entries: list[tuple[str, int, Exercise | Routine]]
    entries = [("exercises", i, e) for i, e in enumerate(catalog.exercises)]
    entries += [("routines", i, r) for i, r in enumerate(catalog.routines)]
    for kind, i, entry in entries:
        names: list[tuple[tuple[str | int, ...], str]] = [
            (("slug",), entry.slug),
            (("name",), entry.name),
        ]
        if isinstance(entry, Exercise):
            names += [(("aliases", j), alias) for j, alias in enumerate(entry.aliases)]
        for field, value in names:
            loc = (kind, i, *field)
            first = claimed.setdefault(normalise(value), loc)
            if first[:2] != (kind, i):
                owner = getattr(catalog, str(first[0]))[int(first[1])].slug
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
                    others = slugs - {exercise.slug}
                    problems.append(_problem(loc, _no_exercise(link, others), link))
        problems += _source_problems(catalog, ("exercises", i), exercise.sources)
        if exercise.build_up is not None:
            where = ("exercises", i, "build_up")
            problems += _source_problems(catalog, where, exercise.build_up.sources)
            problems += _build_up_problems(where, exercise.dose, exercise.build_up)
        if exercise.pose is not None:
            where = ("exercises", i, "pose")
            problems += [_problem((*where, *loc), m, None) for loc, m in exercise.pose.problems()]
    for i, routine in enumerate(catalog.routines):
        problems += _routine_problems(catalog, i, routine, slugs)
    problems += _source_problems(catalog, ("benefits",), catalog.benefits.sources)
    problems += _source_problems(catalog, ("safety",), catalog.safety.sources)
    return problems


def _routine_problems(
    catalog: Catalog, i: int, routine: Routine, slugs: set[str]
) -> list[InitErrorDetails]:
    problems = _source_problems(catalog, ("routines", i), routine.sources)
    for j, item in enumerate(routine.exercises):
        loc: tuple[str | int, ...] = ("routines", i, "exercises", j)
        if item.exercise not in slugs:
            message = _no_exercise(item.exercise, slugs)
            problems.append(_problem((*loc, "exercise"), message, item.exercise))
        elif item.dose is not None:
            try:
                item.dose.apply(catalog.exercise(item.exercise).dose)
            except ValidationError as error:
                reason = first_reason(error)
                message = f"with this change the dose of '{item.exercise}' is invalid: {reason}"
                problems.append(_problem((*loc, "dose"), message, None))
    return problems


def _build_up_problems(
    where: tuple[str | int, ...], dose: Dose, build_up: BuildUp
) -> list[InitErrorDetails]:
    """The start and the ceiling must each make a valid dose, the start may not be above the
    ceiling, and a dose with one number of reps per set cannot grow by whole sets."""
    problems: list[InitErrorDetails] = []
    ends: dict[str, Dose] = {}
    for end in ("start", "ceiling"):
        try:
            ends[end] = getattr(build_up, end).apply(dose)
        except ValidationError as error:
            message = f"with this {end} the dose is invalid: {first_reason(error)}"
            problems.append(_problem((*where, end), message, None))
    if len(ends) == 2:
        start, ceiling = ends["start"], ends["ceiling"]
        for key in ("sets", "reps", "hold_seconds"):
            low, high = _per_set(start, key), _per_set(ceiling, key)
            if low and high and any(a > b for a, b in zip(low, high, strict=False)):
                message = f"the start's {key} is above the ceiling's"
                problems.append(_problem((*where, "start", key), message, None))
        if build_up.add.sets is not None and isinstance(start.reps, tuple):
            message = "cannot add whole sets to a dose that lists reps set by set"
            problems.append(_problem((*where, "add", "sets"), message, None))
    return problems


def _per_set(dose: Dose, key: str) -> tuple[int, ...]:
    value = getattr(dose, key)
    if value is None:
        return ()
    return value if isinstance(value, tuple) else (value,) * (dose.sets if key == "reps" else 1)


def _source_problems(
    catalog: Catalog, where: tuple[str | int, ...], cited: tuple[str, ...]
) -> list[InitErrorDetails]:
    return [
        _problem((*where, "sources", j), _no_source(source, catalog.sources), source)
        for j, source in enumerate(cited)
        if source not in catalog.sources
    ]


def _no_exercise(link: str, slugs: Iterable[str]) -> str:
    return f"no exercise has the slug '{link}'{did_you_mean(link, slugs)}"


def _no_source(source: str, ids: Iterable[str]) -> str:
    return f"no source has the id '{source}'{did_you_mean(source, ids)}"


def unresolved_links(data: object) -> ValidationError | None:
    """The broken links in catalog data whose other fields did not validate, checked as far
    as its shape allows: `Catalog` checks links only once every field is valid, and
    `validate` should list every problem in one run, not in rounds."""
    if not isinstance(data, dict):
        return None

    def listed(value: object) -> list[Any]:
        return value if isinstance(value, list) else []

    def mapping(value: object) -> dict[str, Any]:
        return value if isinstance(value, dict) else {}

    exercises = [mapping(e) for e in listed(data.get("exercises"))]
    slugs = {e["slug"] for e in exercises if isinstance(e.get("slug"), str)}
    ids = set(data["sources"]) if isinstance(data.get("sources"), dict) else None
    problems: list[InitErrorDetails] = []

    def cited(where: tuple[str | int, ...], value: object) -> None:
        for j, source in enumerate(listed(value)):
            if ids is not None and isinstance(source, str) and source not in ids:
                problems.append(_problem((*where, "sources", j), _no_source(source, ids), source))

    for i, exercise in enumerate(exercises):
        for field in ("easier", "harder"):
            for j, link in enumerate(listed(exercise.get(field))):
                if isinstance(link, str) and link not in slugs and link != exercise.get("slug"):
                    loc: tuple[str | int, ...] = ("exercises", i, field, j)
                    others = slugs - {exercise.get("slug")}
                    problems.append(_problem(loc, _no_exercise(link, others), link))
        cited(("exercises", i), exercise.get("sources"))
        cited(("exercises", i, "build_up"), mapping(exercise.get("build_up")).get("sources"))
    for i, routine in enumerate(mapping(r) for r in listed(data.get("routines"))):
        for j, item in enumerate(mapping(x) for x in listed(routine.get("exercises"))):
            link = item.get("exercise")
            if isinstance(link, str) and link not in slugs:
                loc = ("routines", i, "exercises", j, "exercise")
                problems.append(_problem(loc, _no_exercise(link, slugs), link))
        cited(("routines", i), routine.get("sources"))
    for part in ("benefits", "safety"):
        cited((part,), mapping(data.get(part)).get("sources"))
    return ValidationError.from_exception_data("Catalog", problems) if problems else None
