"""`backfit handout --format pdf`'s renderer: every exercise and routine typesets with no
exercise split across pages, no page left holding a few stray lines, and nothing from a
catalog read as markup; the PDF says what the sheet says, is
tagged, embeds its fonts, is the same bytes each time, and fails in one line rather
than print empty boxes."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from functools import cache
from typing import Any

import pypdf
import pypdfium2
import pytest

from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.catalog.models import Catalog
from backfit.handout import model, pdf

HOSTILE = (
    "#set page(width: 1pt) <script>alert(1)</script> {{ name }} $x$ *bold* _it_ "
    "back\\slash #strong[no] [link](x) // not a comment @label = not a heading"
)
RTL = "\u202eevil \u05e9\u05dc\u05d5\u05dd \u200fabc"
PAPERS = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}  # in points
MARGIN = 14 / 25.4 * 72  # the template's side margins, 14 mm


@cache
def catalog() -> Catalog:
    return load_catalog(builtin_catalog_path())


def sheet_of(slug: str) -> model.Sheet:
    entry = catalog().find(slug)
    assert entry is not None
    return model.sheet(
        model.from_entries([entry], catalog()),
        catalog(),
        title=entry.name,
        for_whom="For tests.",
        purpose=None,
        days=(0, 2, 4),
        weeks=2,
        version="9.9.9",
        today=date(2026, 12, 5),
    )


@cache
def strength_day(paper: str = "a4") -> bytes:
    return pdf.render(sheet_of("strength-day"), paper=paper)


def items(sheet: model.Sheet) -> list[model.Item]:
    return list(sheet.items)


def read(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def flat(text: str) -> str:
    """Whitespace made single spaces, and a word broken at a line's end joined again."""
    return " ".join(text.replace("-\n", "").split())


def squeezed(text: str) -> str:
    """With no whitespace at all: a narrow column breaks a long line where it can."""
    return "".join(text.split())


def page_texts(data: bytes) -> list[str]:
    return [flat(page.extract_text()) for page in read(data).pages]


def test_strength_day_says_each_exercise_its_dose_and_when_to_stop() -> None:
    sheet = sheet_of("strength-day")
    text = " ".join(page_texts(strength_day()))
    assert len(items(sheet)) == 7
    for item in items(sheet):
        assert flat(item.name) in text
        assert flat(item.dose) in text
        for sign in item.stop_if:
            assert flat(sign) in text
    assert text.count(sheet.labels["dose"]) == 7
    for line in (*sheet.stop_always, *sheet.emergency, *sheet.urgent):
        assert flat(line) in text


def page_of(texts: list[str], line: str) -> int:
    """The page (from 0) a line of the sheet is printed on, whole."""
    pages = [number for number, text in enumerate(texts) if flat(line) in text]
    assert len(pages) == 1, (line, pages)
    return pages[0]


def check_flow(sheet: model.Sheet, texts: list[str]) -> None:
    """Safety first; then each exercise in order and whole on one page (its summary, name,
    dose, last step and sources line together); the grid after them; the last page holds the notes
    (after the small print when that fills its page), never a few lines spilled on their own."""
    assert texts[0].startswith(flat(sheet.title))
    assert flat(sheet.labels["emergency_title"]) in texts[0]
    pages = []
    for item in sheet.items:
        cited = sheet.labels["cited"].format(numbers=", ".join(map(str, item.cites)))
        page = page_of(texts, item.summary)
        for line in (item.name, item.dose, item.steps[-1], cited):
            assert flat(line) in texts[page], (item.name, line)
        pages.append(page)
    assert pages == sorted(pages)
    assert page_of(texts, sheet.labels["tracking"]) >= pages[-1]
    assert flat(sheet.labels["notes"]) in texts[-1]  # a page of lines for notes, or
    assert flat(sheet.made_by) in " ".join(texts[-2:])  # the small print just before them


@pytest.mark.parametrize("paper", PAPERS)
def test_the_safety_boxes_then_the_exercises_from_page_one_then_the_grid(paper: str) -> None:
    """A new user's trial: a page each for the safety boxes, two exercises and the grid
    left pages half empty. Now the exercises start under the safety boxes and the sheet
    ends on the page its notes fill."""
    sheet = sheet_of("strength-day")
    texts = page_texts(strength_day(paper))
    check_flow(sheet, texts)
    assert flat(sheet.items[0].summary) in texts[0]
    assert len(texts) <= {"a4": 4, "letter": 6}[paper]  # was 6 and 6


def test_the_tracking_grid_has_a_row_a_week_and_a_box_a_session() -> None:
    sheet = sheet_of("strength-day")._replace(weeks=3, first_week=4)
    texts = page_texts(pdf.render(sheet, paper="a4"))
    grid = texts[page_of(texts, sheet.labels["tracking"])]
    assert [f"Week {n}" in grid for n in range(3, 8)] == [False, True, True, True, False]
    assert grid.count(sheet.labels["pain_box"]) == 3 * 3
    assert all(day in grid for day in ("Mon", "Wed", "Fri"))


def fonts(resources: Any) -> Iterator[Any]:
    """Every font a page's resources use, those of its drawn SVGs (forms) included."""
    resources = resources.get_object() if resources is not None else {}
    for font in resources.get("/Font", {}).values():
        yield font.get_object()
    for xobject in resources.get("/XObject", {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            yield from fonts(xobject.get("/Resources"))


def test_every_font_is_embedded() -> None:
    seen = 0
    for page in read(strength_day()).pages:
        for font in fonts(page.get("/Resources")):
            seen += 1
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = descendant["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]
    assert seen > 0


def alt_texts(element: Any) -> Iterator[str]:
    element = element.get_object()
    if "/Alt" in element:
        yield str(element["/Alt"])
    kids = element.get("/K", [])
    for kid in kids if isinstance(kids, list) else [kids]:
        if isinstance(kid.get_object(), dict):
            yield from alt_texts(kid)


def test_tagged_in_the_sheets_language_with_each_figure_described() -> None:
    sheet = sheet_of("strength-day")
    root = read(strength_day()).trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value is True
    assert root["/Lang"] == "en"
    alts = list(alt_texts(root["/StructTreeRoot"]))
    for item in items(sheet):
        assert item.figure is not None
        assert any(item.figure.title in alt and item.figure.description in alt for alt in alts)


def test_the_same_sheet_gives_the_same_bytes_and_no_date() -> None:
    assert pdf.render(sheet_of("strength-day"), paper="a4") == strength_day()
    info = read(strength_day()).metadata
    assert info is not None and info.title == "Strength day"
    assert info.creation_date_raw is None


def inked_share(page: Any) -> float:
    """The share of a page's pixels with ink on them, read from the bitmap's bytes (one
    grey byte a pixel), so neither Pillow nor numpy is needed."""
    bitmap = page.render(scale=1, grayscale=True)
    buffer = bytes(bitmap.buffer)
    rows = (buffer[y * bitmap.stride :][: bitmap.width] for y in range(bitmap.height))
    inked = sum(sum(1 for value in row if value < 200) for row in rows)
    return inked / (bitmap.width * bitmap.height)


def bounds(drawn: Any) -> tuple[float, float, float, float]:
    """left, bottom, right, top: pypdfium2 5 says `get_bounds`, 4 said `get_pos`."""
    return tuple(drawn.get_bounds() if hasattr(drawn, "get_bounds") else drawn.get_pos())


@pytest.mark.parametrize("paper", PAPERS)
def test_page_one_is_drawn_and_nothing_runs_off_a_page(paper: str) -> None:
    document = pypdfium2.PdfDocument(strength_day(paper))
    assert inked_share(document[0]) > 0.02
    for number in range(len(document)):
        page = document[number]
        width, height = page.get_size()
        for drawn in page.get_objects():
            left, bottom, right, top = bounds(drawn)
            assert bottom >= 0 and top <= height, (number, bounds(drawn))
            assert left >= MARGIN - 3 and right <= width - MARGIN + 3, (number, bounds(drawn))


def test_the_ink_count_of_a_blank_page_is_nothing() -> None:
    document = pypdfium2.PdfDocument.new()
    assert inked_share(document.new_page(*PAPERS["a4"])) == 0


@pytest.mark.parametrize("paper", PAPERS)
def test_pages_are_the_paper_asked_for(paper: str) -> None:
    for page in read(strength_day(paper)).pages:
        assert float(page.mediabox.width) == pytest.approx(PAPERS[paper][0], abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(PAPERS[paper][1], abs=0.5)


ENTRIES = [e.slug for e in catalog().exercises] + [r.slug for r in catalog().routines]


@pytest.mark.parametrize("slug", ENTRIES)
def test_every_exercise_and_routine_flows_whole_on_both_papers(slug: str) -> None:
    sheet = sheet_of(slug)
    for paper in PAPERS:
        texts = page_texts(pdf.render(sheet, paper=paper))
        check_flow(sheet, texts)
        if len(sheet.items) == 1:  # one exercise: its page, then the grid's (was 3 pages)
            assert len(texts) <= 3, paper


def hostile_sheet() -> model.Sheet:
    sheet = sheet_of("bird-dog")
    item = items(sheet)[0]
    item = item._replace(
        name=f"1 {HOSTILE}",
        summary=f"2 {HOSTILE}",
        dose=f"3 {HOSTILE}",
        steps=(f"4 {HOSTILE}",),
        stop_if=(f"5 {HOSTILE}", RTL),
        care=((f"6 {HOSTILE}", f"7 {HOSTILE}"),),
        next_step=f"8 {HOSTILE}",
    )
    labels = {**sheet.labels, "dose": f"9 {HOSTILE}"}
    return sheet._replace(
        title=f"0 {HOSTILE}", items=(item,), stop_always=(f"10 {HOSTILE}",), labels=labels
    )


def test_text_from_a_catalog_prints_literally_never_as_typst() -> None:
    data = pdf.render(hostile_sheet(), paper="a4")
    text = " ".join(page_texts(data))
    for number in range(11):
        assert squeezed(f"{number} {HOSTILE}") in squeezed(text)
    assert all(letter in text for letter in "\u05e9\u05dc\u05d5\u05dd")
    assert "evil" in text or "live" in text  # read in logical order, or as drawn
    assert read(data).pages[0].mediabox.width == pytest.approx(PAPERS["a4"][0], abs=0.5)


def test_a_character_no_bundled_font_has_is_one_line_of_error_not_an_empty_box() -> None:
    sheet = sheet_of("bird-dog")
    with pytest.raises(pdf.PdfError) as raised:
        pdf.render(sheet._replace(title="背中 Bird dog"), paper="a4")
    assert "\n" not in str(raised.value)
    assert "背" in str(raised.value)


def test_a_broken_figure_is_one_line_of_error() -> None:
    sheet = sheet_of("bird-dog")
    item = items(sheet)[0]
    assert item.figure is not None
    broken = item._replace(figure=item.figure._replace(svg="<svg"))
    with pytest.raises(pdf.PdfError) as raised:
        pdf.render(sheet._replace(items=(broken,)), paper="a4")
    assert "SVG" in str(raised.value)
    assert "\n" not in str(raised.value)


def test_every_page_says_what_the_figures_colours_mean() -> None:
    """In the foot of each page, not in the room the exercises need."""
    sheet = sheet_of("strength-day")
    assert sheet.figure_key is not None
    assert all(flat(sheet.figure_key) in text for text in page_texts(strength_day()))
