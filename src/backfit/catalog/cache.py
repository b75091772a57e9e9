"""A JSON copy of the last catalog that validated, so most runs skip the YAML parser.

PyYAML costs more start-up time than anything else backfit does for `list` or `show`.
The copy is keyed by the paths, sizes and modification times of the catalog's files (the
catalog and any user catalog that extends it) and backfit's version,
and is validated by the models again on every use, so a stale or tampered copy can never
show a catalog that would not validate. Any failure to read or write it is ignored:
the cache only ever makes backfit faster, never breaks it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from backfit import __version__
from backfit.places import cache_dir


def read(files: Sequence[Path]) -> tuple[str, list[str]] | None:
    """The JSON text (and notices) cached for the catalog made of `files`, if still fresh.

    The file is one line of JSON saying what it was made from, then the catalog's JSON,
    which pydantic parses and validates in one pass without building Python dicts first.
    """
    try:
        key = _key(files)
        with _entry(files).open(encoding="utf-8") as handle:
            header = json.loads(handle.readline())
            if not isinstance(header, dict) or header.get("key") != key:
                return None
            data = handle.read()
    except (OSError, ValueError):
        return None
    notices = header.get("notices")
    return data, notices if isinstance(notices, list) else []


def write(files: Sequence[Path], data: Any, notices: Sequence[str] = ()) -> None:
    """Keep `data`, which has just validated, for the next run; silently skip on any error."""
    import tempfile

    try:
        header = json.dumps({"key": _key(files), "notices": list(notices)}, ensure_ascii=False)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        entry = _entry(files)
        entry.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=entry.parent, delete=False, suffix=".tmp"
        ) as handle:
            handle.write(f"{header}\n{text}")
        os.replace(handle.name, entry)
    except (OSError, TypeError, ValueError):
        return


def _key(files: Sequence[Path]) -> list[Any]:
    stats = [[str(f.resolve()), f.stat().st_size, f.stat().st_mtime_ns] for f in files]
    return [__version__, stats]


def _entry(files: Sequence[Path]) -> Path:
    names = "\0".join(str(f.resolve()) for f in files)
    digest = hashlib.sha256(names.encode()).hexdigest()[:24]
    return cache_dir() / f"catalog-{digest}.json"
