"""Every way a run can end, in one place: each failure becomes one line on stderr (two for
a usage error: what is wrong, then where to look) and one documented exit code.

Commands run with Typer's standalone mode off, so nothing is printed by Typer itself, and
stdout is guarded (`backfit.output.guarded_stdout`), so a closed pipe or a full disk
reaches `run` as an `OutputError` instead of a traceback or a silent exit 1.
"""

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NoReturn

import typer

from backfit.cli.exits import (
    EXIT_BUG,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    output_failed,
)
from backfit.cli.seams import click_error_kind
from backfit.output import error_line, guarded_stdout, hint_line
from backfit.views.words import messages
from backfit.writing import OutputError


class CommandUsageError(typer.BadParameter):
    """A usage error in backfit's own words, already as meant: Typer attaches the command's
    context to it on the way out, so the hint can name the command."""


def run(call: Callable[[], Any]) -> int:
    """Run a command line and say how it ended: the exit code, after any message."""
    try:
        with guarded_stdout():
            result = call()
        return result if isinstance(result, int) else EXIT_OK
    except OutputError as error:
        return output_failed(error)
    except typer.Exit as error:
        return error.exit_code
    except (typer.Abort, KeyboardInterrupt, EOFError):
        return EXIT_INTERRUPTED
    except OSError as error:
        said = messages.OS_ERROR_FILE if error.filename else messages.OS_ERROR
        error_line(said.format(error=error.strerror or error, file=error.filename))
        return EXIT_OUTPUT
    except Exception as error:
        return _typer_error(error)


def _typer_error(error: Exception) -> int:
    """A usage error or another error Typer raised, or else a bug: still one line."""
    kind = click_error_kind(error)
    if kind is None:
        error_line(messages.INTERNAL_ERROR.format(kind=type(error).__name__, error=error))
        return EXIT_BUG
    if kind == "ClickException":
        error_line(error.format_message())  # type: ignore[attr-defined]
        return int(error.exit_code)  # type: ignore[attr-defined]
    message, hint = usage_message(error, kind)
    error_line(message)
    hint_line(hint)
    return EXIT_USAGE


def fail(message: str, code: int) -> NoReturn:
    """End the command with one line and `code`; a usage error also gets its hint."""
    if code == EXIT_USAGE:
        raise CommandUsageError(message)
    error_line(message)
    raise typer.Exit(code)


def did_you_mean(
    close: Sequence[str], without: str, meant: str, *, between: str = messages.OR, **values: object
) -> str:
    """The one "did you mean": `meant` naming the closest names found ('list', 'a or b'),
    or `without` when none is close; both filled in with `values`. `between`: the word
    between two names (in Chinese, spaced between options, not between quoted names)."""
    if not close:
        return without.format(**values)
    return meant.format(close=between.join(close), **values)


def usage_message(error: Any, kind: str) -> tuple[str, str]:
    """What was wrong, in plain words, and one hint of where to look."""
    ctx = error.ctx
    path = ctx.command_path if ctx is not None else "backfit"
    name = ctx.info_name if ctx is not None and ctx.parent is not None else "backfit"
    hint = messages.TRY_HELP.format(command=path)
    if isinstance(error, CommandUsageError):
        return error.message, hint
    if kind == "NoSuchOption":
        taker = _command_taking(ctx, error.option_name)
        if taker is not None:  # `backfit --json list`: right option, wrong place
            said = messages.OPTION_ELSEWHERE
            return said.format(option=error.option_name, path=path, command=taker), hint
        close = sorted(error.possibilities or ())
        said = did_you_mean(
            close, messages.NO_OPTION, messages.NO_OPTION_MEANT,
            command=name, option=error.option_name,
        )  # fmt: skip
        return said, hint
    if kind == "MissingParameter" and error.param is not None:
        return messages.NEEDS.format(command=name, param=_param_name(error.param)), hint
    if kind == "BadParameter" and error.param is not None:
        param = _source_name(ctx, error.param)
        return messages.BAD_VALUE.format(param=param, problem=_reworded(error)), hint
    if kind == "BadOptionUsage" and "requires an argument" in error.message:
        return messages.NEEDS_VALUE.format(option=error.option_name), hint
    message = str(error.message).rstrip(".")  # Click's: 'Got unexpected extra argument'
    return message[:1].lower() + message[1:], hint


def _command_taking(ctx: Any, option: str) -> str | None:
    """The first of the group's commands that has `option`, when the error is the group's."""
    if ctx is None or not isinstance(ctx.command, typer.core.TyperGroup):
        return None
    for command_name in ctx.command.list_commands(ctx):
        command = ctx.command.get_command(ctx, command_name)
        if command is not None and any(option in p.opts for p in command.params):
            return command_name
    return None


def _source_name(ctx: Any, param: Any) -> str:
    """The option's name, or the environment variable's when the bad value came from it."""
    envvar = getattr(param, "envvar", None)
    source = ctx.get_parameter_source(param.name) if ctx is not None and param.name else None
    if getattr(source, "name", None) == "ENVIRONMENT" and isinstance(envvar, str):
        return envvar
    return _param_name(param)


def _param_name(param: Any) -> str:
    if param.param_type_name == "option" and param.opts:
        return str(param.opts[0])
    return str(param.metavar or param.name or "").upper()


def _reworded(error: Any) -> str:
    """A value Typer could not take, as a person says it. Typer checks values with pydantic,
    whose error types are its public vocabulary; an error without one keeps its words."""
    cause = error.__cause__
    details = cause.errors() if hasattr(cause, "errors") else []
    return in_words(details[0]) if details else str(error.message)


def in_words(detail: Mapping[str, Any]) -> str:
    """One pydantic error about a value someone typed, in plain words, keyed on its type."""
    kind, limits, given = detail["type"], detail.get("ctx") or {}, detail.get("input")
    if kind in BOUNDS:
        bound = limits[BOUNDS[kind][1]]
        if isinstance(bound, int) and isinstance(given, int) and kind in WHOLE_BOUNDS:
            # Counts say the same as `log` says of them: more than 0 is at least 1.
            kind, bound = WHOLE_BOUNDS[kind], bound + (1 if kind == "greater_than" else -1)
        return out_of_bounds(kind, bound, given)
    if kind == "int_parsing":
        return messages.NOT_WHOLE.format(given=given)
    if kind == "float_parsing":
        return messages.NOT_NUMBER.format(given=given)
    return str(detail["msg"]).removeprefix("Value error, ")


def out_of_bounds(kind: str, bound: object, given: object) -> str:
    """'must be at least 1, not -3': `kind` is pydantic's name for the bound missed."""
    return BOUNDS[kind][0].format(bound=bound, given=given)


WHOLE_BOUNDS = {"greater_than": "greater_than_equal", "less_than": "less_than_equal"}
BOUNDS = {  # pydantic's name for a bound missed: the words, and the bound's key in its ctx
    "greater_than_equal": (messages.AT_LEAST, "ge"),
    "greater_than": (messages.MORE_THAN, "gt"),
    "less_than_equal": (messages.AT_MOST, "le"),
    "less_than": (messages.LESS_THAN, "lt"),
}
