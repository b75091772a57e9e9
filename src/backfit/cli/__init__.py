"""The command line: the only part of backfit that knows Typer, options and exit codes.

Each command parses its options, makes one call into the domain, prints what comes
back, and chooses the exit code. The commands live in modules by what they touch:
the catalog, figures, a guided session, the training log.
"""

from backfit.cli import catalog, figures, journal, session
from backfit.cli.app import app

__all__ = ["app", "catalog", "figures", "journal", "session"]
