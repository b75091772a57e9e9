"""`backfit forget`: everything backfit keeps about a person, removed, and where it was said."""

import sys
from contextlib import suppress
from pathlib import Path
from typing import Annotated

import typer

from backfit.cli.app import command
from backfit.cli.asking import yes_asked
from backfit.cli.exits import EXIT_USAGE
from backfit.cli.failures import fail
from backfit.i18n import _
from backfit.output import error_line, write_lines
from backfit.views.words import messages

LOG_COMPANIONS = ("", "-wal", "-shm", "-journal")  # SQLite's files beside the log


@command()
def forget(
    yes: Annotated[bool, typer.Option("--yes", "-y", help=_("Remove without asking."))] = False,
) -> None:
    """Remove the training log, the catalog cache, your own catalog and your settings."""
    from backfit.catalog.files import user_catalog_path
    from backfit.config import config_path
    from backfit.journal.store import journal_path
    from backfit.places import cache_dir

    log, cache, settings = journal_path(), cache_dir(), user_catalog_path()
    kept = config_path()
    places = [  # what is said, the place named, the files removed
        (messages.FORGOTTEN_LOG, log, [log.with_name(log.name + end) for end in LOG_COMPANIONS]),
        (messages.FORGOTTEN_CACHE, cache, _cached(cache)),
        (messages.FORGOTTEN_SETTINGS, settings, [settings]),
        (messages.FORGOTTEN_CONFIG, kept, [kept]),
    ]
    there = [(said, place, [p for p in paths if p.is_file()]) for said, place, paths in places]
    there = [(said, place, paths) for said, place, paths in there if paths]
    if not there:
        return error_line(messages.NOTHING_TO_FORGET)
    if not yes:
        if sys.stdin is None or not sys.stdin.isatty():
            fail(messages.FORGET_NEEDS_YES, EXIT_USAGE)
        if not yes_asked(messages.FORGET_ASK):
            return error_line(messages.NOTHING_FORGOTTEN)
    for said, place, paths in there:
        for path in paths:
            path.unlink(missing_ok=True)
        _remove_if_empty(paths[0].parent)
        write_lines([said.format(place=place)])


def _cached(folder: Path) -> list[Path]:
    return sorted(folder.glob("catalog-*.pickle")) if folder.is_dir() else []


def _remove_if_empty(folder: Path) -> None:
    with suppress(OSError):  # something else is kept there: leave it
        folder.rmdir()
