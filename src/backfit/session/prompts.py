"""The questions asked around a guided session: the safety check before it, and pain
before and after. Each reads the person's answer from the terminal."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from backfit.session.coach import Key
from backfit.session.terminal import key_reader

if TYPE_CHECKING:
    from rich.console import Console

    from backfit.catalog.models import Catalog
    from backfit.session.plan import Plan


def safety_check(console: Console, catalog: Catalog, plan: Plan) -> bool:
    """Show the red flags and the pain rule; True once the person presses Enter."""
    from backfit.views.session import safety_check_view

    with key_reader(sys.stdin) as keys:  # before printing, so no early key press is lost
        console.print(safety_check_view(catalog, plan))
        while (answer := keys.read(None)) not in (Key.CONTINUE, Key.QUIT):
            pass
    return answer is Key.CONTINUE


def ask_pain(console: Console, when: str) -> int | None:
    """Pain 0-10 typed as a line; an empty line (or end of input) skips the question."""
    while True:
        try:
            answer = input(f"Pain {when}, 0 to 10 (Enter to skip): ").strip()
        except EOFError:
            return None
        if not answer:
            return None
        if answer.isdigit() and 0 <= int(answer) <= 10:
            return int(answer)
        console.print("Please type a whole number from 0 to 10, or just press Enter.")
