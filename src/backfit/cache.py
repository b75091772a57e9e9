"""A JSON copy of the last catalog that validated, so most runs skip the YAML parser.

PyYAML costs more start-up time than anything else backfit does for `list` or `show`.
The copy is keyed by the catalog's path, size, modification time and backfit's version,
and is validated by the models again on every use, so a stale or tampered copy can never
show a catalog that would not validate. Any failure to read or write it is ignored:
the cache only ever makes backfit faster, never breaks it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from backfit import __version__

CACHE_ENV = "BACKFIT_CACHE_DIR"


def cache_dir() -> Path:
    """$BACKFIT_CACHE_DIR, else the platform's user cache folder.

    Written out rather than asked of platformdirs, whose import would cost every run
    more time than the cache saves on a small catalog.
    """
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "backfit" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "backfit"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "backfit"


def read(catalog: Path) -> Any | None:
    """The cached data for `catalog`, or None if there is no fresh copy."""
    try:
        key = _key(catalog)
        with _entry(catalog).open(encoding="utf-8") as handle:
            saved = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(saved, dict) or saved.get("key") != key:
        return None
    return saved.get("data")


def write(catalog: Path, data: Any) -> None:
    """Keep `data`, which has just validated, for the next run; silently skip on any error."""
    import tempfile

    try:
        text = json.dumps({"key": _key(catalog), "data": data}, ensure_ascii=False)
        entry = _entry(catalog)
        entry.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=entry.parent, delete=False, suffix=".tmp"
        ) as handle:
            handle.write(text)
        os.replace(handle.name, entry)
    except (OSError, TypeError, ValueError):
        return


def _key(catalog: Path) -> list[Any]:
    stat = catalog.stat()
    return [__version__, str(catalog.resolve()), stat.st_size, stat.st_mtime_ns]


def _entry(catalog: Path) -> Path:
    digest = hashlib.sha256(str(catalog.resolve()).encode()).hexdigest()[:24]
    return cache_dir() / f"catalog-{digest}.json"
