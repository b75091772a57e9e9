"""The figure command, and the --figure option `show` shares with it."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from backfit.cli.app import command, find, load, show
from backfit.cli.defaults import FIGURE_ENV
from backfit.cli.exits import EXIT_NOT_FOUND, EXIT_OUTPUT
from backfit.cli.failures import fail
from backfit.cli.options import (
    AccessibleOption,
    AsciiOption,
    CatalogOption,
    NameArgument,
    catalog_in_use,
    choice_option,
    choices,
    one_of,
)
from backfit.figures.modes import MODES, WORDS
from backfit.i18n import _
from backfit.output import accessible, ascii_only, write_lines
from backfit.views.words import messages
from backfit.writing import write_file

FigureOption = Annotated[
    str,
    typer.Option(
        "--figure",
        envvar=FIGURE_ENV,
        show_envvar=True,
        parser=one_of(MODES),
        metavar=choices(MODES),
        help=_("How to draw the pose: braille dots, half blocks, plain ASCII, in words, or none."),
    ),
]
FRAMES = ("start", "middle", "end")


def drawable(mode: str) -> str:
    """The mode asked for; words for a screen reader (--accessible); ASCII where the output
    is ASCII (--ascii, a C locale) or cannot carry the mode's characters."""
    from backfit.views.figure import usable  # Rich: only for the commands that draw

    if mode in ("none", WORDS):
        return mode
    if accessible():
        return WORDS
    if ascii_only(sys.stdout):
        return "ascii"
    return usable(mode, getattr(sys.stdout, "encoding", None))


@command("figure")
def figure(
    ctx: typer.Context,
    name: NameArgument,
    frame: Annotated[
        str | None,
        choice_option(FRAMES, help=_("Draw only this keyframe (start and end otherwise).")),
    ] = None,
    svg: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help=_("Write the figure as SVG to FILE ('-': stdout).")),
    ] = None,
    mode: FigureOption = "braille",
    catalog_file: CatalogOption = None,
    ascii_output: AsciiOption = False,
    accessible: AccessibleOption = False,
) -> None:
    """Draw an exercise's pose large, or write it as SVG."""
    from backfit.catalog.models import Exercise

    catalog = load(catalog_in_use(ctx, catalog_file))
    entry = find(catalog, name)
    if not isinstance(entry, Exercise):
        fail(messages.ROUTINE_HAS_NO_FIGURE.format(slug=entry.slug), EXIT_NOT_FOUND)
    if entry.pose is None:
        fail(messages.NO_POSE.format(slug=entry.slug), EXIT_NOT_FOUND)
    frames = dict(entry.pose.frames())
    if frame is not None and frame not in frames:
        said = messages.NO_SUCH_FRAME.format(
            slug=entry.slug, frame=frame, frames=messages.FRAMES.join(frames)
        )
        fail(said, EXIT_NOT_FOUND)
    names = [frame] if frame else list(frames)
    if svg is not None:
        from backfit.views.figure import pose_svg

        text = pose_svg(entry.name, entry.pose, names)
        if str(svg) == "-":
            sys.stdout.write(text)
            return
        try:
            write_file(svg, text)
        except OSError as error:
            fail(messages.CANNOT_WRITE.format(file=svg, error=error.strerror or error), EXIT_OUTPUT)
        return
    mode = drawable(mode)
    if mode == "none":
        return
    if mode == WORDS:
        from backfit.views.pose_words import pose_words

        return write_lines(pose_words(entry))
    from backfit.views.figure import keyframe_figures

    show(keyframe_figures(entry.pose, mode, names=names, large=True))
