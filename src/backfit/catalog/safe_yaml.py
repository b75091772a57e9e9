"""Reading one YAML file as untrusted input: plain data with the node tree it came from, or
a `CatalogError` with every problem located as `FILE:LINE:COL`.

The file is read once (`files.read_text`: a size limit, UTF-8 only) and parsed once, by
libyaml where it is installed. PyYAML's Python composer builds the nodes, so that every
limit holds before anything big is built: the root must be a mapping with only `top_keys`,
nesting stops at MAX_DEPTH, values at MAX_VALUES (and at MAX_NODES once aliases are
expanded), an alias may not sit inside itself, and a duplicate key is an error (PyYAML
would keep the last one silently), listed with the others the loader finds. Plain
scalars are YAML 1.2's (`yes`, `010`, `1:30` and dates stay text), and only plain data
is built: `!!python/...`, `!!binary`, `!!set`, `!!timestamp`, custom tags and merge keys
are refused, never run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any, ClassVar, NamedTuple

import yaml
from yaml.composer import Composer, ComposerError
from yaml.constructor import SafeConstructor
from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode

from backfit.catalog.errors import CatalogError, Problem, did_you_mean, file_problem
from backfit.catalog.files import read_text

MAX_DEPTH = 32  # a catalog needs 7 levels at most
MAX_VALUES = 1_000_000  # in the file itself: about 15,000 exercises, 1,500 times the built-in
MAX_NODES = 1_000_000  # values after aliases are expanded
BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Y = "tag:yaml.org,2002:"
MERGE = f"{Y}merge"
SCALARS: dict[str, Callable[[str], Any]] = {
    f"{Y}str": str,
    f"{Y}int": int,
    f"{Y}float": float,
    f"{Y}bool": lambda text: {"true": True, "false": False}[text.lower()],
    f"{Y}null": lambda text: {"null": None, "~": None, "": None}[text.lower()],
}
# The only tags a catalog may use, each with the kind of node it fits.
KINDS = dict.fromkeys(SCALARS, ScalarNode) | {f"{Y}seq": SequenceNode, f"{Y}map": MappingNode}
# PyYAML's contexts for something opened and never closed, in a catalog author's words.
UNCLOSED = {
    "while parsing a flow sequence": "this [ list is not closed",
    "while parsing a flow mapping": "this { mapping is not closed",
    "while scanning a quoted scalar": "this quoted text is not closed",
}


def _scalar(_loader: object, node: ScalarNode) -> Any:
    """The value a scalar's text spells under its tag (`!!bool yes` spells none: YAML 1.2)."""
    try:
        return SCALARS[node.tag](node.value)
    except (ValueError, KeyError):
        raise _error(node, f"'{node.value[:40]}' is not a valid {_short(node.tag)}") from None


class StrictLoader(BASE, Composer):  # type: ignore[valid-type, misc]
    """The safe loader with YAML 1.2's plain scalars, constructors for plain data only, and
    PyYAML's Python composer instead of libyaml's, to check every node as the tree grows."""

    get_single_node = Composer.get_single_node  # libyaml's own would skip compose_node
    top_keys: Collection[str] | None = None
    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {}  # filled below
    yaml_constructors: ClassVar = dict.fromkeys(SCALARS, _scalar) | {
        f"{Y}seq": SafeConstructor.construct_yaml_seq,
        f"{Y}map": SafeConstructor.construct_yaml_map,
    }

    def __init__(self, text: str) -> None:
        BASE.__init__(self, text)
        self.anchors: dict[str | None, Node] = {}
        self.depth, self.values = 0, 0
        self.sizes: dict[int, int] = {}  # each collection's size with its aliases expanded
        self.duplicates: list[ComposerError] = []

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        """Composer's, with every limit checked as the tree grows, so nothing big is built."""
        event = self.peek_event()
        self.values += 1
        if self.values > MAX_VALUES:
            raise _error(event, f"has more than {MAX_VALUES:,} values, the limit for a catalog")
        if parent is None and not isinstance(event, yaml.MappingStartEvent):
            raise _error(event, "the catalog must be a mapping of keys")
        if isinstance(event, yaml.AliasEvent):
            node = self.anchors.get(event.anchor)
            if node is None:
                raise _error(event, f"found undefined alias {event.anchor!r}")
            if isinstance(node, CollectionNode) and id(node) not in self.sizes:  # still open
                raise _error(node, "contains itself through an alias")
            self.get_event()
        else:
            self.anchors.pop(event.anchor, None)  # YAML 1.2 lets a later node take the name
            if isinstance(event, yaml.ScalarEvent):
                node = self.compose_scalar_node(event.anchor)  # type: ignore[arg-type]
            else:
                if self.depth >= MAX_DEPTH:
                    raise _error(event, f"is nested too deeply (more than {MAX_DEPTH} levels)")
                self.depth += 1
                if isinstance(event, yaml.SequenceStartEvent):
                    node = self.compose_sequence_node(event.anchor)  # type: ignore[arg-type]
                else:
                    node = self.compose_mapping_node(event.anchor)
                self.depth -= 1
            self._check(node)
        if index is None and self.depth == 1 and self.top_keys is not None:
            name = node.value if isinstance(node, ScalarNode) else "?"
            if name not in self.top_keys:
                meant = did_you_mean(name, self.top_keys)
                raise _error(node, f"unknown field '{name[:60]}'{meant}")
        return node

    def _check(self, node: Node) -> None:
        """Refuse a node that is not plain data or expands past MAX_NODES; note duplicate keys."""
        if node.tag == MERGE:
            raise _error(node, "uses a merge key (<<), which a catalog cannot use")
        if KINDS.get(node.tag) is not type(node):
            raise _error(node, f"has the tag {_short(node.tag)}, which a catalog cannot use")
        if isinstance(node, ScalarNode):
            return
        mapping = isinstance(node, MappingNode)
        children = [part for pair in node.value for part in pair] if mapping else node.value
        self.sizes[id(node)] = 1 + sum(self.sizes.get(id(child), 1) for child in children)
        if self.sizes[id(node)] > MAX_NODES:
            raise _error(node, f"expands to more than {MAX_NODES:,} values through aliases")
        seen: dict[str, Node] = {}
        for key, _ in node.value if mapping else ():
            if not isinstance(key, ScalarNode):
                raise _error(key, "has a key that is a list or a mapping")
            if key.value in seen:
                first = seen[key.value].start_mark.line + 1
                message = f"duplicate key '{key.value[:60]}' (first at line {first}); "
                self.duplicates.append(_error(key, message + "YAML would keep only the last one"))
            seen.setdefault(key.value, key)


class Parsed(NamedTuple):
    node: Node | None  # the node tree, with line marks
    data: Any  # the plain data
    duplicates: list[Problem]  # keys given twice: the data holds the last, as YAML says


def read_yaml(path: Path, top_keys: Collection[str] | None = None) -> Parsed:
    """The file at `path`, which must be a mapping; with `top_keys`, no other key may
    appear at its top level. A duplicate key is a problem the caller reports with the
    others it finds, rather than one that hides them."""
    text = read_text(path)
    try:
        loader = StrictLoader(text)
        loader.top_keys = top_keys
        node = loader.get_single_node()
        data = None if node is None else loader.construct_document(node)
        return Parsed(node, data, [_problem(path, error) for error in loader.duplicates])
    except yaml.MarkedYAMLError as error:
        raise CatalogError([_problem(path, error)]) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow in a file
        line = text.count("\n", 0, error.position) + 1
        column = error.position - text.rfind("\n", 0, error.position)
        code = error.character if isinstance(error.character, int) else ord(error.character)
        message = f"contains the character U+{code:04X}, which YAML does not allow"
        raise CatalogError([Problem(str(path), line, column, message)]) from None
    except yaml.YAMLError as error:
        raise CatalogError([file_problem(path, " ".join(str(error).split()))]) from None


def _problem(path: Path, error: yaml.MarkedYAMLError) -> Problem:
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


def _error(at: Node | yaml.Event, message: str) -> ComposerError:
    return ComposerError(None, None, message, at.start_mark)  # type: ignore[arg-type]


def _short(tag: str) -> str:
    return "!!" + tag.removeprefix(Y) if tag.startswith(Y) else tag


# YAML 1.2's plain scalars (no `yes`, `0x1F`, `1:30` or dates), and `<<` so as to refuse it.
for _tag, _pattern, _first in (
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
    ("bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    ("int", r"0|[-+]?[1-9][0-9]*", "-+0123456789"),
    ("float", r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?", "-+0123456789."),
    ("merge", r"<<", "<"),
):
    StrictLoader.add_implicit_resolver(Y + _tag, re.compile(f"^(?:{_pattern})$"), list(_first))
