"""Pose figures as Rich renderables: an exercise's keyframes side by side (stacked when the
terminal is narrow), or one frame of its movement, each drawn at the width Rich gives it.

The drawing is plain characters; colour only tells the body from the props, so the figure
reads the same without it. Which characters to use is decided by the command line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from backfit.figures import motion, raster, scene
from backfit.views.text import pieces
from backfit.views.words import catalog as words
from backfit.views.words import figure as figure_words

if TYPE_CHECKING:
    from backfit.catalog.movement import Point
    from backfit.catalog.poses import Pose

STYLES = {"prop": Style(dim=True), "far": Style(), "body": Style(), None: Style()}
ROWS = {"braille": 10, "blocks": 14, "ascii": 12}  # a figure's height in `show`
LABEL_ROOM = 3  # rows kept for a frame's label and the shell's prompt in `backfit figure`
GAP = 4  # columns between frames side by side


def usable(mode: str, encoding: str | None) -> str:
    """`mode`, or ASCII when the output's encoding cannot carry its characters."""
    sample = {"braille": "⣿", "blocks": "▀▄█"}.get(mode)
    if sample is None or not encoding:
        return mode
    try:
        sample.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return "ascii"
    return mode


class Figures:
    """Frames of a pose at one scale on one floor, side by side when they fit at a
    reasonable size, else one above the other."""

    def __init__(
        self,
        frames: Sequence[Mapping[str, Point]],
        labels: Sequence[Text],
        *,
        props: Sequence[str],
        mode: str,
        rows: int | None,
        still: Mapping[str, Point] | None = None,
    ) -> None:
        self.shapes = scene.drawing(frames, props, still)
        self.box = scene.bounds([shape for frame in self.shapes for shape in frame])
        self.labels = labels
        self.mode = mode
        self.rows = rows

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        count = len(self.shapes)
        share = (width - GAP * (count - 1)) // count
        if self.rows is None:  # on its own: as large as the terminal lets the frames be
            room = max(ROWS[self.mode], (options.height or console.size.height) - LABEL_ROOM)
            beside = raster.fit(self.box, self.mode, share, room)
            stacked = max(ROWS[self.mode], room // count - LABEL_ROOM)
            alone = raster.fit(self.box, self.mode, width, stacked)
            side_by_side = beside >= alone
        else:
            alone = raster.fit(self.box, self.mode, width, self.rows)
            beside = raster.fit(self.box, self.mode, share, self.rows)
            side_by_side = beside >= 0.7 * alone
        room = share if side_by_side else width
        pictures = [self._picture(console, shapes, i, beside if side_by_side else alone, room)
                    for i, shapes in enumerate(self.shapes)]  # fmt: skip
        if side_by_side:
            tallest = max(len(picture) for picture in pictures)
            for picture in pictures:
                blank = Text(" " * cell_len(picture[0].plain))
                picture += [blank.copy() for _ in range(tallest - len(picture))]
            rows = [Text(" " * GAP).join(parts) for parts in zip(*pictures, strict=True)]
        else:
            rows = [line for picture in pictures for line in (*picture, Text())][:-1]
        for row in rows:
            row.rstrip()
            yield from row.render(console)
            yield Segment.line()

    def _picture(
        self, console: Console, shapes: Sequence[scene.Shape], index: int, scale: float,
        room: int,
    ) -> list[Text]:  # fmt: skip
        """A frame's rows and, centred under them, its label: on one line when the frame
        has room beside it, wrapped to `room` columns otherwise."""
        lines = []
        for runs in raster.render(shapes, self.box, self.mode, scale):
            lines.append(Text.assemble(*((text, STYLES[layer]) for text, layer in runs)))
        label = self.labels[index]
        drawn = cell_len(lines[0].plain)
        columns = max(drawn, min(cell_len(label.plain), room))
        indent = Text(" " * ((columns - drawn) // 2))
        lines = [Text.assemble(indent, line) for line in lines]
        for label_line in label.wrap(console, columns, justify="center"):
            lines.append(label_line)
        for line in lines:
            line.align("left", columns)
        return lines


def keyframe_figures(
    pose: Pose, mode: str, *, names: Sequence[str] = ("start", "end"), large: bool = False,
    rows: int | None = None,
) -> Figures:  # fmt: skip
    """The keyframes called `names` (start and end unless told), labelled and captioned;
    `large` for a figure on its own rather than above an exercise's steps, whose frames
    are `rows` high at most (ROWS unless told)."""
    frames = dict(pose.frames())
    chosen = [name for name in names if name in frames]
    labels = []
    for name in chosen:
        label = Text(_label(name, frames[name].caption))
        named = len(words.FRAME_LABELS[name])
        label.stylize("bold", 0, named)
        label.stylize("italic", named)  # the caption, if any
        labels.append(label)
    return Figures(
        [pose.placed(name) for name in chosen],
        labels,
        props=pose.props,
        mode=mode,
        rows=None if large else rows or ROWS[mode],
        still=pose.placed("start"),
    )


def pose_svg(
    title: str, pose: Pose, names: Sequence[str], *, ids: str = "",
    printed: tuple[float, float] | None = None, legend: bool = True,
) -> str:  # fmt: skip
    """The keyframes called `names` as one SVG picture, left to right, each after the
    first showing what moved since the one before it, and a legend for what needs one
    (`ids` and `printed`: see `svg.picture`; without `legend`, where a page of figures
    says once what `figure_key` says)."""
    from backfit.figures import svg

    still = pose.placed("start")
    frames_drawn = [pose.placed(name) for name in names]
    drawn = scene.drawing(frames_drawn, pose.props, still)
    shapes = [
        [*scene.around_head(s, p), *scene.hip_mark(p)]
        for s, p in zip(drawn, frames_drawn, strict=True)
    ]
    spans = len(pose.frames()) - 1
    where = {name: i / spans for i, (name, _) in enumerate(pose.frames())}
    cued = shapes[:1]
    for (first, then), before, after in zip(pairwise(names), shapes, shapes[1:], strict=False):
        steps = [pose.at(where[first] + (where[then] - where[first]) * k / PATH_STEPS)
                 for k in range(PATH_STEPS + 1)]  # fmt: skip
        cued.append(motion.cued(before, after, steps))
    heading = words.SVG_TITLE.format(title=title, frames=words.SVG_FRAMES.join(names))
    description = pose_description(title, pose, names)
    return svg.picture(
        cued, _labels(pose, names), title=heading, description=description, ids=ids,
        legend=_legend(cued) if legend else (), printed=printed,
        breaks=lambda label: pieces(label, 0),  # in Chinese, between characters, by its rules
    )  # fmt: skip


def _dashed_shows(frame: Sequence[scene.Shape]) -> bool:
    """Whether a far limb shows as dashed: not where it lies under the near one, as both
    legs do, side by side, seen from the side."""
    lines = [shape for shape in frame if isinstance(shape, scene.Line)]
    solid = {_ends(line) for line in lines if line.layer in ("body", "moved")}
    return any(line.layer in ("far", "moved-far") and _ends(line) not in solid for line in lines)


def _ends(line: scene.Line) -> frozenset[tuple[float, float]]:
    """A line's two ends, rounded, whichever way it is drawn."""
    return frozenset((round(x, 3), round(y, 3)) for x, y in (line.start, line.end))


PATH_STEPS = 12  # points along the way a part moves, for its arrow


def _legend(frames: Sequence[Sequence[scene.Shape]]) -> list[tuple[str, str]]:
    """What the picture's legend explains: the dashed lines where there are any, the
    colour of what moves and its ghost where they are drawn."""
    layers = {shape.layer for frame in frames for shape in frame}
    legend = []
    if any(_dashed_shows(frame) for frame in frames):
        legend.append(("far", figure_words.FAR_SIDE))
    if layers & {"moved", "moved-far"}:
        legend.append(("moved", figure_words.MOVES))
    if layers & {"ghost", "ghost-far"}:
        legend.append(("ghost", figure_words.WAS))
    return legend


def pose_description(title: str, pose: Pose, names: Sequence[str]) -> str:
    """What the picture of the keyframes `names` shows, in words, for a screen reader."""
    seen = {"side": words.SVG_SIDE, "front": words.SVG_FRONT}.get(pose.view) or (
        words.SVG_FEET if pose.seen_from == "feet" else words.SVG_ABOVE
    )
    return seen.format(title=title, frames=words.SVG_THEN.join(_labels(pose, names)))


def _labels(pose: Pose, names: Sequence[str]) -> list[str]:
    frames = dict(pose.frames())
    return [_label(name, frames[name].caption) for name in names]


def _label(name: str, caption: str | None) -> str:
    """'Start', or 'End: arms overhead' for a frame with a caption."""
    label = words.FRAME_LABELS[name]
    return label if caption is None else words.CAPTIONED.format(label=label, caption=caption)


FEWEST_ROWS = {"braille": 4, "blocks": 6, "ascii": 6}  # fewer cannot be read: none is drawn
FEWEST_COLUMNS = 12
STEPS = 24  # distinct positions along a movement, so frames repeat and are kept


def frame_step(progress: float) -> int:
    """Which of the STEPS + 1 frames along the movement is drawn `progress` along it (0 the
    start pose, 1 the end pose): the nearest, whatever the figure's size."""
    return round(min(max(progress, 0.0), 1.0) * STEPS)


class MovingFigure:
    """The exercise moving on the coach's screen, drawn in `mode` characters, for one
    session. It keeps the frames of the pose in view, each drawn once (the coach redraws
    several times a second, and frames repeat): a new pose (the next exercise) starts
    afresh, so it never holds more than one movement's frames at a few sizes."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self._pose: Pose | None = None
        self._box: tuple[raster.Box, tuple[float, float]] | None = None
        self._frames: dict[tuple[int, int, int], tuple[Text, ...]] = {}

    def lines(self, pose: Pose, progress: float, width: int, rows: int) -> list[Text]:
        """One instant of `pose`'s movement, `progress` along it (0 the start pose, 1 the end
        pose), as large as fits `width` cells by `rows` rows; nothing where it would be too
        small to read. Every frame of a movement at one size takes the same rows."""
        if rows < FEWEST_ROWS[self.mode] or width < FEWEST_COLUMNS:
            return []
        return [line.copy() for line in self._frame(pose, frame_step(progress), width, rows)]

    def _frame(self, pose: Pose, step: int, width: int, rows: int) -> tuple[Text, ...]:
        """The drawn frame at `step` of STEPS along the movement."""
        if pose is not self._pose or self._box is None:
            self._pose, self._box, self._frames = pose, _measure_movement(pose), {}
        key = (step, width, rows)
        lines = self._frames.get(key)
        if lines is None:
            if len(self._frames) > MOST_FRAMES:  # resized again and again: start afresh
                self._frames.clear()
            runs = _draw_frame(pose, self._box, self.mode, step, width, rows)
            lines = tuple(Text.assemble(*((t, STYLES[layer]) for t, layer in row)) for row in runs)
            for line in lines:
                line.rstrip()
            self._frames[key] = lines
        return lines


MOST_FRAMES = 4 * (STEPS + 1)  # every step of the movement, at a few sizes


def _draw_frame(
    pose: Pose, measured: tuple[raster.Box, tuple[float, float]], mode: str, step: int,
    width: int, rows: int,
) -> tuple[tuple[raster.Run, ...], ...]:  # fmt: skip
    """Every frame of one movement shares a scale and a box (`measured` once for the
    movement), so the figure does not jump about as it moves."""
    still = pose.placed("start")
    box, span = measured
    scale = raster.fit(box, mode, width, rows)
    while scale > 0.1 and not _within(raster.cells(box, mode, scale), width, rows):
        scale *= 0.97  # raster.fit can leave a row or column over, rounding at the edges
    shapes = scene.drawing([pose.at(step / STEPS)], pose.props, still, span)[0]
    return tuple(tuple(runs) for runs in raster.render(shapes, box, mode, scale))


def _within(size: tuple[int, int], width: int, rows: int) -> bool:
    return size[0] <= width and size[1] <= rows


def _measure_movement(pose: Pose) -> tuple[raster.Box, tuple[float, float]]:
    """The box every frame of the movement fits in, and the figure's reach left and right
    (the floor's span, so that it stays put as the figure moves)."""
    still = pose.placed("start")
    frames = [pose.at(i / 8) for i in range(9)]
    drawn = scene.drawing(frames, pose.props, still)
    return scene.bounds([shape for frame in drawn for shape in frame]), scene.extent(frames)


def figure_key() -> str:
    """What the figures' colours and dashes mean, said once for a page of them (a sheet),
    rather than under each figure, where it takes the room the figure needs."""
    entries = (figure_words.MOVES, figure_words.WAS, figure_words.FAR_SIDE)
    return figure_words.KEY.format(entries=figure_words.BETWEEN.join(entries))
