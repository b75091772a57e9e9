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
from backfit.catalog.errors import CatalogError, Problem
from backfit.catalog.files import builtin_catalog_path, is_extension
from backfit.catalog.links import link_problems
from backfit.catalog.models import Catalog, CatalogExtension, Exercise, Routine
from backfit.catalog.problems import Origin, Origins, located_details, located_problems
from backfit.catalog.safe_yaml import read_yaml

LISTS = ("exercises", "routines")


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
    data, origins, notices = _read_all(path, extension)
    _check_items_first(data, origins)
    links = link_problems(data)
    try:
        catalog = Catalog.model_validate(data)
    except ValidationError as error:
        problems = [*located_problems(origins, error), *located_details(origins, links)]
        raise CatalogError(list(dict.fromkeys(problems))) from None
    problems = located_details(origins, [*links, *coherence_problems(catalog)])
    if problems:
        raise CatalogError(list(dict.fromkeys(problems)))
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


def _read_all(path: Path, extension: Path | None) -> tuple[dict[str, Any], Origins, list[str]]:
    node, data = read_yaml(path, top_keys=Catalog.model_fields)
    if not isinstance(data, dict):
        message = "the catalog must be a mapping of keys"
        if data is None:
            message = "the file is empty: a catalog is a mapping of keys, starting with 'title:'"
        raise CatalogError([Problem(str(path), 1, 1, message)])
    origins: Origins = {(): Origin(path, node, ())}
    if extension is None:
        return data, origins, []
    return _extend(data, origins, extension)


def _extend(
    data: dict[str, Any], origins: Origins, extension: Path
) -> tuple[dict[str, Any], Origins, list[str]]:
    """The built-in data with the user's sources, exercises and routines added; an entry
    with a built-in slug replaces the built-in one, with a notice."""
    node, extra = read_yaml(extension, top_keys=CatalogExtension.model_fields)
    if not isinstance(extra, dict):
        empty = "the file is empty: " if extra is None else ""
        message = f"{empty}a user catalog must be a mapping with 'extends: builtin'"
        raise CatalogError([Problem(str(extension), 1, 1, message)])
    here: Origins = {(): Origin(extension, node, ())}
    _check_items_first(extra, here)
    try:
        CatalogExtension.model_validate(extra)  # its own shape first, located in its own file
    except ValidationError as error:
        shape = located_problems(here, error)
    else:
        shape = []
    merged, notices = _merged(data, origins, extra, extension, node)
    if shape:  # its links too, in the same run, as far as the shape allows
        found = located_details(origins, link_problems(merged))
        theirs = [problem for problem in found if problem.file == str(extension)]
        raise CatalogError(list(dict.fromkeys([*shape, *theirs])))
    return merged, origins, notices


def _merged(
    data: dict[str, Any], origins: Origins, extra: dict[str, Any], extension: Path,
    node: Node | None,
) -> tuple[dict[str, Any], list[str]]:  # fmt: skip
    """Merge whatever of the user's data has the right shape; the rest is left to the
    problems already found."""
    merged = dict(data)
    theirs = extra.get("sources")
    theirs = theirs if isinstance(theirs, dict) else {}
    merged["sources"] = {**data.get("sources", {}), **theirs}
    for source_id in theirs:
        origins[("sources", source_id)] = Origin(extension, node, ("sources", source_id))
    notices = []
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
            else:
                position = len(entries)
                entries.append(entry)
            origins[(kind, position)] = Origin(extension, node, (kind, j))
        merged[kind] = entries
    return merged, notices


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
                problems.append(Problem(problems[-1].file, 1, 1, "too many problems; stopped"))
                raise CatalogError(problems)
    if problems:
        raise CatalogError(problems)
