"""The shipped lessons load and pass their checks; each check refuses a crafted bad file."""

import re
from pathlib import Path

import pytest

from backfit.catalog.errors import CatalogError
from backfit.catalog.files import builtin_catalog_path
from backfit.catalog.lessons import builtin_lessons_path, lesson_for_day, load_lessons

SOURCES = """
sources:
  nhs-back-pain:
    title: Back pain
    publisher: NHS
    year: 2026
    url: https://www.nhs.uk/conditions/back-pain/
"""


def _lesson(
    slug: str, day: int, text: str = "Keep moving gently.", source: str = "nhs-back-pain"
) -> str:
    return f"""
  - slug: {slug}
    day: {day}
    title: A title
    text: {text}
    sources: [{source}]"""


def _write(tmp_path: Path, *lessons: str) -> Path:
    path = tmp_path / "lessons.yaml"
    path.write_text("lessons:" + "".join(lessons) + "\n" + SOURCES, encoding="utf-8")
    return path


def test_shipped_lessons_cover_four_weeks() -> None:
    lessons = load_lessons(builtin_lessons_path())
    assert len(lessons.lessons) >= 28
    assert sorted(lesson.day for lesson in lessons.lessons) == list(
        range(1, len(lessons.lessons) + 1)
    )
    for lesson in lessons.lessons:
        assert len(lesson.text.split()) < 70
        assert len(lesson.title.split()) <= 8
        assert "cure" not in lesson.text.casefold()
        assert not re.search(r"\w- \w", lesson.text), lesson.slug  # a hyphen folded apart


def test_shipped_source_ids_agree_with_the_catalog() -> None:
    """An id both files use names the same source, so they can be merged."""
    import yaml

    catalog = yaml.safe_load(Path(builtin_lessons_path()).with_name("exercises.yaml").read_text())
    lessons = load_lessons(builtin_lessons_path())
    for source_id, source in lessons.sources.items():
        if source_id in catalog["sources"]:
            assert str(source.url) == catalog["sources"][source_id].get("url")


def test_a_good_crafted_file_loads(tmp_path: Path) -> None:
    assert len(load_lessons(_write(tmp_path, _lesson("a", 1), _lesson("b", 2))).lessons) == 2


@pytest.mark.parametrize(
    ("lessons", "message"),
    [
        ((_lesson("a", 1), _lesson("a", 2)), "lesson slugs must be unique: a repeated"),
        ((_lesson("a", 1), _lesson("b", 3)), "days must run 1 to 2 with no gaps"),
        ((_lesson("a", 2),), "days must run 1 to 1 with no gaps"),
        ((_lesson("a", 1, text="word " * 70),), "text has 70 words"),
        (
            (_lesson("a", 1).replace("A title", "one two three four five six seven eight nine"),),
            "title has 9 words",
        ),
        (
            (_lesson("a", 1, text="Call {nhs} now."),),
            "a lesson may name only {emergency}, {urgent}",
        ),
        (
            (_lesson("a", 1, source="nowhere"),),
            "cited sources not defined under 'sources': nowhere",
        ),
    ],
)
def test_each_check_refuses_a_bad_file(
    tmp_path: Path, lessons: tuple[str, ...], message: str
) -> None:
    with pytest.raises(CatalogError) as caught:
        load_lessons(_write(tmp_path, *lessons))
    assert message in str(caught.value)
    assert str(caught.value).startswith(str(tmp_path / "lessons.yaml") + ":")


def test_the_lessons_sit_beside_the_builtin_catalog() -> None:
    """Found the way the catalog is, so the wheel (backfit/data/) and a checkout (data/)
    both have them."""
    assert builtin_lessons_path() == builtin_catalog_path().with_name("lessons.yaml")
    assert builtin_lessons_path().is_file()


def test_day_one_is_the_first_lesson_and_each_day_the_next(tmp_path: Path) -> None:
    lessons = load_lessons(_write(tmp_path, _lesson("b", 2), _lesson("a", 1), _lesson("c", 3)))
    assert [lesson_for_day(lessons, day).slug for day in (1, 2, 3)] == ["a", "b", "c"]


def test_after_the_last_lesson_they_start_again(tmp_path: Path) -> None:
    lessons = load_lessons(_write(tmp_path, _lesson("a", 1), _lesson("b", 2), _lesson("c", 3)))
    assert [lesson_for_day(lessons, day).slug for day in (4, 5, 6, 7)] == ["a", "b", "c", "a"]
    shipped = load_lessons(builtin_lessons_path())
    count = len(shipped.lessons)
    assert lesson_for_day(shipped, count).day == count
    assert lesson_for_day(shipped, count + 1).slug == "common-and-rarely-serious"
    assert lesson_for_day(shipped, 12 * 7).day == (12 * 7 - 1) % count + 1


@pytest.mark.parametrize("day", [0, -1])
def test_a_day_before_the_first_is_refused(tmp_path: Path, day: int) -> None:
    lessons = load_lessons(_write(tmp_path, _lesson("a", 1)))
    with pytest.raises(ValueError, match=f"plan days start at 1, not {day}"):
        lesson_for_day(lessons, day)


def test_where_help_is_is_filled_in_for_the_region(tmp_path: Path) -> None:
    lessons = load_lessons(_write(tmp_path, _lesson("a", 1, text="Get help ({emergency}).")))
    filled = lessons.with_help({"emergency": "call 112", "urgent": "see a doctor"})
    assert filled.lessons[0].text == "Get help (call 112)."
