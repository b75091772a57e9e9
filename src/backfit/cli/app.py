"""The Typer app and what every command shares: the global options, loading the catalog,
finding a name in it, and printing.

Views, models and the log are imported by the commands that use them, so that `--help`
and shell completion never pay for Rich's tables, pydantic or SQLite.
"""

import difflib
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer.core import TyperGroup

from backfit import __version__
from backfit.cli.defaults import default_map, load_settings
from backfit.cli.exits import (
    EXIT_BAD_CATALOG,
    EXIT_CHANGED_UNSHOWN,
    EXIT_LOG,
    EXIT_NOT_FOUND,
    output_problem,
)
from backfit.cli.failures import (
    CommandUsageError,
    did_you_mean,
    fail,
    run,
)
from backfit.cli.helptext import help_width, spoken
from backfit.cli.options import (
    AccessibleOption,
    AsciiOption,
    CatalogOption,
    LangOption,
    PlainCommand,
)
from backfit.i18n import _
from backfit.output import error_line, print_view, stdout_console, write_json, write_lines
from backfit.views.words import messages

if TYPE_CHECKING:
    from rich.console import RenderableType

    from backfit.catalog.conditions import Condition
    from backfit.catalog.lessons import Lessons
    from backfit.catalog.models import Catalog, Exercise, Routine

Command = TypeVar("Command", bound=Callable[..., Any])
COMPLETE_VAR = "_BACKFIT_COMPLETE"  # Click's, for the prog name backfit

# The order `backfit --help` lists the commands in: what a person needs first.
ORDER = (
    "list", "show", "figure", "routines", "start", "today", "plan", "checkin", "log",
    "history", "progress", "lessons", "config", "completion", "translations",
    "validate", "schema", "benefits", "safety", "sources",
)  # fmt: skip


class Commands(TyperGroup):
    """A group of commands (`backfit`, `backfit plan`, `backfit config`) that answers an
    unknown command plainly, in backfit's words, with the closest ones it has."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        known = self.list_commands(ctx)
        if name and not name.startswith("-") and name not in known:
            close = difflib.get_close_matches(name, known, n=2)
            said = did_you_mean(close, messages.NO_COMMAND, messages.NO_COMMAND_MEANT, name=name)
            raise CommandUsageError(said, ctx=ctx)
        return super().resolve_command(ctx, args)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        super().format_help(ctx, spoken(formatter))


class Backfit(Commands):
    """The `backfit` command: every ending goes through `run`, commands are listed in
    ORDER, and each is built from its function (COMMANDS) only when it is asked for."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        def call() -> Any:
            extra.setdefault("default_map", self.settings(complete_var))
            return super(Backfit, self).main(
                args, prog_name, complete_var, False, windows_expand_args, **extra
            )

        code = run(call)
        if standalone_mode:
            raise SystemExit(code)
        return code

    def settings(self, complete_var: str | None) -> dict[str, Any]:
        """The settings file as defaults for every command's options; its problems said
        in a line each (not while completing a word: the shell would print them)."""
        loaded = load_settings()
        if (complete_var or COMPLETE_VAR) not in os.environ:
            for problem in loaded.problems:
                error_line(problem)
        return default_map(self, loaded.values)

    def list_commands(self, ctx: Any) -> list[str]:
        def place(name: str) -> int:
            return ORDER.index(name) if name in ORDER else len(ORDER)

        return sorted(COMMANDS, key=place)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            self.add_command(typer.main.get_command(COMMANDS[cmd_name]), cmd_name)
        return super().get_command(ctx, cmd_name)


app = typer.Typer(
    name="backfit",
    help=_(
        "A terminal guide to strengthening the lower back: which exercises help, "
        "how to do them, how much, and when to stop."
    ),
    epilog=_("Not a substitute for a medical examination. Run 'backfit safety' first."),
    cls=Backfit,
    invoke_without_command=True,  # bare `backfit` prints the overview
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "terminal_width": help_width()},
)


# Every command and group of commands under `backfit`, by name, each on a Typer of its own.
# Typer would build the Click command of every command registered on `app` at the start of
# every run (about 10 ms for the 20 commands and their options, most of it reading their
# signatures); `Backfit.get_command` builds just the one a run asks for (all of them for
# --help, the man page and a settings file).
COMMANDS: dict[str, typer.Typer] = {}


def command(name: str | None = None, **settings: Any) -> Callable[[Command], Command]:
    """A command of `backfit`, shown in plain words (`PlainCommand`)."""

    def register(function: Command) -> Command:
        alone = typer.Typer(add_completion=False, rich_markup_mode=None)
        alone.command(name, cls=PlainCommand, **settings)(function)
        COMMANDS[name or function.__name__.lower().replace("_", "-")] = alone  # Typer's rule
        return function

    return register


def add_group(name: str, group: typer.Typer) -> None:
    """A group of commands under `backfit` (`plan`, `log`, `config`), made with
    `add_completion=False`: the completion options are `backfit`'s alone."""
    COMMANDS[name] = group


def _show_version(value: bool) -> None:
    if value:
        write_lines([messages.VERSION.format(version=__version__)])
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    catalog_file: CatalogOption = None,
    ascii_output: AsciiOption = False,
    # chosen before the commands' words were imported (backfit.__main__): here for --help
    language: LangOption = None,
    accessible: AccessibleOption = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help=_("Show the version and exit.")
        ),
    ] = False,
) -> None:
    if ctx.invoked_subcommand is None:
        from backfit.views.overview import overview  # Rich: only when it is shown

        show(overview(__version__))


def load(chosen: Path | None, *, builtin_if_broken: bool = False) -> "Catalog":
    """The catalog in use. When the user catalog is broken, every problem is listed with a
    way to leave it out for now; `builtin_if_broken` instead names the broken file in one
    line and carries on with the built-in catalog (for `safety`, which must always answer)."""
    # The cache (pickle, hashes) at the command's boundary, so --help never loads it.
    from backfit.catalog import cache
    from backfit.catalog.files import builtin_catalog_path, catalog_files

    files = catalog_files(chosen)
    catalog = cache.cached(files, notice=error_line)
    if catalog is not None:
        return _spoken(catalog)
    # PyYAML and the checks: only when the cache cannot answer.
    from backfit.catalog.errors import CatalogError
    from backfit.catalog.loader import load_files

    user = files[1] if len(files) > 1 else None
    builtin = builtin_catalog_path()
    try:
        return _spoken(load_files(files, notice=error_line))
    except CatalogError as error:
        if builtin_if_broken and files[-1] != builtin:  # also a --catalog file mistyped
            error_line(messages.USER_CATALOG_LEFT_OUT.format(file=files[-1]))
            return _spoken(load_files([builtin], notice=error_line))
        for problem in error.problems:
            error_line(str(problem))
        if user is not None:
            error_line(messages.LEAVE_USER_CATALOG_OUT)
        raise typer.Exit(EXIT_BAD_CATALOG) from None


def _spoken(catalog: "Catalog") -> "Catalog":
    """The catalog in the language this run speaks (its sentences; its slugs never)."""
    from backfit.i18n import ENGLISH, language

    if language() == ENGLISH:
        return catalog
    from backfit.catalog.translated import translated

    return translated(catalog)


def lessons_in_use() -> "Lessons":
    """The plan's lessons in this run's language, saying where to get help as its region
    has it; a `CatalogError` if the installed lessons are broken."""
    from backfit.catalog.lessons import builtin_lessons_path, load_lessons
    from backfit.catalog.translated import translated_lessons
    from backfit.i18n import in_english
    from backfit.views.words.lessons import HELP_PLACES, HELP_PLACES_IN_ENGLISH

    english = load_lessons(builtin_lessons_path())
    shown = translated_lessons(english)
    unchecked = {lesson.slug for lesson in english.lessons if in_english([lesson.text])}
    return shown.with_help(HELP_PLACES, english=HELP_PLACES_IN_ENGLISH, for_english=unchecked)


def find(catalog: "Catalog", name: str, *, commands: Sequence[str] = ()) -> "Exercise | Routine":
    """The exercise or routine called `name`, or the end of the command with a suggestion;
    `commands`: the group's commands a mistyped one may have meant (`log udno`: undo)."""
    from backfit.catalog.search import suggestions
    from backfit.catalog.translated import named_elsewhere

    entry = catalog.find(name) or named_elsewhere(catalog, name)
    if entry is None:
        meant = [_named(catalog, slug) for slug in suggestions(catalog, name)]
        close = [*difflib.get_close_matches(name, commands, n=1), *meant]
        said = did_you_mean(close, messages.NOT_FOUND, messages.NOT_FOUND_MEANT,
                            between=messages.OR_NAMES, name=name)  # fmt: skip
        fail(said, EXIT_NOT_FOUND)
    return entry


def _named(catalog: "Catalog", slug: str) -> str:
    """A suggested entry as the words name it: its slug ('bird-dog'), which a Chinese
    reader sees with the name the screens show ('“鸟狗式”（bird-dog）')."""
    entry = catalog.find(slug)
    return messages.MEANT.format(slug=slug, name=entry.name if entry else slug)


@contextmanager
def log_errors() -> Iterator[None]:
    """A log that cannot be used becomes one line and exit code 4; a session id that is
    not in it, one line and exit code 1."""
    from backfit.journal.schema import JournalError, SessionNotFound

    try:
        yield
    except SessionNotFound as error:
        fail(error.in_words(), EXIT_NOT_FOUND)
    except JournalError as error:
        fail(error.in_words(), EXIT_LOG)


def show(renderable: "RenderableType") -> None:
    print_view(stdout_console(), renderable)


def confirm(renderable: "RenderableType", unshown: str = messages.CHANGED_UNSHOWN) -> None:
    """Show what a change to the log (or the settings) did, written at once: when it cannot
    be written, the person must still know the change was made (exit 6, `unshown` saying
    what changed), or a retry would log it twice."""
    from backfit.writing import OutputError, current

    stdout = current()
    try:
        show(renderable)
        if stdout is not None:
            stdout.flush()
    except OutputError as error:
        if error.closed_pipe:  # the reader left on purpose (`| head`): quiet, as ever
            raise
        fail(unshown.format(error=output_problem(error)), EXIT_CHANGED_UNSHOWN)


def show_json(text: str) -> None:
    write_json(text)


def plan_conditions() -> "tuple[Condition, ...]":
    """The care conditions of the active plan, if any (a log that cannot be read: none)."""
    from backfit.journal.schema import JournalError, log_exists
    from backfit.places import journal_path

    try:
        path = journal_path()
        if not log_exists(path):  # no log, no plan: `list` stays as light as it was
            return ()
        from backfit.programme.current import read_current

        current = read_current(path)
    except (JournalError, OSError):  # a log that cannot be read breaks only the log
        return ()
    from backfit.programme.compose import conditions

    return () if current is None else conditions(current.settings)


def warn_plan_care(entry: "Exercise | Routine", catalog: "Catalog") -> None:
    """A line on stderr for each exercise of `entry` the active plan's care conditions say
    to avoid: `start`, and `show` of an exercise or a routine."""
    from backfit.views.words.catalog import condition_name
    from backfit.views.words.programme import AVOID_WARNING

    for condition in plan_conditions():
        for exercise, _dose in catalog.doses_of(entry):
            note = exercise.care_for(condition)
            if note is not None and note.verdict == "avoid":
                said = AVOID_WARNING.format(condition=condition_name(condition),
                                            name=exercise.name, note=note.note)  # fmt: skip
                error_line(said)
