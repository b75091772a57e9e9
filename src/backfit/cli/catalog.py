"""Commands that read the catalog: list, show, routines, benefits, safety, and the
catalog-author commands validate and schema."""

from pathlib import Path
from typing import Annotated

import typer

from backfit.catalog.conditions import Condition
from backfit.catalog.levels import Level
from backfit.cli.app import (
    EXIT_BAD_CATALOG,
    EXIT_NOT_FOUND,
    JsonFlag,
    NameArgument,
    app,
    fail,
    find,
    load,
    notice,
    show,
    show_json,
)
from backfit.cli.figures import FigureOption, drawable


@app.command("list")
def list_exercises(
    ctx: typer.Context,
    level: Annotated[
        Level | None,
        typer.Option(
            metavar="LEVEL",
            help="Only exercises of this level: beginner, intermediate or advanced.",
        ),
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
    condition: Annotated[
        Condition | None,
        typer.Option(
            "--for", help="Only exercises that suit this condition, or suit it with care."
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """List the exercises, gentlest first, optionally filtered."""
    from backfit.catalog.search import filter_exercises

    catalog = load(ctx.obj)
    found = filter_exercises(
        catalog.exercises,
        level=level,
        equipment=equipment,
        muscle=muscle,
        text=search,
        condition=condition,
    )
    if as_json:
        from backfit.views.export import exercises_json

        show_json(exercises_json(found))
    elif found:
        from backfit.views.catalog import exercise_list

        show(exercise_list(found, condition=condition))
    if not found:
        fail("no exercises match those filters", EXIT_NOT_FOUND)


@app.command("show")
def show_entry(
    ctx: typer.Context,
    name: NameArgument,
    as_json: JsonFlag = False,
    figure: FigureOption = "braille",
) -> None:
    """Show an exercise or a routine in full.

    An exercise: summary, dose, benefits, numbered steps, cautions, variants, sources.
    A routine: purpose, who it is for, each exercise at its dose, the time it takes.
    """
    from backfit.catalog.models import Exercise

    catalog = load(ctx.obj)
    entry = find(catalog, name)
    if isinstance(entry, Exercise):
        if as_json:
            from backfit.views.export import exercise_json

            return show_json(exercise_json(entry))
        from backfit.views.catalog import exercise_detail

        return show(exercise_detail(entry, catalog, figure=drawable(figure)))
    if as_json:
        from backfit.views.export import routine_json

        return show_json(routine_json(entry, catalog))
    from backfit.views.catalog import routine_detail

    show(routine_detail(entry, catalog))


@app.command()
def routines(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """List the routines: ready-made sessions of several exercises."""
    catalog = load(ctx.obj)
    if as_json:
        from backfit.views.export import routines_json

        return show_json(routines_json(catalog.routines, catalog))
    if not catalog.routines:
        fail("this catalog has no routines", EXIT_NOT_FOUND)
    from backfit.views.catalog import routine_list

    show(routine_list(catalog.routines, catalog))


@app.command()
def benefits(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Why lower-back training helps, and what each exercise offers."""
    catalog = load(ctx.obj)
    if as_json:
        from backfit.views.export import benefits_json

        return show_json(benefits_json(catalog))
    from backfit.views.catalog import benefits_view

    show(benefits_view(catalog))


@app.command()
def sources(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Every source the catalog cites, and the entries that cite each."""
    catalog = load(ctx.obj)
    if as_json:
        from backfit.views.export import sources_json

        return show_json(sources_json(catalog))
    from backfit.views.catalog import sources_view

    show(sources_view(catalog))


@app.command()
def safety(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Red flags, the pain rule, and general cautions."""
    catalog = load(ctx.obj, builtin_if_broken=True)  # a broken user catalog never hides these
    if as_json:
        from backfit.views.export import safety_json

        return show_json(safety_json(catalog))
    from backfit.views.catalog import safety_view

    show(safety_view(catalog))


@app.command()
def validate(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="A catalog, or a user catalog with 'extends: builtin'.",
            show_default=False,
        ),
    ],
) -> None:
    """Check a catalog file and list every problem in it."""
    from backfit.catalog.errors import CatalogError
    from backfit.catalog.loader import check_file
    from backfit.output import write_lines

    try:
        catalog, extension = check_file(Path(file), notice=notice)
    except CatalogError as error:
        count = len(error.problems)
        write_lines([*map(str, error.problems), f"{count} problem{'s' * (count != 1)} in {file}"])
        raise typer.Exit(EXIT_BAD_CATALOG) from None
    what = "user catalog, with the built-in one" if extension else "catalog"
    totals = f"{len(catalog.exercises)} exercises, {len(catalog.routines)} routines"
    write_lines([f"{file}: a valid {what}: {totals}"])


@app.command()
def schema() -> None:
    """Print the catalog's JSON Schema, for editors."""
    from backfit.views.export import catalog_schema

    show_json(catalog_schema())
