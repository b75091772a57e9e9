"""Every way a run can end, in one place: each failure becomes one line on stderr (two for
a usage error: what is wrong, then where to look) and one documented exit code.

The commands run with Typer's standalone mode off, so nothing is printed by Click, and
stdout is guarded (`backfit.output.guarded_stdout`), so a closed pipe or a full disk
reaches this module as an `OutputError` instead of a traceback or Click's silent exit 1.
"""

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    ClickException,
    MissingParameter,
    NoSuchOption,
    UsageError,
)
from typer.core import TyperArgument, TyperGroup, TyperOption
from typer.exceptions import Abort, Exit

if TYPE_CHECKING:
    from typer._click import Command, Context, Parameter

    from backfit.output import OutputError

# The exit codes, as the README lists them.
EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_BAD_CATALOG = 3
EXIT_LOG = 4
EXIT_OUTPUT = 5  # stdout (or another file) could not be written or read: full disk, I/O error
EXIT_BUG = 70  # a fault in backfit itself (sysexits' EX_SOFTWARE)
EXIT_INTERRUPTED = 130  # Ctrl-C
EXIT_CLOSED_PIPE = 141  # the reader went away (`| head -1`): 128 + SIGPIPE, as the shell says

# Options of the group itself that only make sense before a command.
NOT_LIFTED = ("version", "help", "install_completion", "show_completion")

# Placeholders in help, in plain words, by the option's value type.
PLACEHOLDERS = {int: "N", float: "N", str: "TEXT"}


def run(call: Callable[[], Any]) -> int:
    """Run a command line and say how it ended: the exit code, after any message."""
    from backfit.output import OutputError, guarded_stdout

    try:
        with guarded_stdout():
            result = call()
        return result if isinstance(result, int) else EXIT_OK
    except OutputError as error:
        return output_failed(error)
    except UsageError as error:
        message, hint = usage_message(error)
        _say(message)
        _say_plain(hint)
        return EXIT_USAGE
    except ClickException as error:
        _say(error.format_message())
        return error.exit_code
    except Exit as error:
        return error.exit_code
    except (Abort, KeyboardInterrupt, EOFError):
        return EXIT_INTERRUPTED
    except OSError as error:
        _say(f"{error.strerror or error}" + (f": {error.filename}" if error.filename else ""))
        return EXIT_OUTPUT
    except Exception as error:  # a bug: still one line, with enough to report it
        _say(f"internal error, please report it: {type(error).__name__}: {error}")
        return EXIT_BUG


def output_failed(error: "OutputError") -> int:
    """A closed pipe ends quietly; any other failed write is said once."""
    if error.closed_pipe:
        return EXIT_CLOSED_PIPE
    _say(f"cannot write the output: {error}")
    return EXIT_OUTPUT


def usage_message(error: UsageError) -> tuple[str, str]:
    """What was wrong, in plain words, and one hint of where to look."""
    ctx = error.ctx
    path = ctx.command_path if ctx is not None else "backfit"
    name = ctx.info_name if ctx is not None and ctx.parent is not None else "backfit"
    hint = f"Try '{path} --help'."
    if isinstance(error, NoSuchOption):
        taker = _command_taking(ctx, error.option_name)
        if taker is not None:  # `backfit --json list`: right option, wrong place
            where = f"put it after the command, as in '{path} {taker} {error.option_name}'"
            return f"{error.option_name} is an option of a command: {where}", hint
        close = sorted(error.possibilities or ())
        also = f"; did you mean {' or '.join(close)}?" if close else ""
        return f"{name} has no option {error.option_name}{also}", hint
    if isinstance(error, MissingParameter) and error.param is not None:
        return f"{name} needs {_param_name(error.param)}", hint
    if isinstance(error, BadParameter) and error.param is not None:
        return f"{_source_name(ctx, error.param)}: {_reworded(error)}", hint
    if isinstance(error, BadOptionUsage) and "requires an argument" in error.message:
        return f"{error.option_name} needs a value", hint
    if isinstance(error, CommandUsageError):  # backfit's own words, already as meant
        return _plain(error.message), hint
    message = _plain(error.message.rstrip("."))  # Click's: 'Got unexpected extra argument'
    return message[:1].lower() + message[1:], hint


# pydantic's phrases, as they reach a usage error through the domain's own checks.
PLAIN = {
    "Input should be greater than or equal to": "must be at least",
    "Input should be greater than": "must be more than",
    "Input should be less than or equal to": "must be at most",
    "Input should be less than": "must be less than",
    "Input should be a valid integer": "must be a whole number",
    "Value error, ": "",
}


def _plain(message: str) -> str:
    for said, meant in PLAIN.items():
        message = message.replace(said, meant)
    return message


class CommandUsageError(UsageError):
    """A usage error a command found itself (`fail(..., EXIT_USAGE)`)."""


def _command_taking(ctx: "Context | None", option: str) -> str | None:
    """The first of the group's commands that has `option`, when the error is the group's."""
    if ctx is None or not isinstance(ctx.command, TyperGroup):
        return None
    for command_name in ctx.command.list_commands(ctx):
        command = ctx.command.get_command(ctx, command_name)
        if command is not None and any(option in p.opts for p in command.params):
            return command_name
    return None


def _source_name(ctx: "Context | None", param: "Parameter") -> str:
    """The option's name, or the environment variable's when the bad value came from it."""
    from typer._click.core import ParameterSource

    envvar = getattr(param, "envvar", None)
    from_environment = ctx is not None and param.name is not None and (
        ctx.get_parameter_source(param.name) is ParameterSource.ENVIRONMENT
    )  # fmt: skip
    if from_environment and isinstance(envvar, str):
        return envvar
    return _param_name(param)


def _param_name(param: Any) -> str:
    if isinstance(param, TyperOption) and param.opts:
        return str(param.opts[0])
    return str(param.metavar or param.name or "").upper()


def _reworded(error: BadParameter) -> str:
    """Pydantic's wording ('Input should be greater than or equal to 1') as a person says it."""
    from pydantic import ValidationError

    cause = error.__cause__
    if not isinstance(cause, ValidationError) or not cause.errors():
        return error.message
    detail = cause.errors()[0]
    kind, limits, given = detail["type"], detail.get("ctx", {}), detail.get("input")
    shown = f"'{given}'"
    if kind in ("greater_than_equal", "greater_than"):
        bound = limits.get("ge", limits.get("gt"))
        word = "at least" if kind == "greater_than_equal" else "more than"
        return f"must be {word} {bound}, not {given}"
    if kind in ("less_than_equal", "less_than"):
        bound = limits.get("le", limits.get("lt"))
        word = "at most" if kind == "less_than_equal" else "less than"
        return f"must be {word} {bound}, not {given}"
    if kind == "int_parsing":
        return f"needs a whole number, not {shown}"
    if kind == "float_parsing":
        return f"needs a number, not {shown}"
    choices = getattr(getattr(error.param, "type_descriptor", None), "choices", None)
    if choices:
        names = [str(getattr(c, "value", c)) for c in choices]
        return f"must be {', '.join(names[:-1])} or {names[-1]}, not {shown}"
    return str(detail["msg"]).removeprefix("Value error, ")


def _say(message: str) -> None:
    from backfit.output import error_line

    error_line(message)


def _say_plain(line: str) -> None:
    with contextlib.suppress(OSError, UnicodeError):
        sys.stderr.write(line + "\n")


class Backfit(TyperGroup):
    """The `backfit` command: Typer's group, run so that every ending goes through `run`,
    with help placeholders in plain words and unknown commands answered plainly."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        for command in self.commands.values():
            _plain_help(command)

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        def call() -> Any:
            return super(Backfit, self).main(
                args, prog_name, complete_var, standalone_mode=False, **extra
            )

        code = run(call)
        if standalone_mode:
            sys.exit(code)
        return code

    def resolve_command(
        self, ctx: "Context", args: list[str]
    ) -> tuple[str | None, "Command | None", list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in self.commands:
            import difflib

            close = difflib.get_close_matches(name, list(self.commands), n=2)
            also = f"; did you mean {' or '.join(close)}?" if close else ""
            raise UsageError(f"no command called '{name}'{also}", ctx)
        if name in self.commands:
            args = self._lift_global_options(ctx, self.commands[name], args)
        return super().resolve_command(ctx, args)

    def _lift_global_options(
        self, ctx: "Context", command: "Command", args: list[str]
    ) -> list[str]:
        """Take `backfit list --catalog FILE` as `backfit --catalog FILE list`: people put
        options after the command. Runs before the group's own callback, so the value
        lands exactly where it would have from before the command. The command's own
        options are read past with their values, so `--note --catalog` stays a note."""
        params = list(_all_params(command))
        own = {opt for param in params for opt in getattr(param, "opts", ())}
        lifted = {
            opt: param
            for param in self.params
            if isinstance(param, TyperOption) and param.name not in NOT_LIFTED
            for opt in param.opts
            if opt not in own
        }
        takes_value = {
            opt
            for param in params
            if isinstance(param, TyperOption) and not param.is_flag
            for opt in param.opts
        }
        kept, rest = [args[0]], iter(args[1:])
        for token in rest:
            option, equals, value = token.partition("=")
            if token == "--":
                kept += [token, *rest]
            elif option in lifted:
                param = lifted[option]
                if param.is_flag:
                    given: Any = True
                elif equals:
                    given = value
                else:
                    given = next(rest, None)
                    if given is None:
                        raise BadOptionUsage(option, f"Option '{option}' requires an argument.")
                ctx.params[param.name or option] = param.process_value(ctx, given)
            else:
                kept.append(token)
                following = next(rest, None) if token in takes_value else None
                if following is not None:  # the option's value, whatever it looks like
                    kept.append(following)
        return kept


class PlainArgument(TyperArgument):
    """An argument shown as NAME (or [NAME]) in help and usage, without Typer's `<str>`
    and braces."""

    def display_type_rich(self, ctx: "Context") -> str | None:
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        return name if self.required else f"[{name}]"


class PlainOption(TyperOption):
    """An option without Typer's `[1<=x<=20]`: each help line gives its range in words."""

    def _get_number_range_help_str(self) -> str | None:
        return None


def _all_params(command: "Command") -> Iterator["Parameter"]:
    """The parameters of a command and, for a group such as `log`, of its commands."""
    yield from command.params
    for sub in getattr(command, "commands", {}).values():
        yield from _all_params(sub)


def _plain_help(command: "Command") -> None:
    """Help in plain words, and choices that ignore case, for every command: done here
    rather than at each option.
    The parameters keep their state; their subclasses change only how they are shown."""
    for param in _all_params(command):
        if type(param) is TyperArgument:
            param.__class__ = PlainArgument
        elif type(param) is TyperOption:
            param.__class__ = PlainOption
            if param.type_descriptor.is_choice:  # choices ignore case: --level Beginner
                param.type_descriptor.parameter_info.case_sensitive = False
            if param.metavar is None and not param.is_flag:
                param.metavar = _placeholder(param)


def _placeholder(option: TyperOption) -> str:
    """N, TEXT, or the choices themselves: start|middle|end."""
    described = option.type_descriptor
    if described.is_choice:
        return "|".join(str(getattr(c, "value", c)) for c in described.choices or ())
    return PLACEHOLDERS.get(described.annotation, (option.name or "value").upper())
