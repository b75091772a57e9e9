"""What `show`, `list`, `routines`, `figure` and the catalog's pages call things: headings,
labels, a source as cited, and a pose's frames. The catalog's own text comes from YAML."""

from __future__ import annotations

# A source as cited under an exercise, a routine or a page.
SOURCE = "{publisher}: {title}"
SOURCE_YEAR = "{publisher}: {title}, {year}"
TITLE_YEAR = "{title}, {year}"  # in `backfit sources`, under the publisher
CITED_BY = "cited by {names}"
CITED_BY_NOTHING = "cited by nothing"
NAMES = ", "

# A pose's keyframes, and the SVG picture of them.
FRAME_LABELS = {"start": "Start", "middle": "Halfway", "end": "End"}
CAPTIONED = "{label}: {caption}"
SVG_TITLE = "{title}: {frames}"
SVG_FRAMES = " to "  # between the frames' names in the SVG title: 'start to end'
SVG_SIDE = "Stick figure of {title}, seen from the side: {frames}."
SVG_FRONT = "Stick figure of {title}, seen from the front: {frames}."
SVG_THEN = ", then "
