"""Find, read and validate a catalog file.

Whatever goes wrong (a missing file, bad YAML, a value the models refuse) becomes one
`CatalogError` that lists every problem as `FILE:LINE:COL: message`, so the CLI can
print it without a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import yaml

    from backfit.models import Catalog

CATALOG_ENV = "BACKFIT_CATALOG"
MAX_BYTES = 2_000_000


class Problem(NamedTuple):
    """One thing wrong with a catalog, at a place in it (lines and columns count from 1)."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class CatalogError(Exception):
    """A catalog that cannot be used, with every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def builtin_catalog_path() -> Path:
    """The catalog shipped inside the wheel, or the repo's own in a source checkout."""
    packaged = Path(__file__).parent / "data" / "exercises.yaml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "exercises.yaml"


def catalog_path(chosen: Path | None = None) -> Path:
    """`--catalog`, else $BACKFIT_CATALOG, else the built-in catalog."""
    if chosen is not None:
        return chosen
    from_env = os.environ.get(CATALOG_ENV)
    return Path(from_env) if from_env else builtin_catalog_path()


def load_catalog(path: Path) -> Catalog:
    """Read and validate the catalog at `path`, or raise `CatalogError`."""
    from pydantic import ValidationError

    from backfit import cache
    from backfit.models import Catalog

    cached = cache.read(path)
    if cached is not None:
        try:
            return Catalog.model_validate(cached)
        except ValidationError:
            pass  # a copy that no longer validates: read the file itself
    node, data = _parse(path, _read(path))
    try:
        catalog = Catalog.model_validate(data)
        cache.write(path, data)
        return catalog
    except ValidationError as error:
        details = _without_follow_on(error.errors())
        raise CatalogError([_problem_at(path, node, detail) for detail in details]) from None


def entry_names(path: Path) -> list[tuple[str, str]]:
    """(slug, name) of every exercise and routine, unvalidated, for fast shell completion."""
    from backfit import cache

    data = cache.read(path)
    if data is None:
        try:
            _, data = _parse(path, _read(path))
        except CatalogError:
            return []
    entries = [*_listed(data, "exercises"), *_listed(data, "routines")]
    return [
        (str(e["slug"]), str(e.get("name", e["slug"])))
        for e in entries
        if isinstance(e, dict) and "slug" in e
    ]


def _listed(data: Any, key: str) -> list[Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


def _read(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise CatalogError([Problem(str(path), 1, 1, _unreadable(error))]) from None
    if len(raw) > MAX_BYTES:
        message = f"is larger than the {MAX_BYTES:,}-byte limit for a catalog"
        raise CatalogError([Problem(str(path), 1, 1, message)])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - raw.rfind(b"\n", 0, error.start)
        raise CatalogError([Problem(str(path), line, column, "is not valid UTF-8")]) from None


def _unreadable(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, IsADirectoryError):
        return "is a directory, not a catalog file"
    if isinstance(error, PermissionError):
        return "permission denied"
    return f"cannot be read ({error.strerror or error})"


def _parse(path: Path, text: str) -> tuple[yaml.Node | None, Any]:
    """YAML text -> (node tree with line marks, plain data), with the safe loader only."""
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(str(part) for part in (error.context, error.problem) if part)
        raise CatalogError([Problem(str(path), line, column, message)]) from None
    except yaml.YAMLError as error:
        raise CatalogError([Problem(str(path), 1, 1, str(error))]) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise CatalogError([Problem(str(path), 1, 1, "the catalog must be a mapping of keys")])
    return node, data


def _without_follow_on(details: list[Any]) -> list[Any]:
    """Drop "too few items" where items below were refused: it only repeats their errors."""
    refused = [tuple(d["loc"]) for d in details]
    return [
        d
        for d in details
        if not (
            d["type"] == "too_short"
            and any(
                len(loc) > len(d["loc"]) and loc[: len(d["loc"])] == tuple(d["loc"])
                for loc in refused
            )
        )
    ]


def _problem_at(path: Path, root: yaml.Node | None, detail: Any) -> Problem:
    loc: tuple[str | int, ...] = tuple(detail["loc"])
    line, column = _locate(root, loc)
    where = _dotted(loc)
    if detail["type"] == "missing":
        message = f"missing required field '{loc[-1]}'"
        where = _dotted(loc[:-1])
    elif detail["type"] == "extra_forbidden":
        message = f"unknown field '{loc[-1]}'"
        where = _dotted(loc[:-1])
    elif detail["type"] == "too_short":
        message = f"needs at least {detail['ctx']['min_length']} item(s)"
    else:
        message = detail["msg"].removeprefix("Value error, ")
    first = detail.get("ctx", {}).get("first")
    if first is not None:
        message += f" (first at line {_locate(root, tuple(first))[0]})"
    return Problem(str(path), line, column, f"{where}: {message}" if where else message)


def _locate(node: yaml.Node | None, loc: tuple[str | int, ...]) -> tuple[int, int]:
    """Follow a validation error's path through the YAML nodes to a line and column."""
    import yaml

    if node is None:
        return 1, 1
    mark = node.start_mark
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((kv for kv in node.value if kv[0].value == str(part)), None)
            if match is None:
                break
            mark, node = match[0].start_mark, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
            mark = node.start_mark
        else:
            break
    return mark.line + 1, mark.column + 1


def _dotted(loc: tuple[str | int, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".")
