"""The training log's commands: log, history and progress.

Dates and periods are parsed here, by Typer callbacks, so that a mistyped `--date`
is reported as a usage error naming the option; nothing below knows an option's name.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Annotated

import typer

from backfit.cli.app import (
    EXIT_NOT_FOUND,
    EXIT_USAGE,
    JsonFlag,
    NameArgument,
    app,
    complete_name,
    fail,
    find,
    load,
    log_errors,
    show,
    show_json,
)


def _parsed(parse: Callable[[str], object]) -> Callable[[str | None], object]:
    """A Typer callback that turns a parser's ValueError into a usage error."""

    def callback(text: str | None) -> object:
        if text is None:
            return None
        try:
            return parse(text)
        except ValueError as error:
            raise typer.BadParameter(str(error)) from None

    return callback


def _when(text: str) -> datetime:
    from backfit.journal.records import parse_when, utc_now

    return parse_when(text, now=utc_now())


def _since(text: str) -> datetime:
    from backfit.journal.records import parse_since, utc_now

    return parse_since(text, now=utc_now())


def _note(text: str) -> str:
    from backfit.journal.records import check_note

    return check_note(text)


@app.command()
def log(
    ctx: typer.Context,
    name: NameArgument,
    sets: Annotated[
        int | None, typer.Option(min=1, max=20, help="Sets done (1-20).", show_default=False)
    ] = None,
    reps: Annotated[
        int | None,
        typer.Option(min=1, max=100, help="Repetitions in each set (1-100).", show_default=False),
    ] = None,
    hold: Annotated[
        int | None,
        typer.Option(
            min=1,
            max=600,
            metavar="SECONDS",
            help="Seconds each hold lasted (1-600).",
            show_default=False,
        ),
    ] = None,
    pain: Annotated[
        int | None,
        typer.Option(min=0, max=10, help="Pain afterwards, 0 (none) to 10.", show_default=False),
    ] = None,
    note: Annotated[
        str | None, typer.Option(callback=_parsed(_note), help="A short note.", show_default=False)
    ] = None,
    date: Annotated[
        datetime | None,
        typer.Option(
            parser=_parsed(_when),
            metavar="WHEN",
            help="When, as an ISO date or date and time (default: now).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Record an exercise or routine done without the timer."""
    from rich.text import Text

    from backfit.journal.records import log_done, utc_now
    from backfit.journal.store import journal_path

    catalog = load(ctx.obj)
    entry = find(catalog, name)
    when = date or utc_now()
    with log_errors():
        try:
            log_done(
                journal_path(), entry, catalog,
                sets=sets, reps=reps, hold=hold, pain=pain, note=note, when=when,
            )  # fmt: skip
        except ValueError as error:
            fail(str(error), EXIT_USAGE)
    moment = when.astimezone()
    show(Text(f"Logged {entry.name} on {moment:%a %d %b %Y at %H:%M}."))


@app.command()
def history(
    ctx: typer.Context,
    since: Annotated[
        datetime | None,
        typer.Option(
            parser=_parsed(_since),
            metavar="WHEN",
            help="Only since then: 30d, 8w, 6m, 1y or a date.",
            show_default=False,
        ),
    ] = None,
    exercise: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="Only sessions that include this exercise.",
            autocompletion=complete_name,
            show_default=False,
        ),
    ] = None,
    limit: Annotated[
        int, typer.Option(min=0, help="At most this many sessions, newest first (0: no limit).")
    ] = 20,
    as_json: JsonFlag = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV, for a spreadsheet.")] = False,
) -> None:
    """Your recent sessions, with pain before and after."""
    from backfit.journal.store import journal_path, sessions

    slug = None if exercise is None else find(load(ctx.obj), exercise).slug
    with log_errors():
        found = sessions(journal_path(), since=since, exercise=slug, limit=limit or None)
    if as_json or as_csv:
        from backfit.views.export import history_csv, history_json

        return show_json(history_csv(found) if as_csv else history_json(found))
    if not found:
        fail(
            "no sessions logged yet" if since is None and slug is None else "no sessions match",
            EXIT_NOT_FOUND,
        )
    from backfit.views.log import history_view

    show(history_view(found))


@app.command()
def progress(
    ctx: typer.Context,
    weeks: Annotated[
        int, typer.Option(min=1, max=104, help="How many weeks to look back (1-104).")
    ] = 12,
    as_json: JsonFlag = False,
) -> None:
    """Weekly sessions, your streak, pain trend and advice."""
    from backfit.journal.progress import report
    from backfit.journal.records import utc_now
    from backfit.journal.store import journal_path

    catalog = load(ctx.obj)
    with log_errors():
        found = report(journal_path(), catalog, weeks=weeks, now=utc_now())
    if as_json:
        from backfit.views.export import progress_json

        return show_json(progress_json(found))
    from backfit.views.log import progress_view

    show(progress_view(found))
