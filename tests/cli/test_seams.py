"""The one place backfit leans on Typer beyond its public names (`cli/seams.py`): each kind
of command-line mistake is made for real, so a Typer release that renames one fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from backfit.cli.main import app
from backfit.cli.seams import KINDS, click_error_kind

SRC = Path(__file__).parents[2] / "src" / "backfit"


@pytest.mark.parametrize(
    ("args", "kind"),
    [
        (["list", "--serch", "x"], "NoSuchOption"),
        (["list", "--search"], "BadOptionUsage"),
        (["show"], "MissingParameter"),
        (["log", "bird-dog", "--sets", "two"], "BadParameter"),
        (["list", "extra"], "UsageError"),
    ],
)
def test_each_kind_of_mistake_is_recognised(args: list[str], kind: str) -> None:
    command = typer.main.get_command(app)
    with pytest.raises(Exception) as raised:
        # Typer's own main, not backfit's: the exception as Typer raises it.
        super(type(command), command).main(args, prog_name="backfit", standalone_mode=False)
    assert click_error_kind(raised.value) == kind
    assert hasattr(raised.value, "ctx")  # where the hint comes from


def test_every_usage_error_is_a_click_exception_and_other_errors_are_not() -> None:
    assert click_error_kind(typer.BadParameter("x")) == "BadParameter"
    assert click_error_kind(ValueError("x")) is None
    assert KINDS[-1] == "ClickException"


def test_no_private_typer_or_click_module_is_imported() -> None:
    private = re.compile(r"^\s*(from|import)\s+(typer\._|click\b|typer\._click)", re.MULTILINE)
    offenders = [str(p) for p in SRC.rglob("*.py") if private.search(p.read_text())]
    assert offenders == []
    assert not any("__class__ =" in p.read_text() for p in SRC.rglob("*.py"))
