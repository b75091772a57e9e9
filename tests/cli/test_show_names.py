"""`backfit show` finds an exercise by the names people use, and lists the candidates when
a short name fits several (issue 18)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Invoke = Callable[..., Any]


@pytest.mark.parametrize(
    ("typed", "heading"),
    [
        ("superman", "Swallow fly"),
        ("Superman", "Swallow fly"),
        ("deadlift", "Bent-leg deadlift"),
        ("child pose", "Child's pose"),
    ],
)
def test_show_finds_the_names_people_type(invoke: Invoke, typed: str, heading: str) -> None:
    result = invoke("show", typed, "--figure", "none")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith(f"{heading}  (also: ")


@pytest.mark.parametrize(
    ("typed", "candidates"),
    [
        ("plank", "side-plank-bent-knee or side-plank"),
        ("tilt", "pelvic-tilt or seated-pelvic-tilt"),
        (
            "stretch",
            "knee-to-chest or knee-rolls or bottom-to-heels or childs-pose or "
            "standing-hip-flexor-stretch or kneeling-hip-flexor-stretch",
        ),
        ("hip flexor", "standing-hip-flexor-stretch or kneeling-hip-flexor-stretch"),
        ("arm", "bird-dog or dead-bug"),  # 'opposite arm and leg', not 'forearm'
    ],
)
def test_an_ambiguous_short_name_lists_every_candidate(
    invoke: Invoke, typed: str, candidates: str
) -> None:
    result = invoke("show", typed)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"backfit: no exercise or routine called '{typed}'; did you mean {candidates}?\n"
    )


def test_a_letter_inside_a_word_is_no_candidate(invoke: Invoke) -> None:
    """'arm' is in 'forearm' (side planks), but nobody typing 'arm' means a side plank."""
    result = invoke("show", "arm")
    assert result.exit_code == 1
    assert "side-plank" not in result.stderr
