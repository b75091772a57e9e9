"""Reading one YAML file as untrusted input: plain data with the node tree it came from, or
a `CatalogError` with every problem located as `FILE:LINE:COL`.

The file is read once (`files.read_text`: a size limit, UTF-8 only) and parsed once, by
libyaml where it is installed. The parser's events are composed into nodes here rather
than by PyYAML, so that every limit holds before anything big is built: the root must be
a mapping with only `top_keys`, nesting stops at MAX_DEPTH, values at MAX_VALUES (and at
MAX_NODES once aliases are expanded), an alias may not sit inside itself, and a duplicate
key is an error (PyYAML would keep the last one silently). Plain scalars are YAML 1.2's
(`yes`, `010`, `1:30` and dates stay text), and only plain data is built: `!!python/...`,
`!!binary`, `!!set`, `!!timestamp`, custom tags and merge keys are refused, never run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any, ClassVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from backfit.catalog.errors import CatalogError, Problem
from backfit.catalog.files import read_text

MAX_DEPTH = 32  # a catalog needs 7 levels at most
MAX_VALUES = 1_000_000  # in the file itself: about 15,000 exercises, 1,500 times the built-in
MAX_NODES = 1_000_000  # values after aliases are expanded
BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
LOOSE = ("bool", "int", "float", "timestamp")  # YAML 1.1's plain scalars, replaced below


class StrictLoader(BASE):  # type: ignore[valid-type, misc]
    """The safe loader with YAML 1.2's plain booleans and numbers, and no timestamps."""

    yaml_implicit_resolvers: ClassVar = {
        first: [(tag, rx) for tag, rx in resolvers if tag.rsplit(":", 1)[-1] not in LOOSE]
        for first, resolvers in BASE.yaml_implicit_resolvers.items()
    }


for _tag, _pattern, _first in (
    ("bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    ("int", r"0|[-+]?[1-9][0-9]*", "-+0123456789"),
    ("float", r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?", "-+0123456789."),
):
    StrictLoader.add_implicit_resolver(
        f"tag:yaml.org,2002:{_tag}", re.compile(f"^(?:{_pattern})$"), list(_first)
    )

# PyYAML's contexts for something opened and never closed, in a catalog author's words.
UNCLOSED = {
    "while parsing a flow sequence": "this [ list is not closed",
    "while parsing a flow mapping": "this { mapping is not closed",
    "while scanning a quoted scalar": "this quoted text is not closed",
}


def read_yaml(path: Path, top_keys: Collection[str] | None = None) -> tuple[Node | None, Any]:
    """(node tree with line marks, plain data) from the file at `path`, which must be a
    mapping; with `top_keys`, no other key may appear at its top level."""
    text = read_text(path)
    loader = StrictLoader(text)
    try:
        node = _compose(path, loader, top_keys)
        return node, None if node is None else _construct(path, node)
    except yaml.MarkedYAMLError as error:
        raise CatalogError([_syntax_problem(path, error)]) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow in a file
        line = text.count("\n", 0, error.position) + 1
        column = error.position - text.rfind("\n", 0, error.position)
        code = error.character if isinstance(error.character, int) else ord(error.character)
        message = f"contains the character U+{code:04X}, which YAML does not allow"
        raise CatalogError([Problem(str(path), line, column, message)]) from None
    except yaml.YAMLError as error:
        raise CatalogError([Problem(str(path), 1, 1, " ".join(str(error).split()))]) from None
    finally:
        loader.dispose()


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


def _compose(path: Path, loader: Any, top_keys: Collection[str] | None) -> Node | None:
    """The node tree, built event by event with every limit checked as it grows."""
    loader.get_event()  # the stream's start
    if loader.check_event(yaml.StreamEndEvent):
        return None
    loader.get_event()  # the document's start
    anchors: dict[str, Node] = {}
    sizes: dict[int, int] = {}  # each collection's size with its aliases expanded
    open_: list[tuple[Node, list[Node]]] = []  # collections being read, with a key read
    duplicates: list[Problem] = []
    values = 0
    while True:
        event = loader.get_event()
        if isinstance(event, yaml.CollectionEndEvent):
            node = open_.pop()[0]
            sizes[id(node)] = 1 + sum(sizes.get(id(child), 1) for child in _children(node))
            if sizes[id(node)] > MAX_NODES:
                message = f"expands to more than {MAX_NODES:,} values through aliases"
                raise _fail(path, node, message)
            if isinstance(node, MappingNode):
                duplicates += _duplicate_keys(path, node)
        else:
            values += 1
            if values > MAX_VALUES:
                message = f"has more than {MAX_VALUES:,} values, the limit for a catalog"
                raise _fail(path, event, message)
            node = _node(path, loader, event, anchors, [outer for outer, _ in open_])
            _place(path, node, open_, top_keys)
            if isinstance(event, yaml.CollectionStartEvent):
                if len(open_) >= MAX_DEPTH:
                    message = f"is nested too deeply (more than {MAX_DEPTH} levels)"
                    raise _fail(path, event, message)
                open_.append((node, []))
        if not open_:
            break
    loader.get_event()  # the document's end
    if not loader.check_event(yaml.StreamEndEvent):
        following = loader.get_event()
        message = "expected a single document in the stream but found another document"
        raise _fail(path, following, message)
    if duplicates:
        raise CatalogError(duplicates)
    return node


def _place(
    path: Path, node: Node, open_: list[tuple[Node, list[Node]]], top_keys: Collection[str] | None
) -> None:
    """Put `node` in the collection being read: as a key, a key's value or an item."""
    if not open_:
        if not isinstance(node, MappingNode):
            raise _fail(path, node, "the catalog must be a mapping of keys")
        return
    parent, key = open_[-1]
    if isinstance(parent, SequenceNode):
        parent.value.append(node)
    elif key:
        parent.value.append((key.pop(), node))
    else:
        name = node.value if isinstance(node, ScalarNode) else "?"
        if top_keys is not None and len(open_) == 1 and name not in top_keys:
            raise _fail(path, node, f"unknown field '{name[:60]}'")
        key.append(node)


def _node(path: Path, loader: Any, event: Any, anchors: dict[str, Node], open_: list[Node]) -> Node:
    """The node an event starts (or, for an alias, the node it names)."""
    if isinstance(event, yaml.AliasEvent):
        if event.anchor not in anchors:
            raise _fail(path, event, f"found undefined alias {event.anchor!r}")
        node: Node = anchors[event.anchor]
        if any(node is outer for outer in open_):
            raise _fail(path, node, "contains itself through an alias")
        return node
    kind = {yaml.ScalarEvent: ScalarNode, yaml.SequenceStartEvent: SequenceNode}.get(
        type(event), MappingNode
    )
    tag = event.tag
    if tag is None or tag == "!":
        value = event.value if kind is ScalarNode else None
        tag = loader.resolve(kind, value, event.implicit)
    value = event.value if kind is ScalarNode else []
    node = kind(tag, value, event.start_mark, event.end_mark)
    if event.anchor is not None:
        anchors[event.anchor] = node
    return node


SCALARS: dict[str, Callable[[str], Any]] = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": lambda text: _one_of(text, {"true": True, "false": False}),
    "tag:yaml.org,2002:null": lambda text: _one_of(text, {"null": None, "~": None, "": None}),
}
MAPPING = "tag:yaml.org,2002:map"
SEQUENCE = "tag:yaml.org,2002:seq"


def _construct(path: Path, root: Node) -> Any:
    """Plain data from the checked node tree: text, whole numbers, decimals, booleans,
    null, lists and dicts, and nothing else.

    Narrower than PyYAML's safe constructor (no dates, sets, binary or merge keys, which
    a catalog never needs) and iterative; it builds each node once, so an alias is the
    same object as its anchor, as in PyYAML.
    """
    built: dict[int, Any] = {}
    stack: list[tuple[Node, bool]] = [(root, False)]
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


def _fail(path: Path, node: Node | yaml.Event, message: str) -> CatalogError:
    mark = node.start_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return CatalogError([Problem(str(path), line, column, message)])


def _children(node: Node) -> list[Node]:
    value = node.value
    if isinstance(value, str):  # a scalar
        return []
    if value and isinstance(value[0], tuple):  # a mapping
        return [part for pair in value for part in pair]
    return list(value)


def _duplicate_keys(path: Path, node: MappingNode) -> list[Problem]:
    seen: dict[str, Node] = {}
    problems = []
    for key, _ in node.value:
        if not isinstance(key, ScalarNode):
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
