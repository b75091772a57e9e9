"""`backfit config`: the settings kept in config.toml, shown with where each value came
from, and `config set` / `config unset` to change them."""

import difflib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from backfit.catalog.files import BUILTIN
from backfit.cli.app import Commands, add_group, confirm, show, show_json
from backfit.cli.defaults import SETTINGS, Loaded, Setting, load_settings
from backfit.cli.exits import EXIT_BAD_CATALOG, EXIT_OUTPUT
from backfit.cli.failures import CommandUsageError, fail
from backfit.cli.options import AccessibleOption, AsciiOption, JsonFlag, PlainCommand
from backfit.config import write_config
from backfit.views.words import config as words

if TYPE_CHECKING:
    from backfit.views.config import Row

config_app = typer.Typer(
    cls=Commands, name="config", help=words.HELP, rich_markup_mode=None,
    invoke_without_command=True, add_completion=False,
)  # fmt: skip
add_group("config", config_app)

KeyArgument = Annotated[
    str,
    typer.Argument(
        metavar="KEY", help=words.KEY_HELP.format(keys=", ".join(SETTINGS)), show_default=False
    ),
]


@config_app.callback()
def config_show(
    ctx: typer.Context,
    as_json: JsonFlag = False,
    ascii_output: AsciiOption = False,
    accessible: AccessibleOption = False,
) -> None:
    if ctx.invoked_subcommand is not None:
        return
    from backfit.views.config import settings_json, settings_view

    loaded = load_settings()
    rows = [_row(ctx, setting, loaded.values) for setting in SETTINGS.values()]
    if as_json:
        return show_json(settings_json(str(loaded.path), rows))
    show(settings_view(str(loaded.path), rows))


def _row(ctx: typer.Context, setting: Setting, values: dict[str, Any]) -> "Row":
    """The value in use and where it came from: a flag given before `config`, the
    environment, the file, or backfit's default."""
    from backfit.views.config import Row

    root = ctx.find_root()
    for param in root.command.params:
        if setting.option in getattr(param, "opts", ()):
            source = root.get_parameter_source(param.name)
            if source is not None and source.name == "COMMANDLINE":
                # a flag given is on (--ascii's callback keeps no value of its own)
                given = True if setting.kind == "switch" else root.params.get(param.name)
                return Row(setting.key, setting.option_value(given), "flag")
    if setting.env and os.environ.get(setting.env):
        try:
            value = setting.parse(os.environ[setting.env])
        except ValueError:
            value = os.environ[setting.env]
        return Row(setting.key, value, "env", setting.env)
    if setting.key in values:
        return Row(setting.key, values[setting.key], "file")
    return Row(setting.key, setting.default, "default")


@config_app.command("set", cls=PlainCommand, help=words.SET_HELP)
def config_set(
    ctx: typer.Context,
    key: KeyArgument,
    value: Annotated[str, typer.Argument(metavar="VALUE", help=words.VALUE_HELP)],
) -> None:
    setting = _setting(ctx, key)
    try:
        parsed = setting.parse(value)
    except ValueError as error:
        raise CommandUsageError(f"{key}: {error}", ctx=ctx) from None
    if setting.kind == "file" and parsed != BUILTIN:
        path = Path(parsed).expanduser()
        if not path.is_file():
            raise CommandUsageError(f"{key}: {words.NO_FILE.format(path=path)}", ctx=ctx)
        parsed = str(path.resolve())  # the same file from whichever folder backfit runs in
    loaded = _writable()
    _write(loaded.path, {**loaded.table, key: parsed})
    confirm_line(words.SET.format(key=key, value=_shown(parsed), path=loaded.path))


@config_app.command("unset", cls=PlainCommand, help=words.UNSET_HELP)
def config_unset(ctx: typer.Context, key: KeyArgument) -> None:
    setting = _setting(ctx, key)
    loaded = _writable()
    default = _shown(setting.default)
    if key not in loaded.table:
        return confirm_line(words.WAS_NOT_SET.format(key=key, path=loaded.path, value=default))
    _write(loaded.path, {k: v for k, v in loaded.table.items() if k != key})
    confirm_line(words.UNSET.format(key=key, value=default))


def _setting(ctx: typer.Context, key: str) -> Setting:
    setting = SETTINGS.get(key)
    if setting is None:
        close = difflib.get_close_matches(key, list(SETTINGS), n=1)
        said = words.UNKNOWN_KEY_MEANT if close else words.UNKNOWN_KEY
        raise CommandUsageError(said.format(key=key, meant=close[0] if close else ""), ctx=ctx)
    return setting


def _writable() -> "Loaded":
    """The file as read; one that cannot be read is never overwritten (exit code 3)."""
    loaded = load_settings()
    if not loaded.table and loaded.problems:
        fail(words.REFUSE_BROKEN.format(path=loaded.path), EXIT_BAD_CATALOG)
    return loaded


def _write(path: Path, table: dict[str, Any]) -> None:
    try:
        write_config(path, table)
    except OSError as error:
        fail(words.CANNOT_WRITE.format(path=path, error=error.strerror or error), EXIT_OUTPUT)


def _shown(value: Any) -> str:
    from backfit.views.config import shown

    return shown(value)


def confirm_line(line: str) -> None:
    """What changed, as one line (never wrapped: it holds a path); exit 6 if it cannot be
    shown, since the change stands."""
    from backfit.views.text import Text

    confirm(Text(line, no_wrap=True, overflow="ignore"), words.CHANGED_UNSHOWN)
