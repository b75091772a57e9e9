"""`backfit translations` as a table and as JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.console import RenderableType

from backfit.translations import Progress
from backfit.views.text import Text
from backfit.views.widgets import table
from backfit.views.words import translations as words


def progress_view(rows: Sequence[Progress]) -> RenderableType:
    if not rows:
        return Text(words.NONE)
    cells = [
        [
            Text(row.language),
            Text(row.domain),
            *(Text(str(n)) for n in (row.translated, row.fuzzy, row.untranslated, row.total)),
            Text(words.REVIEWED.format(reviewed=row.reviewed, safety=row.safety))
            if row.safety
            else Text(""),
        ]
        for row in rows
    ]
    return table(words.HEADERS, cells, wrap=())


def progress_json(rows: Sequence[Progress]) -> str:
    return json.dumps(
        [{**row._asdict(), "total": row.total} for row in rows], ensure_ascii=False, indent=2
    )
