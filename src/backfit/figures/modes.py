"""The ways a figure can be drawn in a terminal: the one list the command line, the views
and the renderers all read."""

DRAWN = ("braille", "blocks", "ascii")  # what `raster` draws
WORDS = "words"  # the pose said instead of drawn: for a screen reader, or by choice
MODES = (*DRAWN, WORDS, "none")  # what `--figure` and BACKFIT_FIGURE accept
