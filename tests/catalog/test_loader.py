"""The built-in catalog's content, and a clear located error for every kind of broken catalog."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import MINIMAL

from backfit.catalog.loader import builtin_catalog_path, load_catalog

Invoke = Callable[..., Any]


def test_builtin_catalog_is_complete() -> None:
    catalog = load_catalog(builtin_catalog_path())
    slugs = [e.slug for e in catalog.exercises]
    assert len(slugs) >= 10
    assert {"swallow-fly", "bent-leg-deadlift"} <= set(slugs)
    for exercise in catalog.exercises:
        assert exercise.steps and exercise.cautions and exercise.sources
        assert exercise.dose.sets > 0 and exercise.dose.rest_seconds > 0
    text = builtin_catalog_path().read_text(encoding="utf-8").casefold()
    assert "cure" not in text.replace("not a guaranteed cure", "")


def test_seed_facts_are_kept() -> None:
    catalog = load_catalog(builtin_catalog_path())
    swallow = catalog.exercise("swallow-fly")
    assert "Prone back extension" in swallow.aliases
    assert swallow.dose.hold_seconds == 5
    assert "more is not better" in (swallow.dose.note or "")
    assert "pillow" in swallow.steps[0]
    assert swallow.easier  # the caution names easier options, and links them
    deadlift = catalog.exercise("bent-leg-deadlift")
    assert "barbell" in deadlift.equipment
    assert any("45 degrees" in step for step in deadlift.steps)
    assert any("2 seconds" in step for step in deadlift.steps)
    assert any("touches the floor" in step for step in deadlift.steps)


def _line_col(text: str, needle: str) -> tuple[int, int]:
    index = text.index(needle)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


# (what to replace in MINIMAL, with what, the text that the error points at, the message)
BROKEN = {
    "unknown field": (
        "    level: beginner\n",
        "    level: beginner\n    colour: red\n",
        "colour",
        "exercises[0]: unknown field 'colour'",
    ),
    "misspelt field": (
        "      rest_seconds: 30\n",
        "      rest_seconds: 30\n      nte: slowly\n",
        "nte",
        "exercises[0].dose: unknown field 'nte'; did you mean 'note'?",
    ),
    "missing field": (
        "    summary: The first one.\n",
        "",
        "slug: first-move",
        "exercises[0]: missing required field 'summary'",
    ),
    "empty steps": (
        "steps: [Lie down., Lift.]",
        "steps: []",
        "steps: []",
        "exercises[0].steps: needs at least 1 item(s)",
    ),
    "bad slug": (
        "slug: first-move",
        "slug: First_Move",
        "slug: First_Move",
        "exercises[0].slug: 'First_Move' is not a valid id: use up to 60 lowercase letters, "
        "digits and single hyphens, like 'bird-dog'",
    ),
    "duplicate alias": (
        "    name: Second move\n",
        "    name: Second move\n    aliases: [opener]\n",
        "opener]",
        "exercises[1].aliases[0]: 'opener' is already the slug, name or alias of 'first-move' "
        "(first at line 24)",
    ),
    "unknown link": (
        "easier: [second-move]",
        "easier: [third-move]",
        "third-move",
        "exercises[0].easier[0]: no exercise has the slug 'third-move'",
    ),
    "zero sets": (
        "sets: 2",
        "sets: 0",
        "sets: 0",
        "exercises[0].dose.sets: Input should be greater than 0",
    ),
    "negative rest": (
        "rest_seconds: 30",
        "rest_seconds: -5",
        "rest_seconds: -5",
        "exercises[0].dose.rest_seconds: Input should be greater than 0",
    ),
    "dose without reps or hold": (
        "      reps: 8\n",
        "",
        "dose:",
        "exercises[0].dose: a dose needs reps, hold_seconds, or both",
    ),
    "wrong type": (
        "sets: 2",
        "sets: two",
        "sets: two",
        "exercises[0].dose.sets: must be a whole number, not the text 'two'",
    ),
    "yaml 1.1 boolean": (
        "per_side: true",
        "per_side: yes",
        "per_side: yes",
        "exercises[1].dose.per_side: must be true or false, not the text 'yes'",
    ),
    "octal-looking number": (
        "sets: 2",
        "sets: 010",
        "sets: 010",
        "exercises[0].dose.sets: must be a whole number, not the text '010'",
    ),
    "sexagesimal number": (
        "rest_seconds: 30",
        "rest_seconds: 1:30",
        "rest_seconds: 1:30",
        "exercises[0].dose.rest_seconds: must be a whole number, not the text '1:30'",
    ),
    "unknown source": (
        "    easier: [second-move]\n    sources: [src]",
        "    easier: [second-move]\n    sources: [nope]",
        "nope",
        "exercises[0].sources[0]: no source has the id 'nope'",
    ),
    "insecure url": (
        "url: https://example.org/a",
        "url: http://example.org/a",
        "url: http",
        "sources.src.url: must be a web address starting with https://",
    ),
    "control character": (
        "summary: The first one.",
        'summary: "The \\e[31mfirst"',
        'summary: "The',
        "exercises[0].summary: contains the control character U+001B at position 5",
    ),
    "unknown position": (
        "    level: beginner\n",
        "    level: beginner\n    position: upside-down\n",
        "position",
        "exercises[0].position: Input should be 'back', 'front', 'side', 'kneeling', 'seated', "
        "'standing' or 'walking'",
    ),
    "build-up start above its ceiling": (
        "      rest_seconds: 30\n",
        "      rest_seconds: 30\n    build_up:\n      start: {reps: 9}\n      add: {reps: 1}\n"
        "      every_days: 3\n      ceiling: {reps: 8}\n      weeks: 6\n",
        "reps: 9}",
        "exercises[0].build_up.start.reps: the start's reps is above the ceiling's",
    ),
    "build-up cites no source": (
        "      rest_seconds: 30\n",
        "      rest_seconds: 30\n    build_up:\n      start: {reps: 4}\n      add: {reps: 1}\n"
        "      every_days: 3\n      ceiling: {reps: 8}\n      weeks: 6\n      sources: [nope]\n",
        "nope",
        "exercises[0].build_up.sources[0]: no source has the id 'nope'",
    ),
    "unknown care verdict": (
        "    easier: [second-move]\n",
        "    easier: [second-move]\n    care:\n      pregnancy: {verdict: fine, note: Yes.}\n",
        "verdict: fine",
        "exercises[0].care.pregnancy.verdict: Input should be 'suits', 'care' or 'avoid'",
    ),
    "pain rule without a stop zone": (
        "zone: stop",
        "zone: caution",
        "pain_rule:",
        "safety.pain_rule: the zones must run from go to caution to stop, with a stop zone",
    ),
    "yaml syntax": (  # libyaml notices at the next line; the error points at the '['
        "level: beginner",
        "level: [beginner",
        "[beginner",
        "this [ list is not closed: did not find expected ',' or ']' by line 27",
    ),
}


@pytest.mark.parametrize("kind", BROKEN)
def test_broken_catalog_is_one_located_line(
    kind: str, invoke: Invoke, catalog_file: Callable[[str], Path]
) -> None:
    old, new, points_at, message = BROKEN[kind]
    assert old in MINIMAL
    text = MINIMAL.replace(old, new, 1)
    path = catalog_file(text)
    result = invoke("--catalog", str(path), "list")
    assert result.exit_code == 3
    assert result.stdout == ""
    line, col = _line_col(text, points_at)
    assert result.stderr == f"backfit: {path}:{line}:{col}: {message}\n"


def test_duplicate_slug_gives_both_lines(
    invoke: Invoke, catalog_file: Callable[[str], Path]
) -> None:
    path = catalog_file(MINIMAL.replace("slug: second-move", "slug: first-move"))
    result = invoke("--catalog", str(path), "show", "first-move")
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"backfit: {path}:40:5: exercises[1].slug: 'first-move' is already the slug, name or "
        "alias of 'first-move' (first at line 22)",
        f"backfit: {path}:38:14: exercises[0].easier[0]: no exercise has the slug 'second-move'",
    ]


def test_every_problem_is_reported(invoke: Invoke, catalog_file: Callable[[str], Path]) -> None:
    text = MINIMAL.replace("sets: 2", "sets: 0").replace("sets: 1", "sets: -1")
    result = invoke("--catalog", str(catalog_file(text)), "list")
    assert result.exit_code == 3
    assert len(result.stderr.splitlines()) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty: a catalog is a mapping of keys, starting with 'title:'"),
        (
            "# only a comment\n",
            "the file is empty: a catalog is a mapping of keys, starting with 'title:'",
        ),
        ("- a\n- b\n", "the catalog must be a mapping of keys"),
        (b"title: caf\xe9\n", "is not valid UTF-8"),
    ],
)
def test_catalogs_that_are_not_catalogs(
    content: str | bytes, message: str, invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "c.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    result = invoke("--catalog", str(path), "list")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"backfit: {path}:1:")
    assert result.stderr.endswith(f": {message}\n")


def test_missing_file_and_directory(invoke: Invoke, tmp_path: Path) -> None:
    missing = invoke("--catalog", str(tmp_path / "nope.yaml"), "list")
    assert (missing.exit_code, missing.stderr) == (
        3,
        f"backfit: {tmp_path}/nope.yaml:1:1: no such file\n",
    )
    folder = invoke("--catalog", str(tmp_path), "list")
    assert folder.exit_code == 3
    assert folder.stderr == f"backfit: {tmp_path}:1:1: is a directory, not a catalog file\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(invoke: Invoke, catalog_file: Callable[[str], Path]) -> None:
    path = catalog_file(MINIMAL)
    path.chmod(0)
    result = invoke("--catalog", str(path), "list")
    assert result.stderr == f"backfit: {path}:1:1: permission denied\n"


def test_python_tags_are_refused_not_run(
    invoke: Invoke, catalog_file: Callable[[str], Path], tmp_path: Path
) -> None:
    marker = tmp_path / "ran"
    text = f"title: !!python/object/apply:os.system ['touch {marker}']\n"
    result = invoke("--catalog", str(catalog_file(text)), "list")
    assert result.exit_code == 3
    assert "which a catalog cannot use" in result.stderr
    assert not marker.exists()


def test_missing_fields_of_one_mapping_share_a_line(
    invoke: Invoke, catalog_file: Callable[[str], Path]
) -> None:
    text = MINIMAL.replace("    summary: The first one.\n", "").replace("    level: beginner\n", "")
    path = catalog_file(text)
    result = invoke("--catalog", str(path), "list")
    assert result.exit_code == 3
    assert result.stderr == (
        f"backfit: {path}:22:5: exercises[0]: missing required fields 'summary' and 'level'\n"
    )
