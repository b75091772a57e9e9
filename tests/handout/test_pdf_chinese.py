"""A sheet in Chinese as PDF (issue 21): drawn with an installed CJK font, never with empty
boxes; where none is installed, one line says how to get one (exit 7)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("typst")


def cjk_font_installed() -> bool:
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


def sheet(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {"LANG": "zh_CN.UTF-8", "PATH": "/usr/bin:/bin", "BACKFIT_HOME": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "backfit", "handout", "swallow-fly", "-o", str(tmp_path / "s.pdf")],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip


@pytest.mark.skipif(not cjk_font_installed(), reason="no CJK font installed here")
def test_a_chinese_sheet_is_drawn_with_an_installed_cjk_font(tmp_path: Path) -> None:
    from pypdf import PdfReader

    done = sheet(tmp_path)
    assert done.returncode == 0, done.stderr
    text = PdfReader(tmp_path / "s.pdf").pages[0].extract_text()
    assert "小燕飞" in text and "急救：拨打 120" in text  # the place's number


@pytest.mark.skipif(cjk_font_installed(), reason="a CJK font is installed here")
def test_with_no_cjk_font_one_line_says_how_to_get_one(tmp_path: Path) -> None:
    done = sheet(tmp_path)
    assert done.returncode == 7
    assert done.stderr.startswith("backfit: 没有已安装的字体能在 PDF 中显示中文")
    assert done.stderr.count("\n") == 1 and "fonts-noto-cjk" in done.stderr
    assert not (tmp_path / "s.pdf").exists()
