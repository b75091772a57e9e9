"""`backfit config` as a view and as JSON: each setting, its value, where the value came
from and what it means. The command works the values out; this only lays them out."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, NamedTuple

from rich.console import Group, RenderableType

from backfit.views.text import Text
from backfit.views.widgets import labelled
from backfit.views.words import config as words


class Row(NamedTuple):
    key: str
    value: Any  # as the setting holds it: a word, a switch, a file or None
    source: str  # flag, env, file or default
    env: str | None = None  # the environment variable, when it gave the value


def shown(value: Any) -> str:
    if isinstance(value, bool):
        return words.TRUE if value else words.FALSE
    return words.NO_VALUE if value is None else str(value)


def settings_view(path: str, rows: Sequence[Row]) -> RenderableType:
    """Each setting on a line: `figure  blocks (file)`, then its meaning under it."""
    lines = []
    for row in rows:
        source = words.SOURCES[row.source].format(env=row.env)
        body = Text(words.VALUE_FROM.format(value=shown(row.value), source=source))
        body.append(f"\n{words.MEANING[row.key]}", style="dim")
        lines.append((row.key, body))
    return Group(
        Text(words.HEADING.format(path=path), style="bold underline"),
        Text(),
        labelled(lines, label_style="bold", gap=2),
        Text(),
        Text(words.HOW_TO_CHANGE),
    )


def settings_json(path: str, rows: Sequence[Row]) -> str:
    data = {
        "file": path,
        "settings": {
            row.key: {"value": row.value, "from": row.source, "environment": row.env}
            for row in rows
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
