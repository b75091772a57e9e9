"""Pose figures: stick figures drawn from the catalog's pose data.

`body` holds the proportions, `pose` the maths (angles to points, keyframes to in-between
frames, the checks that keep a pose humanly possible), `scene` turns a frame into lines and
circles, and `raster` and `svg` draw those as terminal text or as an SVG picture. Nothing
here knows the catalog's models, Rich or the command line.
"""
