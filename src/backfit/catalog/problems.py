"""pydantic's validation errors as located problems, in a catalog author's words: each one
`FILE:LINE:COL: where: what is wrong`, in whichever file (built-in or user catalog) the
part it is about came from."""

from __future__ import annotations

import re
from pathlib import Path
from types import UnionType
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError
from yaml.nodes import MappingNode, Node, SequenceNode

from backfit.catalog.errors import Loc, Problem, did_you_mean, plain_message
from backfit.catalog.models import Catalog


class Origin:
    """Where part of the merged catalog came from: a file, and the node for that part."""

    def __init__(self, path: Path, node: Node | None, prefix: tuple[str | int, ...]) -> None:
        self.path = path
        self.node = node
        self.prefix = prefix  # the part's own path within its file


Origins = dict[Loc, Origin]  # a path in the merged data -> its origin


def detail(loc: Loc, message: str, value: object, first: Loc | None = None) -> InitErrorDetails:
    """A problem found by a check of our own, in pydantic's form, so that it is located and
    worded like any other; `first` is where a duplicated value was first seen."""
    context: dict[str, object] = {"message": message}
    if first is not None:
        context["first"] = first
    error = PydanticCustomError("catalog", "{message}", context)
    return InitErrorDetails(type=error, loc=loc, input=value)


def located_details(origins: Origins, details: list[InitErrorDetails]) -> list[Problem]:
    """Our own checks' problems, located."""
    if not details:
        return []
    return located_problems(origins, ValidationError.from_exception_data("Catalog", details))


def located_problems(
    origins: Origins, error: ValidationError, within: tuple[str | int, ...] = ()
) -> list[Problem]:
    """pydantic's errors as located problems: follow-on errors dropped, and the missing
    fields of one mapping named together on one line rather than a line each."""
    details = _without_follow_on(error.errors())
    missing: dict[tuple[str | int, ...], list[Any]] = {}
    for detail in details:
        detail["loc"] = (*within, *detail["loc"])
        if detail["type"] == "missing":
            missing.setdefault(detail["loc"][:-1], []).append(detail)
    problems = []
    for detail in details:
        if detail["type"] == "missing":
            group = missing.pop(detail["loc"][:-1], None)
            if group is None:  # already reported with the first field of its mapping
                continue
            detail["fields"] = [str(d["loc"][-1]) for d in group]
        problems.append(_problem_at(origins, detail))
    return problems


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


def _problem_at(origins: Origins, detail: Any) -> Problem:
    path, line, column, loc = _where(origins, tuple(detail["loc"]))
    where = _dotted(loc)
    if detail["type"] == "missing":
        fields = [f"'{name}'" for name in detail.get("fields", [loc[-1]])]
        listed = fields[0] if len(fields) == 1 else f"{', '.join(fields[:-1])} and {fields[-1]}"
        message = f"missing required field{'s' * (len(fields) > 1)} {listed}"
        where = _dotted(loc[:-1])
    elif detail["type"] == "extra_forbidden":
        message = f"unknown field '{str(loc[-1])[:60]}'"
        message += did_you_mean(str(loc[-1]), _fields_at(tuple(detail["loc"][:-1])))
        where = _dotted(loc[:-1])
    elif detail["type"] == "too_short":
        message = f"needs at least {detail['ctx']['min_length']} item(s)"
    elif detail["type"] in ("enum", "literal_error"):
        message = _not_one_of(detail["ctx"]["expected"], detail["input"])
    elif detail["type"] in PLAIN_TYPES:
        message = f"must be {PLAIN_TYPES[detail['type']]}, not {_kind(detail['input'])}"
    else:
        message = plain_message(detail)
    first = detail.get("ctx", {}).get("first")
    if first is not None:
        first_path, first_line, _, _ = _where(origins, tuple(first))
        elsewhere = "" if first_path == path else f" of {first_path}"
        message += f" (first at line {first_line}{elsewhere})"
    return Problem(str(path), line, column, f"{where}: {message}" if where else message)


PLAIN_TYPES = {  # pydantic's type errors, in a catalog author's words
    "string_type": "text",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "tuple_type": "a list",
    "list_type": "a list",
    "dict_type": "a mapping of keys",
    "model_type": "a mapping of keys",
    "model_attributes_type": "a mapping of keys",
}


def _not_one_of(expected: str, value: object) -> str:
    """ "must be 'a' or 'b', not the text 'c'", with the allowed value it most likely meant."""
    message = f"must be {expected}, not {_kind(value)}"
    if isinstance(value, str):
        message += did_you_mean(value, re.findall(r"'([^']*)'", expected))
    return message


def _fields_at(loc: tuple[str | int, ...]) -> list[str]:
    """The fields the mapping at `loc` in the catalog may have (none if it is not a model's),
    found by following the models' annotations from the catalog down."""
    annotation: Any = Catalog
    for part in loc:
        annotation = _inside(annotation, part)
    found = _inside(annotation, None)
    return list(found) if isinstance(found, dict) else []


def _inside(annotation: Any, part: str | int | None) -> Any:
    """What `part` of a value of type `annotation` is: an item's type for an index, a
    value's type for a key, a field's type for a field; with no part, a model's fields."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (Union, UnionType):
        return next((found for a in args if (found := _inside(a, part)) is not None), None)
    if origin in (tuple, list) and isinstance(part, int):
        return args[0]
    if origin is dict and part is not None:
        return args[1]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if part is None:
            return annotation.model_fields
        field = annotation.model_fields.get(str(part))
        return None if field is None else field.annotation
    return None


def _kind(value: Any) -> str:
    """How a YAML value looks to its author: 'the text "yes"', 'a list', 'nothing'."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "…"
        return f"the text '{shown}'"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _where(
    origins: Origins, loc: tuple[str | int, ...]
) -> tuple[Path, int, int, tuple[str | int, ...]]:
    """The file, line, column and path within that file of `loc` in the merged data."""
    for size in (2, 0):
        origin = origins.get(loc[:size]) if len(loc) >= size else None
        if origin is not None:
            local = origin.prefix + loc[size:]
            line, column = locate(origin.node, local)
            return origin.path, line, column, local
    raise AssertionError("the base catalog always has an origin")  # pragma: no cover


def _dotted(loc: tuple[str | int, ...]) -> str:
    text = ""
    for part in loc:
        if part == "[key]":  # pydantic's mark for a mapping key that was refused
            continue
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".")


def locate(node: Node | None, loc: tuple[str | int, ...]) -> tuple[int, int]:
    """Follow a validation error's path through the YAML nodes to a line and column."""
    if node is None:
        return 1, 1
    mark = node.start_mark
    for part in loc:
        if isinstance(node, MappingNode):
            match = next((kv for kv in node.value if kv[0].value == str(part)), None)
            if match is None:
                break
            mark, node = match[0].start_mark, match[1]
        elif isinstance(node, SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
            mark = node.start_mark
        else:
            break
    return mark.line + 1, mark.column + 1
