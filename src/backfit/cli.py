"""The Typer app: parse options, call the domain, print, choose the exit code.

This is the only module that knows about Typer, and the only place where errors
become a line on stderr and an exit code. Heavy modules are imported inside the
commands so that `--help` and shell completion stay quick.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn

import typer

from backfit import __version__
from backfit.catalog import CATALOG_ENV, catalog_path, exercise_names

if TYPE_CHECKING:
    from rich.console import RenderableType

    from backfit.models import Catalog

EXIT_NOT_FOUND = 1
EXIT_BAD_CATALOG = 3

app = typer.Typer(
    name="backfit",
    help="A terminal guide to strengthening the lower back: which exercises help, "
    "how to do them, how much, and when to stop.",
    epilog="Not a substitute for a medical examination. Run 'backfit safety' first.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        print(f"backfit {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    catalog: Annotated[
        Path | None,
        typer.Option(
            "--catalog",
            envvar=CATALOG_ENV,
            metavar="FILE",
            help="Read exercises from FILE instead of the built-in catalog.",
            show_envvar=True,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    ctx.obj = catalog


def _complete_exercise(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Slugs (with names as help) that start with what was typed so far."""
    typed = incomplete.casefold()
    chosen = ctx.find_root().params.get("catalog")
    return [
        (slug, name)
        for slug, name in exercise_names(catalog_path(chosen))
        if slug.startswith(typed) or name.casefold().startswith(typed)
    ]


def _complete_level(incomplete: str) -> list[str]:
    return [
        level for level in ("beginner", "intermediate", "advanced") if level.startswith(incomplete)
    ]


JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a formatted view.")]


@app.command("list")
def list_exercises(
    ctx: typer.Context,
    level: Annotated[
        Literal["beginner", "intermediate", "advanced"] | None,
        typer.Option(help="Only exercises of this level.", autocompletion=_complete_level),
    ] = None,
    equipment: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="Only exercises using this equipment, e.g. 'mat'."),
    ] = None,
    muscle: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="Only exercises working this muscle, e.g. 'glutes'."),
    ] = None,
    search: Annotated[
        str | None,
        typer.Option(
            metavar="TEXT", help="Only exercises whose name, aliases or summary hold TEXT."
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """List the exercises, optionally filtered."""
    from backfit.search import filter_exercises

    catalog = _load(ctx.obj)
    found = filter_exercises(
        catalog.exercises, level=level, equipment=equipment, muscle=muscle, text=search
    )
    if as_json:
        from backfit.export import exercises_json

        _print_json(exercises_json(found))
    elif found:
        from backfit.render import exercise_list

        _print(lambda width: exercise_list(found, width=width))
    if not found:
        _fail("no exercises match those filters", EXIT_NOT_FOUND)


@app.command()
def show(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help="Exercise slug, name or alias, e.g. swallow-fly or 'superman'.",
            autocompletion=_complete_exercise,
            show_default=False,
        ),
    ],
    as_json: JsonFlag = False,
) -> None:
    """Show one exercise: dose, steps, cautions, variants and sources."""
    catalog = _load(ctx.obj)
    exercise = catalog.find(name)
    if exercise is None:
        from backfit.search import suggestions

        close = suggestions(catalog, name)
        hint = f"; did you mean {' or '.join(close)}?" if close else "; try 'backfit list'"
        _fail(f"no exercise called '{name}'{hint}", EXIT_NOT_FOUND)
    if as_json:
        from backfit.export import exercise_json

        _print_json(exercise_json(exercise))
        return
    from backfit.render import exercise_detail

    _print(lambda width: exercise_detail(exercise, catalog))


@app.command()
def benefits(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Why lower-back training helps, and what each exercise offers."""
    catalog = _load(ctx.obj)
    if as_json:
        from backfit.export import benefits_json

        _print_json(benefits_json(catalog))
        return
    from backfit.render import benefits_view

    _print(lambda width: benefits_view(catalog, width=width))


@app.command()
def safety(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Red flags, the pain rule, and general cautions."""
    catalog = _load(ctx.obj)
    if as_json:
        from backfit.export import safety_json

        _print_json(safety_json(catalog))
        return
    from backfit.render import safety_view

    _print(lambda width: safety_view(catalog))


def _load(chosen: Path | None) -> Catalog:
    from backfit.catalog import CatalogError, load_catalog
    from backfit.output import error_line

    try:
        return load_catalog(catalog_path(chosen))
    except CatalogError as error:
        for problem in error.problems:
            error_line(str(problem))
        raise typer.Exit(EXIT_BAD_CATALOG) from None


def _print(build: Callable[[int], RenderableType]) -> None:
    from backfit.output import print_view, stdout_console

    console = stdout_console()
    print_view(console, build(console.width))


def _print_json(text: str) -> None:
    from backfit.output import write_json

    write_json(text)


def _fail(message: str, code: int) -> NoReturn:
    from backfit.output import error_line

    error_line(message)
    raise typer.Exit(code)
