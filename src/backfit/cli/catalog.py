"""Commands that read the catalog: list, show, routines, benefits, safety, and the
catalog-author commands validate and schema."""

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from backfit.catalog.conditions import Condition
from backfit.catalog.levels import Level
from backfit.catalog.positions import POSITIONS
from backfit.cli.app import command, find, load, plan_conditions, show, show_json, warn_plan_care
from backfit.cli.exits import EXIT_BAD_CATALOG, EXIT_NOT_FOUND
from backfit.cli.failures import fail
from backfit.cli.figures import FigureOption, drawable
from backfit.cli.options import (
    AccessibleOption,
    AsciiOption,
    CatalogOption,
    JsonFlag,
    NameArgument,
    catalog_in_use,
    choice_option,
    complete_choices,
    one_of,
)
from backfit.i18n import _
from backfit.output import error_line, write_lines
from backfit.views.words import catalog as catalog_words
from backfit.views.words import messages, plural


@command("list")
def list_exercises(
    ctx: typer.Context,
    level: Annotated[
        Level | None,
        typer.Option(
            metavar="LEVEL",
            parser=one_of(list(Level), catalog_words.LEVELS),
            help=_("Only exercises of this level: beginner, intermediate or advanced."),
        ),
    ] = None,
    equipment: Annotated[
        str | None,
        typer.Option(metavar="NAME", help=_("Only exercises using this equipment, e.g. 'mat'.")),
    ] = None,
    muscle: Annotated[
        str | None,
        typer.Option(metavar="NAME", help=_("Only exercises working this muscle, e.g. 'glutes'.")),
    ] = None,
    search: Annotated[
        str | None,
        typer.Option(
            metavar="TEXT",
            help=_(
                "Only exercises whose name, aliases or summary hold the words of TEXT, "
                "each whole or the start of a word."
            ),
        ),
    ] = None,
    position: Annotated[
        str | None,
        typer.Option(
            metavar="POSITION",
            parser=one_of(POSITIONS, catalog_words.LISTED_POSITIONS),
            autocompletion=complete_choices(POSITIONS),
            help=_("Only exercises done in this position: {positions}.").format(
                positions=", ".join(POSITIONS)
            ),
        ),
    ] = None,
    conditions: Annotated[
        list[Condition] | None,
        choice_option(
            Condition,
            catalog_words.CONDITION_NAMES,
            "--for",
            help=_(
                "Only exercises that suit this condition, or suit it with care; given "
                "more than once, only those that suit every one."
            ),
        ),
    ] = None,
    every: Annotated[
        bool,
        typer.Option("--all", help=_("Every exercise, whatever your plan's care conditions.")),
    ] = False,
    as_json: JsonFlag = False,
    catalog_file: CatalogOption = None,
    ascii_output: AsciiOption = False,
    accessible: AccessibleOption = False,
) -> None:
    """List the exercises, gentlest first, optionally filtered. With a plan whose care
    conditions apply, only the exercises that suit them (--all for every one)."""
    from backfit.catalog.search import filter_exercises

    if not conditions and not every and (planned := plan_conditions()):
        conditions = list(planned)
        said = catalog_words.LIST.join(catalog_words.condition_name(c.value) for c in planned)
        error_line(messages.LIST_FOR_PLAN.format(conditions=said))
    wanted = list(dict.fromkeys(conditions or ()))  # each condition once, in the order given
    found = filter_exercises(
        load(catalog_in_use(ctx, catalog_file)).exercises,
        level=level,
        equipment=equipment,
        muscle=muscle,
        text=search,
        position=position,
        conditions=wanted,
    )
    if as_json:
        from backfit.views.export import exercises_json

        show_json(exercises_json(found))
    elif found:
        from backfit.views.catalog import exercise_list

        show(exercise_list(found, conditions=wanted))
    if not found:
        fail(messages.NO_MATCHES, EXIT_NOT_FOUND)


@command("show")
def show_entry(
    ctx: typer.Context,
    name: NameArgument,
    as_json: JsonFlag = False,
    figure: FigureOption = "braille",
    catalog_file: CatalogOption = None,
    ascii_output: AsciiOption = False,
    accessible: AccessibleOption = False,
) -> None:
    """Show an exercise or a routine in full.

    An exercise: summary, dose, benefits, numbered steps, cautions, variants, sources.
    A routine: purpose, who it is for, each exercise at its dose, the time it takes.
    """
    from backfit.catalog.models import Exercise

    catalog = load(catalog_in_use(ctx, catalog_file))
    entry = find(catalog, name)
    if not as_json:
        warn_plan_care(entry, catalog)
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


@command()
def routines(
    ctx: typer.Context,
    as_json: JsonFlag = False,
    catalog_file: CatalogOption = None,
    ascii_output: AsciiOption = False,
    accessible: AccessibleOption = False,
) -> None:
    """List the routines: ready-made sessions of several exercises."""
    catalog = load(catalog_in_use(ctx, catalog_file))
    if as_json:
        from backfit.views.export import routines_json

        return show_json(routines_json(catalog.routines, catalog))
    if not catalog.routines:
        fail(messages.NO_ROUTINES, EXIT_NOT_FOUND)
    from backfit.views.catalog import routine_list

    show(routine_list(catalog.routines, catalog))


# The catalog's pages, each a command that prints it as a view (views.catalog's PAGE_view)
# or as JSON (views.export's PAGE_json), in the order `--help` gives: what each says.
PAGES = {
    "benefits": _("Why lower-back training helps, and what each exercise offers."),
    "safety": _("Red flags, the pain rule, and general cautions."),
    "sources": _("Every source the catalog cites, and the entries that cite each."),
}


def _page_command(page: str) -> Callable[..., None]:
    def show_page(
        ctx: typer.Context,
        as_json: JsonFlag = False,
        catalog_file: CatalogOption = None,
        ascii_output: AsciiOption = False,
        accessible: AccessibleOption = False,
    ) -> None:
        from backfit.views import catalog as views
        from backfit.views import export

        # A broken user catalog never hides the safety page.
        catalog = load(catalog_in_use(ctx, catalog_file), builtin_if_broken=page == "safety")
        if as_json:
            return show_json(getattr(export, f"{page}_json")(catalog))
        show(getattr(views, f"{page}_view")(catalog))

    show_page.__doc__ = PAGES[page]
    return show_page


for _page in PAGES:
    command(_page)(_page_command(_page))


@command()
def validate(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE", help=_("A catalog, or a user catalog with 'extends: builtin'.")
        ),
    ],
    ascii_output: AsciiOption = False,
    accessible: AccessibleOption = False,
) -> None:
    """Check a catalog file and list every problem in it."""
    from backfit.catalog.errors import WHOLE_FILE, CatalogError
    from backfit.catalog.loader import check_file

    try:
        catalog, extension = check_file(Path(file), notice=error_line)
    except CatalogError as error:
        if [problem.line for problem in error.problems] == [WHOLE_FILE]:  # no catalog to list
            fail(str(error.problems[0]), EXIT_BAD_CATALOG)
        count = len(error.problems)
        total = plural(*messages.PROBLEMS, count).format(count=count, file=file)
        write_lines([*map(str, error.problems), total])
        raise typer.Exit(EXIT_BAD_CATALOG) from None
    said = messages.VALID_EXTENSION if extension else messages.VALID_CATALOG
    totals = messages.TOTALS.format(
        exercises=len(catalog.exercises), routines=len(catalog.routines)
    )
    write_lines([said.format(file=file, totals=totals)])


@command()
def schema(ascii_output: AsciiOption = False, accessible: AccessibleOption = False) -> None:
    """Print the catalog's JSON Schema, for editors."""
    from backfit.views.export import catalog_schema

    show_json(catalog_schema())
