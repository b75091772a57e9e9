"""The ways a figure can be drawn in a terminal: the one list the command line, the views
and the renderers all read."""

DRAWN = ("braille", "blocks", "ascii")  # what `raster` draws
MODES = (*DRAWN, "none")  # what `--figure` and BACKFIT_FIGURE accept
