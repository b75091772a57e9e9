"""What a person sees, in English and in Simplified Chinese (issue 21): `--help`, `list`,
`show swallow-fly`, `safety`, `today` and a coach frame, each run as a real command (the
language is chosen before any words are imported) at 80 columns and kept in
tests/snapshots/LANGUAGE/NAME.txt. A changed screen fails here until it is looked at and
written again: BACKFIT_WRITE_SNAPSHOTS=1 pytest tests/test_snapshots.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from backfit.i18n import LOCALE_DIR

SNAPSHOTS = Path(__file__).with_name("snapshots")
LANGS = {"en": "en_GB.UTF-8", "zh": "zh_CN.UTF-8"}
PLAN = ("plan", "new", "--pain", "3", "--duration", "6-12-weeks", "--leg", "none",
        "--no-red-flags", "--start", "2026-01-05", "--yes")  # fmt: skip
COMMANDS = {
    "help": ("--help",),
    "list": ("list",),
    "show-swallow-fly": ("show", "swallow-fly"),
    "safety": ("safety",),
    "today": ("today", "--date", "2026-01-07"),
}
FRAME = """
import io
from rich.console import Console
from backfit import i18n, regions
i18n.speak(i18n.chosen(None, None))
regions.choose()
from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.catalog.translated import translated
from backfit.session.coach import Moment
from backfit.session.plan import Phase, plan_for
from backfit.views.session import moment_view
catalog = translated(load_catalog(builtin_catalog_path(), use_cache=False))
plan = plan_for(next(e for e in catalog.exercises if e.slug == "swallow-fly"), catalog)
index = next(i for i, step in enumerate(plan.steps) if step.phase is Phase.HOLD)
console = Console(file=io.StringIO(), width=80, height=24, color_system=None)
console.print(moment_view(Moment(plan, index, 3.0, paused=False)))
print(console.file.getvalue(), end="")
"""
needs_words = pytest.mark.skipif(
    not (LOCALE_DIR / "zh_Hans" / "LC_MESSAGES" / "backfit.mo").exists(),
    reason="the words are compiled when backfit is built",
)


def run(args: list[str], lang: str, home: Path) -> str:
    env = {"LANG": lang, "PATH": "/usr/bin:/bin", "COLUMNS": "80", "LINES": "24"}
    env |= {name: str(home) for name in ("BACKFIT_HOME", "BACKFIT_CONFIG", "BACKFIT_CACHE_DIR")}
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env)
    assert (done.returncode, done.stderr) == (0, ""), (args, done.stderr)
    return done.stdout


def check(name: str, lang: str, shown: str) -> None:
    path = SNAPSHOTS / lang / f"{name}.txt"
    if os.environ.get("BACKFIT_WRITE_SNAPSHOTS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(shown, encoding="utf-8")
    assert shown == path.read_text(encoding="utf-8"), f"{path} differs: look, then write it again"


@needs_words
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", COMMANDS)
def test_each_screen_is_as_it_was_looked_at(tmp_path: Path, lang: str, name: str) -> None:
    if name == "today":
        run(["-m", "backfit", *PLAN], LANGS[lang], tmp_path)
    check(name, lang, run(["-m", "backfit", *COMMANDS[name]], LANGS[lang], tmp_path))


@needs_words
@pytest.mark.parametrize("lang", LANGS)
def test_a_coach_frame_is_as_it_was_looked_at(tmp_path: Path, lang: str) -> None:
    check("coach-frame", lang, run(["-c", FRAME], LANGS[lang], tmp_path))


def test_c_stays_english(tmp_path: Path) -> None:
    shown = run(["-m", "backfit", "safety"], "C", tmp_path)
    assert shown.startswith("Safety\n") and "Emergency: call 999 or go to A&E" in shown
