"""Find, read and validate the catalog: the built-in one, another one, or the built-in one
extended by a user catalog.

Whatever goes wrong becomes one `CatalogError` that lists every problem as
`FILE:LINE:COL: message`, in whichever file it is, so the CLI can print it without a
traceback. Reading a YAML file safely is `yamlfile.py`'s job.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from backfit.catalog.errors import CatalogError, Problem
from backfit.catalog.problems import Origin, Origins, located_problems
from backfit.catalog.safe_yaml import read_text, read_yaml

if TYPE_CHECKING:
    import yaml

    from backfit.catalog.models import Catalog

CATALOG_ENV = "BACKFIT_CATALOG"
USER_CATALOG = "catalog.yaml"
EXTENDS = "builtin"  # the value of `extends:` in a user catalog
BUILTIN = "builtin"  # `--catalog builtin`: the built-in catalog alone, leaving out the user's
LISTS = ("exercises", "routines")


def builtin_catalog_path() -> Path:
    """The catalog shipped inside the wheel, or the repo's own in a source checkout."""
    packaged = Path(__file__).parents[1] / "data" / "exercises.yaml"  # backfit/data/
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "data" / "exercises.yaml"  # the repo's data/


def user_catalog_path() -> Path:
    """catalog.yaml in the user's config folder ($BACKFIT_CONFIG moves it)."""
    from backfit.places import config_dir

    return config_dir() / USER_CATALOG


def catalog_files(chosen: Path | None = None) -> list[Path]:
    """The files that make the catalog in use: `--catalog` or $BACKFIT_CATALOG (the word
    `builtin` naming the built-in catalog; a file that extends the built-in catalog comes
    after it), or the built-in catalog followed by the user catalog when there is one."""
    if chosen is None and os.environ.get(CATALOG_ENV):
        chosen = Path(os.environ[CATALOG_ENV])
    if chosen is not None:
        if str(chosen) == BUILTIN:
            return [builtin_catalog_path()]
        return [builtin_catalog_path(), chosen] if is_extension(chosen) else [chosen]
    user = user_catalog_path()
    return [builtin_catalog_path(), user] if user.is_file() else [builtin_catalog_path()]


def load_catalog(
    path: Path,
    *,
    extension: Path | None = None,
    notice: Callable[[str], None] = lambda _: None,
    use_cache: bool = True,
) -> Catalog:
    """Read and validate the catalog at `path`, extended by `extension` if given.
    `use_cache=False` reads the files even when a fresh copy is cached (for `validate`)."""
    from pydantic import ValidationError

    from backfit.catalog import cache
    from backfit.catalog.links import unresolved_links
    from backfit.catalog.models import Catalog

    files = [path] if extension is None else [path, extension]
    cached = cache.read(files) if use_cache else None
    if cached is not None:
        catalog, notices = cached
        for line in notices:
            notice(line)
        return catalog
    data, origins, notices = _read_all(path, extension)
    _check_items_first(data, origins)
    try:
        catalog = Catalog.model_validate(data)
    except ValidationError as error:
        problems = located_problems(origins, error)
        links = unresolved_links(data)  # Catalog checks them only when all else is valid
        if links is not None:  # (and then they are in `problems` already)
            problems = list(dict.fromkeys([*problems, *located_problems(origins, links)]))
        raise CatalogError(problems) from None
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


def is_extension(path: Path) -> bool:
    """Whether the file at `path` says it extends the built-in catalog: a top-level
    `extends: builtin` line, found without parsing the file twice."""
    import re

    try:
        text = read_text(path)
    except CatalogError:
        return False
    return re.search(rf"^extends:[ \t]*['\"]?{EXTENDS}['\"]?[ \t]*(#.*)?$", text, re.M) is not None


def _read_all(path: Path, extension: Path | None) -> tuple[dict[str, Any], Origins, list[str]]:
    from backfit.catalog.models import Catalog

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
    from pydantic import ValidationError

    from backfit.catalog.models import CatalogExtension

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
        from backfit.catalog.links import unresolved_links

        links = unresolved_links(merged)
        found = located_problems(origins, links) if links is not None else []
        theirs = [problem for problem in found if problem.file == str(extension)]
        raise CatalogError(list(dict.fromkeys([*shape, *theirs])))
    return merged, origins, notices


def _merged(
    data: dict[str, Any], origins: Origins, extra: dict[str, Any], extension: Path,
    node: yaml.Node | None,
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
    from pydantic import ValidationError

    from backfit.catalog.models import Exercise, Routine

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


def entry_names(files: Sequence[Path]) -> list[tuple[str, str]]:
    """(slug, name) of every exercise and routine, unvalidated, for fast shell completion."""
    from backfit.catalog import cache

    cached = cache.names(files)
    if cached is not None:
        return cached
    datas = []
    for path in files:
        try:
            datas.append(read_yaml(path)[1])
        except CatalogError:
            continue
    names: dict[str, str] = {}
    for data in datas:
        for kind in LISTS:
            for entry in _listed(data, kind):
                if isinstance(entry, dict) and "slug" in entry:
                    names[str(entry["slug"])] = str(entry.get("name", entry["slug"]))
    return list(names.items())


def _listed(data: Any, key: str) -> list[Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []
