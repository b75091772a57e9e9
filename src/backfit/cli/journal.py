"""The training log's commands: log (add, undo, delete, edit), history and progress.

Dates and periods are parsed here, by Typer callbacks, so that a mistyped `--date`
is reported as a usage error naming the option; nothing below knows an option's name.
"""

import sys
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from backfit.cli.app import add_group, command, confirm, find, load, log_errors, show, show_json
from backfit.cli.asking import yes_asked
from backfit.cli.exits import EXIT_NOT_FOUND, EXIT_USAGE
from backfit.cli.failures import CommandUsageError, fail
from backfit.cli.helptext import spoken
from backfit.cli.options import (
    AccessibleOption,
    AsciiOption,
    CatalogOption,
    JsonFlag,
    NameArgument,
    PlainCommand,
    catalog_in_use,
    complete_name,
    within,
)
from backfit.cli.session import Reps, dose_problem, pain_after_said, reps_given
from backfit.i18n import _
from backfit.journal.typed import (
    Unreadable,
    check_note,
    check_where,
    parse_since,
    parse_when,
    utc_now,
)
from backfit.output import error_line
from backfit.views.words import messages
from backfit.views.words.log import session_line


def _parsed(parse: Callable[[str], object]) -> Callable[[str | None], object]:
    """A Typer callback that turns a parser's ValueError into a usage error."""

    def callback(text: str | None) -> object:
        if text is None:
            return None
        try:
            return parse(text)
        except ValueError as error:
            raise typer.BadParameter(typed_wrong(error)) from None

    return callback


def typed_wrong(error: ValueError) -> str:
    """What was typed and could not be read, in the run's language where the words have it."""
    if isinstance(error, Unreadable):
        return error.in_words()
    return str(error)


def _when(text: str) -> datetime:
    return parse_when(text, now=utc_now())


def _since(text: str) -> datetime:
    return parse_since(text, now=utc_now())


class LogGroup(TyperGroup):
    """`backfit log NAME` is short for `backfit log add NAME`: a first word that is not
    one of the group's commands is the name of what was done. (An exercise called
    `undo`, `delete` or `edit` can still be logged with `backfit log add NAME`.)"""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args and not ctx.resilient_parsing:  # resilient: completing a command line
            raise CommandUsageError(messages.LOG_NEEDS, ctx=ctx)
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = ["add", *args]
        return super().parse_args(ctx, args)

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        """After `log`, the commands and, as `log add` would complete it, a name."""
        name = next(p for p in self.commands["add"].params if p.name == "name")
        return [*super().shell_complete(ctx, incomplete), *name.shell_complete(ctx, incomplete)]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        super().format_help(ctx, spoken(formatter))


log_app = typer.Typer(
    cls=LogGroup,
    name="log",
    help=_(
        "Record what you did without the timer: backfit log NAME [OPTIONS], short for "
        "backfit log add NAME [OPTIONS]. Or change the log: undo, delete ID, edit ID."
    ),
    short_help=_("Record what you did without the timer; undo, delete or edit."),
    subcommand_metavar="NAME [OPTIONS] | COMMAND [ARGS]...",
    rich_markup_mode=None,
    add_completion=False,  # the completion options are backfit's own
)
add_group("log", log_app)

PainBefore = Annotated[
    int | None,
    typer.Option("--pain-before", metavar="N", callback=within(0, 10),
                 help=_("Pain before, 0 (none) to 10.")),
]  # fmt: skip
PainAfter = Annotated[
    int | None,
    typer.Option("--pain-after", "--pain", metavar="N", callback=within(0, 10),
                 help=_("Pain afterwards, 0 to 10.")),
]  # fmt: skip
Where = Annotated[
    str | None,
    typer.Option(callback=_parsed(check_where), metavar="TEXT",
                 help=_("Where it hurts, in a few words.")),
]  # fmt: skip
Note = Annotated[
    str | None,
    typer.Option(callback=_parsed(check_note), metavar="TEXT", help=_("A short note."),),
]  # fmt: skip
When = Annotated[
    datetime | None,
    typer.Option(
        parser=_parsed(_when),
        metavar="WHEN",
        help=_(
            "When: today, yesterday, -2d, a date (2026-01-31) or date and time "
            "(2026-01-31T07:30); default now."
        ),
        show_default=False,
    ),
]
SessionId = Annotated[
    int,
    typer.Argument(
        metavar="ID", callback=within(1), help=_("The session's id, from 'backfit history'.")
    ),
]


@log_app.command("add", cls=PlainCommand)
def log_add(
    ctx: typer.Context,
    name: NameArgument,
    sets: Annotated[
        int | None,
        typer.Option(metavar="N", callback=within(1, 20), help=_("Sets done (1-20).")),
    ] = None,
    reps: Annotated[
        Reps | None,
        typer.Option(
            metavar="N|N,N,...",
            parser=reps_given,
            help=_("Repetitions in each set (1-100), or one number for each set: 4,3,2."),
        ),
    ] = None,
    hold: Annotated[
        int | None,
        typer.Option(
            callback=within(1, 600), metavar="SECONDS", help=_("Seconds each hold lasted (1-600).")
        ),
    ] = None,
    minutes: Annotated[
        int | None,
        typer.Option(
            callback=within(1, 600), metavar="N", help=_("Minutes walked, for a walk (1-600).")
        ),
    ] = None,
    pain_before: PainBefore = None,
    pain_after: PainAfter = None,
    where: Where = None,
    note: Note = None,
    date: When = None,
    catalog_file: CatalogOption = None,
    ascii_output: AsciiOption = False,
    accessible: AccessibleOption = False,
) -> None:
    """Record an exercise or routine done without the timer.

    backfit log NAME is short for this. Amounts left out are what backfit start NAME
    would run: an exercise's step of its build-up, or its usual dose.
    """
    from rich.console import Group

    from backfit.catalog.models import Exercise
    from backfit.journal.records import Pain, log_done
    from backfit.journal.store import journal_path
    from backfit.session.doses import DoseError
    from backfit.views.text import Text

    catalog = load(catalog_in_use(ctx, catalog_file))
    group = ctx.parent.command if ctx.parent is not None else None  # `log udno`: undo?
    others = [c for c in getattr(group, "commands", {}) if c != "add"]
    entry = find(catalog, name, commands=others)
    now = utc_now()
    when = date or now
    pain = Pain(before=pain_before, after=pain_after, where=where)
    usual = None  # what start would run: a beginner's log said the full dose was done
    if isinstance(entry, Exercise) and minutes is None:
        from backfit.programme.build_up import current_step

        step = current_step(journal_path(), entry, catalog, now=when)
        usual = None if step is None else step.dose
    with log_errors():
        try:
            saved = log_done(
                journal_path(), entry, catalog,
                sets=sets, reps=reps, hold=hold, pain=pain, note=note, when=when, now=now,
                walked=minutes, usual=usual,
            )  # fmt: skip
        except DoseError as error:
            fail(dose_problem(error, entry.name), EXIT_USAGE)
        except ValueError as error:
            fail(typed_wrong(error), EXIT_USAGE)
    said = messages.logged(entry.name, saved.started_at.astimezone(), saved.id)
    about_pain = pain_after_said(entry, catalog, before=pain_before, after=pain_after)
    if about_pain is not None:
        about_pain.rstrip()
    confirm(Group(Text(said), about_pain) if about_pain is not None else Text(said))


@log_app.command("undo", cls=PlainCommand)
def log_undo(ascii_output: AsciiOption = False, accessible: AccessibleOption = False) -> None:
    """Remove the entry added last, and show what it was."""
    from backfit.journal.store import journal_path, remove_last
    from backfit.views.log import removed_text

    with log_errors():
        removed = remove_last(journal_path())
    if removed is None:
        fail(messages.NOTHING_TO_UNDO, EXIT_NOT_FOUND)
    confirm(removed_text(removed))


@log_app.command("delete", cls=PlainCommand)
def log_delete(
    session_id: SessionId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=_("Delete without asking."))] = False,
    ascii_output: AsciiOption = False,
    accessible: AccessibleOption = False,
) -> None:
    """Delete one session from the log (asks first on a terminal)."""
    from backfit.journal.store import find_session, journal_path, remove
    from backfit.views.log import removed_text

    with log_errors():
        session = find_session(journal_path(), session_id)
        if not yes:
            if not on_terminal():
                fail(messages.DELETE_NEEDS_YES, EXIT_USAGE)
            if not yes_asked(messages.DELETE_ASK.format(session=session_line(session))):
                return error_line(messages.NOTHING_DELETED)
        confirm(removed_text(remove(journal_path(), session_id)))


@log_app.command("edit", cls=PlainCommand)
def log_edit(
    session_id: SessionId,
    pain_before: PainBefore = None,
    pain_after: PainAfter = None,
    where: Where = None,
    note: Note = None,
    date: When = None,
    ascii_output: AsciiOption = False,
    accessible: AccessibleOption = False,
) -> None:
    """Change a session's pain scores, where it hurt, note or date.

    An empty --note or --where clears it."""
    from backfit.journal.records import Pain, edit_logged
    from backfit.journal.store import journal_path
    from backfit.views.log import changed_text

    pain = Pain(before=pain_before, after=pain_after, where=where)
    with log_errors():
        try:
            before, after = edit_logged(journal_path(), session_id, pain=pain, note=note, when=date)
        except ValueError as error:
            fail(messages.NOTHING_TO_EDIT.format(problem=typed_wrong(error)), EXIT_USAGE)
    confirm(changed_text(before, after))


def on_terminal() -> bool:
    """Whether someone can answer a question: a script gets none."""
    return sys.stdin is not None and sys.stdin.isatty()


@command()
def history(
    ctx: typer.Context,
    session_id: Annotated[
        int | None,
        typer.Argument(
            metavar="ID",
            callback=within(1),
            help=_("Show this one session in full: what was done of each exercise, pain, notes."),
            show_default=False,
        ),
    ] = None,
    since: Annotated[
        datetime | None,
        typer.Option(
            parser=_parsed(_since),
            metavar="WHEN",
            help=_("Only since then: 30d, 8w, 6m, 1y, today, yesterday, -3d or a date."),
        ),
    ] = None,
    exercise: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help=_("Only sessions in which this exercise was done, at least partly."),
            autocompletion=complete_name,
        ),
    ] = None,
    planned: Annotated[
        bool,
        typer.Option(
            "--planned", help=_("With --exercise: also sessions where it was planned but not done.")
        ),
    ] = False,
    limit: Annotated[
        int,
        typer.Option(
            metavar="N",
            callback=within(0),
            help=_("At most this many sessions, newest first (0: no limit)."),
        ),
    ] = 20,
    as_json: JsonFlag = False,
    as_csv: Annotated[bool, typer.Option("--csv", help=_("Print CSV, for a spreadsheet."))] = False,
    catalog_file: CatalogOption = None,
    ascii_output: AsciiOption = False,
    accessible: AccessibleOption = False,
) -> None:
    """Your recent sessions, with pain before and after; or one session in full."""
    from backfit.journal.store import journal_path, sessions

    if session_id is not None:
        return _one_session(ctx, session_id, as_json=as_json, as_csv=as_csv)
    if planned and exercise is None:
        fail(messages.PLANNED_NEEDS_EXERCISE, EXIT_USAGE)
    slug = None
    if exercise is not None:
        from backfit.catalog.models import Routine

        entry = find(load(catalog_in_use(ctx, catalog_file)), exercise)
        if isinstance(entry, Routine):
            fail(messages.EXERCISE_NOT_ROUTINE.format(name=entry.name), EXIT_USAGE)
        slug = entry.slug
    with log_errors():
        found = sessions(
            journal_path(), since=since, exercise=slug, planned=planned, limit=limit or None
        )
    if as_json or as_csv:
        from backfit.views.export import history_csv, history_json

        return show_json(history_csv(found) if as_csv else history_json(found))
    if not found:
        nothing = since is None and slug is None
        fail(messages.NO_SESSIONS_YET if nothing else messages.NO_SESSIONS_MATCH, EXIT_NOT_FOUND)
    from backfit.views.log import history_view

    show(history_view(found))


FILTERS = ("since", "exercise", "planned", "limit")  # history's, which ID leaves no room for


def _one_session(ctx: typer.Context, session_id: int, *, as_json: bool, as_csv: bool) -> None:
    """`history ID`: that session in full, or one line saying there is none."""
    from backfit.journal.store import find_session, journal_path

    sources = [ctx.get_parameter_source(name) for name in FILTERS]
    if any(source is not None and source.name != "DEFAULT" for source in sources):
        options = [f"--{name}" for name in FILTERS]
        raise CommandUsageError(
            messages.ONE_SESSION_NO_FILTERS.format(
                options=messages.CHOICES.join(options[:-1]), last=options[-1]
            ),
            ctx=ctx,
        )
    with log_errors():
        found = find_session(journal_path(), session_id)
    if as_json or as_csv:
        from backfit.views.export import history_csv, history_json

        return show_json(history_csv([found]) if as_csv else history_json([found]))
    from backfit.views.log import session_view

    show(session_view(found))


@command()
def progress(
    ctx: typer.Context,
    weeks: Annotated[
        int,
        typer.Option(
            metavar="N", callback=within(1, 104), help=_("How many weeks to look back (1-104).")
        ),
    ] = 12,
    as_json: JsonFlag = False,
    catalog_file: CatalogOption = None,
    ascii_output: AsciiOption = False,
    accessible: AccessibleOption = False,
) -> None:
    """Weekly sessions, your streak, pain trend and advice."""
    from backfit.journal.store import journal_path
    from backfit.programme.advice import report

    catalog = load(catalog_in_use(ctx, catalog_file))
    with log_errors():
        found = report(journal_path(), catalog, weeks=weeks, now=utc_now())
    if as_json:
        from backfit.views.export import progress_json

        return show_json(progress_json(found))
    from backfit.views.log import progress_view

    show(progress_view(found))
