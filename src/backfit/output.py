"""The two streams: results to stdout through Rich, messages to stderr as plain lines."""

from __future__ import annotations

import sys
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def stdout_console() -> Console:
    """Rich decides colour from the stream: none when piped, none with NO_COLOR."""
    from rich.console import Console

    return Console(highlight=False, emoji=False, markup=False)


def printable(text: str) -> str:
    """`text` with every control or format character shown as an escape, never acted on."""
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") else c
        for c in text
    )


def error_line(message: str) -> None:
    """One line on stderr, whatever `message` holds."""
    sys.stderr.write(f"backfit: {printable(message)}\n")


def write_json(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
