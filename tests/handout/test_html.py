"""`backfit handout` as HTML (issue 20): a valid, self-contained page for every exercise
and routine, with the figures, the doses `show` gives, print CSS, and nothing from a
catalog read as markup; and the command's faults, each one line and a documented code."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import html5lib
import pytest

from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.catalog.models import Catalog
from backfit.handout import html, model
from backfit.views.words.doses import format_dose

Invoke = Callable[..., Any]
NS = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = (
    "#set page(width: 1pt) <script>alert(1)</script> {{ name }} $x$ *bold* _it_ "
    "back\\slash \u202eevil \u05e9\u05dc\u05d5\u05dd \u200fabc & \"quotes\" 'apos'"
)


NBSP = "\u00a0"  # a sheet keeps a number with its unit on one line


@cache
def catalog() -> Catalog:
    return load_catalog(builtin_catalog_path())


def sheet_of(*names: str, weeks: int = 2, days: tuple[int, ...] | None = (0, 2, 4)) -> model.Sheet:
    entries = [entry for name in names if (entry := catalog().find(name)) is not None]
    return model.sheet(
        model.from_entries(entries, catalog()),
        catalog(),
        title=entries[0].name,
        for_whom="For tests.",
        purpose=None,
        days=days,
        weeks=weeks,
        version="9.9.9",
        today=date(2026, 12, 5),
    )


def parsed(text: str) -> Any:
    """The page parsed as a browser would, failing on any parse error."""
    return html5lib.HTMLParser(strict=True).parse(text)


def text_of(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


ENTRIES = [e.slug for e in catalog().exercises] + [r.slug for r in catalog().routines]


@pytest.mark.parametrize("slug", ENTRIES)
def test_every_exercise_and_routine_makes_a_valid_page_with_a_titled_figure_each(
    slug: str,
) -> None:
    sheet = sheet_of(slug)
    page = html.render(sheet, paper="a4")
    root = parsed(page)
    assert root.get("lang") == "en"
    assert len(root.findall(f".//{NS}h1")) == 1
    assert text_of(root.find(f".//{NS}title")) == sheet.title
    figures = root.findall(f".//{SVG}svg")
    items = list(sheet.items)
    assert len(figures) == sum(item.figure is not None for item in items) > 0
    ids = set()
    for svg in figures:
        assert svg.get("role") == "img"
        title = svg.find(f"{SVG}title")
        assert title is not None and text_of(title)
        ids.add(title.get("id"))
        labelled = svg.get("aria-labelledby").split()
        assert title.get("id") in labelled
    assert len(ids) == len(figures)  # each figure's own title, not the first one's
    assert "@page { size: A4;" in page
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")  # nothing fetched
    assert "<script" not in page and "<link" not in page and "<img" not in page


def test_in_print_exercises_flow_from_page_one_and_none_is_split() -> None:
    """A new user's trial: forced page breaks left pages half empty. In print the
    exercises follow the safety boxes, in order, each kept whole, as does the grid."""
    sheet = sheet_of("strength-day")
    page = html.render(sheet, paper="letter")
    root = parsed(page)
    articles = root.findall(f".//{NS}article")
    assert [text_of(a.find(f"{NS}h2")) for a in articles] == [i.name for i in sheet.items]
    assert "break-before: page" not in page and "page-break" not in page
    printed = page[page.index("@media print") :]
    assert ".exercise { break-inside: avoid; }" in printed
    assert ".tracking { break-inside: avoid; }" in printed
    assert "@page { size: letter;" in page


def test_text_from_a_catalog_is_never_markup() -> None:
    sheet = sheet_of("bird-dog")
    item = sheet.items[0]
    hostile_item = item._replace(
        name=HOSTILE, summary=HOSTILE, steps=(HOSTILE,), cautions=(HOSTILE,), stop_if=(HOSTILE,)
    )
    hostile = sheet._replace(title=HOSTILE, items=(hostile_item,), purpose=HOSTILE)
    page = html.render(hostile, paper="a4")
    assert "<script>" not in page
    root = parsed(page)
    assert text_of(root.find(f".//{NS}h1")) == " ".join(HOSTILE.split())
    assert text_of(root.find(f".//{NS}article//{NS}ol/{NS}li")) == " ".join(HOSTILE.split())


def test_a_routines_sheet_gives_the_doses_that_show_gives(invoke: Invoke) -> None:
    shown = invoke("show", "strength-day")
    assert shown.exit_code == 0, shown.stderr
    sheet = sheet_of("strength-day")
    flat = " ".join(shown.stdout.split())
    for item in sheet.items:
        assert f"{item.name} ({item.slug}) {item.dose}".replace(NBSP, " ") in flat


def test_the_command_writes_the_file_the_suffix_names(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "sheet.html"
    result = invoke("handout", "strength-day", "bird-dog", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Wrote {out}: 7 exercises.\n"
    root = parsed(out.read_text(encoding="utf-8"))
    assert text_of(root.find(f".//{NS}h1")) == "Your back exercises"
    days = [text_of(th) for th in root.findall(f".//{NS}table//{NS}thead//{NS}th")][1:]
    assert days == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]  # days not said: all
    assert "How often" not in text_of(root)  # nor claimed
    chosen = invoke("handout", "bird-dog", "--days", "tue,sat", "-o", "-")
    assert "2 times a week: Tuesday, Saturday" in " ".join(chosen.stdout.split())
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left
    monkeypatch.chdir(tmp_path)
    named = invoke("handout", "strength-day", "Bird dog", "--format", "html")
    assert named.stdout == "Wrote backfit-strength-day-bird-dog.html: 7 exercises.\n"
    assert (tmp_path / "backfit-strength-day-bird-dog.html").stat().st_size > 10_000
    to_stdout = invoke("handout", "bird-dog", "-o", "-")
    assert to_stdout.exit_code == 0 and to_stdout.stdout.startswith("<!DOCTYPE html>")


def test_faults_are_one_line_and_write_nothing(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    typo = invoke("handout", "brid-dog")
    assert typo.exit_code == 1 and "did you mean" in typo.stderr and "bird-dog" in typo.stderr
    neither = invoke("handout")
    assert neither.exit_code == 2 and "or give --plan" in neither.stderr
    both = invoke("handout", "bird-dog", "--plan")
    assert both.exit_code == 2 and "not both" in both.stderr
    missing = tmp_path / "no-such-folder" / "sheet.html"
    unwritable = invoke("handout", "bird-dog", "-o", str(missing))
    assert unwritable.exit_code == 5 and unwritable.stderr.count("\n") == 1
    assert not missing.parent.exists()
    monkeypatch.setitem(sys.modules, "typst", None)  # backfit[pdf] not installed
    monkeypatch.delitem(sys.modules, "backfit.handout.pdf", raising=False)
    pdf = tmp_path / "sheet.pdf"
    refused = invoke("handout", "bird-dog", "-o", str(pdf))
    assert refused.exit_code == 7 and "pip install 'backfit[pdf]'" in refused.stderr
    assert not pdf.exists() and list(tmp_path.iterdir()) == []


def test_a_plan_week_on_a_sheet(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path / "home"))
    none = invoke("handout", "--plan")
    assert none.exit_code == 1 and "backfit plan new" in none.stderr
    start = date.today().isoformat()
    made = invoke(
        "plan", "new", "--pain", "3", "--duration", "over-12-weeks", "--leg", "none",
        "--no-red-flags", "--care", "pregnancy", "--start", start, "--days", "tue,thu",
        "--yes",
    )  # fmt: skip
    assert made.exit_code == 0, made.stderr
    out = tmp_path / "week.html"
    result = invoke("handout", "--plan", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    root = parsed(out.read_text(encoding="utf-8"))
    words = text_of(root)
    assert text_of(root.find(f".//{NS}h1")) == "Your plan, week 1 of 8"
    assert "2 times a week: Tuesday, Thursday" in words
    assert "If you are pregnant: " in words  # the plan's care condition applies
    assert "Who should take care" not in words  # the plan's own conditions say it
    assert re.search(r"Walk: \d+ minutes a day on most days", words)  # the plan's walk
    assert re.search(r"Next step in your plan: \d", words)
    today = invoke("today", "--json")
    import json

    for exercise in json.loads(today.stdout)["exercises"] or []:
        assert exercise["name"] in words
    later = invoke("handout", "--plan", "--week", "3")
    assert later.exit_code == 2 and "has not been reached" in later.stderr
    zero = invoke("handout", "--plan", "--week", "0")
    assert zero.exit_code == 2 and "--week is from 1 to 8" in zero.stderr
    beyond = invoke("handout", "--plan", "--week", "9")
    assert beyond.exit_code == 2 and "--week is from 1 to 8" in beyond.stderr


def test_a_sheet_never_contradicts_its_own_dose() -> None:
    """A new user's trial: the deadlift's bold '5 sets of 8, 5, 5, 5, 5' (strength day) sat
    above its catalog note '3 working sets of 8'. A dose note belongs to the exercise's own
    dose only; and an exercise named alone starts at its build-up's start, where a person
    on paper begins, as `start` and a plan do."""
    for item in sheet_of("strength-day").items:
        exercise = catalog().exercise(item.slug)
        if item.dose_note is not None:
            assert item.dose.replace(NBSP, " ") == format_dose(exercise.dose)
    deadlift = sheet_of("strength-day").items[2]
    assert deadlift.slug == "bent-leg-deadlift" and deadlift.dose_note is None
    bird_dog = sheet_of("bird-dog").items[0]
    assert bird_dog.dose.startswith("3\u00a0sets of 3, 2, 1\u00a0reps")  # the build-up's start
    assert bird_dog.build_up[0] == "Start with 3, 2, 1\u00a0reps."  # a number kept with its unit


def test_a_sheet_without_a_plan_says_who_should_avoid_what_as_show_does(invoke: Invoke) -> None:
    sheet = sheet_of("strength-day")
    said = dict(sheet.care_summary)
    assert "avoid: Bent-leg deadlift" in said["Pregnancy:"]
    assert "avoid: Bent-leg deadlift" in said["Sciatica:"]
    shown = " ".join(invoke("show", "strength-day").stdout.split())
    for condition, verdicts in sheet.care_summary:
        assert f"{condition} {verdicts}" in shown
    words = text_of(parsed(html.render(sheet, paper="a4")))
    assert "Who should take care" in words and said["Pregnancy:"] in words


def test_a_plan_that_names_no_condition_has_no_summary_of_them() -> None:
    """A plan's sheet says what the plan says: its own conditions' notes on each exercise,
    and nothing for conditions its owner said do not apply (a new user's plan without any
    listed all four)."""
    routine = catalog().find("strength-day")
    assert routine is not None
    dosed = model.from_entries([routine], catalog())
    common = dict(title="Plan", for_whom="For tests.", purpose=None, days=(0, 2, 4), weeks=2)
    of_plan = model.sheet(dosed, catalog(), **common, care=(), version="9", today=date(2026, 12, 5))
    assert of_plan.care_summary == ()
    assert all(item.care == () for item in of_plan.items)
    without = model.sheet(dosed, catalog(), **common, version="9", today=date(2026, 12, 5))
    assert len(without.care_summary) == 4  # pregnancy, surgery, osteoporosis, sciatica


def test_the_file_to_write_is_a_file_never_a_device_pipe_or_folder(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new user's trial: `-o /dev/full` as root turned the device into an HTML file,
    `-o .` was an internal error, and `-o sub/` wrote a file called sub."""
    import os
    import stat

    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    refused = invoke("handout", "bird-dog", "-o", str(fifo))
    assert refused.exit_code == 5 and "not a regular file" in refused.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still a pipe
    monkeypatch.chdir(tmp_path)
    for folder in (".", "sub/", str(tmp_path)):
        result = invoke("handout", "bird-dog", "-o", folder)
        assert result.exit_code == 5 and result.stderr.count("\n") == 1, folder
        assert "is a folder" in result.stderr
    assert not (tmp_path / "sub").exists()
    target = tmp_path / "real.html"
    target.write_text("old")
    (tmp_path / "link.html").symlink_to(target)
    assert invoke("handout", "bird-dog", "-o", "link.html").exit_code == 0
    assert (tmp_path / "link.html").is_symlink()  # the link stays, its target is the sheet
    assert target.read_text().startswith("<!DOCTYPE html>")


def test_the_file_names_its_format_or_format_does(invoke: Invoke, tmp_path: Path) -> None:
    """A new user's trial: `-o x.txt` wrote HTML into a .txt file and `-o ""` wrote the
    default file, both without a word."""
    for name in ("sheet.txt", "sheet"):
        said = invoke("handout", "bird-dog", "-o", str(tmp_path / name))
        assert said.exit_code == 2 and "suffix picks the format" in said.stderr, name
        assert not (tmp_path / name).exists()
    empty = invoke("handout", "bird-dog", "-o", "")
    assert empty.exit_code == 2 and "-o needs a file name" in empty.stderr
    chosen = invoke("handout", "bird-dog", "--format", "html", "-o", str(tmp_path / "s.txt"))
    assert chosen.exit_code == 0 and (tmp_path / "s.txt").read_text().startswith("<!DOCTYPE")


def test_a_sheet_says_once_what_its_figures_colours_mean() -> None:
    """A legend under every figure took the height the figures needed (strength day's first
    exercise left page one): the sheet says it once, and its figures carry none."""
    sheet = sheet_of("strength-day")
    assert sheet.figure_key is not None and "orange: what moves" in sheet.figure_key
    page = html.render(sheet, paper="a4")
    assert page.count(sheet.figure_key) == 1
    assert all("what moves" not in item.figure.svg for item in sheet.items if item.figure)
