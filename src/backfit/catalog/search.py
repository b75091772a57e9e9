"""Finding exercises: the `list` filters and 'did you mean' suggestions."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence

from backfit.catalog.conditions import Condition
from backfit.catalog.levels import Level
from backfit.catalog.models import Catalog, Dose, Exercise, names, normalise
from backfit.catalog.translated import term


def filter_exercises(
    exercises: Sequence[Exercise],
    *,
    level: str | None = None,
    equipment: str | None = None,
    muscle: str | None = None,
    text: str | None = None,
    position: str | None = None,
    conditions: Sequence[Condition] = (),
) -> list[Exercise]:
    """Exercises that pass every filter given, gentlest first (`gentleness`). Equipment
    and muscles ignore case and match parts of a name, as the catalog keeps it or as the
    run's words say it (垫子 finds mat); `text` matches words or the starts
    of words (`has_words`); `conditions` keeps the exercises whose care notes for every
    one of them say they suit, or suit with care: a person with two conditions has both."""
    by_slug = {e.slug: e for e in exercises}

    def has(values: Sequence[str], wanted: str) -> bool:  # as kept, or as the words say it
        said = [*values, *(term(value) for value in values)]
        return any(wanted.casefold() in value.casefold() for value in said)

    found = [
        e
        for e in exercises
        if (level is None or e.level == level)
        and (equipment is None or has(e.equipment, equipment))
        and (muscle is None or has((*e.muscles.primary, *e.muscles.secondary), muscle))
        and (text is None or has_words((e.name, e.slug, *e.aliases, e.summary), text))
        and (position is None or e.position == position)
        and all(suits(e, condition) for condition in conditions)
    ]
    return sorted(found, key=lambda e: gentleness(e, by_slug))


def has_words(values: Sequence[str], typed: str) -> bool:
    """Whether one of `values` holds the words typed, in order, each whole or the start
    of a word there: 'arm' finds 'arm' and 'arms' but not 'forearm' or 'warm', 'hip-flexor'
    finds 'hip flexor', and case and punctuation do not count. Text typed in another
    script (拉伸, 桥) is found anywhere inside a value, as its words are not spaced."""
    wanted = _words(typed)
    if not wanted:
        return True
    if not typed.isascii():  # Chinese puts no spaces between words: 拉伸 is found inside
        part = "".join(wanted)
        return any(part in "".join(_words(value)) for value in values)
    for value in values:
        have = _words(value)
        for start in range(len(have) - len(wanted) + 1):
            if all(word.startswith(w) for word, w in zip(have[start:], wanted, strict=False)):
                return True
    return False


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


SECONDS_A_REP = 3  # a rough length for a repetition without a hold, to weigh doses


def gentleness(exercise: Exercise, exercises: Mapping[str, Exercise]) -> tuple[int, int, int]:
    """Lower is gentler: the level, then how many easier steps lie below it (so an exercise
    comes after its easier forms), then the seconds of work in its usual dose."""
    return (
        list(Level).index(exercise.level),
        _steps_below(exercise, exercises, ()),
        _work_seconds(exercise.dose),
    )


def _steps_below(
    exercise: Exercise, exercises: Mapping[str, Exercise], seen: tuple[str, ...]
) -> int:
    below = [
        _steps_below(exercises[slug], exercises, (*seen, exercise.slug)) + 1
        for slug in exercise.easier
        if slug in exercises and slug not in seen
    ]
    return max(below, default=0)


def _work_seconds(dose: Dose) -> int:
    reps = dose.reps if isinstance(dose.reps, tuple) else (dose.reps or 1,) * dose.sets
    each = dose.hold_seconds or SECONDS_A_REP
    return sum(reps) * each * (2 if dose.per_side else 1)


def suits(exercise: Exercise, condition: Condition) -> bool:
    note = exercise.care_for(condition)
    return note is not None and note.verdict in ("suits", "care")


MOST_CANDIDATES = 8  # names that share the words typed, all listed up to this many


def suggestions(catalog: Catalog, typed: str, *, most: int = 3) -> list[str]:
    """Slugs the person may have meant. Every entry with the words typed in one of its
    names (whole, or the start of a word: 'plank' is both side planks), so that a short
    name that fits several lists them all; else names holding the letters typed, then
    near spellings, `most` of them.

    Near spellings are compared word by word ('bird-dgo' is near 'bird-dog', not
    'glute-bridge'), containment ignoring spaces ('birddo' is in 'bird dog')."""
    candidates = [entry.slug for entry in catalog.entries if has_words(names(entry), typed)]
    if candidates:
        return candidates[:MOST_CANDIDATES]

    def spelled(name: str) -> str:
        return "-".join("".join(c if c.isalnum() else " " for c in name.casefold()).split())

    wanted = normalise(typed)
    by_name: dict[str, str] = {}
    by_spelling: dict[str, str] = {}
    for entry in catalog.entries:
        for name in names(entry):
            by_name.setdefault(normalise(name), entry.slug)
            by_spelling.setdefault(spelled(name), entry.slug)
    found = [slug for name, slug in by_name.items() if wanted and wanted in name]
    close = difflib.get_close_matches(spelled(typed), by_spelling, n=most, cutoff=0.6)
    found += [by_spelling[n] for n in close]
    return list(dict.fromkeys(found))[:most]
