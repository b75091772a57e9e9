"""`backfit list`: repeated and combined filters, positions, word search, and a list that
fits every terminal width (issue 18)."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from rich.cells import cell_len
from rich.console import Console

from backfit.catalog.conditions import Condition
from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.views.catalog import exercise_list

Invoke = Callable[..., Any]
CATALOG = load_catalog(builtin_catalog_path())


def verdict(slug: str, condition: Condition) -> str | None:
    note = CATALOG.exercise(slug).care_for(condition)
    return None if note is None else note.verdict


def slugs(result: Any) -> list[str]:
    assert result.exit_code == 0, result.stderr
    return [e["slug"] for e in json.loads(result.stdout)]


# --- --for, repeated ------------------------------------------------------------------


def test_a_repeated_for_keeps_what_suits_every_condition(invoke: Invoke) -> None:
    both = slugs(invoke("list", "--for", "pregnancy", "--for", "sciatica", "--json"))
    pregnancy = slugs(invoke("list", "--for", "pregnancy", "--json"))
    sciatica = slugs(invoke("list", "--for", "sciatica", "--json"))
    assert both == [s for s in pregnancy if s in sciatica]
    # Not the last one given only (as before): something fine for sciatica is to be
    # avoided in pregnancy, and is left out.
    assert set(both) < set(sciatica)
    assert all(
        verdict(s, c) in ("suits", "care")
        for s in both
        for c in (Condition.PREGNANCY, Condition.SCIATICA)
    )
    assert "back-extension-on-elbows" not in both  # 'avoid' in pregnancy


def test_a_repeated_for_shows_each_verdict(invoke: Invoke) -> None:
    result = invoke("list", "--for", "pregnancy", "--for", "sciatica", env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert "Seated pelvic tilt (seated-pelvic-tilt)\n" in result.stdout
    entry = result.stdout.split("Seated pelvic tilt (seated-pelvic-tilt)\n")[1].split("\n\n")[0]
    assert entry.splitlines()[-2:] == ["  pregnancy: suits", "  sciatica: suits"]


def test_a_wide_list_has_a_column_for_each_condition() -> None:
    shown = [CATALOG.exercise(s) for s in ("seated-pelvic-tilt", "bottom-to-heels")]
    table = render(exercise_list(shown, conditions=[Condition.PREGNANCY, Condition.SCIATICA]), 140)
    header, _, *rows = table.splitlines()
    assert header.split()[-4:] == ["For", "pregnancy", "For", "sciatica"]
    assert rows[0].split()[-2:] == ["suits", "suits"]
    assert rows[3].split()[-3:] == ["suits", "with", "care"]


def render(renderable: Any, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(renderable)
    return "\n".join(line.rstrip() for line in console.file.getvalue().splitlines())  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["list", "--search=arm", "--search", "leg"], "--search"),
        (["log", "bird-dog", "--pain", "3", "--pain-after=5"], "--pain-after"),
        (["show", "bird-dog", "--figure", "ascii", "--figure", "none"], "--figure"),
    ],
)
def test_any_single_value_given_twice_is_refused(
    invoke: Invoke, args: list[str], option: str
) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr.splitlines()[0] == f"backfit: {option} is given more than once; give it once"
    )


def test_a_value_that_looks_like_an_option_is_not_counted(invoke: Invoke) -> None:
    result = invoke("list", "--search", "--level", "--level", "beginner")
    assert (result.exit_code, result.stderr) == (1, "backfit: no exercises match those filters\n")


def test_the_same_condition_twice_is_shown_once(invoke: Invoke) -> None:
    twice = invoke("list", "--for", "sciatica", "--for", "Sciatica")
    once = invoke("list", "--for", "sciatica")
    assert (twice.exit_code, twice.stdout) == (0, once.stdout)


def test_a_repeated_level_is_refused(invoke: Invoke) -> None:
    result = invoke("list", "--level", "beginner", "--level", "advanced")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "backfit: --level is given more than once; give it once\nTry 'backfit list --help'.\n"
    )


def words(text: str) -> set[str]:
    return set(re.sub(r"[(),]", " ", text).split())


# --- widths ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "width", [40, 50, 60, 72, 80, 90, 99, 100, 101, 105, 110, 114, 120, 160, 200]
)
@pytest.mark.parametrize(
    "args",
    [[], ["--for", "pregnancy"], ["--for", "osteoporosis", "--for", "surgery"],
     ["--for", "pregnancy", "--for", "sciatica", "--for", "surgery", "--for", "osteoporosis"]],
)  # fmt: skip
def test_list_fits_every_width(invoke: Invoke, width: int, args: list[str]) -> None:
    result = invoke("list", *args, env={"COLUMNS": str(width)})
    assert result.exit_code == 0
    too_long = [line for line in result.stdout.splitlines() if cell_len(line) > width]
    assert too_long == []


@pytest.mark.parametrize("width", [100, 105, 114, 160])
@pytest.mark.parametrize("args", [[], ["--for", "pregnancy"]])
def test_the_list_never_splits_a_word(invoke: Invoke, width: int, args: list[str]) -> None:
    shown = invoke("list", *args, env={"COLUMNS": str(width)}).stdout
    stacked = invoke("list", *args, env={"COLUMNS": "80"}).stdout
    headers = {"Exercise", "Level", "Equipment", "Targets", "Dose", "For", "pregnancy"}
    assert {w for w in words(shown) - words(stacked) - headers if set(w) != {"─"}} == set()
    if args and width in (100, 160):  # the table with the condition's column: where it fits
        assert ("For" in shown.splitlines()[0]) == (width == 160)


# --- --position -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "position", ["back", "front", "side", "kneeling", "seated", "standing", "walking"]
)
def test_list_position_keeps_the_exercises_done_in_it(invoke: Invoke, position: str) -> None:
    found = slugs(invoke("list", "--position", position, "--json"))
    assert set(found) == {e.slug for e in CATALOG.exercises if e.position == position}
    assert found  # the catalog has exercises in every position


def test_list_position_ignores_case_and_combines_with_other_filters(invoke: Invoke) -> None:
    found = slugs(invoke("list", "--position", "Back", "--level", "beginner", "--json"))
    expected = {e.slug for e in CATALOG.exercises if (e.position, e.level) == ("back", "beginner")}
    assert set(found) == expected and "glute-bridge" in found
    shown = invoke("list", "--position", "seated", env={"COLUMNS": "60"}).stdout
    assert "Seated pelvic tilt (seated-pelvic-tilt)" in shown and "Bird dog" not in shown


def test_list_position_refuses_a_position_it_does_not_know(invoke: Invoke) -> None:
    result = invoke("list", "--position", "upside-down")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "backfit: --position: must be back, front, side, kneeling, seated, standing or walking, "
        "not 'upside-down'\nTry 'backfit list --help'.\n"
    )


def test_the_positions_offered_are_the_catalogs() -> None:
    from typing import get_args

    from backfit.catalog.models import Position
    from backfit.catalog.positions import POSITIONS

    assert get_args(Position) == POSITIONS


@pytest.mark.parametrize(
    ("words", "offered"),
    [
        (
            "backfit list --position ",
            ["back", "front", "side", "kneeling", "seated", "standing", "walking"],
        ),
        ("backfit list --position s", ["side", "seated", "standing"]),
        ("backfit list --level beginner --position k", ["kneeling"]),
    ],
)
def test_completion_offers_the_positions(words: str, offered: list[str]) -> None:
    import os
    import subprocess
    import sys

    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    env = {"_BACKFIT_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    result = subprocess.run(
        [sys.executable, "-c", "from backfit.__main__ import main; main()"],
        capture_output=True, text=True, env={**os.environ, **env},
    )  # fmt: skip
    assert (result.returncode, result.stdout.split()) == (0, offered)


# --- --search: words, not letters inside them ------------------------------------------


@pytest.mark.parametrize(
    ("text", "not_found"),
    [("arm", "side-plank"), ("wall", "swallow-fly"), ("low", "dead-bug"), ("ten", "pelvic-tilt")],
)
def test_search_matches_words_not_letters_inside_them(
    invoke: Invoke, text: str, not_found: str
) -> None:
    result = invoke("list", "--search", text, "--json")
    found = slugs(result) if result.exit_code == 0 else []
    assert not_found not in found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("swallow", "swallow-fly"),  # a whole word
        ("swal", "swallow-fly"),  # the start of a word
        ("flying swallow", "swallow-fly"),  # words in order
        ("Hip-Flexor", "standing-hip-flexor-stretch"),  # across punctuation, any case
        ("flexor", "standing-hip-flexor-stretch"),  # a word after a hyphen
        ("dead", "dead-bug"),
        ("barbell", "bent-leg-deadlift"),  # in the summary
        ("curl", "mcgill-curl-up"),
    ],
)
def test_search_matches_whole_words_and_word_starts(invoke: Invoke, text: str, found: str) -> None:
    assert found in slugs(invoke("list", "--search", text, "--json"))


def test_search_for_arm_finds_arms_but_not_warm(invoke: Invoke) -> None:
    found = slugs(invoke("list", "--search", "arm", "--json"))
    for slug in found:
        e = CATALOG.exercise(slug)
        text = " ".join((e.name, e.slug, *e.aliases, e.summary)).casefold()
        assert re.search(r"\barm", text), slug
    assert "bird-dog" in found  # 'opposite arm and leg raise'
