"""The catalog in Simplified Chinese (issue 21): each sentence found by where it lives, so an
edited English sentence shows in English (never a stale translation) while the rest stays
Chinese; the Chinese name finds the exercise, and so does the English one; safety text is
compiled only once its translation has been checked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from backfit.catalog.loader import builtin_catalog_path
from backfit.catalog.translated import is_safety
from backfit.i18n import LOCALE_DIR, unchecked

WHY_IN_ENGLISH = "安全提示如果显示为英文，说明它的中文翻译还在等待回译核对"
MO = LOCALE_DIR / "zh_Hans" / "LC_MESSAGES" / "backfit-catalog.mo"
pytestmark = pytest.mark.skipif(not MO.exists(), reason="compiled when backfit is built")


def backfit(*args: str, home: Path, columns: int = 100) -> str:
    env = {"LANG": "zh_CN.UTF-8", "PATH": "/usr/bin:/bin", "COLUMNS": str(columns)}
    env |= {name: str(home) for name in ("BACKFIT_HOME", "BACKFIT_CONFIG", "BACKFIT_CACHE_DIR")}
    done = subprocess.run(
        [sys.executable, "-m", "backfit", *args], capture_output=True, text=True, env=env
    )
    assert (done.returncode, done.stderr) == (0, ""), (args, done.stderr)
    return done.stdout


def test_the_chinese_name_finds_the_exercise_and_its_steps_are_chinese(tmp_path: Path) -> None:
    shown = backfit("show", "小燕飞", "--figure", "none", home=tmp_path)
    assert shown.startswith("小燕飞")
    assert "1. 俯卧在硬板床或垫子上，把枕头拿开。" in shown
    assert backfit("show", "Swallow fly", "--figure", "none", home=tmp_path) == shown
    # safety text shows in Chinese only once its translation is checked (flagged reviewed):
    assert "腰痛突然加重期间不要做" in shown  # checked by back-translation
    assert "Too much load on the spine after recent back surgery" not in shown  # checked too
    assert WHY_IN_ENGLISH not in shown  # all of it is checked: no line says why it is English


def test_an_edited_english_sentence_shows_in_english_and_the_rest_stays_chinese(
    tmp_path: Path,
) -> None:
    text = builtin_catalog_path().read_text(encoding="utf-8")
    old = "      - Keep your neck long and look down at the bed, not up.\n"
    assert old in text
    edited = tmp_path / "catalog.yaml"
    edited.write_text(text.replace(old, "      - Keep your neck long and your eyes on the bed.\n"))
    shown = backfit("show", "swallow-fly", "--figure", "none", "--catalog", str(edited),
                    home=tmp_path)  # fmt: skip
    assert "4. Keep your neck long and your eyes on the bed." in shown  # its translation is stale
    assert "3. 呼气，把头和胸稍微抬离床面" in shown  # the others are not
    assert WHY_IN_ENGLISH not in shown  # a step is not safety text


def test_an_edited_safety_sentence_shows_in_english_with_one_line_saying_why(
    tmp_path: Path,
) -> None:
    """Issue 21: a stale safety translation is never shown; the English is, and one line in
    Chinese says why, on the exercise's page and on the sheet."""
    text = builtin_catalog_path().read_text(encoding="utf-8")
    old = "      - Skip it during a flare-up of back pain, or if bending backwards brings on pain"
    assert old in text
    edited = tmp_path / "edited.yaml"  # not catalog.yaml: that is the home's own catalog
    new = "Skip it in a flare-up of back pain, or if bending back brings on pain down a leg."
    edited.write_text(text.replace(f"{old} down a leg.\n", f"      - {new}\n"))
    shown = backfit("show", "swallow-fly", "--figure", "none", "--catalog", str(edited),
                    home=tmp_path, columns=200)  # fmt: skip
    assert new in shown and "腰痛突然加重期间不要做" not in shown
    assert shown.count(WHY_IN_ENGLISH) == 1
    sheet = tmp_path / "sheet.html"
    backfit("handout", "swallow-fly", "bird-dog", "--catalog", str(edited), "-o", str(sheet),
            home=tmp_path)  # fmt: skip
    html = sheet.read_text(encoding="utf-8")
    assert new in html and html.count(WHY_IN_ENGLISH) == 1
    backfit("handout", "swallow-fly", "bird-dog", "-o", str(sheet), home=tmp_path)
    assert WHY_IN_ENGLISH not in sheet.read_text(encoding="utf-8")


def test_only_checked_safety_translations_are_compiled() -> None:
    assert is_safety("swallow-fly.cautions.1") and is_safety("bird-dog.care.pregnancy")
    assert is_safety("safety.emergency.1") and is_safety("safety.pain_rule.caution")
    assert not is_safety("swallow-fly.steps.1") and not is_safety("benefits.points.1")
    assert unchecked(["safety: shown only once reviewed"], set())
    assert unchecked(["i18n: safety"], ["fuzzy"])
    assert not unchecked(["i18n: safety"], {"reviewed"})
    assert not unchecked([], set())
    assert not unchecked(["i18n: the plural of a count"], set())


@pytest.mark.parametrize("width", [31, 40, 57, 80])
def test_chinese_pages_never_start_a_line_with_closing_punctuation(
    tmp_path: Path, width: int
) -> None:
    """Issue 21: the whole of a page in Chinese, not only its lists, breaks by the rules."""
    from backfit.views.text import CLOSING, OPENING

    for args in (("lessons", "3"), ("benefits",), ("safety",), ("show", "sciatica-gentle")):
        shown = backfit(*args, home=tmp_path, columns=width)
        lines = [line.strip("│ ╭╮╰╯─•") for line in shown.splitlines()]
        bad = [line for line in lines if line[:1] in CLOSING or line[-1:] in OPENING]
        assert not bad, (args, bad)


@pytest.mark.parametrize("columns", [80, 40])
@pytest.mark.parametrize("command", [(), ("start",), ("plan", "new"), ("log",), ("handout",)])
def test_chinese_help_fits_the_terminal_in_cells_and_breaks_by_the_rules(
    tmp_path: Path, command: tuple[str, ...], columns: int
) -> None:
    """Click counts characters, not cells: a Chinese help line ran to twice the width. And
    Click writes help at least 50 columns wide: at 40 every line ran past the edge."""
    from rich.cells import cell_len

    from backfit.views.text import CLOSING, OPENING

    shown = backfit(*command, "--help", home=tmp_path, columns=columns)
    lines = shown.splitlines()
    assert all(cell_len(line) <= columns for line in lines), [
        x for x in lines if cell_len(x) > columns
    ]
    stripped = [line.strip() for line in lines]
    assert not [x for x in stripped if x[:1] in CLOSING or x[-1:] in OPENING]
    if not command and columns == 80:  # each command's own help, from its docstring, in Chinese
        assert "完整显示一个动作或一个套路" in shown  # show
        assert "跟着实时教练做一个动作或一套练习" in shown  # start
        assert "不能代替医生的检查" in shown  # the epilog
