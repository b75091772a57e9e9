"""`backfit lessons`: the plan's daily lessons, listed by day, or one read in full."""

from typing import Annotated

import typer

from backfit.cli.app import command, lessons_in_use, show, show_json
from backfit.cli.exits import EXIT_BAD_CATALOG, EXIT_NOT_FOUND
from backfit.cli.failures import fail
from backfit.cli.options import AccessibleOption, AsciiOption, JsonFlag
from backfit.output import error_line
from backfit.views.words import lessons as words

DayArgument = Annotated[
    int | None, typer.Argument(metavar="N", help=words.DAY_HELP, show_default=False)
]


@command(help=words.HELP)
def lessons(
    day: DayArgument = None,
    as_json: JsonFlag = False,
    ascii_output: AsciiOption = False,
    accessible: AccessibleOption = False,
) -> None:
    # PyYAML, pydantic and Rich only once the command runs, never for --help.
    from backfit.catalog.errors import CatalogError
    from backfit.views import lessons as views

    try:
        every = lessons_in_use()
    except CatalogError as error:  # a broken install: say where, as a broken catalog is
        for problem in error.problems:
            error_line(str(problem))
        raise typer.Exit(EXIT_BAD_CATALOG) from None
    if day is None:
        if as_json:
            return show_json(views.lessons_json(every))
        return show(views.lesson_list(every))
    ordered = every.ordered()
    if not 1 <= day <= len(ordered):
        fail(words.NO_LESSON.format(day=day, count=len(ordered)), EXIT_NOT_FOUND)
    lesson = ordered[day - 1]
    if as_json:
        return show_json(views.lesson_json(lesson, every))
    show(views.lesson_detail(lesson, every))
