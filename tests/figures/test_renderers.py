"""The renderers alone: braille, half blocks, ASCII and SVG from simple shapes and poses."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from backfit.catalog.movement import placed
from backfit.catalog.movement import posture as keyframe
from backfit.figures import raster, scene, svg
from backfit.figures.modes import DRAWN, MODES

STANDING = {"trunk": 90, "upper_arm": -90, "forearm": -90, "thigh": -90, "shin": -90, "foot": 0}
BOX = (0.0, 0.0, 1.0, 1.0)


def draw(shapes: list[scene.Shape], mode: str, scale: float, box: raster.Box = BOX) -> list[str]:
    return raster.plain(raster.render(shapes, box, mode, scale))


def test_braille_packs_two_by_four_dots_a_cell() -> None:
    line = scene.Line((0.0, 0.0), (1.0, 0.0), "body")  # along the bottom row of dots
    assert draw([line], "braille", 3.0) == ["⣀⣀"]
    vertical = scene.Line((0.0, 0.0), (0.0, 1.0), "body")
    assert draw([vertical], "braille", 7.0) == ["⡇", "⡇"]


def test_half_blocks_pack_one_by_two() -> None:
    vertical = scene.Line((0.0, 0.0), (0.0, 1.0), "body")
    assert draw([vertical], "blocks", 3.0) == ["█", "█"]
    assert draw([scene.Line((0.0, 1.0), (1.0, 1.0), "body")], "blocks", 1.0) == ["▀▀"]


def test_ascii_picks_characters_by_slope_and_halves_the_height() -> None:
    assert draw([scene.Line((0.0, 0.0), (0.0, 1.0), "body")], "ascii", 4.0) == ["|", "|", "|"]
    assert draw([scene.Line((0.0, 0.0), (1.0, 0.0), "prop")], "ascii", 2.0) == ["", "___"]
    rising = draw([scene.Line((0.0, 0.0), (1.0, 1.0), "body")], "ascii", 4.0)
    assert set("".join(rising)) <= {"/", " "}
    assert len(rising) == 3 and cell_len(rising[0]) == 5  # half as many rows as columns


def test_far_limbs_are_dotted_so_they_read_without_colour() -> None:
    solid = "".join(draw([scene.Line((0.0, 0.0), (1.0, 0.0), "body")], "blocks", 8.0))
    dotted = "".join(draw([scene.Line((0.0, 0.0), (1.0, 0.0), "far")], "blocks", 8.0))
    assert solid.count("▀") == 9 and dotted.count("▀") == 5


def test_cells_report_the_layer_they_show() -> None:
    floor, trunk = ((1.0, 0.0), "prop"), ((0.0, 1.0), "body")
    shapes = [scene.Line((0.0, 0.0), end, layer) for end, layer in (floor, trunk)]
    rows = raster.render(shapes, BOX, "blocks", 3.0)
    assert rows[-1][0] == ("█", "body")
    assert rows[-1][1] == ("▄▄▄", "prop")


@pytest.mark.parametrize("mode", DRAWN)
@pytest.mark.parametrize(("columns", "rows"), [(20, 8), (60, 10), (12, 30), (3, 2)])
def test_fit_keeps_a_figure_inside_its_cells(mode: str, columns: int, rows: int) -> None:
    points = placed(keyframe(STANDING, ["feet"]), "near_heel")
    shapes = scene.drawing([points], ())[0]
    box = scene.bounds(shapes)
    scale = raster.fit(box, mode, columns, rows)
    lines = draw(shapes, mode, scale, box)
    assert len(lines) <= rows
    assert max(cell_len(line) for line in lines) <= columns


def test_a_standing_figure_keeps_its_proportions_in_every_mode() -> None:
    points = placed(keyframe(STANDING, ["feet"]), "near_heel")
    shapes = scene.figure(points)
    box = scene.bounds(shapes)
    for mode, grid in raster.GRIDS.items():
        columns, rows = raster.cells(box, mode, 30.0)
        tall = rows * grid.down * grid.aspect
        wide = columns * grid.across
        assert tall / wide == pytest.approx((box[3] - box[1]) / (box[2] - box[0]), rel=0.35)


def standing_svg() -> str:
    points = placed(keyframe(STANDING, ["feet"]), "near_heel")
    frames = scene.drawing([points, points], ("barbell",))
    return svg.picture(frames, ["Start", "End"], title="Stand <tall>", description="A & B")


def test_svg_is_self_contained_accessible_and_byte_stable() -> None:
    text = standing_svg()
    assert text == standing_svg()
    assert text.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert '<title id="title">Stand &lt;tall&gt;</title>' in text
    assert '<desc id="desc">A &amp; B</desc>' in text
    assert "<script" not in text and "href" not in text and " on" not in text
    assert text.count("<circle") == 6  # a head, a plate and the bar's end in each frame


def test_svg_viewbox_keeps_the_body_in_proportion() -> None:
    match = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', standing_svg())
    assert match is not None
    width, height = float(match[1]), float(match[2])
    assert 100 < height < 140  # a body height of 100 units, padding and a label
    assert width < height * 1.6  # two narrow standing frames side by side


SEATED = {"trunk": 90, "upper_arm": -80, "forearm": -10, "thigh": 0, "shin": -90, "foot": 0}


def test_a_chair_stays_where_the_start_pose_sat() -> None:
    sitting = placed(keyframe(SEATED, ["feet"]), "near_heel")
    standing = placed(keyframe(STANDING, ["feet"]), "near_heel")
    assert scene.seated(sitting) and not scene.seated(standing)
    frames = scene.drawing([sitting, standing], ("chair",), sitting)
    chairs = [
        [s for s in frame if s.layer == "prop" and s not in frames[0][:1]] for frame in frames
    ]
    assert chairs[0] == chairs[1]  # the same chair under the seat in both frames
    seat = chairs[0][1]
    assert isinstance(seat, scene.Line)
    assert seat.start[1] == pytest.approx(sitting["hips"][1] - 0.06)


def test_a_chair_to_hold_stands_at_the_near_hand() -> None:
    standing = placed(keyframe({**STANDING, "near_upper_arm": -60}, ["feet"]), "near_heel")
    back = scene.furniture(standing, ("chair",))[0]
    assert isinstance(back, scene.Line)
    assert back.start == pytest.approx(standing["near_hand"])
    assert back.end[1] == 0.0


def test_the_modes_are_listed_once_and_each_drawn_mode_has_a_grid() -> None:
    assert tuple(raster.GRIDS) == DRAWN
    assert (*DRAWN, "words", "none") == MODES


def test_svg_wraps_a_long_label_under_a_narrow_figure_rather_than_shrink_it() -> None:
    points = placed(keyframe(STANDING, ["feet"]), "near_heel")
    frames = scene.drawing([points, points], ())
    short = svg.picture(frames, ["Start", "End"], title="t", description="d")
    label = "End: upper body turned to one side"
    long = svg.picture(frames, ["Start", label], title="t", description="d")
    size = r'viewBox="0 0 ([\d.]+) ([\d.]+)"'
    (_, h1), (w2, h2) = (map(float, re.search(size, t).groups()) for t in (short, long))  # type: ignore[union-attr]
    assert w2 < svg.label_width(label) * svg.UNIT * 2  # frames not as wide as the label
    assert h2 > h1  # a line more under the figure
    lines = re.findall(r">([^<>]+)</text>", long)
    assert lines[0] == "Start" and " ".join(lines[1:]) == label and len(lines) > 2
    assert short == svg.picture(frames, ["Start", "End"], title="t", description="d")


def test_a_chinese_label_is_measured_a_whole_font_size_a_character() -> None:
    """Measured as Latin letters (0.6 of the size), the Chinese legend's entries ran into
    each other: 虚线：远侧的手臂或腿 over the next entry's line."""
    assert svg.label_width("远侧的手臂") == 5 * svg.FONT_SIZE / svg.UNIT
    assert svg.label_width("arm") == 3 * svg.FONT_SIZE * svg.CHAR_WIDTH / svg.UNIT


def test_a_chinese_label_is_broken_between_its_characters_by_the_rules() -> None:
    """A Chinese label has no spaces: it stayed one line as wide as all its characters,
    and its frame so wide that the side plank's figure printed a third of the others."""
    from backfit.views.text import CLOSING, pieces

    label = "结束：抬起髋部，膝部到头成一直线"
    lines = svg.wrap(pieces(label, 0), 0.5)
    assert len(lines) > 1 and "".join(lines) == label
    assert not any(line[:1] in CLOSING for line in lines)
    assert svg.wrap(svg.words("lower hip resting"), 0.4) == ["lower hip", "resting"]
