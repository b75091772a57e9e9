"""The interface in Simplified Chinese (issue 21): the words compiled from the .po by the
build, chosen by the locale or --lang; a message whose English changed since it was
translated is said in English, never in its stale translation; `backfit translations`."""

from __future__ import annotations

import gettext
import json
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from backfit.i18n import DOMAIN, LOCALE_DIR

PO = LOCALE_DIR / "zh_Hans" / "LC_MESSAGES" / f"{DOMAIN}.po"
MO = PO.with_suffix(".mo")


def backfit(*args: str, lang: str, home: Path) -> str:
    env = {"LANG": lang, "PATH": "/usr/bin:/bin", "BACKFIT_HOME": str(home),
           "BACKFIT_CONFIG": str(home), "COLUMNS": "100"}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "backfit", *args], capture_output=True, text=True, env=env
    )
    assert (done.returncode, done.stderr) == (0, ""), args
    return done.stdout


@pytest.mark.skipif(not MO.exists(), reason="the words are compiled when backfit is built")
def test_show_speaks_chinese_with_a_chinese_locale_and_english_with_c(tmp_path: Path) -> None:
    chinese = backfit("show", "swallow-fly", "--figure", "none", lang="zh_CN.UTF-8", home=tmp_path)
    for heading in ("运动量", "怎么做", "为什么有帮助", "姿势      俯卧"):
        assert heading in chinese
    english = backfit("show", "swallow-fly", "--figure", "none", lang="C", home=tmp_path)
    assert "How to do it" in english and "怎么做" not in english
    flag = backfit("--lang", "zh", "translations", lang="C.UTF-8", home=tmp_path)
    assert flag.startswith("语言")  # --lang first, whatever the locale


def test_a_message_whose_english_changed_is_said_in_english(tmp_path: Path) -> None:
    """Babel marks it fuzzy when the template changes; the compiled words leave fuzzy
    messages out, so gettext falls back to the (new) English, never the stale Chinese."""
    with PO.open("rb") as handle:
        translated = read_po(handle)
    assert translated.get("How to do it").string == "怎么做"
    template = Catalog()
    for message in translated:
        if message.id and message.id != "How to do it":
            template.add(message.id)
    template.add("How to do this")  # the English edited in the code
    translated.update(template)
    assert translated.get("How to do this").fuzzy
    folder = tmp_path / "zh_Hans" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / f"{DOMAIN}.mo").open("wb") as handle:
        write_mo(handle, translated)
    words = gettext.translation(DOMAIN, tmp_path, ["zh_Hans"])
    assert words.gettext("How to do this") == "How to do this"  # English, not stale
    assert words.gettext("Why it helps") == "为什么有帮助"  # the rest stays Chinese


def test_translations_counts_every_message(tmp_path: Path) -> None:
    rows = json.loads(backfit("translations", "--json", lang="C", home=tmp_path))
    assert sorted((row["language"], row["domain"]) for row in rows) == [
        ("zh_Hans", DOMAIN), ("zh_Hans", f"{DOMAIN}-catalog"),
    ]  # fmt: skip
    for row in rows:
        assert row["translated"] + row["fuzzy"] + row["untranslated"] == row["total"] > 500
        assert row["fuzzy"] == 0  # none left stale in the repository
        assert row["untranslated"] == 0  # issue 21: every message, in both domains
        assert row["reviewed"] == row["safety"]  # every safety message checked by back-translation
    catalog = next(row for row in rows if row["domain"] == f"{DOMAIN}-catalog")
    assert catalog["safety"] > 100  # every caution, stop sign and care note is counted
    interface = next(row for row in rows if row["domain"] == DOMAIN)
    assert interface["safety"] > 50  # the pain gate, the warning signs, the step-backs


@pytest.mark.skipif(not MO.exists(), reason="the words are compiled when backfit is built")
def test_a_sheet_in_chinese_says_so_to_the_browser(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.html"
    backfit("handout", "swallow-fly", "-o", str(sheet), lang="zh_CN.UTF-8", home=tmp_path)
    assert '<html lang="zh-Hans">' in sheet.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["C.UTF-8", "zh_CN.UTF-8"])
def test_translations_fit_a_narrow_terminal(lang: str, tmp_path: Path) -> None:
    """At 40 columns the table was 51 cells wide in Chinese (its headers broken a
    character a line) and 62 in English: each row is stacked under its name instead."""
    from rich.cells import cell_len

    env = {"LANG": lang, "PATH": "/usr/bin:/bin", "BACKFIT_HOME": str(tmp_path),
           "BACKFIT_CONFIG": str(tmp_path)}  # fmt: skip
    for columns, stacked in ((40, True), (100, False)):
        run = [sys.executable, "-m", "backfit", "translations"]
        done = subprocess.run(run, text=True, capture_output=True,
                              env={**env, "COLUMNS": str(columns)})  # fmt: skip
        lines = done.stdout.splitlines()
        assert max(cell_len(line) for line in lines) <= columns
        assert lines[0].startswith(f"zh_Hans · {DOMAIN}") is stacked
