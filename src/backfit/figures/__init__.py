"""Pose figures: stick figures drawn from the catalog's poses, and nothing else.

The pose model and its body maths are the catalog's (`catalog.poses`, `catalog.movement`,
`catalog.body`); here `scene` turns placed points into lines and circles, `raster` draws
those as terminal text in one of the `modes` and `svg` as an SVG picture. Nothing here
knows Rich or the command line.
"""
