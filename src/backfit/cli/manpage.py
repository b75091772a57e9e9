"""backfit(1), the man page, written from the command tree itself: every command with its
usage and help, every option and argument as `--help` shows it, the environment variables
the options read and those read elsewhere, the files and the exit statuses. The build
writes it into the wheel (`hatch_build.py`), so it can never describe another version."""

from __future__ import annotations

from typing import Any

import typer

from backfit import __version__
from backfit.views.words import manpage as words


def manpage_text() -> str:
    """The man page of the installed command line, in roff."""
    from backfit.cli.main import app

    group = typer.main.get_command(app)
    ctx = group.make_context("backfit", [], resilient_parsing=True)
    out = [
        f'.TH BACKFIT 1 "" "backfit {__version__}" "{words.SECTION}"',
        ".nh",  # no hyphens added: flags and variable names are typed as they stand
        ".ad l",
        ".SH NAME",
        f"backfit \\- {words.NAME}",
        ".SH SYNOPSIS",
        words.SYNOPSIS,
        ".SH DESCRIPTION",
        *_paragraphs(group.help or ""),
        ".SH OPTIONS",
        *_params(group, ctx),
        f".SH {words.COMMANDS}",
    ]
    for command, sub in _commands(group, ctx):
        usage = " ".join(command.collect_usage_pieces(sub))
        out += [f'.SS "{_text(sub.command_path)} {_text(usage)}"', *_paragraphs(command.help)]
        out += _params(command, sub)
    out += [f".SH {words.ENVIRONMENT}"]
    for name, what in _environment(group, ctx).items():
        out += [".TP", f".B {name}", _text(what)]
    out += [f".SH {words.FILES}"]
    for path, what in words.FILES_TEXT.items():
        out += [".TP", f".I {_text(path)}", _text(what)]
    out += [f".SH {words.EXIT_STATUS}"]
    for code, what in words.EXIT_TEXT.items():
        out += [".TP", f".B {code}", _text(what)]
    out += [f".SH {words.SEE_ALSO}", _text(words.SEE_ALSO_TEXT)]
    return "\n".join(out) + "\n"


def _commands(group: Any, ctx: Any) -> list[tuple[Any, Any]]:
    """Every command under `group`, a group's commands after it, in `--help`'s order."""
    found = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None or command.hidden:
            continue
        sub = command.make_context(name, [], parent=ctx, resilient_parsing=True)
        found.append((command, sub))
        if hasattr(command, "list_commands"):
            found += _commands(command, sub)
    return found


def _params(command: Any, ctx: Any) -> list[str]:
    """Each option and argument as `--help` shows it: its flags and metavar, then its help."""
    out = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            continue
        flags, help_text = record
        out += [".TP", f".B {_flags(flags)}", _text(help_text)]
    return out


def _environment(group: Any, ctx: Any) -> dict[str, str]:
    """The variables options read (each with the options it is the default of), then the
    ones read elsewhere."""
    readers: dict[str, list[str]] = {}
    for command, sub in [(group, ctx), *_commands(group, ctx)]:
        for param in command.get_params(sub):
            names = param.envvar if isinstance(param.envvar, list | tuple) else [param.envvar]
            for name in filter(None, names):
                option = max(param.opts, key=len)
                if option not in readers.setdefault(name, []):
                    readers[name].append(option)
    said = {
        name: words.OPTION_ENVIRONMENT.format(options=", ".join(options))
        for name, options in readers.items()
    }
    return {**said, **{k: v for k, v in words.ENVIRONMENT_TEXT.items() if k not in said}}


def _paragraphs(text: str | None) -> list[str]:
    """Help text as roff paragraphs (Click's \\b marks a paragraph kept as written)."""
    out = []
    for paragraph in (text or "").replace("\b\n", "").split("\n\n"):
        if paragraph.strip():
            out += [".PP", _text(" ".join(paragraph.split()))]
    return out


def _flags(flags: str) -> str:
    """`--figure MODE, -f` with its hyphens as roff's minus signs, so they copy and search."""
    return _text(flags).replace("-", "\\-")


def _text(text: str) -> str:
    """Plain text made safe for roff: backslashes escaped, no line read as a request."""
    text = text.replace("\\", "\\e")
    return "\n".join(
        f"\\&{line}" if line.startswith((".", "'")) else line for line in text.split("\n")
    )
