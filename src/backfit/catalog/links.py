"""The links in catalog data: names that clash, `easier`, `harder` and routine items that
name no exercise, cited sources that do not exist.

Checked on the raw data, beside validation, so that `validate` lists every broken link
with every other problem in one run (as far as the data's shape allows), each located by
its path in the data.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic_core import InitErrorDetails

from backfit.catalog.errors import Loc, did_you_mean
from backfit.catalog.models import normalise
from backfit.catalog.problems import detail


def link_problems(data: object) -> list[InitErrorDetails]:
    if not isinstance(data, dict):
        return []
    exercises = [_mapping(e) for e in _listed(data.get("exercises"))]
    routines = [_mapping(r) for r in _listed(data.get("routines"))]
    slugs = {e["slug"] for e in exercises if isinstance(e.get("slug"), str)}
    ids = set(data["sources"]) if isinstance(data.get("sources"), dict) else None
    problems = _name_problems({"exercises": exercises, "routines": routines})

    def cited(where: Loc, value: object) -> None:
        for j, source in enumerate(_listed(value)):
            if ids is not None and isinstance(source, str) and source not in ids:
                problems.append(detail((*where, "sources", j), _no_source(source, ids), source))

    for i, exercise in enumerate(exercises):
        for field in ("easier", "harder"):
            for j, link in enumerate(_listed(exercise.get(field))):
                loc: Loc = ("exercises", i, field, j)
                if not isinstance(link, str):
                    continue
                if link == exercise.get("slug"):
                    problems.append(detail(loc, "an exercise cannot link to itself", link))
                elif link not in slugs:
                    others = slugs - {exercise.get("slug")}
                    problems.append(detail(loc, _no_exercise(link, others), link))
        cited(("exercises", i), exercise.get("sources"))
        cited(("exercises", i, "build_up"), _mapping(exercise.get("build_up")).get("sources"))
    for i, routine in enumerate(routines):
        cited(("routines", i), routine.get("sources"))
        for j, item in enumerate(_mapping(x) for x in _listed(routine.get("exercises"))):
            link = item.get("exercise")
            if isinstance(link, str) and link not in slugs:
                loc = ("routines", i, "exercises", j, "exercise")
                problems.append(detail(loc, _no_exercise(link, slugs), link))
    for part in ("benefits", "safety"):
        cited((part,), _mapping(data.get(part)).get("sources"))
    return problems


def _name_problems(entries: dict[str, list[dict[str, Any]]]) -> list[InitErrorDetails]:
    """Every slug, name and alias must name one entry only, ignoring case and punctuation."""
    problems: list[InitErrorDetails] = []
    claimed: dict[str, Loc] = {}  # normalised name -> where it was first seen
    for kind, listed in entries.items():
        for i, entry in enumerate(listed):
            names: list[tuple[Loc, object]] = [(("slug",), entry.get("slug"))]
            names.append((("name",), entry.get("name")))
            if kind == "exercises":
                names += [(("aliases", j), a) for j, a in enumerate(_listed(entry.get("aliases")))]
            for field, value in names:
                if not isinstance(value, str) or not normalise(value):
                    continue
                loc = (kind, i, *field)
                first = claimed.setdefault(normalise(value), loc)
                if first[:2] != (kind, i):
                    owner = entries[str(first[0])][int(first[1])].get("slug")
                    message = f"'{value}' is already the slug, name or alias of '{owner}'"
                    problems.append(detail(loc, message, value, first))
                elif first != loc and field[0] == "aliases":
                    message = f"the alias '{value}' repeats this exercise's slug, name or an alias"
                    problems.append(detail(loc, message, value, first))
    return problems


def _no_exercise(link: str, slugs: Iterable[str]) -> str:
    return f"no exercise has the slug '{link}'{did_you_mean(link, slugs)}"


def _no_source(source: str, ids: Iterable[str]) -> str:
    return f"no source has the id '{source}'{did_you_mean(source, ids)}"


def _listed(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
