"""Finding exercises: the `list` filters and 'did you mean' suggestions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from backfit.catalog.models import Catalog, Exercise


def filter_exercises(
    exercises: Sequence[Exercise],
    *,
    level: str | None = None,
    equipment: str | None = None,
    muscle: str | None = None,
    text: str | None = None,
) -> list[Exercise]:
    """Exercises that pass every filter given; text filters ignore case and match parts."""

    def has(values: Sequence[str], wanted: str) -> bool:
        return any(wanted.casefold() in value.casefold() for value in values)

    return [
        e
        for e in exercises
        if (level is None or e.level == level)
        and (equipment is None or has(e.equipment, equipment))
        and (muscle is None or has((*e.muscles.primary, *e.muscles.secondary), muscle))
        and (text is None or has((e.name, e.slug, *e.aliases, e.summary), text))
    ]


def suggestions(catalog: Catalog, typed: str, *, most: int = 3) -> list[str]:
    """Slugs the person may have meant: names containing what they typed, then near spellings."""
    import difflib

    from backfit.catalog.models import names, normalise

    wanted = normalise(typed)
    by_name: dict[str, str] = {}
    for entry in catalog.entries:
        for name in names(entry):
            by_name.setdefault(normalise(name), entry.slug)
    found = [slug for name, slug in by_name.items() if wanted and wanted in name]
    found += [by_name[n] for n in difflib.get_close_matches(wanted, by_name, n=most, cutoff=0.6)]
    return list(dict.fromkeys(found))[:most]
