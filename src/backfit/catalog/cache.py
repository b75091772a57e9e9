"""A copy of the last catalog that validated, so most runs neither parse YAML nor validate.

Reading the YAML and validating it costs more start-up time than anything else backfit
does for `list` or `show`; so does building the validators of the models, which a copy
of the validated objects does not need (the models defer building them until something
validates). The copy is a pickle of the `Catalog` after a header line of JSON that holds:

- the key: backfit's and pydantic's versions, the size and modification time of every
  module in this package (a model that changes in a checkout makes old copies stale) and
  of every catalog file (the catalog and any user catalog that extends it);
- the notices the files gave when they were read, to be shown again;
- the slug and name of every entry, which shell completion reads without the models.

Loading a pickle runs code, so a copy is only trusted as far as backfit's own files are:
it must belong to the user and be writable by no one else. A copy that is stale, foreign,
broken or unreadable is ignored and the files are read again; a copy that cannot be
written is skipped. The cache only ever makes backfit faster, never breaks it.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import stat
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from backfit import __version__
from backfit.places import cache_dir

if TYPE_CHECKING:
    from backfit.catalog.models import Catalog

Names = list[tuple[str, str]]
Kept = TypeVar("Kept")


def read(files: Sequence[Path]) -> tuple[Catalog, list[str]] | None:
    """The catalog cached for `files`, and its notices, if the copy is fresh and trusted."""
    from backfit.catalog.models import Catalog

    found = _load(files, Catalog)
    if found is None:
        return None
    header, catalog = found
    notices = header.get("notices")
    return catalog, [str(line) for line in notices] if isinstance(notices, list) else []


def cached(files: Sequence[Path], *, notice: Callable[[str], None]) -> Catalog | None:
    """The catalog cached for `files`, saying again what reading them said, or None. Light:
    a command answered from the cache never imports PyYAML or the checks."""
    found = read(files)
    if found is None:
        return None
    catalog, notices = found
    for line in notices:
        notice(line)
    return catalog


def read_object(files: Sequence[Path], kind: type[Kept]) -> Kept | None:
    """Another validated model kept for `files` (the lessons), if fresh and trusted."""
    found = _load(files, kind)
    return None if found is None else found[1]


def write_object(files: Sequence[Path], kept: object) -> None:
    """Keep a validated model other than the catalog for the next run; skip on any error."""
    _keep(files, kept, {"notices": [], "names": []})


def _load(files: Sequence[Path], kind: type[Kept]) -> tuple[dict[str, Any], Kept] | None:
    found = _open(files)
    if found is None:
        return None
    header, handle = found
    with handle:
        try:
            kept = pickle.load(handle)
        except Exception:  # any broken copy just means reading the files again
            return None
    return (header, kept) if isinstance(kept, kind) else None


def names(files: Sequence[Path]) -> Names | None:
    """(slug, name) of every entry in the cached catalog, read from the header alone."""
    found = _open(files)
    if found is None:
        return None
    header, handle = found
    handle.close()
    listed = header.get("names")
    if not isinstance(listed, list) or not all(_is_name(pair) for pair in listed):
        return None
    return [(slug, name) for slug, name in listed]


def write(files: Sequence[Path], catalog: Catalog, notices: Sequence[str] = ()) -> None:
    """Keep `catalog`, which has just validated, for the next run; silently skip on any error."""
    names = [[entry.slug, entry.name] for entry in catalog.entries]
    _keep(files, catalog, {"notices": list(notices), "names": names})


def _keep(files: Sequence[Path], kept: object, header: dict[str, Any]) -> None:
    try:
        header = {"key": _key(files), **header}
        data = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
        entry = _entry(files)
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=entry.parent, delete=False, suffix=".tmp") as out:
            out.write(json.dumps(header, ensure_ascii=False).encode() + b"\n" + data)
        os.replace(out.name, entry)
    except (OSError, TypeError, ValueError, pickle.PicklingError):
        return


def _open(files: Sequence[Path]) -> tuple[dict[str, Any], Any] | None:
    """The header and the open file positioned after it, if the copy is fresh and trusted."""
    try:
        key = _key(files)
        handle = _entry(files).open("rb")
    except OSError:
        return None
    try:
        if _trusted(os.fstat(handle.fileno())):
            header = json.loads(handle.readline())
            if isinstance(header, dict) and header.get("key") == key:
                return header, handle
    except (OSError, ValueError):
        pass
    handle.close()
    return None


def _trusted(status: os.stat_result) -> bool:
    """Owned by this user and writable by no one else (where the system has owners)."""
    if not hasattr(os, "getuid"):
        return True
    return status.st_uid == os.getuid() and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _is_name(pair: object) -> bool:
    return isinstance(pair, list) and len(pair) == 2 and all(isinstance(s, str) for s in pair)


def _key(files: Sequence[Path]) -> list[Any]:
    from pydantic import VERSION

    package = Path(__file__).parent
    modules = sorted(
        [item.name, item.stat().st_size, item.stat().st_mtime_ns]
        for item in os.scandir(package)
        if item.name.endswith(".py")
    )
    stats = [[str(f.resolve()), f.stat().st_size, f.stat().st_mtime_ns] for f in files]
    return [__version__, VERSION, modules, stats]


def _entry(files: Sequence[Path]) -> Path:
    names = "\0".join(str(f.resolve()) for f in files)
    digest = hashlib.sha256(names.encode()).hexdigest()[:24]
    return cache_dir() / f"catalog-{digest}.pickle"
