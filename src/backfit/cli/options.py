"""What the commands share on the command line: the options several of them take, declared
once as `Annotated` aliases (as fastapi-cli declares its own), and how a command's usage
and help are shown."""

import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperCommand

from backfit.catalog.files import CATALOG_ENV, catalog_files
from backfit.cli.failures import CommandUsageError, out_of_bounds
from backfit.cli.helptext import first_sentence, spoken
from backfit.i18n import _
from backfit.output import (
    ACCESSIBLE_ENVS,
    ASCII_ENV,
    ASCII_OFF,
    ASCII_ON,
    force_accessible,
    force_ascii,
)
from backfit.views.words import messages

Choice = TypeVar("Choice", bound=str)


class PlainCommand(TyperCommand):
    """A command whose arguments read NAME (or [NAME]) in its usage line and its help,
    without the braces and `<str>` Typer adds, and whose help, written as the command's
    docstring, is said in the run's language (`.ci/messages.py` extracts the docstrings of
    the commands for translation). Only Click's public hooks are overridden."""

    def __init__(self, *args: Any, **settings: Any) -> None:
        for key in ("help", "short_help"):
            if settings.get(key):
                settings[key] = _(settings[key])
        if settings.get("help") and not settings.get("short_help") and "。" in settings["help"]:
            settings["short_help"] = first_sentence(settings["help"])
        super().__init__(*args, **settings)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        super().format_help(ctx, spoken(formatter))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Click keeps the last of a value given twice (`--level beginner --level
        advanced`) and says nothing; here it is a usage error, so that no filter or score
        is dropped silently. Options meant to be repeated (`list --for`) are `multiple`."""
        if not ctx.resilient_parsing:  # resilient: completing a command line
            repeated = given_twice(self.get_params(ctx), args)
            if repeated is not None:
                raise CommandUsageError(messages.GIVEN_TWICE.format(option=repeated), ctx=ctx)
        return super().parse_args(ctx, args)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = _shown_name(param)
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                arguments.append((_shown_name(param), record[1]))
            else:
                options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def given_twice(params: Sequence[Any], args: Sequence[str]) -> str | None:
    """The first option that takes one value and is given more than once in `args`, by
    the name it is listed under, or None. A value is never read as an option: the word
    after an option that takes one is skipped, and nothing after `--` is an option."""
    taking = {
        name: param
        for param in params
        if param.param_type_name == "option" and not param.is_flag and not param.count
        for name in (*param.opts, *param.secondary_opts)
    }
    seen: set[str] = set()
    words = iter(args)
    for word in words:
        if word == "--":
            break
        name, has_value, _rest = word.partition("=")
        param = taking.get(name) if name.startswith("--") else taking.get(word)
        if param is None:
            continue
        if not has_value:
            next(words, None)
        if param.multiple:
            continue
        if param.name in seen:
            return str(param.opts[0])
        seen.add(param.name)
    return None


def _shown_name(argument: Any) -> str:
    return str(argument.metavar or argument.name.upper())


def catalog_in_use(ctx: typer.Context, given: str | None = None) -> Path | None:
    """The catalog chosen after the command (`list --catalog F`), else before it
    (`--catalog F list`), else none: the built-in one and the user's."""
    chosen = given if given is not None else ctx.find_root().params.get("catalog_file")
    return None if chosen is None else Path(chosen)


def complete_name(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Slugs of exercises and routines (with names as help) that start with what was typed."""
    from backfit.catalog.completion import entry_names  # the cache: only for a Tab

    typed = incomplete.casefold()
    files = catalog_files(catalog_in_use(ctx, ctx.params.get("catalog_file")))
    return [
        (slug, name)
        for slug, name in entry_names(files)
        if slug.startswith(typed) or name.casefold().startswith(typed)
    ]


def _use_ascii(ctx: typer.Context, value: bool) -> None:
    """--ascii, and a check of BACKFIT_ASCII, which output reads as a switch in any case:
    a value that is no switch is refused rather than guessed at."""
    if value:
        force_ascii()
    switched_on(ctx, ASCII_ENV)


def switched_on(ctx: typer.Context, name: str) -> bool:
    """Whether the environment variable `name` turns a switch on: 1, true, yes or on, in any
    case (off: 0, false, no, off or unset); any other value is refused, not guessed at."""
    given = os.environ.get(name, "")
    if given.casefold() not in (*ASCII_ON, *ASCII_OFF):
        *first, last = (*ASCII_ON, *ASCII_OFF[:-1])  # '' is no choice to name
        said = messages.ONE_OF.format(choices=messages.CHOICES.join(first), last=last, given=given)
        raise CommandUsageError(messages.BAD_VALUE.format(param=name, problem=said), ctx=ctx)
    return given.casefold() in ASCII_ON


def _use_accessible(ctx: typer.Context, value: bool) -> None:
    """--accessible, BACKFIT_ACCESSIBLE or ACCESSIBLE: output for a screen reader."""
    if any([value, *(switched_on(ctx, name) for name in ACCESSIBLE_ENVS)]):
        force_accessible()


def _reduced_motion(ctx: typer.Context, value: bool) -> bool:
    return value or switched_on(ctx, MOTION_ENV)


MOTION_ENV = "BACKFIT_REDUCED_MOTION"
CatalogOption = Annotated[
    str | None,  # not Path: the loader, not Typer, reports a file it cannot read
    typer.Option(
        "--catalog",
        envvar=CATALOG_ENV,
        metavar="FILE",
        help=_(
            "Read exercises from FILE instead of the built-in catalog (or as well as it, "
            "if FILE says 'extends: builtin')."
        ),
        show_envvar=True,
    ),
]
AsciiOption = Annotated[
    bool,
    typer.Option(
        "--ascii",
        callback=_use_ascii,
        is_eager=True,
        help=_(
            "Plain ASCII output: no bullets, box edges or bars (also BACKFIT_ASCII=1, "
            "true, yes or on, in any case)."
        ),
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="LANGUAGE",
        help=_(
            "The language to speak: en, or zh for Simplified Chinese (also BACKFIT_LANG, the "
            "language setting, or your locale); one backfit does not speak is English."
        ),
    ),
]
ANNOUNCE_EVERY = 5  # seconds between the accessible coach's sayings of the time left
AnnounceOption = Annotated[
    int,
    typer.Option(
        "--announce-every",
        metavar="SECONDS",
        callback=lambda value: within(1, 600)(value),
        help=_("With --accessible: say the time left every SECONDS seconds (1-600; 5)."),
    ),
]
AccessibleOption = Annotated[
    bool,
    typer.Option(
        "--accessible",
        callback=_use_accessible,
        is_eager=True,
        help=_(
            "For a screen reader: figures said in words, no box edges or bullets, and the "
            "coach one line at a time, never redrawn (also BACKFIT_ACCESSIBLE=1 or ACCESSIBLE=1)."
        ),
    ),
]
JsonFlag = Annotated[
    bool, typer.Option("--json", help=_("Print JSON instead of a formatted view."))
]
QuietFlag = Annotated[bool, typer.Option("--quiet", help=_("No bell at each change."))]
SpeakFlag = Annotated[
    bool,
    typer.Option("--speak", help=_("Read the cues aloud (say, espeak-ng, spd-say or espeak).")),
]
NoMotionFlag = Annotated[
    bool,
    typer.Option(
        "--no-motion",
        callback=_reduced_motion,
        help=_(
            "Reduced motion: the coach's figure keeps still, in the start pose, and in the end "
            "pose through a hold (also BACKFIT_REDUCED_MOTION=1, true, yes or on)."
        ),
    ),
]
NameArgument = Annotated[
    str,
    typer.Argument(
        metavar="NAME",
        help=_(
            "Slug, name or alias of an exercise or routine, e.g. swallow-fly or 'flying swallow'."
        ),
        autocompletion=complete_name,
        show_default=False,
    ),
]


OptionalNameArgument = Annotated[
    str | None,
    typer.Argument(
        metavar="[NAME]",
        help=_(
            "Slug, name or alias of an exercise or routine, e.g. swallow-fly or 'flying swallow'; "
            "none: the one kept with backfit config set routine NAME."
        ),
        autocompletion=complete_name,
        show_default=False,
    ),
]


def choices(values: Iterable[str]) -> str:
    """The placeholder that lists an option's choices: start|middle|end."""
    return "|".join(values)


def complete_choices(values: Sequence[str]) -> Callable[[str], list[str]]:
    """Shell completion for an option taking one of `values`: those that start with what
    was typed."""

    def complete(incomplete: str) -> list[str]:
        return [value for value in values if value.startswith(incomplete)]

    return complete


def one_of(
    values: Sequence[Choice], names: Mapping[str, str] | None = None
) -> Callable[[str | None], Choice | None]:
    """A callback that takes one of `values` in any case (`--level Beginner`), or its name
    in `names`, the run's words for them (`--level 初级`). Plain text checked here rather
    than an Enum or a Literal, whose refusal Typer words itself."""

    def check(value: str | None) -> Choice | None:
        if value is None:
            return None
        try:
            return chosen(values, value, names)
        except ValueError as error:
            raise typer.BadParameter(str(error)) from None

    return check


def choice_option(
    values: Iterable[Choice], names: Mapping[str, str] | None = None, *decls: str, help: str
) -> Any:
    """An option (named `decls`, or after its parameter) taking one of `values`, or its
    name in `names`, listed as its placeholder (quota|symptom) and refused in the run's
    words."""
    members = list(values)
    return typer.Option(*decls, metavar=choices(members), parser=one_of(members, names), help=help)


def chosen(values: Sequence[Choice], value: str, names: Mapping[str, str] | None = None) -> Choice:
    """The one of `values` that `value` names, in any case, or whose name in `names` it is;
    a ValueError that lists them."""
    given = value.strip().casefold()
    for choice in values:
        if choice.casefold() == given or (names or {}).get(choice, "").casefold() == given:
            return choice
    *first, last = values
    raise ValueError(
        messages.ONE_OF.format(choices=messages.CHOICES.join(first), last=last, given=value)
    )


def within(low: int, high: int | None = None) -> Callable[[int | None], int | None]:
    """A callback that keeps a number between `low` and `high`. Typer's own `min` and `max`
    would also print `[1<=x<=20]` in help, where each option says its range in words."""

    def check(value: int | None) -> int | None:
        if value is not None and value < low:
            raise typer.BadParameter(out_of_bounds("greater_than_equal", low, value))
        if value is not None and high is not None and value > high:
            raise typer.BadParameter(out_of_bounds("less_than_equal", high, value))
        return value

    return check


DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WeekDays = Any  # a tuple of weekday numbers, parsed from mon,wed,fri (Typer has no such type)


def week_days(text: str | None) -> tuple[int, ...] | None:
    """Days of the week as `plan new --days` and `handout --days` take them: mon,wed,fri
    (0 is Monday), or named in the run's words (周一、周三、周五)."""
    if text is None:
        return None
    from backfit.views.words.handout import DAY_NAMES as SAID
    from backfit.views.words.handout import DAY_SHORT as SAID_SHORT

    said = {name.casefold(): n for names in (SAID, SAID_SHORT) for n, name in enumerate(names)}
    days = []
    for part in (p.strip().casefold() for p in re.split(r"[,，、]", text) if p.strip()):
        day = DAY_NAMES.index(part[:3]) if part[:3] in DAY_NAMES else said.get(part)
        if day is None:
            raise typer.BadParameter(messages.GIVE_DAYS)
        days.append(day)
    if not days:
        raise typer.BadParameter(messages.GIVE_DAYS)
    return tuple(sorted(set(days)))
