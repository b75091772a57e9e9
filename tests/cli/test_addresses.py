"""Web addresses are never split across lines, in `sources` or in catalog text inside a
panel: one longer than the width is shown whole on a line of its own (issue 18)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import MINIMAL
from rich.cells import cell_len

from backfit.catalog.loader import builtin_catalog_path, load_catalog

Invoke = Callable[..., Any]
CATALOG = load_catalog(builtin_catalog_path())
LONG = "https://www.example.org/guidance/back-pain/when-to-get-help-urgently-and-where"
SHORT = "https://nhs.uk/111"
ADDRESS = re.compile(r"https?://")


def whole_on_a_line(address: str, text: str) -> bool:
    return any(address in line for line in text.splitlines())


def fits_but_addresses(text: str, width: int) -> list[str]:
    """Lines wider than `width` that are not a lone address."""
    return [
        line
        for line in text.splitlines()
        if cell_len(line) > width and not re.fullmatch(r"[│|\s•*]*<?https?://\S+", line)
    ]


@pytest.mark.parametrize("width", [40, 80])
def test_sources_never_split_an_address(invoke: Invoke, width: int) -> None:
    result = invoke("sources", env={"COLUMNS": str(width)})
    assert result.exit_code == 0
    urls = [s.url for s in CATALOG.sources.values() if s.url]
    assert urls and [u for u in urls if not whole_on_a_line(u, result.stdout)] == []
    assert fits_but_addresses(result.stdout, width) == []


@pytest.fixture
def with_addresses(catalog_file: Callable[[str], Path]) -> Path:
    text = MINIMAL.replace(
        "  emergency: [Numbness in the saddle area.]",
        f"  emergency: ['Numbness in the saddle area: call 999 or see {LONG} now.']",
    ).replace(
        "    cautions: [Go gently.]",
        f"    cautions: ['Go gently, and read {LONG} first; the short guide is at {SHORT} too.']",
    )
    return catalog_file(text)


@pytest.mark.parametrize("width", [40, 80])
@pytest.mark.parametrize("command", [["show", "first-move"], ["safety"]])
def test_addresses_in_a_panel_are_never_split(
    invoke: Invoke, with_addresses: Path, width: int, command: list[str]
) -> None:
    result = invoke(*command, "--catalog", str(with_addresses), env={"COLUMNS": str(width)})
    assert (result.exit_code, result.stderr) == (0, "")
    assert whole_on_a_line(LONG, result.stdout)
    if command[0] == "show":
        assert whole_on_a_line(SHORT, result.stdout)
    assert fits_but_addresses(result.stdout, width) == []
    # The words around the address are all there, in order.
    said = " ".join(re.sub(r"[│╭╮╰╯─]", " ", result.stdout).split())
    assert f"call 999 or see {LONG} now." in said or command[0] == "show"
    assert f"Go gently, and read {LONG} first; the short guide is at {SHORT} too." in said or (
        command[0] == "safety"
    )
