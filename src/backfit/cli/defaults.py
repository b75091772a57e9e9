"""What each setting in config.toml means on the command line: the option it gives a
default to, the environment variable that overrides it, and the values it takes. A flag
wins over the environment, the environment over the file, the file over backfit's own
default (Click's `default_map` is the file's place in that order)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

import typer

from backfit.catalog.files import CATALOG_ENV
from backfit.cli.options import MOTION_ENV, chosen
from backfit.config import ConfigError, config_path, read_config
from backfit.figures.modes import MODES
from backfit.i18n import LANG_ENV
from backfit.output import ACCESSIBLE_ENVS, ASCII_ENV, ASCII_OFF, ASCII_ON
from backfit.views.words import config as words

FIGURE_ENV = "BACKFIT_FIGURE"


class Setting(NamedTuple):
    key: str
    option: str  # the flag it gives a default to, on every command that has it
    default: Any
    choices: tuple[str, ...] = ()  # for a word; empty: a switch or a file
    env: str | None = None  # the environment variable that overrides the file
    inverted: bool = False  # sound = true is --quiet off
    kind: str = "word"  # word, switch or file

    def parse(self, value: object) -> Any:
        """The file's (or `config set`'s) value as the setting holds it; ValueError if not."""
        if self.kind == "switch":
            if isinstance(value, bool):
                return value
            if isinstance(value, str) and value and value.casefold() in (*ASCII_ON, *ASCII_OFF):
                return value.casefold() in ASCII_ON  # the words BACKFIT_ASCII takes
            raise ValueError(words.NOT_A_SWITCH.format(given=value))
        if not isinstance(value, str) or not value:
            raise ValueError(words.NOT_TEXT)
        return chosen(self.choices, value) if self.choices else value

    def option_value(self, value: Any) -> Any:
        return not value if self.inverted else value


SETTINGS = {
    s.key: s
    for s in (
        Setting("language", "--lang", None, env=LANG_ENV),
        Setting("figure", "--figure", "braille", MODES, FIGURE_ENV),
        Setting("ascii", "--ascii", False, env=ASCII_ENV, kind="switch"),
        Setting("accessible", "--accessible", False, env=ACCESSIBLE_ENVS[0], kind="switch"),
        Setting("sound", "--quiet", True, inverted=True, kind="switch"),
        Setting("speak", "--speak", False, kind="switch"),
        Setting("reduced_motion", "--no-motion", False, env=MOTION_ENV, kind="switch"),
        Setting("catalog", "--catalog", None, env=CATALOG_ENV, kind="file"),
        Setting("routine", "NAME", None),  # `backfit start` with no NAME
    )
}


class Loaded(NamedTuple):
    path: Path
    values: dict[str, Any]  # the known keys the file sets, parsed
    table: dict[str, Any]  # everything the file holds, as read
    problems: tuple[str, ...] = ()  # a file that cannot be read, a key with a bad value


def load_settings(path: Path | None = None) -> Loaded:
    """The settings file's values; with problems (said in words, each naming the file),
    the values that could be read, and none from a file that is not TOML."""
    path = path or config_path()
    try:
        table = read_config(path)
    except ConfigError as error:
        return Loaded(path, {}, {}, (words.BROKEN.format(problem=error),))
    values, problems = {}, []
    for key, value in table.items():
        setting = SETTINGS.get(key)
        if setting is None:
            continue  # another version's key: kept in the file, not used
        try:
            values[key] = setting.parse(value)
        except ValueError as error:
            problems.append(words.BAD_KEY.format(file=path, key=key, problem=error))
    return Loaded(path, values, table, tuple(problems))


def default_map(group: Any, values: Mapping[str, Any]) -> dict[str, Any]:
    """Click's `default_map` for `group` and every command under it: each setting the
    file holds, for each option it gives a default to, unless its environment variable
    is set (the environment wins, and an option without `envvar` would not know it)."""
    used = {
        s.option: s.option_value(values[s.key])
        for s in SETTINGS.values()
        if s.key in values and not (s.env and os.environ.get(s.env))
    }
    return _defaults(group, used) if used else {}


def _defaults(command: Any, used: Mapping[str, Any]) -> dict[str, Any]:
    """An option a group has (`--catalog`, `--ascii`) gets its default there only: its
    commands fall back to the group's value when not given theirs, so `backfit --catalog
    builtin list` still beats the file."""
    here = {
        option: param.name
        for param in getattr(command, "params", ())
        for option in getattr(param, "opts", ())
        if option in used
    }
    found: dict[str, Any] = {name: used[option] for option, name in here.items()}
    below = {option: value for option, value in used.items() if option not in here}
    if below and hasattr(command, "list_commands"):
        ctx = typer.Context(command)  # the group's own commands, built as they are asked for
        for name in command.list_commands(ctx):
            inner = _defaults(command.get_command(ctx, name), below)
            if inner:
                found[name] = inner
    return found


def configured(key: str) -> Any:
    """A setting as the environment or the file gives it, else its default: for what reads
    a setting outside an option (the coach's figure)."""
    setting = SETTINGS[key]
    if setting.env and os.environ.get(setting.env):
        return os.environ[setting.env]
    return load_settings().values.get(key, setting.default)
