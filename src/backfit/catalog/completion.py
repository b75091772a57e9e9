"""The names shell completion offers: read from the cache's header when it is fresh, so
that a Tab costs almost nothing; otherwise the catalog is loaded once, which writes the
cache for the next Tab. Only then are PyYAML and pydantic imported."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from backfit.catalog import cache
from backfit.catalog.errors import CatalogError


def entry_names(files: Sequence[Path]) -> list[tuple[str, str]]:
    """(slug, name) of every exercise and routine, for shell completion: from the cache's
    header when it is fresh; otherwise the catalog is loaded once, which writes the cache
    for the next Tab. A broken catalog still completes, from its unvalidated data."""
    cached = cache.names(files)
    if cached is not None:
        return cached
    # Completion's boundary: only here does it need PyYAML and pydantic.
    from backfit.catalog.loader import load_files

    try:
        catalog = load_files(files, notice=lambda _: None)
    except CatalogError:
        return raw_names(files)
    return [(entry.slug, entry.name) for entry in catalog.entries]


def raw_names(files: Sequence[Path]) -> list[tuple[str, str]]:
    """(slug, name) of every exercise and routine, unvalidated: what completion offers
    when the catalog is broken, so that it still completes what can be read."""
    from backfit.catalog.safe_yaml import read_yaml  # PyYAML, at completion's boundary

    names: dict[str, str] = {}
    for path in files:
        try:
            data = read_yaml(path)[1]
        except CatalogError:
            continue
        for kind in ("exercises", "routines"):
            for entry in _listed(data, kind):
                if isinstance(entry, dict) and "slug" in entry:
                    names[str(entry["slug"])] = str(entry.get("name", entry["slug"]))
    return list(names.items())


def _listed(data: Any, key: str) -> list[Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []
