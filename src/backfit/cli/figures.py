"""The figure command, and the --figure option `show` shares with it."""

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from backfit.cli.app import (
    EXIT_NOT_FOUND,
    EXIT_OUTPUT,
    NameArgument,
    app,
    fail,
    find,
    load,
    show,
)

FIGURE_ENV = "BACKFIT_FIGURE"
MODES = ("braille", "blocks", "ascii", "none")


def _mode(value: str) -> str:
    if value not in MODES:
        raise typer.BadParameter(f"must be {', '.join(MODES[:-1])} or {MODES[-1]}, not '{value}'")
    return value


# Plain text checked by a callback rather than a Literal: Typer builds a pydantic adapter
# for a Literal on every run, and `show` is timed against its start-up budget.
FigureOption = Annotated[
    str,
    typer.Option(
        "--figure",
        envvar=FIGURE_ENV,
        show_envvar=True,
        callback=_mode,
        metavar="braille|blocks|ascii|none",
        help="How to draw the pose: braille dots, half blocks, plain ASCII, or none.",
    ),
]
Frame = Literal["start", "middle", "end"]


def drawable(mode: str) -> str:
    """The mode asked for, or ASCII where the output is ASCII (--ascii, a C locale) or
    cannot carry the mode's characters."""
    from backfit.output import ascii_only
    from backfit.views.figure import usable

    if mode != "none" and ascii_only(sys.stdout):
        return "ascii"
    return usable(mode, getattr(sys.stdout, "encoding", None))


@app.command("figure")
def figure(
    ctx: typer.Context,
    name: NameArgument,
    frame: Annotated[
        Frame | None, typer.Option(help="Draw only this keyframe (start and end otherwise).")
    ] = None,
    svg: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="Write the figure as SVG to FILE ('-': stdout)."),
    ] = None,
    mode: FigureOption = "braille",
) -> None:
    """Draw an exercise's pose large, or write it as SVG."""
    from backfit.catalog.models import Exercise

    catalog = load(ctx.obj)
    entry = find(catalog, name)
    if not isinstance(entry, Exercise):
        fail(f"'{entry.slug}' is a routine; figures belong to exercises", EXIT_NOT_FOUND)
    if entry.pose is None:
        fail(f"'{entry.slug}' has no pose in this catalog", EXIT_NOT_FOUND)
    frames = dict(entry.pose.frames())
    if frame is not None and frame not in frames:
        fail(f"'{entry.slug}' has no {frame} pose; it has {', '.join(frames)}", EXIT_NOT_FOUND)
    names = [frame] if frame else list(frames)
    if svg is not None:
        from backfit.views.figure import pose_svg

        text = pose_svg(entry.name, entry.pose, names)
        if str(svg) == "-":
            sys.stdout.write(text)
            return
        try:
            svg.write_text(text, encoding="utf-8")
        except OSError as error:
            fail(f"cannot write {svg}: {error.strerror or error}", EXIT_OUTPUT)
        return
    mode = drawable(mode)
    if mode == "none":
        return
    from backfit.views.figure import keyframe_figures

    show(keyframe_figures(entry.pose, mode, names=names, large=True))
