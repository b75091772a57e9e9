"""The shared layout pieces line text up in terminal cells, whatever the script."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.text import Text

from backfit.views.widgets import Phrases, labelled, stacked, table


def lines(renderable: RenderableType, width: int) -> list[str]:
    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False)
    console.print(renderable)
    return console.file.getvalue().splitlines()  # type: ignore[attr-defined, no-any-return]


@pytest.mark.parametrize("width", [40, 80])
def test_labelled_lines_align_chinese_labels_by_cells(width: int) -> None:
    rows = [
        ("剂量", Text("两组，每组八次")),
        ("Level", Text("beginner")),
        ("器材", Text("垫子 " * 20)),
    ]
    drawn = lines(labelled(rows, gap=2), width)
    # every row's text starts in the same terminal column: after the widest label (5 cells) + 2
    starts = [cell_len(line) - cell_len(line[5:].lstrip()) for line in drawn if line.strip()]
    assert drawn[0].startswith("剂量   两组")  # 4 cells of label, 1 of padding, then the gap
    assert drawn[1].startswith("Level  beginner")
    assert all(cell_len(line) <= width for line in drawn)
    assert len(set(starts)) == 1, drawn
    assert len(drawn) > 3  # the long row wrapped, under its text and not under its label
    assert drawn[3].startswith(" " * 7)


@pytest.mark.parametrize("width", [40, 80])
def test_table_and_stacked_entries_fit_in_cells(width: int) -> None:
    rows = [
        [Text("鸟狗式"), Text("初级"), Text("每侧 6 次，保持 10 秒")],
        [Text("Bird dog"), Text("b"), Text("x")],
    ]
    drawn = lines(table(("名称", "Level", "Dose"), rows, wrap=(2,)), width)
    assert all(cell_len(line) <= width for line in drawn)
    column = drawn[0].index("Level")
    assert cell_len(drawn[2][: drawn[2].index("初级")]) == cell_len(drawn[0][:column])
    entries = stacked([(Text("鸟狗式"), [Text("每侧 6 次 " * 10)])])
    narrow = lines(entries, width)
    assert narrow[0] == "鸟狗式"
    assert all(line.startswith("  ") and cell_len(line) <= width for line in narrow[1:])


@pytest.mark.parametrize("width", [40, 80])
def test_labelled_lines_measure_and_align_right_in_cells(width: int) -> None:
    from rich.panel import Panel

    rows = [("1.", Text("第一步：俯卧")), ("10.", Text("最后一步 " * 12))]
    drawn = lines(Panel.fit(labelled(rows, align="right")), width)
    assert all(cell_len(line) <= width for line in drawn)
    assert drawn[1].startswith("│  1. 第一步：俯卧")  # right-aligned under the widest label
    assert drawn[2].startswith("│ 10. 最后一步")
    assert drawn[3].startswith("│     ") and drawn[3][6] in "最后一步"  # under its text
    short = lines(Panel.fit(labelled([("•", Text("短"))])), width)
    assert short[1] == "│ • 短 │"  # measured: the panel fits the content, not the width


def test_phrases_break_between_phrases_and_inside_one_only_when_it_is_too_wide() -> None:
    dose = Phrases(["3 sets of 6, 4, 2 reps each side", "hold 10 s", "rest 20 s"], [", ", " · "])
    assert lines(dose, 50) == ["3 sets of 6, 4, 2 reps each side, hold 10 s ·", "rest 20 s"]
    assert lines(dose, 27) == ["3 sets of 6, 4, 2 reps each", "side, hold 10 s · rest 20 s"]
    narrow = ["3 sets of 6,", "4, 2 reps", "each side,", "hold 10 s ·", "rest 20 s"]
    assert lines(dose, 12) == narrow


CHINESE = (
    "麦吉尔测得，在完整的“超人式”（俯卧、双臂双腿伸直、背部后弓）中，下段脊柱承受约 6000 牛顿的"
    "压力（大约相当于 600 公斤的重量）。保持这个姿势约 5 秒，平稳呼吸；腰痛急性发作期间不要做！"
)


@pytest.mark.parametrize("width", range(20, 101))
def test_chinese_is_broken_by_its_own_rules(width: int) -> None:
    """Issue 21: between any two characters, but no line starts with closing punctuation or
    ends with opening punctuation, and a number stays with its unit (5 秒)."""
    from rich.cells import cell_len

    from backfit.views.text import CLOSING, OPENING, wrapped

    console = Console(file=io.StringIO(), width=width)
    lines = [line.plain.rstrip() for line in wrapped(console, Text(CHINESE), width)]
    assert "".join(lines).replace(" ", "") == CHINESE.replace(" ", "")
    assert all(cell_len(line) <= width for line in lines)
    assert not any(line[:1] in CLOSING or line[-1:] in OPENING for line in lines), lines
    assert not any(line.endswith(("5", "600", "6000")) for line in lines), lines


@pytest.mark.parametrize("width", range(20, 101, 3))
def test_views_text_breaks_chinese_by_its_rules_wherever_rich_wraps_it(width: int) -> None:
    """A paragraph Rich wraps itself (a summary, a lesson, a box's body) follows the same
    rules: Rich alone folds a run of Chinese anywhere, even before a "，"."""
    from rich.panel import Panel

    from backfit.views.text import CLOSING, OPENING
    from backfit.views.text import Text as ViewText

    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(Group(ViewText(CHINESE), Panel(ViewText(CHINESE))))  # as views are printed
    drawn = console.file.getvalue()  # type: ignore[attr-defined]
    lines = [line.strip("│ ╭╮╰╯─") for line in drawn.splitlines()]
    assert not any(line[:1] in CLOSING or line[-1:] in OPENING for line in lines), lines


def test_views_text_wraps_english_exactly_as_rich_does() -> None:
    from backfit.views.text import Text as ViewText

    english = "Lie face down on a firm bed, with the pillow taken away; " * 6
    for width in (20, 41, 80):
        ours, rich = (Console(file=io.StringIO(), width=width) for _ in range(2))
        ours.print(Group(ViewText(english, justify="left")))
        rich.print(Group(Text(english, justify="left")))
        assert ours.file.getvalue() == rich.file.getvalue()  # type: ignore[attr-defined]


def test_a_blank_line_in_chinese_text_is_kept() -> None:
    """A paragraph of Chinese with a blank line in it ('\\n出现以下情况就停下休息：')."""
    from backfit.views.text import Text as ViewText

    console = Console(file=io.StringIO(), width=40, color_system=None)
    console.print(Group(ViewText("\n出现以下情况就停下休息：")))
    assert console.file.getvalue() == "\n出现以下情况就停下休息：\n"  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", range(20, 101))
def test_a_box_title_too_wide_for_its_edge_opens_the_box(width: int) -> None:
    """'╭─ Emergency: call 999 or go to A&E ╮' ran past a 33-column terminal, which then
    broke the box: a title too wide for the top edge is the box's first line instead."""
    from backfit.views.widgets import Boxed

    title = "Emergency: call 999 or go to A&E"
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(Boxed(Text("Call 999 now."), title=title, border_style=""))
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert all(cell_len(line) == width for line in lines)
    on_edge = title in lines[0]
    assert on_edge is (width >= len(title) + 5)
    assert " ".join(" ".join(line.strip("│╭╮─ ").split()) for line in lines).count("A&E") == 1


@pytest.mark.parametrize("width", range(20, 41))
def test_long_labels_on_a_narrow_terminal_go_above_their_text(width: int) -> None:
    """'近期做过背部手术：' took 18 of 21 columns and its note came a character a line."""
    rows = [("近期做过背部手术：", Text("避免。近期做过背部手术后，这个动作对脊柱的负荷太大。"))]
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(labelled(rows))
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    stacked = lines[0].rstrip() == "近期做过背部手术："
    assert stacked is (width - 19 < 12)
    assert all(cell_len(line.strip()) >= 8 for line in lines[:-1])  # never a character a line
    assert "".join(line.strip() for line in lines).endswith("负荷太大。")
