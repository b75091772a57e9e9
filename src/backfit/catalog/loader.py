"""Read and validate the catalog: the built-in one, another one, or the built-in one
extended by a user catalog (which files those are is `files.py`'s to say).

Whatever goes wrong becomes one `CatalogError` that lists every problem as
`FILE:LINE:COL: message`, in whichever file it is, so the CLI can print it without a
traceback. Reading a YAML file safely is `safe_yaml.py`'s job; the links between entries
are checked on the raw data beside validation (`links.py`), and what needs validated parts
after it (`coherence.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from yaml.nodes import Node

from backfit.catalog import cache
from backfit.catalog.coherence import coherence_problems
from backfit.catalog.errors import CatalogError, Problem, file_problem
from backfit.catalog.files import builtin_catalog_path, is_extension
from backfit.catalog.links import link_problems
from backfit.catalog.models import Catalog, CatalogExtension, Exercise, Routine
from backfit.catalog.problems import Origin, Origins, located_details, located_problems
from backfit.catalog.safe_yaml import read_yaml

LISTS = ("exercises", "routines")
WHOLE_CATALOG = ("title", "disclaimer", "license", "benefits", "safety")  # no user catalog's
EMPTY = (
    "the file is empty: a user catalog needs 'extends: builtin' and then the sources, "
    "exercises or routines it adds (a whole catalog starts with 'title:')"
)
NO_EXTENDS = (
    "a user catalog needs 'extends: builtin' at the top (this file has neither that nor "
    "the 'title:' of a whole catalog)"
)
STOPPED = "too many problems; stopped"


def load_catalog(
    path: Path,
    *,
    extension: Path | None = None,
    notice: Callable[[str], None] = lambda _: None,
    use_cache: bool = True,
) -> Catalog:
    """Read and validate the catalog at `path`, extended by `extension` if given.
    `use_cache=False` reads the files even when a fresh copy is cached (for `validate`)."""
    files = [path] if extension is None else [path, extension]
    cached = cache.cached(files, notice=notice) if use_cache else None
    if cached is not None:
        return cached
    duplicates: list[Problem] = []  # found while reading, listed with every other problem
    try:
        catalog, notices = _checked(path, extension, duplicates)
        if duplicates:
            raise CatalogError([])
    except CatalogError as error:
        raise CatalogError(_in_order([*duplicates, *error.problems], files)) from None
    if use_cache:
        cache.write(files, catalog, notices)
    for line in notices:
        notice(line)
    return catalog


def load_files(files: Sequence[Path], *, notice: Callable[[str], None]) -> Catalog:
    return load_catalog(files[0], extension=files[1] if len(files) > 1 else None, notice=notice)


def check_file(path: Path, *, notice: Callable[[str], None]) -> tuple[Catalog, bool]:
    """Read the file at `path` itself, never the cache, for `validate`: (the catalog, and
    whether the file is a user catalog, checked together with the built-in one)."""
    if is_extension(path):
        catalog = load_catalog(
            builtin_catalog_path(), extension=path, notice=notice, use_cache=False
        )
        return catalog, True
    return load_catalog(path, use_cache=False), False


def _checked(
    path: Path, extension: Path | None, duplicates: list[Problem]
) -> tuple[Catalog, list[str]]:
    """The catalog, validated, links and coherence checked, with the notices reading it
    gave; any problem raised as a `CatalogError`."""
    data, origins, notices, replaced = _read_all(path, extension, duplicates)
    _check_items_first(data, origins)
    links = link_problems(data)
    try:
        catalog = Catalog.model_validate(data)
    except ValidationError as error:
        problems = [*located_problems(origins, error), *located_details(origins, links)]
        raise CatalogError(problems) from None
    if extension is not None:
        catalog, fitted = _fit_builtin_routines(catalog, extension, origins, replaced)
        notices += fitted
    problems = located_details(origins, [*links, *coherence_problems(catalog)])
    if problems:
        raise CatalogError(problems)
    return catalog, notices


def _in_order(problems: list[Problem], files: list[Path]) -> list[Problem]:
    """Each problem once, file by file in reading order, each file's in line order (what
    concerns a whole file first), and 'stopped' last."""
    rank = {str(file): i for i, file in enumerate(files)}

    def key(problem: Problem) -> tuple[bool, int, int, int]:
        where = rank.get(problem.file, len(rank))
        return problem.message == STOPPED, where, problem.line, problem.column

    return sorted(dict.fromkeys(problems), key=key)


def _read_all(
    path: Path, extension: Path | None, duplicates: list[Problem]
) -> tuple[dict[str, Any], Origins, list[str], set[str]]:
    node, data, found = read_yaml(path, top_keys=Catalog.model_fields)
    duplicates += found
    if data is None:
        raise CatalogError([file_problem(path, EMPTY)])
    if not isinstance(data, dict):
        raise CatalogError([file_problem(path, "the catalog must be a mapping of keys")])
    origins: Origins = {(): Origin(path, node, ())}
    if extension is None:
        if not any(key in data for key in WHOLE_CATALOG):  # a user catalog, by its look
            raise CatalogError([file_problem(path, NO_EXTENDS)])
        return data, origins, [], set()
    return _extend(data, origins, extension, duplicates)


def _extend(
    data: dict[str, Any], origins: Origins, extension: Path, duplicates: list[Problem]
) -> tuple[dict[str, Any], Origins, list[str], set[str]]:
    """The built-in data with the user's sources, exercises and routines added; an entry
    with a built-in slug (or id) replaces the built-in one, with a notice."""
    node, extra, found = read_yaml(extension, top_keys=CatalogExtension.model_fields)
    duplicates += found
    if not isinstance(extra, dict):  # nothing: anything else is refused while reading
        raise CatalogError([file_problem(extension, EMPTY)])
    here: Origins = {(): Origin(extension, node, ())}
    _check_items_first(extra, here)
    try:
        CatalogExtension.model_validate(extra)  # its own shape first, located in its own file
    except ValidationError as error:
        shape = located_problems(here, error)
    else:
        shape = []
    merged, notices, replaced = _merged(data, origins, extra, extension, node)
    if shape:  # its links too, in the same run, as far as the shape allows
        found = located_details(origins, link_problems(merged))
        theirs = [problem for problem in found if problem.file == str(extension)]
        raise CatalogError([*shape, *theirs])
    return merged, origins, notices, replaced


def _merged(
    data: dict[str, Any], origins: Origins, extra: dict[str, Any], extension: Path,
    node: Node | None,
) -> tuple[dict[str, Any], list[str], set[str]]:  # fmt: skip
    """Merge whatever of the user's data has the right shape (the rest is left to the
    problems already found): the merged data, its notices, and the slugs of the built-in
    exercises replaced."""
    merged = dict(data)
    builtin_sources = data.get("sources", {})
    theirs = extra.get("sources")
    theirs = theirs if isinstance(theirs, dict) else {}
    merged["sources"] = {**builtin_sources, **theirs}
    notices = []
    for source_id in theirs:
        origins[("sources", source_id)] = Origin(extension, node, ("sources", source_id))
        if source_id in builtin_sources:
            notices.append(f"{extension}: your source '{source_id}' replaces the built-in one")
    replaced: set[str] = set()
    for kind in LISTS:
        entries = list(data.get(kind, []))
        index = {entry.get("slug"): i for i, entry in enumerate(entries) if isinstance(entry, dict)}
        added = extra.get(kind)
        for j, entry in enumerate(added if isinstance(added, list) else []):
            slug = entry.get("slug") if isinstance(entry, dict) else None
            if isinstance(slug, str) and slug in index:
                position = index[slug]
                entries[position] = entry
                notices.append(f"{extension}: your '{slug}' replaces the built-in one")
                if kind == "exercises":
                    replaced.add(slug)
            else:
                position = len(entries)
                entries.append(entry)
            origins[(kind, position)] = Origin(extension, node, (kind, j))
        merged[kind] = entries
    return merged, notices, replaced


def _fit_builtin_routines(
    catalog: Catalog, extension: Path, origins: Origins, replaced: set[str]
) -> tuple[Catalog, list[str]]:
    """The built-in routines, each doing the user's version of an exercise they replaced.
    Where a routine changes the dose (fewer reps, a shorter pyramid) and the change does
    not fit the user's dose (a physio's one set where the routine lists three), the routine
    takes the user's dose as it is and says so, rather than blaming the built-in file."""
    exercises = {exercise.slug: exercise for exercise in catalog.exercises}
    routines, notices = list(catalog.routines), []
    for i, routine in enumerate(routines):
        if ("routines", i) in origins:  # the user's own: its problems are theirs to mend
            continue
        items = list(routine.exercises)
        for j, item in enumerate(items):
            exercise = exercises.get(item.exercise)
            if item.dose is None or exercise is None or item.exercise not in replaced:
                continue
            try:
                item.dose.apply(exercise.dose)
            except ValidationError:
                items[j] = item.model_copy(update={"dose": None})
                notices.append(
                    f"{extension}: the built-in routine '{routine.slug}' does your "
                    f"'{item.exercise}' at your dose: its own change to the dose does not fit it"
                )
        if items != list(routine.exercises):
            routines[i] = routine.model_copy(update={"exercises": tuple(items)})
    return catalog.model_copy(update={"routines": tuple(routines)}), notices


MANY_ITEMS = 200  # from here on, items are checked one by one first
MAX_PROBLEMS = 50


def _check_items_first(data: dict[str, Any], origins: Origins) -> None:
    """In a big catalog, check exercises and routines one at a time and stop after
    MAX_PROBLEMS bad ones: validating a huge broken list in one go would build millions
    of error records before reporting any."""
    lists = [(kind, data.get(kind)) for kind in LISTS]
    if sum(len(items) for _, items in lists if isinstance(items, list)) < MANY_ITEMS:
        return
    problems: list[Problem] = []
    models: tuple[type[Exercise] | type[Routine], ...] = (Exercise, Routine)
    for (kind, items), model in zip(lists, models, strict=True):
        for i, item in enumerate(items if isinstance(items, list) else []):
            try:
                model.model_validate(item)
            except ValidationError as error:
                problems += located_problems(origins, error, within=(kind, i))
            if len(problems) >= MAX_PROBLEMS:
                problems.append(file_problem(problems[-1].file, STOPPED))
                raise CatalogError(problems)
    if problems:
        raise CatalogError(problems)
