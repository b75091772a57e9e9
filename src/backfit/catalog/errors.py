"""What goes wrong with a catalog, located: every problem as `FILE:LINE:COL: message`."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from pydantic import ValidationError


Loc = tuple[str | int, ...]  # a path in catalog data, such as ("exercises", 3, "easier", 0)


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


def plain_message(detail: Any) -> str:
    """A pydantic error's message without the "Value error, " that it puts before ours."""
    return str(detail["msg"]).removeprefix("Value error, ")


def first_reason(error: ValidationError) -> str:
    """The first reason a model refused its data, in a catalog author's words."""
    return plain_message(error.errors()[0])


def did_you_mean(typed: str, known: Iterable[object]) -> str:
    """ "; did you mean 'x'?" for the closest of `known` to `typed`, or nothing."""
    close = difflib.get_close_matches(typed, [k for k in known if isinstance(k, str)], n=1)
    return f"; did you mean '{close[0]}'?" if close else ""
