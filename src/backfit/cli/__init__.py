"""The command line: the only part of backfit that knows Typer, options and exit codes.

Each command parses its options, makes one call into the domain, prints what comes
back, and chooses the exit code. The commands live in modules by what they touch:
the catalog, a guided session, the training log.
"""

from typing import TYPE_CHECKING

from backfit.cli import catalog, figures, journal, session
from backfit.cli.app import app
from backfit.cli.failures import Backfit

if TYPE_CHECKING:
    from typer._click import Context as ClickContext  # what TyperGroup's methods take

# The order `backfit --help` lists the commands in: what a person needs first.
ORDER = (
    "list", "show", "figure", "routines", "start", "log", "history", "progress",
    "validate", "schema", "benefits", "safety", "sources",
)  # fmt: skip


def _place(name: str) -> int:
    return ORDER.index(name) if name in ORDER else len(ORDER)


class OrderedBackfit(Backfit):
    """Lists commands and groups of commands (log) together, in ORDER."""

    def list_commands(self, ctx: "ClickContext") -> list[str]:
        return sorted(super().list_commands(ctx), key=_place)


app.info.cls = OrderedBackfit

__all__ = ["app", "catalog", "figures", "journal", "session"]
