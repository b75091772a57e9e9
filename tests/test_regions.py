"""Emergency numbers follow the place, not the language (issue 21): the region the locale
names decides the number `safety`, the red-flag boxes, the plan's stop and a sheet give."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from backfit.regions import REGIONS, region_of


@pytest.mark.parametrize(
    ("tag", "region"),
    [("en_GB.UTF-8", "GB"), ("en_US", "US"), ("zh_CN.UTF-8", "CN"), ("zh_Hans_CN", "CN"),
     ("zh-SG", "SG"), ("de_DE.UTF-8@euro", "DE"), ("C", None), ("C.UTF-8", None), ("zh", None)],
)  # fmt: skip
def test_the_region_a_locale_names(tag: str, region: str | None) -> None:
    assert region_of(tag) == region


def safety_box(lang: str, home: Path) -> str:
    env = {"LANG": lang, "PATH": "/usr/bin:/bin", "BACKFIT_HOME": str(home), "COLUMNS": "100"}
    done = subprocess.run(
        [sys.executable, "-m", "backfit", "safety"], capture_output=True, text=True, env=env
    )
    assert (done.returncode, done.stderr) == (0, "")
    return " ".join(done.stdout.split("\n\n")[1].split())  # the emergency box


@pytest.mark.parametrize(
    ("lang", "said", "not_said"),
    [
        ("en_GB.UTF-8", "Emergency: call 999 or go to A&E", "911"),
        ("en_US.UTF-8", "Emergency: call 911", "999"),
        ("de_DE.UTF-8", "Emergency: call 112", "999"),
        ("zh_SG.UTF-8", "拨打 995", "120"),  # Chinese in Singapore: Singapore's number
        ("zh_TW.UTF-8", "Emergency: call 119", "A&E"),  # Taipei, named in the issue
        ("zh_HK.UTF-8", "Emergency: call 999", "A&E"),  # Hong Kong's 999, without the NHS's A&E
        ("pt_BR.UTF-8", "Call your local emergency number now if you have back pain", "999"),
        ("C.UTF-8", "outside the UK, call your local emergency number", "911"),  # no region
    ],
)
def test_safety_names_the_regions_emergency_number(
    lang: str, said: str, not_said: str, tmp_path: Path
) -> None:
    box = safety_box(lang, tmp_path)
    assert said in box and not_said not in box


def test_every_number_in_the_table_is_three_digits() -> None:
    assert all(h.emergency.isdigit() and len(h.emergency) == 3 for h in REGIONS.values())
    assert REGIONS["GB"].urgent == "NHS 111" and REGIONS["CN"].emergency == "120"


@pytest.mark.parametrize(
    ("lang", "said", "not_said"),
    [
        ("en_GB.UTF-8", "Get emergency help (call 999 or go to A&E) if back pain", "911"),
        (  # no region named: the NHS's numbers and, as safety says, what to do elsewhere
            "C",
            "Get emergency help (call 999 or go to A&E; outside the UK, your local emergency "
            "number) if back pain",
            "911",
        ),
        ("en_US.UTF-8", "Get emergency help (call 911) if back pain", "999"),
        ("pt_BR.UTF-8", "(call your local emergency number)", "999"),
    ],
)
def test_a_lesson_says_where_help_is_for_the_region(
    tmp_path: Path, lang: str, said: str, not_said: str
) -> None:
    """The lessons on warning signs name the region's numbers, as `safety` does."""
    env = {"LANG": lang, "PATH": "/usr/bin:/bin", "BACKFIT_HOME": str(tmp_path), "COLUMNS": "200"}
    shown = subprocess.run(
        [sys.executable, "-m", "backfit", "lessons", "2"], capture_output=True, text=True, env=env
    ).stdout
    assert said in shown and not_said not in shown


def test_a_lesson_shown_in_english_says_where_help_is_in_english(tmp_path: Path) -> None:
    """A safety lesson whose Chinese is not yet checked is shown in English: it said 'Get help
    the same day (去看医生)', the place in Chinese inside the English sentence."""
    from backfit.catalog.lessons import builtin_lessons_path, load_lessons

    lessons = load_lessons(builtin_lessons_path())
    said = {"emergency": "拨打 120", "urgent": "去看医生"}
    english = {"emergency": "call 120", "urgent": "see a doctor"}
    shown = lessons.with_help(said, english=english, for_english={"when-to-get-help-soon"})
    texts = {lesson.slug: lesson.text for lesson in shown.lessons}
    assert texts["when-to-get-help-soon"].startswith("Get help the same day (see a doctor)")
    assert texts["when-to-get-help-now"].startswith("Get emergency help (拨打 120)")
