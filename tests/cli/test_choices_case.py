"""Choices ignore case, as the README promises: `--figure ASCII`, and BACKFIT_ASCII read
as a switch (true/false, yes/no, on/off, 1/0) in any case; anything else is one usage line
naming the choices (issue 18)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Invoke = Callable[..., Any]


def is_ascii(text: str) -> bool:
    return text.isascii()


@pytest.mark.parametrize("value", ["0", "false", "FALSE", "False", "no", "NO", "off", "Off", ""])
def test_backfit_ascii_off_in_any_case_keeps_the_typography(invoke: Invoke, value: str) -> None:
    result = invoke("list", env={"BACKFIT_ASCII": value, "COLUMNS": "60"})
    assert (result.exit_code, result.stderr) == (0, "")
    assert "beginner, seated · firm chair" in result.stdout


@pytest.mark.parametrize("value", ["1", "true", "TRUE", "Yes", "on", "ON"])
def test_backfit_ascii_on_in_any_case_gives_ascii(invoke: Invoke, value: str) -> None:
    result = invoke("list", env={"BACKFIT_ASCII": value, "COLUMNS": "60"})
    assert (result.exit_code, result.stderr) == (0, "")
    assert "beginner, seated - firm chair" in result.stdout and is_ascii(result.stdout)


@pytest.mark.parametrize("command", [["list"], ["show", "bird-dog"], ["safety"]])
def test_backfit_ascii_with_another_value_is_one_usage_line(
    invoke: Invoke, command: list[str]
) -> None:
    result = invoke(*command, env={"BACKFIT_ASCII": "maybe"})
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "backfit: BACKFIT_ASCII: must be 1, true, yes, on, 0, false, no or off, not 'maybe'\n"
        "Try 'backfit --help'.\n"
    )


@pytest.mark.parametrize("mode", ["ASCII", "Ascii", "ascii"])
def test_figure_mode_ignores_case(invoke: Invoke, mode: str) -> None:
    by_option = invoke("show", "bird-dog", "--figure", mode)
    by_env = invoke("show", "bird-dog", env={"BACKFIT_FIGURE": mode})
    assert by_option.exit_code == by_env.exit_code == 0
    assert by_option.stdout == by_env.stdout
    assert not any("\u2800" <= c <= "\u28ff" for c in by_option.stdout)  # no braille
    assert "_____" in by_option.stdout


def test_an_unknown_figure_mode_names_the_choices(invoke: Invoke) -> None:
    result = invoke("show", "bird-dog", "--figure", "Sixel")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "backfit: --figure: must be braille, blocks, ascii, words or none, not 'Sixel'\n"
        "Try 'backfit show --help'.\n"
    )
