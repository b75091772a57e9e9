"""Shapes to terminal text: Unicode braille (2 by 4 dots a cell), half blocks (1 by 2) or
plain ASCII (one character a cell, chosen by the line's slope).

A terminal cell is about twice as tall as it is wide, so braille dots and half blocks are
square and ASCII cells are not: the vertical scale is halved for ASCII so that a figure
keeps its proportions in every mode. Far limbs are drawn dotted, so the figure reads the
same without colour; each cell also reports the layer it shows, for colouring.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from backfit.figures.modes import DRAWN
from backfit.figures.scene import LAYERS, Circle, Line, Shape

RANK = {layer: rank for rank, layer in enumerate(LAYERS, 1)}
Run = tuple[str, str | None]  # text and the layer it shows (None: blank)


class Grid(NamedTuple):
    """How a mode packs dots into cells: dots across, dots down, and a dot's height
    relative to its width."""

    across: int
    down: int
    aspect: float


GRIDS = {"braille": Grid(2, 4, 1.0), "blocks": Grid(1, 2, 1.0), "ascii": Grid(1, 1, 2.0)}
assert tuple(GRIDS) == DRAWN  # one grid for each mode drawn
BRAILLE_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))  # [row][column]
BLOCKS = (" ", "▀", "▄", "█")  # by dot bits: 1 the top half, 2 the bottom
Box = tuple[float, float, float, float]  # left, bottom, right, top


def cells(box: Box, mode: str, scale: float) -> tuple[int, int]:
    """(columns, rows) that `box` takes at `scale` dots per unit across."""
    grid = GRIDS[mode]
    left, bottom, right, top = box
    # Points are plotted at the nearest dot, so the box's far edges round up to a dot too.
    across = round((right - left) * scale) + 1
    down = round((top - bottom) * scale / grid.aspect) + 1
    return -(-across // grid.across), -(-down // grid.down)


def fit(box: Box, mode: str, columns: int, rows: int) -> float:
    """The largest scale (dots per unit across) at which `box` fits columns x rows."""
    grid = GRIDS[mode]
    left, bottom, right, top = box
    wide = (columns * grid.across - 1) / max(right - left, 1e-6)
    tall = (rows * grid.down - 1) * grid.aspect / max(top - bottom, 1e-6)
    scale = max(min(wide, tall), 0.1)
    while scale > 0.1 and cells(box, mode, scale) > (columns, rows):  # rounding at the edges
        scale *= 0.97
    return scale


class Canvas:
    def __init__(self, box: Box, mode: str, scale: float) -> None:
        self.grid = GRIDS[mode]
        self.mode = mode
        self.left, _, _, self.top = box
        self.scale = scale
        self.columns, self.rows = cells(box, mode, scale)
        self.width = self.columns * self.grid.across
        self.height = self.rows * self.grid.down
        # Dots go straight into their cells as they are plotted: a cell's dot bits (braille
        # bits, or 1 and 2 for a half block's top and bottom), the highest layer in it, and
        # in ASCII its character. Building the text is then one look per cell.
        self.bits = [bytearray(self.columns) for _ in range(self.rows)]
        self.rank = [bytearray(self.columns) for _ in range(self.rows)]
        self.chars = [[" "] * self.columns for _ in range(self.rows)] if mode == "ascii" else []
        self.dot_bits = BRAILLE_BITS if mode == "braille" else ((1,), (2,))

    def _at(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.left) * self.scale, (self.top - y) * self.scale / self.grid.aspect

    def plot(self, column: int, row: int, rank: int, char: str = "*") -> None:
        if not (0 <= column < self.width and 0 <= row < self.height):
            return
        cell_row, down = divmod(row, self.grid.down)
        cell_column, across = divmod(column, self.grid.across)
        if self.chars:
            if rank >= self.rank[cell_row][cell_column]:
                self.chars[cell_row][cell_column] = char
        else:
            self.bits[cell_row][cell_column] |= self.dot_bits[down][across]
        if rank > self.rank[cell_row][cell_column]:
            self.rank[cell_row][cell_column] = rank

    def line(self, shape: Line) -> None:
        x0, y0 = self._at(*shape.start)
        x1, y1 = self._at(*shape.end)
        steps = max(1, round(max(abs(x1 - x0), abs(y1 - y0))))
        rank = RANK[shape.layer]
        char = _slope_char(x1 - x0, y1 - y0, shape.layer)
        dotted = shape.layer == "far"
        for i in range(steps + 1):
            if dotted and i % 2:
                continue
            t = i / steps
            self.plot(round(x0 + t * (x1 - x0)), round(y0 + t * (y1 - y0)), rank, char)

    def circle(self, shape: Circle) -> None:
        cx, cy = self._at(*shape.centre)
        rx = shape.radius * self.scale
        ry = rx / self.grid.aspect
        rank = RANK[shape.layer]
        if self.chars and ry < 1.0:
            self.plot(round(cx), round(cy), rank, "O" if shape.radius > 0.03 else "o")
            return
        count = max(8, round(2 * math.pi * max(rx, ry) * 1.5))
        for i in range(count):
            angle = 2 * math.pi * i / count
            self.plot(round(cx + rx * math.cos(angle)), round(cy - ry * math.sin(angle)), rank, "o")

    def draw(self, shapes: Sequence[Shape]) -> None:
        """Layer by layer, far to near; in each, the circles (the head) after the lines, so
        in ASCII, where a cell holds one character, a limb drawn across the head leaves it
        whole."""
        for layer in LAYERS:
            for shape in shapes:
                if shape.layer == layer and isinstance(shape, Line):
                    self.line(shape)
            for shape in shapes:
                if shape.layer == layer and not isinstance(shape, Line):
                    self.circle(shape)

    def text(self) -> list[list[Run]]:
        """The canvas as rows of runs of characters that share a layer."""
        lines = []
        for row in range(self.rows):
            runs: list[Run] = []
            bits, ranks = self.bits[row], self.rank[row]
            for column in range(self.columns):
                rank = ranks[column]
                if self.chars:
                    char = self.chars[row][column]
                elif self.mode == "blocks":
                    char = BLOCKS[bits[column]]
                else:
                    char = chr(0x2800 + bits[column]) if bits[column] else " "
                layer = LAYERS[rank - 1] if rank else None
                if runs and runs[-1][1] == layer:
                    runs[-1] = (runs[-1][0] + char, layer)
                else:
                    runs.append((char, layer))
            lines.append(runs)
        return lines


def _slope_char(dx: float, dy: float, layer: str) -> str:
    """The ASCII character closest to a line going dx across and dy down (screen cells)."""
    if layer == "prop" and abs(dy) < 0.5:
        return "_"
    angle = math.degrees(math.atan2(-dy * 2, dx)) % 180  # cells are twice as tall as wide
    if angle < 22.5 or angle >= 157.5:
        return "-"
    if angle < 67.5:
        return "/"
    if angle < 112.5:
        return "|"
    return "\\"


def render(shapes: Sequence[Shape], box: Box, mode: str, scale: float) -> list[list[Run]]:
    """`shapes`, cropped to `box`, as rows of text runs."""
    canvas = Canvas(box, mode, scale)
    canvas.draw(shapes)
    return canvas.text()


def plain(lines: Sequence[Sequence[Run]]) -> list[str]:
    """Rendered rows as plain strings, without trailing spaces."""
    return ["".join(text for text, _ in runs).rstrip() for runs in lines]
