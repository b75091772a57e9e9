"""Where Chinese lines break (from a new-user trial in Chinese): a word, an option or a
command in Latin letters stays whole so that it can be copied (`backfit start bird-dog
--full`, never `--activ` / `ity`), a number stays with its unit, a table of Chinese wraps
to the terminal like one in English, and the welcome screen fits a narrow terminal.
Tested on the real Chinese messages, and through the real command as a person runs it."""

from __future__ import annotations

import ast
import io
import itertools
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from backfit.i18n import LOCALE_DIR
from backfit.views.text import CLOSING, OPENING, Text, broken, wrapped
from backfit.views.widgets import Phrases, table

PO = LOCALE_DIR / "zh_Hans" / "LC_MESSAGES" / "backfit.po"
needs_words = pytest.mark.skipif(
    not (PO.with_suffix(".mo")).exists(), reason="the words are compiled when backfit is built"
)
MARKS = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"  # Chinese and its punctuation
RUN = re.compile(f"[^\\s{MARKS}]+")  # letters, digits and signs, as a person copies them
COMMAND = re.compile(r"backfit(?: [-\w|=.\[\]]+)*", re.ASCII)
UNIT = re.compile(r"\d\s*$")  # a line that ends in a number...
UNIT_AFTER = re.compile(r"^\s*(?:[\u3400-\u9fff]|(?:s|min|kg)\b)")  # ...whose unit is below


def chinese_messages() -> list[str]:
    """Every Chinese message of the command line and the views, its placeholders filled in,
    one line of it at a time."""
    said: list[list[str]] = []
    current: list[str] | None = None
    for line in PO.read_text(encoding="utf-8").splitlines():
        if line.startswith(("msgstr ", "msgstr[")):
            current = [ast.literal_eval(line.split(" ", 1)[1])]
            said.append(current)
        elif line.startswith('"') and current is not None:
            current.append(ast.literal_eval(line))
        else:
            current = None
    filled = {"slug": "bird-dog", "name": "鸟狗式", "command": "backfit checkin"}
    messages = [
        re.sub(r"\{(\w*)[^{}]*\}", lambda m: filled.get(m.group(1), "3"), "".join(parts))
        for parts in said
    ]
    lines = {line for message in messages for line in message.split("\n")}
    return sorted(line for line in lines if re.search("[\u3400-\u9fff]", line) and RUN.search(line))


def assert_whole(message: str, lines: list[str], width: int) -> None:
    """Each run of letters that fits a line is on one line, and so is each command that
    fits with the punctuation no line may be broken from ('“backfit list”', '… blocks。')."""
    shown = Counter(run for line in lines for run in RUN.findall(line))
    for run, count in Counter(RUN.findall(message)).items():
        if cell_len(run) <= width:
            assert shown[run] >= count, (run, lines)
    for command in COMMAND.finditer(message):
        start, end = command.span()
        while start and attached(message[start - 1]) and message[start - 1] not in CLOSING:
            start -= 1
        while end < len(message) and attached(message[end]) and message[end] not in OPENING:
            end += 1
        if cell_len(message[start:end]) <= width:
            assert any(command.group() in line for line in lines), (command.group(), lines)


def attached(char: str) -> bool:
    return not (char.isspace() or "\u3400" <= char <= "\u9fff")


@needs_words
@pytest.mark.parametrize("width", range(12, 61, 3))
def test_real_messages_keep_words_options_and_commands_whole(width: int) -> None:
    """As Rich draws them (views) and as the help is broken (Click never sees the rules)."""
    console = Console(file=io.StringIO(), width=width)
    messages = chinese_messages()
    assert len(messages) > 100 and any("backfit start" in m for m in messages)
    for message in messages:
        drawn = [line.plain for line in wrapped(console, Text(message), width)]
        assert_whole(message, drawn, width)
        assert_whole(message, broken(message, width), width)


@pytest.mark.parametrize("width", range(8, 41))
def test_a_number_stays_with_its_unit(width: int) -> None:
    """With a space or without, a unit in Chinese or in Latin letters (60 秒, 12月, 10 s)."""
    console = Console(file=io.StringIO(), width=width)
    for said in ("保持 10 s，休息 60 秒，做 3 组。", "12月5日周六 · 第 1/8 周"):
        lines = [line.plain for line in wrapped(console, Text(said), width)]
        assert not [
            (a, b) for a, b in itertools.pairwise(lines) if UNIT.search(a) and UNIT_AFTER.search(b)
        ], lines


def test_text_without_chinese_still_breaks_as_rich_does() -> None:
    """The rules are Chinese rules: in English 'backfit start bird-dog' breaks like any words."""
    english = "Run it with the timer: backfit start today · or log it: backfit log today"
    assert broken(english, 30) == [
        "Run it with the timer: backfit",
        "start today · or log it:",
        "backfit log today",
    ]


def test_a_dose_never_leaves_its_separator_alone_nor_a_number_without_its_unit() -> None:
    """The separator that ended a full line went below it, alone ('·'), and a Chinese phrase
    too wide for the line was broken at its spaces, between '2' and '次'."""
    english = Phrases(["3 sets of 6, 4, 2 reps each side", "hold 10 s", "rest 20 s"], [", ", " · "])
    assert lines(english, 43) == ["3 sets of 6, 4, 2 reps each side,", "hold 10 s · rest 20 s"]
    chinese = Phrases(["3 组，每组 6、4、2 次，每侧", "保持 10 秒", "休息 20 秒"], ["、", " · "])
    for width in range(10, 41):
        drawn = lines(chinese, width)
        assert all(cell_len(line) <= width for line in drawn), drawn
        assert not [line for line in drawn if line.strip() in ("·", "、")], drawn
        assert not [
            (a, b) for a, b in itertools.pairwise(drawn) if UNIT.search(a) and UNIT_AFTER.search(b)
        ], drawn


def test_a_table_of_chinese_wraps_its_text_column_to_the_width() -> None:
    """A Chinese sentence has no spaces: the table took it for one word, too long to wrap."""
    said = "让坐骨神经温和地来回滑动而不拉伸它；在健康成年人身上，这种膝和头一起动的方式让神经移动得最多。"  # noqa: E501
    rows = [(Text("坐骨神经滑动", style="bold"), Text(said))]
    for width in (40, 60, 80):
        drawn = lines(table(["动作", "主要好处"], rows, wrap=(1,)), width)
        assert all(cell_len(line) <= width for line in drawn), drawn
        assert drawn[2].startswith("坐骨神经滑动  让坐骨神经")
        assert "".join(line[6:].strip() for line in drawn[2:]) == said  # under its header


def lines(renderable: object, width: int) -> list[str]:
    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False)
    console.print(renderable, crop=False)  # a line too long shows as it is, not cropped
    return console.file.getvalue().splitlines()  # type: ignore[attr-defined, no-any-return]


def backfit(*args: str, home: Path, columns: int, lang: str = "zh_CN.UTF-8") -> str:
    env = {"LANG": lang, "PATH": "/usr/bin:/bin", "COLUMNS": str(columns), "LINES": "50"}
    env |= {name: str(home) for name in ("BACKFIT_HOME", "BACKFIT_CONFIG", "BACKFIT_CACHE_DIR")}
    env |= {name: os.environ[name] for name in ("PYTHONPATH",) if name in os.environ}
    done = subprocess.run(
        [sys.executable, "-m", "backfit", *args], capture_output=True, text=True, env=env
    )
    assert (done.returncode, done.stderr) == (0, ""), (args, done.stderr)
    return done.stdout


PLAN = ("plan", "new", "--pain", "3", "--duration", "6-12-weeks", "--leg", "none",
        "--no-red-flags", "--start", "2026-01-05", "--days", "mon,tue,wed,thu,fri,sat,sun",
        "--yes")  # fmt: skip
TODAY = ("today", "--date", "2026-01-05")


@needs_words
@pytest.mark.parametrize(
    ("args", "widths", "commands"),
    [
        (TODAY, range(30, 61, 5), ["backfit start today", "backfit log today"]),
        (("config", "--help"), (50, 55), ["backfit config set figure blocks"]),
        (("start", "--help"), (55,), ["backfit config set routine NAME"]),
        (("plan", "new", "--help"), (50,), ["backfit safety"]),
        (
            ("show", "sciatica-gentle"),
            (30, 40, 50),
            ["'backfit safety'", "backfit start sciatica-gentle"],
        ),
        (("lessons",), (30,), ["backfit lessons N"]),
    ],
)
def test_commands_shown_in_chinese_can_be_copied_from_one_line(
    tmp_path: Path, args: tuple[str, ...], widths: range, commands: list[str]
) -> None:
    if args == TODAY:
        backfit(*PLAN, home=tmp_path, columns=80)
    for width in widths:
        shown = backfit(*args, home=tmp_path, columns=width).splitlines()
        for command in commands:
            assert any(command in line for line in shown), (width, command, shown)


@needs_words
def test_a_number_shown_in_chinese_stays_with_its_unit(tmp_path: Path) -> None:
    """The dose of bird-dog at 30 columns had '3 组，每组 6、4、2' above '次，每侧'."""
    backfit(*PLAN, home=tmp_path, columns=80)
    for args in (("show", "bird-dog", "--figure", "none"), TODAY, ("list",)):
        for width in (30, 35, 40):
            shown = backfit(*args, home=tmp_path, columns=width).splitlines()
            pairs = itertools.pairwise(shown)
            assert not [(a, b) for a, b in pairs if UNIT.search(a) and UNIT_AFTER.search(b)], args


def too_wide(shown: str, width: int) -> list[str]:
    """The lines wider than `width`, but for a web address, which is never split (it runs
    past the width, whole, so that it can be copied or clicked)."""
    wide = [line for line in shown.splitlines() if cell_len(line) > width]
    return [line for line in wide if not re.fullmatch(r"\s*<?https?://\S+>?", line)]


@needs_words
@pytest.mark.parametrize("lang", ["C", "en_GB.UTF-8", "zh_CN.UTF-8"])
def test_benefits_fit_the_terminal(tmp_path: Path, lang: str) -> None:
    """In Chinese the table's rows ran to 86-110 cells at 80 columns."""
    for width in (40, 60, 80, 100):
        shown = backfit("benefits", home=tmp_path, columns=width, lang=lang)
        assert not too_wide(shown, width), (width, too_wide(shown, width))


@needs_words
@pytest.mark.parametrize("lang", ["C", "zh_CN.UTF-8"])
def test_the_welcome_screen_fits_40_columns(tmp_path: Path, lang: str) -> None:
    """Bare `backfit` printed its overview as lines laid out in the words themselves, two
    columns wide at any width; it is a view now, each command above what it does where
    the two columns do not fit."""
    shown = backfit(home=tmp_path, columns=40, lang=lang)
    assert "backfit safety" in shown and not too_wide(shown, 40), shown


VARIATIONS = "俯卧肘撑后伸（back-extension-on-elbows）、俯卧屈膝抬腿（prone-leg-lift）"
CITED = "引用者：benefits、safety、bent-leg-deadlift、bird-dog、back-extension-on-elbows"


@pytest.mark.parametrize("width", range(12, 61))
@pytest.mark.parametrize("said", [VARIATIONS, CITED])
def test_a_slug_too_wide_with_its_brackets_is_parted_at_a_hyphen(said: str, width: int) -> None:
    """A sweep of every screen at 20-100 columns: a slug that fitted a line alone but not
    with its brackets left '（' ending one line and '）、' starting the next (a page's
    variations, the sources' 'cited by'). It is parted after one of its hyphens instead."""
    console = Console(file=io.StringIO(), width=width)
    shown = [line.plain.rstrip() for line in wrapped(console, Text(said), width)]
    assert "".join(shown) == said
    assert all(cell_len(line) <= width for line in shown), shown
    assert not any(line[:1] in CLOSING or line[-1:] in OPENING for line in shown), shown
