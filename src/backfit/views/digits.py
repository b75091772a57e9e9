"""The countdown's block digits, at any size.

A 3-by-5 pixel font drawn with half blocks: each text row holds two pixel rows, so a
pixel `scale` cells wide and `scale` half-rows tall looks square on a usual terminal,
and the digits can grow in steps of one pixel to fill whatever room the screen has.
"""

from __future__ import annotations

import math
from functools import lru_cache

from rich.cells import cell_len

FONT = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", "###", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
}
FONT_ROWS = 5
# The characters for a text cell's two pixels (top, bottom): both, top only, bottom only.
BLOCKS = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def digits_size(text: str, scale: int) -> tuple[int, int]:
    """(cells wide, rows tall) of `text` drawn at `scale`."""
    pixels = sum(cell_len(FONT[c][0]) for c in text) + len(text) - 1  # one pixel between
    return pixels * scale, math.ceil(FONT_ROWS * scale / 2)


@lru_cache(maxsize=256)
def block_digits(text: str, scale: int) -> tuple[str, ...]:
    """`text` (digits and colons) as rows of block characters, `scale` pixels per font pixel.
    Kept once drawn: the coach asks for the same few numbers several times a second."""
    gap = " " * scale
    pixel_rows = [
        gap.join("".join(c * scale for c in FONT[char][row]) for char in text)
        for row in range(FONT_ROWS)
        for _ in range(scale)
    ]
    if len(pixel_rows) % 2:
        pixel_rows.append(" " * len(pixel_rows[0]))
    pairs = zip(pixel_rows[::2], pixel_rows[1::2], strict=True)
    return tuple(
        "".join(BLOCKS[a != " ", b != " "] for a, b in zip(top, bottom, strict=True))
        for top, bottom in pairs
    )


def largest_scale(text: str, width: int, rows: int, *, whole_rows: bool = False) -> int:
    """The biggest scale at which `text` fits `width` cells and `rows` rows (0: none does).
    `whole_rows`: even scales only, whose pixels fill whole text rows, for output that
    has no half blocks (ASCII draws full blocks as '#')."""
    step = 2 if whole_rows else 1
    scale = 0
    while True:
        w, h = digits_size(text, scale + step)
        if w > width or h > rows:
            return scale
        scale += step
