"""The Typer app: parse options, call the domain, print, choose the exit code.

This is the only module that knows about Typer, and the only place where errors
become a line on stderr and an exit code. Heavy modules are imported inside the
commands so that `--help` and shell completion stay quick, and annotations are real
objects rather than strings (no `from __future__ import annotations`), which spares
Typer evaluating them on every run.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn

import typer

from backfit import __version__
from backfit.catalog.loader import CATALOG_ENV, catalog_files, entry_names

if TYPE_CHECKING:
    from rich.console import RenderableType

    from backfit.catalog.models import Catalog, Exercise, Routine

EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_BAD_CATALOG = 3
EXIT_LOG = 4
EXIT_INTERRUPTED = 130

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
        str | None,  # not Path: the loader, not Typer, reports a file it cannot read
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
    ctx.obj = None if catalog is None else Path(catalog)


def _complete_name(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Slugs of exercises and routines (with names as help) that start with what was typed."""
    typed = incomplete.casefold()
    chosen = ctx.find_root().params.get("catalog")
    chosen = None if chosen is None else Path(chosen)
    return [
        (slug, name)
        for slug, name in entry_names(catalog_files(chosen))
        if slug.startswith(typed) or name.casefold().startswith(typed)
    ]


def _complete_level(incomplete: str) -> list[str]:
    return [
        level for level in ("beginner", "intermediate", "advanced") if level.startswith(incomplete)
    ]


JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a formatted view.")]
NameArgument = Annotated[
    str,
    typer.Argument(
        metavar="NAME",
        help="Slug, name or alias of an exercise or routine, e.g. swallow-fly or 'superman'.",
        autocompletion=_complete_name,
        show_default=False,
    ),
]


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
    from backfit.catalog.search import filter_exercises

    catalog = _load(ctx.obj)
    found = filter_exercises(
        catalog.exercises, level=level, equipment=equipment, muscle=muscle, text=search
    )
    if as_json:
        from backfit.views.export import exercises_json

        _print_json(exercises_json(found))
    elif found:
        from backfit.views.catalog import exercise_list

        _print(lambda width: exercise_list(found, width=width))
    if not found:
        _fail("no exercises match those filters", EXIT_NOT_FOUND)


@app.command()
def show(
    ctx: typer.Context,
    name: NameArgument,
    as_json: JsonFlag = False,
) -> None:
    """Show an exercise or a routine in full.

    An exercise: summary, dose, benefits, numbered steps, cautions, variants, sources.
    A routine: purpose, who it is for, each exercise at its dose, the time it takes.
    """
    from backfit.catalog.models import Exercise

    catalog = _load(ctx.obj)
    entry = _find(catalog, name)
    if isinstance(entry, Exercise):
        if as_json:
            from backfit.views.export import exercise_json

            return _print_json(exercise_json(entry))
        from backfit.views.catalog import exercise_detail

        return _print(lambda width: exercise_detail(entry, catalog))
    if as_json:
        from backfit.views.export import routine_json

        return _print_json(routine_json(entry, catalog))
    from backfit.views.catalog import routine_detail

    _print(lambda width: routine_detail(entry, catalog))


@app.command()
def routines(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """List the routines: ready-made sessions of several exercises."""
    catalog = _load(ctx.obj)
    if as_json:
        from backfit.views.export import routines_json

        return _print_json(routines_json(catalog.routines, catalog))
    if not catalog.routines:
        _fail("this catalog has no routines", EXIT_NOT_FOUND)
    from backfit.views.catalog import routine_list

    _print(lambda width: routine_list(catalog.routines, catalog))


@app.command()
def start(
    ctx: typer.Context,
    name: NameArgument,
    plan_only: Annotated[
        bool, typer.Option("--plan", help="Print every step and the total time; do not start.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="With --plan: print the plan as JSON.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", help="No bell at each change.")] = False,
    speak: Annotated[
        bool, typer.Option("--speak", help="Read the cues aloud (say, espeak-ng or spd-say).")
    ] = False,
) -> None:
    """Do an exercise or routine with a live coach.

    A safety check, then timers for every hold and rest, cues, a bell (or a voice with
    --speak), and a summary saved to your log.
    """
    from backfit.session.plan import plan_for
    from backfit.session.terminal import is_interactive

    catalog = _load(ctx.obj)
    entry = _find(catalog, name)
    plan = plan_for(entry, catalog)
    if not (plan_only or as_json) and not is_interactive():
        _notice("start needs a terminal to run its timer; here is the plan (see --plan)")
        plan_only = True
    if as_json:
        from backfit.views.export import plan_json

        return _print_json(plan_json(plan))
    if plan_only:
        from backfit.views.session import plan_view

        return _print(lambda width: plan_view(plan))
    from backfit.session.guided import Declined, run_guided
    from backfit.views.session import summary_text

    try:
        outcome = run_guided(entry, plan, catalog, quiet=quiet, speak=speak, notice=_notice)
    except Declined:
        return
    except KeyboardInterrupt:  # before the coach started: nothing to sum up or save
        raise typer.Exit(EXIT_INTERRUPTED) from None
    _print(lambda width: summary_text(outcome))
    if outcome.interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)


@app.command()
def log(
    ctx: typer.Context,
    name: NameArgument,
    sets: Annotated[int | None, typer.Option(help="Sets done (1-20).", show_default=False)] = None,
    reps: Annotated[
        int | None, typer.Option(help="Repetitions in each set (1-100).", show_default=False)
    ] = None,
    hold: Annotated[
        int | None,
        typer.Option(
            metavar="SECONDS", help="Seconds each hold lasted (1-600).", show_default=False
        ),
    ] = None,
    pain: Annotated[
        int | None, typer.Option(help="Pain afterwards, 0 (none) to 10.", show_default=False)
    ] = None,
    note: Annotated[str | None, typer.Option(help="A short note.", show_default=False)] = None,
    date: Annotated[
        str | None,
        typer.Option(
            metavar="WHEN",
            help="When, as an ISO date or date and time (default: now).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Record an exercise or routine done without the timer."""
    from backfit.journal import store as journal
    from backfit.journal.records import logged_session, parse_when, utc_now

    catalog = _load(ctx.obj)
    entry = _find(catalog, name)
    try:
        when = parse_when(date, now=utc_now())
        session = logged_session(
            entry, catalog, sets=sets, reps=reps, hold=hold, pain=pain, note=note, when=when
        )
    except ValueError as error:
        _fail(str(error), EXIT_USAGE)
    with _log_errors():
        journal.save(journal.journal_path(), session)
    from rich.text import Text

    moment = when.astimezone()
    _print(lambda width: Text(f"Logged {entry.name} on {moment:%a %d %b %Y at %H:%M}."))


@app.command()
def history(
    ctx: typer.Context,
    since: Annotated[
        str | None,
        typer.Option(
            metavar="WHEN", help="Only since then: 30d, 8w, 6m, 1y or a date.", show_default=False
        ),
    ] = None,
    exercise: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="Only sessions that include this exercise.",
            autocompletion=_complete_name,
            show_default=False,
        ),
    ] = None,
    limit: Annotated[
        int, typer.Option(help="At most this many sessions, newest first (0: no limit).")
    ] = 20,
    as_json: JsonFlag = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV, for a spreadsheet.")] = False,
) -> None:
    """Your recent sessions, with pain before and after."""
    from backfit.journal import store as journal
    from backfit.journal.records import parse_since, utc_now

    try:
        start = None if since is None else parse_since(since, now=utc_now())
    except ValueError as error:
        _fail(str(error), EXIT_USAGE)
    slug = None if exercise is None else _find(_load(ctx.obj), exercise).slug
    with _log_errors():
        found = journal.sessions(
            journal.journal_path(), since=start, exercise=slug, limit=limit or None
        )
    if as_json or as_csv:
        from backfit.views.export import history_csv, history_json

        return _print_json(history_csv(found) if as_csv else history_json(found))
    if not found:
        _fail(
            "no sessions logged yet" if since is None and slug is None else "no sessions match",
            EXIT_NOT_FOUND,
        )
    from backfit.views.log import history_view

    _print(lambda width: history_view(found, width=width))


@app.command()
def progress(
    ctx: typer.Context,
    weeks: Annotated[int, typer.Option(help="How many weeks to look back (1-104).")] = 12,
    as_json: JsonFlag = False,
) -> None:
    """Weekly sessions, your streak, pain trend and advice."""
    from datetime import timedelta

    from backfit.journal import store as journal
    from backfit.journal.progress import advise, streaks, weekly
    from backfit.journal.records import utc_now

    if not 1 <= weeks <= 104:
        _fail(f"--weeks must be from 1 to 104, not {weeks}", EXIT_USAGE)
    catalog = _load(ctx.obj)
    now = utc_now()
    today = now.astimezone().date()
    path = journal.journal_path()
    with _log_errors():
        found = journal.sessions(path, since=now - timedelta(weeks=weeks + 1))
        streak = streaks(journal.start_times(path), today=today)
    by_week = weekly(found, weeks=weeks, today=today)
    advice = advise(found, catalog)
    if as_json:
        from backfit.views.export import progress_json

        return _print_json(progress_json(by_week, streak, advice))
    from backfit.views.log import progress_view

    _print(lambda width: progress_view(by_week, streak, advice, width=width))


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
    from backfit.catalog.loader import CatalogError, builtin_catalog_path, is_extension, load_catalog
    from backfit.output import write_lines

    path = Path(file)
    extension = is_extension(path)
    try:
        if extension:
            catalog = load_catalog(
                builtin_catalog_path(), extension=path, notice=_notice, use_cache=False
            )
        else:
            catalog = load_catalog(path, use_cache=False)
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

    _print_json(catalog_schema())


@app.command()
def benefits(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Why lower-back training helps, and what each exercise offers."""
    catalog = _load(ctx.obj)
    if as_json:
        from backfit.views.export import benefits_json

        _print_json(benefits_json(catalog))
        return
    from backfit.views.catalog import benefits_view

    _print(lambda width: benefits_view(catalog, width=width))


@app.command()
def safety(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Red flags, the pain rule, and general cautions."""
    catalog = _load(ctx.obj)
    if as_json:
        from backfit.views.export import safety_json

        _print_json(safety_json(catalog))
        return
    from backfit.views.catalog import safety_view

    _print(lambda width: safety_view(catalog))


def _load(chosen: Path | None) -> "Catalog":
    from backfit.catalog.loader import CatalogError, load_files
    from backfit.output import error_line

    try:
        return load_files(catalog_files(chosen), notice=_notice)
    except CatalogError as error:
        for problem in error.problems:
            error_line(str(problem))
        raise typer.Exit(EXIT_BAD_CATALOG) from None


def _find(catalog: "Catalog", name: str) -> "Exercise | Routine":
    entry = catalog.find(name)
    if entry is None:
        from backfit.catalog.search import suggestions

        close = suggestions(catalog, name)
        hint = f"; did you mean {' or '.join(close)}?" if close else "; try 'backfit list'"
        _fail(f"no exercise or routine called '{name}'{hint}", EXIT_NOT_FOUND)
    return entry


@contextmanager
def _log_errors() -> Iterator[None]:
    """A log that cannot be used becomes one line and exit code 4."""
    from backfit.journal.store import JournalError

    try:
        yield
    except JournalError as error:
        _fail(str(error), EXIT_LOG)


def _notice(message: str) -> None:
    from backfit.output import error_line

    error_line(message)


def _print(build: Callable[[int], "RenderableType"]) -> None:
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
