"""The command line: the only part of backfit that knows Typer, options and exit codes.

Each command parses its options, makes one call into the domain, prints what comes
back, and chooses the exit code. The commands live in modules by what they touch:
the catalog, a guided session, the training log.
"""

from typer.models import CommandInfo

from backfit.cli import catalog, figures, journal, session
from backfit.cli.app import app

# The order `backfit --help` lists the commands in: what a person needs first.
ORDER = (
    "list", "show", "figure", "routines", "start", "log", "history", "progress",
    "validate", "schema", "benefits", "safety",
)  # fmt: skip


def _place(command: CommandInfo) -> int:
    name = command.name or getattr(command.callback, "__name__", "").replace("_", "-")
    return ORDER.index(name) if name in ORDER else len(ORDER)


app.registered_commands.sort(key=_place)

__all__ = ["app", "catalog", "figures", "journal", "session"]
