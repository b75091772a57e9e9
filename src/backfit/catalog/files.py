"""Which files make the catalog in use, and their text.

Light on purpose: shell completion and every command's start import this module, so it
needs neither PyYAML nor pydantic.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from backfit.catalog.errors import WHOLE_FILE, CatalogError, Problem
from backfit.places import config_dir

CATALOG_ENV = "BACKFIT_CATALOG"
USER_CATALOG = "catalog.yaml"
EXTENDS = "builtin"  # the value of `extends:` in a user catalog
BUILTIN = "builtin"  # `--catalog builtin`: the built-in catalog alone, leaving out the user's
MAX_BYTES = 16 * 1024 * 1024
# A top-level `extends:` key, whatever its value (the loader says which values it takes).
_EXTENDS_LINE = re.compile(r"^['\"]?extends['\"]?[ \t]*:", re.M)
_BOM = b"\xef\xbb\xbf"  # UTF-8's byte order mark, which some Windows editors write


def builtin_catalog_path() -> Path:
    """The catalog shipped inside the wheel, or the repo's own in a source checkout."""
    packaged = Path(__file__).parents[1] / "data" / "exercises.yaml"  # backfit/data/
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "data" / "exercises.yaml"  # the repo's data/


def user_catalog_path() -> Path:
    """catalog.yaml in the user's config folder ($BACKFIT_CONFIG moves it)."""
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
    user = user_catalog_path()  # anything there, so that a folder in its place is reported
    return [builtin_catalog_path(), user] if os.path.lexists(user) else [builtin_catalog_path()]


def is_extension(path: Path) -> bool:
    """Whether the file at `path` says it extends a catalog: a top-level `extends:` key
    (`extends: mine` too, so that the loader can say which value it takes). The text is
    kept (see `read_text`), so the loader that reads the file next does not read it again."""
    try:
        return _EXTENDS_LINE.search(read_text(path)) is not None
    except CatalogError:
        return False


def read_text(path: Path) -> str:
    """The file's text: at most MAX_BYTES, UTF-8 only, each refusal located. The last few
    files read are kept by size and modification time, so deciding what a file is and then
    parsing it reads it once. A UTF-8 byte order mark is left out and Windows line endings
    are read as they are (YAML takes both), so every way in reads a file the same."""
    try:
        status = path.stat()
    except OSError as error:
        raise _refused(path, _unreadable(path, error)) from None
    return _read(path, status.st_size, status.st_mtime_ns, status.st_ino)


@lru_cache(maxsize=4)
def _read(path: Path, size: int, mtime: int, inode: int) -> str:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise _refused(path, _unreadable(path, error)) from None
    if len(raw) > MAX_BYTES:
        limit = f"is larger than {MAX_BYTES // (1024 * 1024)} MiB, the limit for a catalog"
        raise _refused(path, limit)
    raw = raw.removeprefix(_BOM)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _refused(path, "is UTF-16 text; save it as UTF-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - raw.rfind(b"\n", 0, error.start)
        raise _refused(path, "is not valid UTF-8", line, column) from None


def _refused(
    path: Path, message: str, line: int = WHOLE_FILE, column: int = WHOLE_FILE
) -> CatalogError:
    return CatalogError([Problem(str(path), line, column, message)])


def _unreadable(path: Path, error: OSError) -> str:
    if isinstance(error, FileNotFoundError) and path.is_symlink():
        return "is a symbolic link to a file that does not exist"
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, IsADirectoryError):
        return "is a folder, not a catalog file: give the path of a YAML file"
    if isinstance(error, PermissionError):
        return "permission denied"
    return f"cannot be read ({error.strerror or error})"
