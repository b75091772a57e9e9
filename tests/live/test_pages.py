"""A text taller than the terminal, a page at a time (the safety check before a session)."""

from __future__ import annotations

from rich.segment import Segment

from backfit.live.prompts import pages


def rows(texts: list[str]) -> list[list[Segment]]:
    return [[Segment(text)] if text else [] for text in texts]


def texts(shown: list[list[list[Segment]]]) -> list[list[str]]:
    return [["".join(s.text for s in line) for line in page] for page in shown]


def test_each_page_leaves_room_for_the_more_line_and_the_cursor() -> None:
    lines = [f"line {n}" for n in range(1, 28)]
    shown = texts(pages(rows(lines), 12, more=2))
    assert [len(page) for page in shown] == [9, 9, 9]
    assert [line for page in shown for line in page] == lines  # each line once, in order


def test_what_fits_is_one_page() -> None:
    lines = [f"line {n}" for n in range(23)]
    assert texts(pages(rows(lines), 24, more=1)) == [lines]  # the cursor's row after it
    assert len(pages(rows([*lines, "one more"]), 24, more=1)) == 2


def test_a_page_ends_at_a_blank_line_in_its_second_half() -> None:
    lines = ["title", "", *[f"flag {n}" for n in range(12)], "", "Stop if", *["x"] * 10]
    shown = texts(pages(rows(lines), 24, more=1))
    assert shown[0][-1] == "" and shown[1][0] == "Stop if"
    early = ["title", "", *[f"flag {n}" for n in range(40)]]  # a blank in the first half only
    assert len(pages(rows(early), 24, more=1)[0]) == 22


def test_a_tiny_terminal_still_moves_on() -> None:
    lines = [str(n) for n in range(5)]
    shown = texts(pages(rows(lines), 2, more=3))
    assert [line for page in shown for line in page] == lines and all(shown)
