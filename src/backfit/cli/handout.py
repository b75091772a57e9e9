"""`backfit handout`: a sheet to print or share, as HTML or PDF, of exercises and routines
or of the active plan's week."""

import os
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from backfit import __version__
from backfit.cli.app import command, find, load
from backfit.cli.exits import EXIT_NOT_FOUND, EXIT_NOT_INSTALLED, EXIT_OUTPUT
from backfit.cli.failures import CommandUsageError, fail
from backfit.cli.options import (
    CatalogOption,
    WeekDays,
    catalog_in_use,
    choice_option,
    complete_name,
    week_days,
)
from backfit.i18n import _
from backfit.output import write_lines
from backfit.views.words import messages

if TYPE_CHECKING:
    from backfit.catalog.models import Catalog, Exercise, Routine
    from backfit.handout.model import Sheet

FORMATS = ("html", "pdf")
PAPERS = ("a4", "letter")
SUFFIXES = {".html": "html", ".htm": "html", ".pdf": "pdf"}
MOST_WEEKS = 12


@command("handout", short_help=_("Write a sheet to print or share, as HTML or PDF."))
def handout_command(
    ctx: typer.Context,
    names: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[NAME]...",
            help=_("Exercises or routines to put on the sheet (slug, name or alias)."),
            autocompletion=complete_name,
            show_default=False,
        ),
    ] = None,
    plan: Annotated[
        bool, typer.Option("--plan", help=_("The active plan's week, at its doses now."))
    ] = False,
    week: Annotated[
        int | None,
        typer.Option(
            metavar="N", help=_("With --plan: an earlier week of the plan, at its doses then.")
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help=_(
                "Write to FILE (its suffix picks the format; '-': HTML to stdout). "
                "Default: a file in this folder named after the sheet."
            ),
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        choice_option(FORMATS, None, "--format", help=_("html or pdf.")),
    ] = None,
    paper: Annotated[
        str,
        choice_option(PAPERS, help=_("Paper size.")),
    ] = "a4",
    weeks: Annotated[
        int,
        typer.Option(
            metavar="N", help=_("Weeks in the tracking grid, 1 to {most}.").format(most=MOST_WEEKS)
        ),
    ] = 2,
    days: Annotated[
        WeekDays | None,
        typer.Option(
            metavar="DAYS",
            parser=week_days,
            help=_(
                "The days you train, mon,wed,fri: said on the sheet, the grid's columns "
                "(default: every day in the grid, to tick those you train; a plan's own days)."
            ),
        ),
    ] = None,
    catalog_file: CatalogOption = None,
) -> None:
    """Write a sheet with each exercise's figure, dose, steps, cautions and build-up, the
    pain rule and the signs that mean stop and get help, and a grid to tick off sessions.
    Needs backfit[pdf] for PDF."""
    if bool(names) == plan:
        said = messages.HANDOUT_WHAT if not names else messages.HANDOUT_BOTH
        raise CommandUsageError(said, ctx=ctx)
    if days is not None and plan:
        raise CommandUsageError(messages.HANDOUT_DAYS_OF_PLAN, ctx=ctx)
    if week is not None and not plan:
        raise CommandUsageError(messages.HANDOUT_WEEK_NEEDS_PLAN, ctx=ctx)
    if not 1 <= weeks <= MOST_WEEKS:
        raise CommandUsageError(messages.HANDOUT_WEEKS.format(most=MOST_WEEKS), ctx=ctx)
    if output == "":
        raise CommandUsageError(messages.HANDOUT_NO_FILE, ctx=ctx)
    if output and (output.endswith(("/", os.sep)) or Path(output).is_dir()):
        fail(messages.HANDOUT_IS_FOLDER.format(file=output.rstrip("/")), EXIT_OUTPUT)
    kind = fmt or _format_of(output)
    if kind is None:
        raise CommandUsageError(messages.HANDOUT_SUFFIX.format(file=output), ctx=ctx)
    catalog = load(catalog_in_use(ctx, catalog_file))
    today = datetime.now().astimezone().date()
    entries = [find(catalog, name) for name in names or []]
    if plan:
        sheet = _plan_sheet(ctx, catalog, week, weeks, today)
    else:
        sheet = _entries_sheet(catalog, entries, weeks, days, today)
    if kind == "pdf":
        data = _pdf(sheet, paper)
    else:
        from backfit.handout.html import render

        data = render(sheet, paper=paper).encode("utf-8")
    if output == "-":
        _to_stdout(data, kind)
        return
    path = Path(output) if output else Path(f"{_file_stem(entries, week)}.{kind}")
    from backfit.writing import write_file

    try:
        write_file(path, data)
    except OSError as error:
        fail(messages.CANNOT_WRITE.format(file=path, error=error.strerror or error), EXIT_OUTPUT)
    count = len(sheet.items)
    from backfit.views.words import plural

    write_lines([plural(*messages.HANDOUT_WRITTEN, count).format(file=path, count=count)])


def _format_of(output: str | None) -> str | None:
    """The format the file's suffix names; None for a suffix that names none."""
    if output is None or output == "-":
        return "html"
    return SUFFIXES.get(Path(output).suffix.lower())


def _file_stem(entries: "list[Exercise | Routine]", week: int | None) -> str:
    """The file's name without -o: backfit-strength-day, backfit-bird-dog-dead-bug,
    backfit-plan (backfit-plan-week-2 for an earlier week) when there are no entries."""
    if not entries:
        return "backfit-plan" if week is None else f"backfit-plan-week-{week}"
    return "backfit-" + "-".join(entry.slug for entry in entries)[:80].rstrip("-")


def _entries_sheet(
    catalog: "Catalog",
    entries: "list[Exercise | Routine]",
    weeks: int,
    days: tuple[int, ...] | None,
    today: date,
) -> "Sheet":
    from backfit.catalog.models import Routine
    from backfit.handout import model
    from backfit.views.words import handout as words

    first = entries[0]
    single = len(entries) == 1
    title = first.name if single else words.TITLE_SEVERAL
    for_whom = first.audience if single and isinstance(first, Routine) else words.FOR_NOBODY
    purpose = first.purpose if single and isinstance(first, Routine) else None
    if single and not isinstance(first, Routine):
        purpose = first.summary
    return model.sheet(
        model.from_entries(entries, catalog),
        catalog,
        title=title,
        for_whom=for_whom,
        purpose=purpose,
        days=days,
        weeks=weeks,
        version=__version__,
        today=today,
    )


def _plan_sheet(
    ctx: typer.Context, catalog: "Catalog", week: int | None, weeks: int, today: date
) -> "Sheet":
    from backfit.cli.plan_state import current_plan, session_of
    from backfit.handout import model
    from backfit.views.words import handout as words

    current = current_plan()
    settings = current.settings
    now = max(1, min(settings.weeks, settings.week_of(today)))
    chosen = now if week is None else week
    if not 1 <= chosen <= settings.weeks:
        said = messages.HANDOUT_WEEK_RANGE.format(weeks=settings.weeks)
        raise CommandUsageError(said, ctx=ctx)
    if chosen > now:
        said = messages.HANDOUT_PLAN_WEEK.format(week=chosen, now=now)
        raise CommandUsageError(said, ctx=ctx)
    when = today if chosen == now else settings.start + timedelta(weeks=chosen - 1)
    day = current.day(catalog, when)
    planned = session_of(day) or day.steps
    if not planned:
        fail(messages.HANDOUT_PLAN_EMPTY, EXIT_NOT_FOUND)
    dosed = [
        model.Dosed(
            catalog.exercise(p.step.exercise),
            p.step.dose,
            p.step.next_dose,
            at_top=p.step.next_dose is None and p.step.rung == p.step.rungs - 1,
        )
        for p in planned
        if catalog.find(p.step.exercise) is not None
    ]
    return model.sheet(
        dosed,
        catalog,
        title=words.TITLE_PLAN.format(week=chosen, weeks=settings.weeks),
        for_whom=words.FOR_PLAN.format(start=settings.start.isoformat()),
        purpose=None,
        days=settings.days,
        weeks=min(weeks, settings.weeks - chosen + 1),
        first_week=chosen,
        care=settings.care,
        walking=words.WALK.format(minutes=day.walking_minutes) if day.walking_minutes else None,
        version=__version__,
        today=today,
    )


def _pdf(sheet: "Sheet", paper: str) -> bytes:
    try:
        from backfit.handout.pdf import CJK_FONTS, NoCjkFont, PdfError, render
    except ImportError:
        fail(messages.HANDOUT_NEEDS_PDF, EXIT_NOT_INSTALLED)
    try:
        return render(sheet, paper=paper)
    except NoCjkFont:
        fail(
            messages.HANDOUT_NO_CJK_FONT.format(fonts=", ".join(CJK_FONTS[:3])), EXIT_NOT_INSTALLED
        )
    except PdfError as error:
        fail(messages.HANDOUT_PDF_FAILED.format(error=error), EXIT_OUTPUT)


def _to_stdout(data: bytes, kind: str) -> None:
    """HTML through stdout like any output (its failures said alike); a PDF's bytes
    through the stream beneath, its failures reported the same way."""
    if kind == "html":
        sys.stdout.write(data.decode("utf-8"))
        return
    from backfit.writing import OutputError

    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except OSError as error:
        raise OutputError(error) from error
