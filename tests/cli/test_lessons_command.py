"""`backfit lessons` as a person uses it, through Typer's CliRunner."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from backfit.catalog import lessons as lessons_module
from backfit.catalog.lessons import builtin_lessons_path, load_lessons
from backfit.views.words.lessons import HELP_PLACES

Invoke = Callable[..., Any]
SHIPPED = load_lessons(builtin_lessons_path()).with_help(HELP_PLACES)  # as said with no region

NOTE = (
    "These lessons are general information, not a medical examination. For the\n"
    "warning signs that need help now, run 'backfit safety'.\n"
)

LESSON_13 = (
    "Lesson 13 of 28: Walking is exercise too\n"
    "\n"
    "In a trial of 701 adults who had recently got over back pain, those given a\n"
    "walking programme that built up over six months, with six physiotherapist\n"
    "sessions and advice, went nearly twice as long before back pain came back badly\n"
    "enough to limit daily life: a median of 208 days against 112. Walking needs no\n"
    "equipment.\n"
    "\n"
    "Sources\n"
    "1. The Lancet: Pocovi NC et al. Effectiveness and cost-effectiveness of an\n"
    "   individualised, progressive walking and education intervention for the\n"
    "   prevention of low back pain recurrence in Australia (WalkBack): a randomised\n"
    "   controlled trial. Lancet 2024;404(10448):134-144, 2024\n"
    "   <https://doi.org/10.1016/S0140-6736(24)00755-4>\n"
    "\n" + NOTE
)


def test_a_lesson_in_full_with_its_sources(invoke: Invoke) -> None:
    result = invoke("lessons", "13")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == LESSON_13


def test_the_list_numbers_every_lesson_by_day(invoke: Invoke) -> None:
    result = invoke("lessons")
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "Lessons: one for each day of a plan",
        "",
        " 1. Back pain is common and rarely serious",
        " 2. When to get emergency help",
    ]
    for lesson in SHIPPED.lessons:
        assert f"{lesson.day:>2}. {lesson.title}" in lines
    assert result.stdout.endswith(
        "28. Keep going after the pain eases\n\n"
        "Read one in full: backfit lessons N (1 to 28).\n\n" + NOTE
    )


def test_each_lesson_reads_in_full(invoke: Invoke) -> None:
    for lesson in SHIPPED.lessons:
        result = invoke("lessons", str(lesson.day))
        assert result.exit_code == 0
        heading = f"Lesson {lesson.day} of 28: {lesson.title}\n"
        assert result.stdout.startswith(heading)
        assert " ".join(result.stdout.split("\n\n")[1].split()) == lesson.text
        for source_id in lesson.sources:
            url = SHIPPED.sources[source_id].url
            assert f"<{url}>" in result.stdout


@pytest.mark.parametrize("day", ["0", "29", "-1"])
def test_a_lesson_out_of_range_is_one_line(invoke: Invoke, day: str) -> None:
    result = invoke("lessons", "--", day)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"backfit: there is no lesson {day}: the lessons run from 1 to 28\n"


def test_a_lesson_number_must_be_a_number(invoke: Invoke) -> None:
    result = invoke("lessons", "two")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "backfit: N: needs a whole number, not 'two'\nTry 'backfit lessons --help'.\n"
    )


def test_json_lists_every_lesson_with_its_sources(invoke: Invoke) -> None:
    result = invoke("lessons", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    assert [item["day"] for item in data] == list(range(1, 29))
    first = data[0]
    assert set(first) == {"slug", "day", "title", "text", "sources"}
    assert first["slug"] == "common-and-rarely-serious"
    assert first["sources"][0] == {
        "id": "nhs-back-pain",
        "title": "Back pain",
        "publisher": "NHS",
        "year": 2026,
        "url": "https://www.nhs.uk/conditions/back-pain/",
    }


def test_json_of_one_lesson(invoke: Invoke) -> None:
    result = invoke("lessons", "13", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    assert (data["day"], data["slug"], data["title"]) == (
        13,
        "walking-counts",
        "Walking is exercise too",
    )
    assert data["text"].endswith("a median of 208 days against 112. Walking needs no equipment.")
    assert [source["id"] for source in data["sources"]] == ["pocovi-2024"]


def test_help_lists_lessons_after_progress(invoke: Invoke) -> None:
    result = invoke("--help")
    names = [line.split()[0] for line in result.stdout.splitlines() if line.startswith("  ")]
    assert names.index("lessons") == names.index("progress") + 1
    whole = re.compile(r"^  lessons +The plan's daily lessons, listed by day\.$", re.MULTILINE)
    assert whole.search(result.stdout)  # whole


def test_a_broken_lessons_file_is_named_with_its_line(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "lessons.yaml"
    broken.write_text("lessons: []\nsources: {}\n", encoding="utf-8")
    monkeypatch.setattr(lessons_module, "builtin_lessons_path", lambda: broken)
    result = invoke("lessons")
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr.startswith(f"backfit: {broken}:1:")
