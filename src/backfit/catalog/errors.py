"""What goes wrong with a catalog, located: every problem as `FILE:LINE:COL: message`."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from pydantic import ValidationError


Loc = tuple[str | int, ...]  # a path in catalog data, such as ("exercises", 3, "easier", 0)


WHOLE_FILE = 0  # the line of a problem with the file as a whole: missing, a folder, empty


class Problem(NamedTuple):
    """One thing wrong with a catalog, at a place in it (lines and columns count from 1),
    or with the whole file (line WHOLE_FILE), which has no place to point at."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        if self.line == WHOLE_FILE:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


def file_problem(file: object, message: str) -> Problem:
    """A problem with the file as a whole."""
    return Problem(str(file), WHOLE_FILE, WHOLE_FILE, message)


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
    close = closest(typed, known)
    return f"; did you mean '{close}'?" if close else ""


def closest(typed: str, known: Iterable[object]) -> str | None:
    """The one of `known` that `typed` most likely meant: one whose first word it is
    (`hold` for `hold_seconds`, `rest` for `rest_seconds` rather than `reps`), else the
    closest spelling (`beginer` for `beginner`), else none."""
    names = [k for k in known if isinstance(k, str) and k != typed]
    words = [name for name in names if re.split(r"[_\-]", name)[0] == typed]
    if len(typed) >= 3 and len(words) == 1:
        return words[0]
    close = difflib.get_close_matches(typed, names, n=1)
    return close[0] if close else None
