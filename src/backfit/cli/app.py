"""The Typer app and what every command shares: the global options, loading the catalog,
finding a name in it, printing, and turning a failure into one line and an exit code.

Heavy modules are imported inside the functions so that `--help` and shell completion
stay quick, and annotations are real objects rather than strings (no
`from __future__ import annotations`), which spares Typer evaluating them on every run.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from backfit import __version__
from backfit.catalog.completion import entry_names
from backfit.catalog.files import CATALOG_ENV, catalog_files

if TYPE_CHECKING:
    from rich.console import RenderableType

    from backfit.catalog.models import Catalog, Exercise, Routine

# The exit codes live with the failures they name; the commands import them from here.
from backfit.cli.failures import EXIT_BAD_CATALOG as EXIT_BAD_CATALOG
from backfit.cli.failures import EXIT_INTERRUPTED as EXIT_INTERRUPTED
from backfit.cli.failures import EXIT_LOG as EXIT_LOG
from backfit.cli.failures import EXIT_NOT_FOUND as EXIT_NOT_FOUND
from backfit.cli.failures import EXIT_OUTPUT as EXIT_OUTPUT
from backfit.cli.failures import EXIT_USAGE as EXIT_USAGE
from backfit.cli.failures import Backfit

app = typer.Typer(
    name="backfit",
    help="A terminal guide to strengthening the lower back: which exercises help, "
    "how to do them, how much, and when to stop.",
    epilog="Not a substitute for a medical examination. Run 'backfit safety' first.",
    cls=Backfit,
    invoke_without_command=True,  # bare `backfit` prints the overview
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


OVERVIEW = [
    f"backfit {__version__}: a terminal guide to strengthening the lower back.",
    "",
    "Try these first:",
    "  backfit safety                  when to stop, and when to see a doctor first",
    "  backfit list                    the exercises, gentlest first",
    "  backfit start gentle-mobility   a short routine with a live coach",
    "",
    "Every command and option: backfit --help",
]


def _show_version(value: bool) -> None:
    if value:
        print(f"backfit {__version__}")
        raise typer.Exit()


def _use_ascii(value: bool) -> None:
    if value:
        from backfit.output import force_ascii

        force_ascii()


@app.callback()
def main(
    ctx: typer.Context,
    catalog: Annotated[
        str | None,  # not Path: the loader, not Typer, reports a file it cannot read
        typer.Option(
            "--catalog",
            envvar=CATALOG_ENV,
            metavar="FILE",
            help="Read exercises from FILE instead of the built-in catalog (or as well as it, "
            "if FILE says 'extends: builtin').",
            show_envvar=True,
        ),
    ] = None,
    ascii_only: Annotated[
        bool,
        typer.Option(
            "--ascii",
            callback=_use_ascii,
            is_eager=True,
            help="Plain ASCII output: no bullets, box edges or bars (also BACKFIT_ASCII=1).",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    ctx.obj = None if catalog is None else Path(catalog)
    if ctx.invoked_subcommand is None:
        from backfit.output import write_lines

        write_lines(OVERVIEW)


def complete_name(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Slugs of exercises and routines (with names as help) that start with what was typed."""
    typed = incomplete.casefold()
    chosen = ctx.find_root().params.get("catalog")
    chosen = None if chosen is None else Path(chosen)
    return [
        (slug, name)
        for slug, name in entry_names(catalog_files(chosen))
        if slug.startswith(typed) or name.casefold().startswith(typed)
    ]


JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a formatted view.")]
NameArgument = Annotated[
    str,
    typer.Argument(
        metavar="NAME",
        help="Slug, name or alias of an exercise or routine, e.g. swallow-fly or 'flying swallow'.",
        autocompletion=complete_name,
        show_default=False,
    ),
]


def load(chosen: Path | None, *, builtin_if_broken: bool = False) -> "Catalog":
    """The catalog in use. When the user catalog is broken, every problem is listed with a
    way to leave it out for now; `builtin_if_broken` instead names the broken file in one
    line and carries on with the built-in catalog (for `safety`, which must always answer)."""
    from backfit.catalog.errors import CatalogError
    from backfit.catalog.loader import load_files
    from backfit.output import error_line

    files = catalog_files(chosen)
    user = files[1] if len(files) > 1 else None
    try:
        return load_files(files, notice=notice)
    except CatalogError as error:
        if user is not None and builtin_if_broken:
            notice(f"{user} has problems (see 'backfit validate {user}'), so it is left out")
            return load_files(files[:1], notice=notice)
        for problem in error.problems:
            error_line(str(problem))
        if user is not None:
            error_line(
                "to leave your user catalog out for now: backfit --catalog builtin COMMAND "
                "(or BACKFIT_CATALOG=builtin)"
            )
        raise typer.Exit(EXIT_BAD_CATALOG) from None


def find(catalog: "Catalog", name: str) -> "Exercise | Routine":
    entry = catalog.find(name)
    if entry is None:
        from backfit.catalog.search import suggestions

        close = suggestions(catalog, name)
        hint = f"; did you mean {' or '.join(close)}?" if close else "; try 'backfit list'"
        fail(f"no exercise or routine called '{name}'{hint}", EXIT_NOT_FOUND)
    return entry


@contextmanager
def log_errors() -> Iterator[None]:
    """A log that cannot be used becomes one line and exit code 4; a session id that is
    not in it, one line and exit code 1."""
    from backfit.journal.schema import JournalError, SessionNotFound

    try:
        yield
    except SessionNotFound as error:
        fail(str(error), EXIT_NOT_FOUND)
    except JournalError as error:
        fail(str(error), EXIT_LOG)


def notice(message: str) -> None:
    from backfit.output import error_line

    error_line(message)


def show(renderable: "RenderableType") -> None:
    from backfit.output import print_view, stdout_console

    print_view(stdout_console(), renderable)


def show_json(text: str) -> None:
    from backfit.output import write_json

    write_json(text)


def fail(message: str, code: int) -> NoReturn:
    if code == EXIT_USAGE:  # said with its hint, like Typer's own usage errors
        from typer._click.globals import get_current_context

        from backfit.cli.failures import CommandUsageError

        raise CommandUsageError(message, get_current_context(silent=True))
    from backfit.output import error_line

    error_line(message)
    raise typer.Exit(code)
