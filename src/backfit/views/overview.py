"""What bare `backfit` prints: the overview, its commands in two columns where they fit,
each command above what it does where they do not (a 40-column terminal)."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.padding import Padding

from backfit.views.text import Text
from backfit.views.widgets import ByWidth
from backfit.views.words.messages import OVERVIEW

TWO_COLUMNS = re.compile(r"(\s*)(\S.*?)\s{2,}(\S.*)")  # '  backfit list    the exercises'
MORE_INDENT = 4  # what a command does, under it, and each of its lines


def overview(version: str) -> RenderableType:
    lines = [line.format(version=version) for line in OVERVIEW]
    return ByWidth(
        wide=lambda: Group(*(Text(line) for line in lines)),
        narrow=lambda: Group(*(_stacked(line) for line in lines)),
        min_width=max(cell_len(line) for line in lines),
    )


def _stacked(line: str) -> RenderableType:
    columns = TWO_COLUMNS.fullmatch(line)
    if columns is None:
        return Text(line)
    indent, command, does = columns.groups()
    return Group(
        Padding(Text(command), (0, 0, 0, len(indent))),
        Padding(Text(does), (0, 0, 0, len(indent) + MORE_INDENT)),
    )
