"""Chinese broken by its rules on every way text reaches the terminal, not only through
`print_view`: Rich's `print` joins what it is given into a Text of its own, so a question
asked with Rich's prompts, a line printed whole and a question given to `input` were folded
by Rich's rules or the terminal's (a line starting with '）', a command split); a dumb
terminal was taken to be 80 columns wide, whatever its width; 'U 形' parted after the U;
the safety check paged in the middle of a sentence. Each test checks the rules at many
widths, on the real Chinese words."""

from __future__ import annotations

import contextlib
import gettext
import io
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from backfit.cli.asking import prompts
from backfit.i18n import LOCALE_DIR
from backfit.live import prompts as live_prompts
from backfit.live.prompts import SENTENCE_ENDS, ask_pain
from backfit.output import stderr_console, stdout_console
from backfit.views.text import ADDRESS, CLOSING, OPENING, Text, wrapped
from backfit.views.words import messages
from backfit.views.words import programme as programme_words
from backfit.views.words import prompts as prompt_words
from backfit.views.words import session as session_words

needs_words = pytest.mark.skipif(
    not (LOCALE_DIR / "zh_Hans" / "LC_MESSAGES" / "backfit.mo").exists(),
    reason="the words are compiled when backfit is built",
)
WIDTHS = range(20, 101, 4)
COMMAND = "backfit start bird-dog --full"


def chinese(message: str) -> str:
    """`message` (English, as this test run speaks) in backfit's Chinese words."""
    words = gettext.translation("backfit", LOCALE_DIR, ["zh_Hans"])
    said = words.gettext(message)
    assert said != message, message
    return said


def assert_ruled(shown: str, width: int, *, whole: tuple[str, ...] = ()) -> None:
    """No line starts with closing punctuation or ends with opening punctuation, none is
    wider than `width`, and each of `whole` is on one line."""
    lines = shown.splitlines()
    wide = [line for line in lines if cell_len(line) > width and not ADDRESS.search(line)]
    assert not wide, (width, lines)  # a web address too long for a line runs past, whole
    assert not [line for line in lines if line.lstrip()[:1] in CLOSING], (width, lines)
    assert not [line for line in lines if line.rstrip()[-1:] in OPENING], (width, lines)
    for said in whole:
        assert any(said in line for line in lines), (width, said, lines)


def whole(attached: str, width: int) -> tuple[str, ...]:
    """The command, if it fits a line with the punctuation attached to it."""
    return (COMMAND,) if cell_len(attached) <= width else ()


def questions() -> list[str]:
    """Questions asked in Chinese, the longest of plan new and forget, and one naming a
    command, with the brackets and commas a fold must not start a line with."""
    return [
        chinese(programme_words.ASK_PAIN),
        chinese(messages.FORGET_ASK),
        chinese(prompt_words.START_ANYWAY) + f"（{COMMAND}），" + chinese(messages.FORGET_ASK),
    ]


@needs_words
@pytest.mark.parametrize("width", WIDTHS)
def test_a_question_asked_with_richs_prompts_is_broken_by_the_rules(width: int) -> None:
    """plan new asks with Rich's prompts on stdout's console; forget and log delete with
    them on stderr's: the prompt and what it says to an answer it cannot take."""
    yes_no, number, asked = prompts()
    for console, (kind, answers) in zip(
        (stdout_console(), stderr_console(), stdout_console()),
        ((yes_no, "maybe\nn\n"), (number, "x\n3\n"), (asked, "a\n")),
        strict=True,
    ):
        console.file, console.width = io.StringIO(), width
        for question in questions():
            kind.ask(question, console=console, stream=Typed(answers, console.file))
        assert_ruled(console.file.getvalue(), width, whole=whole(f"（{COMMAND}），", width))


class Typed(io.StringIO):
    """Answers as typed on a terminal, which shows them after the question."""

    def __init__(self, answers: str, screen: io.StringIO) -> None:
        super().__init__(answers)
        self.screen = screen

    def readline(self, size: int | None = -1) -> str:
        self.screen.write("\n")  # the answer itself is the person's, as wide as they type it
        return super().readline(size)


@needs_words
@pytest.mark.parametrize("width", WIDTHS)
def test_a_line_printed_whole_is_broken_by_the_rules(width: int) -> None:
    """The console's own print (a message after a wrong answer, a line of the coach)."""
    console = stdout_console()
    console.file, console.width = io.StringIO(), width
    said = chinese(session_words.PRESS_ENTER_MORE).format(page=1, pages=4)
    console.print(said, Text(f"（{COMMAND}）"), style="bold")
    assert_ruled(console.file.getvalue(), width, whole=whole(f"（{COMMAND}）", width))


@needs_words
@pytest.mark.parametrize("width", WIDTHS)
def test_a_question_given_to_input_is_broken_by_the_rules(
    width: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The pain question before a session: `input` shows it, and the terminal would fold it
    anywhere. Its lines but the last are printed first."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("3\n"))
    monkeypatch.setattr(live_prompts, "CAN_SELECT_FILES", False)  # a StringIO has no fileno
    console = stdout_console()
    console.file, console.width = sys.stdout, width
    question = chinese(prompt_words.START_ANYWAY).replace("：", f"（{COMMAND}）：")
    assert ask_pain(console, question) == 3
    shown = capsys.readouterr().out
    assert shown.replace("\n", "").replace(" ", "") == question.replace(" ", "")  # all of it
    assert_ruled(shown, width, whole=whole(f"（{COMMAND}）：", width))


@pytest.mark.parametrize("width", [20, 40, 80])
def test_an_english_question_given_to_input_is_broken_between_words(
    width: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second new user's trial at 40 columns: 'Pain now, 0 to 10 (Enter to skip, q to l'
    / 'eave):', folded by the terminal inside a word. One that fits is as it was."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("3\n"))
    monkeypatch.setattr(live_prompts, "CAN_SELECT_FILES", False)
    console = stdout_console()
    console.file, console.width = sys.stdout, width
    assert ask_pain(console, prompt_words.START_ANYWAY) == 3
    shown = capsys.readouterr().out
    if len(prompt_words.START_ANYWAY) <= width:
        assert shown == prompt_words.START_ANYWAY
    words = prompt_words.START_ANYWAY.split()
    assert shown.split() == words and all(len(line) <= width for line in shown.splitlines())


def test_english_printed_whole_is_as_rich_prints_it() -> None:
    """The rules are Chinese rules: English printed through backfit's console is Rich's."""
    from rich.console import Console

    said = "Press Enter to read on (page 1 of 4), or q to quit. " * 3
    for width in WIDTHS:
        ours, rich = stdout_console(), Console(highlight=False, emoji=False, markup=False)
        for console in (ours, rich):
            console.file, console.width = io.StringIO(), width
            console.print(said, Text("backfit start bird-dog --full"), style="bold", end="")
        assert ours.file.getvalue() == rich.file.getvalue()


@pytest.mark.parametrize("width", range(6, 60))
def test_a_letter_stays_with_the_chinese_it_names(width: int) -> None:
    """'U 形' (a shape), 'N 组' (a number), 'q 退出' (a key): never a line ending in the
    letter, the Chinese below it. A longer word may end a line, as in English."""
    console = stdout_console()
    said = Text("这个动作出自一篇文章，文中要求抬成很深的 U 形；每天做 N 组，按 q 退出，NHS 建议。")
    lines = [line.plain for line in wrapped(console, said, width)]
    for upper, lower in itertools.pairwise(lines):
        assert not (upper.rstrip()[-1:] in "UNq" and lower[:1] in "形组退"), (width, lines)
    assert "".join(lines).replace(" ", "") == said.plain.replace(" ", "")


def on_a_terminal(*args: str, columns: int, home: Path) -> str:
    """What backfit shows on a dumb terminal `columns` wide (a pseudo-terminal, no
    COLUMNS or LINES in the environment, as a shell leaves them)."""
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, columns, 0, 0))
    environment = {"PATH": "/usr/bin:/bin", "LANG": "zh_CN.UTF-8", "TERM": "dumb"}
    environment |= {name: str(home) for name in ("BACKFIT_HOME", "BACKFIT_CONFIG")}
    environment |= {name: os.environ[name] for name in ("PYTHONPATH",) if name in os.environ}
    with subprocess.Popen(
        [sys.executable, "-m", "backfit", *args],
        stdin=follower, stdout=follower, stderr=follower, env=environment,
    ) as process:  # fmt: skip
        os.close(follower)
        shown = b""
        with contextlib.suppress(OSError):  # the end of the output (EIO on Linux)
            while chunk := os.read(leader, 65536):
                shown += chunk
        assert process.wait(timeout=20) == 0
    os.close(leader)
    return shown.decode().replace("\r\n", "\n")


@needs_words
@pytest.mark.parametrize("columns", [34, 40, 60])
def test_a_dumb_terminal_is_as_wide_as_it_is(tmp_path: Path, columns: int) -> None:
    """Rich takes a dumb terminal (TERM=dumb) to be 80 columns, so at 40 the terminal
    folded the welcome's two columns anywhere, 'backfit start gentle-mobility' too."""
    for args, whole in (((), "backfit start gentle-mobility"), (("show", "cat-camel"), None)):
        shown = on_a_terminal(*args, columns=columns, home=tmp_path)
        assert_ruled(shown, columns, whole=(whole,) if whole else ())


SAFETY_PAGES = """
import json, sys
from backfit import i18n
i18n.speak("zh_Hans")
from rich.console import Console
from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.catalog.translated import translated
from backfit.live.prompts import pages
from backfit.session.plan import plan_for
from backfit.views.plan import safety_check_view
catalog = translated(load_catalog(builtin_catalog_path()))
view = safety_check_view(catalog, plan_for(catalog.find(sys.argv[1]), catalog))
shown = {}
for width, height in json.loads(sys.argv[2]):
    console = Console(width=width, height=height, color_system=None)
    lines = console.render_lines(view, console.options.update(height=None), pad=False)
    paged = pages(lines, height, more=2)
    shown[f"{width}x{height}"] = [[''.join(s.text for s in l) for l in page] for page in paged]
print(json.dumps(shown))
"""


@needs_words
def test_the_safety_check_is_paged_between_sentences() -> None:
    """At 40x12 a page ended with '轻微的不适（最高 2/10）是正常的，并不表' and the next began
    '示受了伤害。': a page now ends after a blank line, a box, a bullet or a sentence (the
    red flags and the pain rule have one in every half page), and every line is shown once."""
    sizes = [(width, height) for width in (30, 40, 60, 80, 100) for height in (12, 16, 24)]
    done = subprocess.run(
        [sys.executable, "-c", SAFETY_PAGES, "mcgill-big-3", json.dumps(sizes)],
        capture_output=True,
        text=True,
        check=True,
    )
    for size, shown in json.loads(done.stdout).items():
        for page in shown[:-1]:
            last = page[-1].strip().strip("│").strip()
            ends = not last or not last.strip("─╰╯") or last[-1] in SENTENCE_ENDS
            assert ends, (size, page)
        assert all(len(page) <= int(size.split("x")[1]) - 3 for page in shown[:-1]), size
