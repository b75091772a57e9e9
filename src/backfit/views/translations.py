"""`backfit translations` as a table and as JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.console import RenderableType

from backfit.translations import Progress
from backfit.views.text import Text
from backfit.views.widgets import TableOrEntries, labelled, stacked, table
from backfit.views.words import translations as words


def progress_view(rows: Sequence[Progress]) -> RenderableType:
    """A table where it fits; on a narrow terminal, each language and domain with its
    counts below it (the table's headers one to a line, not broken a character at a time)."""
    if not rows:
        return Text(words.NONE)
    cells = [_cells(row) for row in rows]

    def entries() -> RenderableType:
        return stacked(
            (
                Text(words.WHICH.format(language=row.language, domain=row.domain), style="bold"),
                [labelled(p for p in zip(words.HEADERS[2:], counts[2:], strict=True) if p[1])],
            )
            for row, counts in zip(rows, cells, strict=True)
        )

    return TableOrEntries(table(words.HEADERS, cells, wrap=()), narrow=entries, min_width=0)


def _cells(row: Progress) -> list[Text]:
    reviewed = words.REVIEWED.format(reviewed=row.reviewed, safety=row.safety)
    return [
        Text(row.language),
        Text(row.domain),
        *(Text(str(n)) for n in (row.translated, row.fuzzy, row.untranslated, row.total)),
        Text(reviewed if row.safety else ""),
    ]


def progress_json(rows: Sequence[Progress]) -> str:
    return json.dumps(
        [{**row._asdict(), "total": row.total} for row in rows], ensure_ascii=False, indent=2
    )
