"""The whole command line: the app with every command module's commands on it."""

from backfit.cli import (
    catalog,
    config,
    figures,
    forget,
    handout,
    journal,
    lessons,
    programme,
    session,
    shell,
    translations,
)
from backfit.cli.app import app

__all__ = [
    "app", "catalog", "config", "figures", "forget", "handout", "journal", "lessons",
    "programme", "session", "shell", "translations",
]  # fmt: skip
