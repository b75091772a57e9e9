"""Who should take care with a session: for each condition, the exercises of a routine (or
a session) that its own pages say to avoid or to do with care. Shown by `show` of a routine
and before `start`, so that a routine suggested to everyone says what its exercises say."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from backfit.views.text import Text
from backfit.views.words import catalog as words

if TYPE_CHECKING:
    from backfit.catalog.models import Exercise


def care_verdicts(exercises: Iterable[Exercise]) -> list[tuple[str, Text]]:
    """(condition label, 'avoid: Back extension on elbows; with care: Pelvic tilt')."""
    found: dict[str, dict[str, list[str]]] = {}
    for exercise in exercises:
        for condition, note in exercise.care.notes() if exercise.care else ():
            if note.verdict != "suits":
                names = found.setdefault(condition.value, {}).setdefault(note.verdict, [])
                if exercise.name not in names:
                    names.append(exercise.name)
    return [
        (
            words.CARE_LABEL.format(condition=words.condition_name(condition).capitalize()),
            _verdicts(by_verdict),
        )
        for condition, by_verdict in found.items()
    ]


def _verdicts(by_verdict: dict[str, list[str]]) -> Text:
    said = [
        words.ROUTINE_CARE.format(verdict=words.VERDICTS[verdict], names=words.LIST.join(names))
        for verdict in ("avoid", "care")
        if (names := by_verdict.get(verdict))
    ]
    return Text(words.ROUTINE_CARE_SEP.join(said))
