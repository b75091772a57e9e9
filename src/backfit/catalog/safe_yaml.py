"""Reading one YAML file as untrusted input.

Whatever a file holds, this either returns plain data (dicts, lists, text, whole numbers,
decimals, true/false, null) with the node tree it came from, or raises `CatalogError`
with every problem located as `FILE:LINE:COL`. It never runs code from the file and it
answers quickly, also for the files that are built to hurt:

- files over MAX_BYTES and text that is not UTF-8 are refused before parsing;
- a streaming first pass over libyaml's events (`_scan`) refuses a root that is not a
  mapping, unknown top-level keys, nesting deeper than MAX_DEPTH and more than
  MAX_VALUES values, before anything is built in memory;
- duplicate keys are errors with both lines (PyYAML would keep the last one silently);
  alias expansion beyond MAX_NODES values and aliases inside themselves are refused;
- YAML 1.1's surprises are off: `yes`/`no`/`on`/`off` stay text, `010` is not 8, `1:30`
  is not 90, dates stay text; only `true`/`false` are booleans;
- data is built by a narrow constructor: `!!python/...`, `!!binary`, `!!set`, dates,
  custom tags and merge keys are refused, never constructed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from backfit.catalog.errors import CatalogError, Problem

if TYPE_CHECKING:
    import yaml

MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 32  # a catalog needs 7 levels at most
MAX_VALUES = 1_000_000  # in the file itself: about 15,000 exercises, 1,500 times the built-in
MAX_NODES = 1_000_000  # values after aliases are expanded


def read_yaml(path: Path, top_keys: Collection[str] | None = None) -> tuple[yaml.Node | None, Any]:
    """(node tree with line marks, plain data) from the file at `path`, which must be a
    mapping; with `top_keys`, no other key may appear at its top level."""
    return parse_yaml(path, read_text(path), top_keys)


def read_text(path: Path) -> str:
    def fail(message: str, line: int = 1, column: int = 1) -> CatalogError:
        return CatalogError([Problem(str(path), line, column, message)])

    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        if isinstance(error, FileNotFoundError) and path.is_symlink():
            raise fail("is a symbolic link to a file that does not exist") from None
        raise fail(_unreadable(error)) from None
    if len(raw) > MAX_BYTES:
        raise fail(f"is larger than {MAX_BYTES // (1024 * 1024)} MiB, the limit for a catalog")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail("is UTF-16 text; save it as UTF-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - raw.rfind(b"\n", 0, error.start)
        raise fail("is not valid UTF-8", line, column) from None


def parse_yaml(
    path: Path, text: str, top_keys: Collection[str] | None = None
) -> tuple[yaml.Node | None, Any]:
    import yaml

    loader = _strict_loader()(text)
    try:
        _scan(path, text, top_keys)
        node = loader.get_single_node()
        if node is not None:
            _check_tree(path, node)
        data = _construct(path, node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        raise CatalogError([_syntax_problem(path, error)]) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow in a file
        line = text.count("\n", 0, error.position) + 1
        column = error.position - text.rfind("\n", 0, error.position)
        code = error.character if isinstance(error.character, int) else ord(error.character)
        message = f"contains the character U+{code:04X}, which YAML does not allow"
        raise CatalogError([Problem(str(path), line, column, message)]) from None
    except yaml.YAMLError as error:
        message = " ".join(str(error).split())
        raise CatalogError([Problem(str(path), 1, 1, message)]) from None
    finally:
        loader.dispose()
    return node, data


# PyYAML's contexts for something opened and never closed, in a catalog author's words.
UNCLOSED = {
    "while parsing a flow sequence": "this [ list is not closed",
    "while parsing a flow mapping": "this { mapping is not closed",
    "while scanning a quoted scalar": "this quoted text is not closed",
}


def _syntax_problem(path: Path, error: yaml.MarkedYAMLError) -> Problem:
    """Where the YAML goes wrong: for something never closed, where it was opened (PyYAML
    notices only later, often at the end of the file), with where it noticed."""
    context, problem = str(error.context or ""), str(error.problem or "")
    opened, noticed = error.context_mark, error.problem_mark
    if context in UNCLOSED and opened is not None and noticed is not None:
        message = f"{UNCLOSED[context]}: {problem} by line {noticed.line + 1}"
        return Problem(str(path), opened.line + 1, opened.column + 1, message)
    mark = noticed or opened
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(str(path), line, column, " ".join(p for p in (context, problem) if p))


@cache
def _strict_loader() -> type[yaml.SafeLoader]:
    """The safe loader with YAML 1.2's plain scalars instead of YAML 1.1's."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loose = {"bool", "int", "float", "timestamp"}

    class StrictLoader(base):  # type: ignore[valid-type, misc]
        pass

    StrictLoader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag.rsplit(":", 1)[-1] not in loose]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    for tag, pattern, first in (
        ("bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
        ("int", r"0|[-+]?[1-9][0-9]*", "-+0123456789"),
        ("float", r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?", "-+0123456789."),
    ):
        StrictLoader.add_implicit_resolver(
            f"tag:yaml.org,2002:{tag}", re.compile(f"^(?:{pattern})$"), list(first)
        )
    return StrictLoader


def _scan(path: Path, text: str, top_keys: Collection[str] | None) -> None:
    """A first, streaming pass over the parser's events that stops at the first sign of a
    file no catalog can be, before any of it is built in memory: not a mapping, an
    unknown top-level key, nesting deeper than MAX_DEPTH, or more than MAX_VALUES values.
    """
    import yaml

    def fail(event: yaml.Event, message: str) -> CatalogError:
        mark = event.start_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        return CatalogError([Problem(str(path), line, column, message)])

    open_: list[list[bool]] = []  # per open collection: [is a mapping, next scalar is a key]
    values = 0
    for event in yaml.parse(text, Loader=_strict_loader()):
        if isinstance(event, yaml.CollectionEndEvent):
            open_.pop()
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        values += 1
        if values > MAX_VALUES:
            raise fail(event, f"has more than {MAX_VALUES:,} values, the limit for a catalog")
        if not open_:
            if not isinstance(event, yaml.MappingStartEvent):
                raise fail(event, "the catalog must be a mapping of keys")
        elif open_[-1][0]:
            is_key = open_[-1][1]
            open_[-1][1] = not is_key
            key = event.value if isinstance(event, yaml.ScalarEvent) else "?"
            if is_key and len(open_) == 1 and top_keys is not None and key not in top_keys:
                raise fail(event, f"unknown field '{key[:60]}'")
        if isinstance(event, yaml.CollectionStartEvent):
            if len(open_) >= MAX_DEPTH:
                raise fail(event, f"is nested too deeply (more than {MAX_DEPTH} levels)")
            open_.append([isinstance(event, yaml.MappingStartEvent), True])


def _check_tree(path: Path, root: yaml.Node) -> None:
    """Duplicate keys in one pass over the nodes; alias expansion only when an alias was
    seen. Iterative, not recursive, so no shape of file exhausts Python's stack."""
    problems: list[Problem] = []
    seen: set[int] = set()  # mappings and sequences only: an aliased scalar is harmless
    shared = False  # an alias makes a node appear twice (or inside itself)
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            shared = True
            continue
        seen.add(id(node))
        children = _children(node)
        if not children:
            continue
        if isinstance(node.value[0], tuple):  # a mapping's (key, value) pairs
            problems += _duplicate_keys(path, node)  # type: ignore[arg-type]
        stack.extend(child for child in children if not isinstance(child.value, str))
    if problems:
        raise CatalogError(problems)
    if shared:
        _check_expansion(path, root)


def _check_expansion(path: Path, root: yaml.Node) -> None:
    """Refuse alias bombs and aliases inside themselves, counting each node's expanded size
    once (an alias points at a node already counted, so nothing is walked twice)."""
    sizes: dict[int, int] = {}
    walking: set[int] = set()  # nodes whose children are still being counted
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        children = _children(node)
        if children_done:
            walking.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(child)] for child in children)
            if sizes[id(node)] > MAX_NODES:
                message = f"expands to more than {MAX_NODES:,} values through aliases"
                raise _fail(path, node, message)
        elif id(node) in walking:
            raise _fail(path, node, "contains itself through an alias")
        elif id(node) not in sizes:
            walking.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(children))


SCALARS: dict[str, Callable[[str], Any]] = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": lambda text: _one_of(text, {"true": True, "false": False}),
    "tag:yaml.org,2002:null": lambda text: _one_of(text, {"null": None, "~": None, "": None}),
}
MAPPING = "tag:yaml.org,2002:map"
SEQUENCE = "tag:yaml.org,2002:seq"


def _construct(path: Path, root: yaml.Node) -> Any:
    """Plain data from the checked node tree: text, whole numbers, decimals, booleans,
    null, lists and dicts, and nothing else.

    Narrower than PyYAML's safe constructor (no dates, sets, binary or merge keys, which
    a catalog never needs) and iterative; it builds each node once, so an alias is the
    same object as its anchor, as in PyYAML.
    """
    built: dict[int, Any] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in built and not children_done:
            continue
        value = node.value
        if isinstance(value, str):
            convert = SCALARS.get(node.tag)
            if node.tag == "tag:yaml.org,2002:merge":
                raise _fail(path, node, "uses a merge key (<<), which a catalog cannot use")
            if convert is None:
                raise _fail(
                    path, node, f"has the tag {_short(node.tag)}, which a catalog cannot use"
                )
            try:
                built[id(node)] = convert(value)
            except ValueError:
                message = f"'{value[:40]}' is not a valid {_short(node.tag)}"
                raise _fail(path, node, message) from None
        elif node.tag not in (MAPPING, SEQUENCE):
            raise _fail(path, node, f"has the tag {_short(node.tag)}, which a catalog cannot use")
        elif not children_done:
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node))
        elif node.tag == SEQUENCE:
            built[id(node)] = [built[id(child)] for child in value]
        else:
            mapping = {}
            for key, item in value:
                name = built[id(key)]
                if not isinstance(name, str | int | float | bool) and name is not None:
                    raise _fail(path, key, "has a key that is a list or a mapping")
                mapping[name] = built[id(item)]
            built[id(node)] = mapping
    return built[id(root)]


def _one_of(text: str, values: dict[str, Any]) -> Any:
    """The value `text` spells (in any case), for an explicit `!!bool` or `!!null`;
    anything else is an error, not silently false or null."""
    if text.lower() not in values:
        raise ValueError(text)
    return values[text.lower()]


def _short(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml") else tag


def _fail(path: Path, node: yaml.Node, message: str) -> CatalogError:
    mark = node.start_mark
    return CatalogError([Problem(str(path), mark.line + 1, mark.column + 1, message)])


def _children(node: yaml.Node) -> list[yaml.Node]:
    value = node.value
    if isinstance(value, str):  # a scalar
        return []
    if value and isinstance(value[0], tuple):  # a mapping
        return [part for pair in value for part in pair]
    return list(value)


def _duplicate_keys(path: Path, node: yaml.MappingNode) -> list[Problem]:
    import yaml

    seen: dict[str, yaml.Node] = {}
    problems = []
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        first = seen.setdefault(key.value, key)
        if first is not key:
            mark = key.start_mark
            message = (
                f"duplicate key '{key.value[:60]}' (first at line {first.start_mark.line + 1}); "
                "YAML would keep only the last one"
            )
            problems.append(Problem(str(path), mark.line + 1, mark.column + 1, message))
    return problems


def locate(node: yaml.Node | None, loc: tuple[str | int, ...]) -> tuple[int, int]:
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


def _unreadable(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, IsADirectoryError):
        return "is a directory, not a catalog file"
    if isinstance(error, PermissionError):
        return "permission denied"
    return f"cannot be read ({error.strerror or error})"
