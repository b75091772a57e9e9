"""Real processes: pipes, a pseudo-terminal, shell completion, `head` closing the pipe."""

from __future__ import annotations

import codecs
import os
import pty
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import MINIMAL

from backfit import __version__

BACKFIT = [sys.executable, "-m", "backfit"]
COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-9]|9[0-7]|38;)")
SGR = re.compile(r"\x1b\[[0-9;]*m|\x1b\[\?[0-9;]*[hl]")  # colours, and modes set or reset


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*BACKFIT, *args], capture_output=True, text=True, env={**os.environ, **(env or {})}
    )


def run_in_terminal(*args: str, env: dict[str, str]) -> str:
    """Run backfit with a pseudo-terminal as stdout, as a person at a terminal would."""
    leader, follower = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    environment.update(TERM="xterm-256color", COLUMNS="100", **env)
    process = subprocess.Popen([*BACKFIT, *args], stdout=follower, stderr=follower, env=environment)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=30)
    os.close(leader)
    return b"".join(chunks).decode()


def test_python_m_version() -> None:
    result = run("--version")
    assert (result.returncode, result.stdout, result.stderr) == (0, f"backfit {__version__}\n", "")


def test_piped_output_has_no_escape_codes() -> None:
    for args in (["list"], ["show", "swallow-fly"], ["safety"]):
        result = run(*args, env={"NO_COLOR": ""})
        assert result.returncode == 0
        assert "\x1b" not in result.stdout


def test_terminal_gets_colour_unless_no_color() -> None:
    coloured = run_in_terminal("show", "swallow-fly", env={})
    assert COLOUR.search(coloured), "a terminal should get colour"
    plain = run_in_terminal("show", "swallow-fly", env={"NO_COLOR": "1"})
    assert "Swallow fly" in plain
    assert not COLOUR.search(plain)


def test_head_closing_the_pipe_is_quiet(catalog_file: Callable[[str], Path]) -> None:
    # Enough exercises that the output overflows the pipe buffer after `head` has gone.
    block = MINIMAL[MINIMAL.index("  - slug: second-move") :]
    many = "".join(
        block.replace("second-move", f"move-{n}").replace("Second move", f"Move {n}")
        for n in range(400)
    )
    path = catalog_file(MINIMAL + many)
    for args, first in (("list", "First move (first-move)\n"), ("list --json", "[\n")):
        command = f"{sys.executable} -m backfit --catalog {path} {args} | head -1"
        result = subprocess.run(["sh", "-c", command], capture_output=True, text=True)
        assert result.stdout == first
        assert result.stderr == ""


def test_shell_completion_offers_exercise_names() -> None:
    env = {"_BACKFIT_COMPLETE": "complete_bash", "COMP_WORDS": "backfit show st", "COMP_CWORD": "2"}
    result = subprocess.run(
        [sys.executable, "-c", "from backfit.__main__ import main; main()"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    )
    assert result.returncode == 0
    assert result.stdout.split() == [
        "standing-back-extension",
        "standing-hip-flexor-stretch",
        "strength-day",
    ]


def test_broken_catalog_never_shows_a_traceback(catalog_file: Callable[[str], Path]) -> None:
    path = catalog_file("exercises: [\n")
    result = run("--catalog", str(path), "list")
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


class Pty:
    """backfit on a pseudo-terminal, driven as a person would: read the screen, press keys."""

    def __init__(
        self, *args: str, size: tuple[int, int] = (80, 40), env: dict[str, str] | None = None
    ) -> None:
        import fcntl
        import struct
        import termios

        self.leader, self.follower = pty.openpty()
        self.termios = termios
        self.before = termios.tcgetattr(self.follower)
        self.size = columns, lines = size
        fcntl.ioctl(self.follower, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        environment = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        environment.update(TERM="xterm-256color", COLUMNS=str(columns), LINES=str(lines))
        environment.update(env or {})
        self.process = subprocess.Popen(
            [*BACKFIT, *args],
            stdin=self.follower,
            stdout=self.follower,
            stderr=self.follower,
            env=environment,
            start_new_session=True,
            preexec_fn=self._take_terminal,
        )
        self.screen = ""
        self.mark = 0  # where the output after the last key press begins
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")

    @staticmethod
    def _take_terminal() -> None:
        """Make the pty the child's controlling terminal, so Ctrl-C sends SIGINT."""
        import fcntl
        import termios

        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    def wait_for(self, text: str, timeout: float = 20) -> None:
        import select
        import time

        deadline = time.monotonic() + timeout
        while text not in self.screen:
            left = deadline - time.monotonic()
            assert left > 0, f"{text!r} never appeared in {self.screen[-2000:]!r}"
            if select.select([self.leader], [], [], left)[0]:
                self._read()

    def frame(self, text: str, timeout: float = 20) -> list[str]:
        """The screen as a person sees it (the terminal emulated by pyte), once it shows
        `text` since the last key press: lines of plain text. The coach writes only the rows
        that change, in one write per frame, so the frame is complete once output pauses."""
        import select
        import time

        import pyte

        columns, lines = self.size
        screen = pyte.Screen(columns, lines)
        stream = pyte.Stream(screen)
        stream.feed(self.screen[: self.mark])
        fed = self.mark
        deadline = time.monotonic() + timeout
        while True:
            stream.feed(self.screen[fed:])
            fed = len(self.screen)
            if fed > self.mark and text in "\n".join(screen.display):
                while select.select([self.leader], [], [], 0.05)[0]:  # the rest of the frame
                    self._read()
                stream.feed(self.screen[fed:])
                return [line.rstrip() for line in screen.display]
            left = deadline - time.monotonic()
            assert left > 0, f"{text!r} never appeared on the screen: {screen.display!r}"
            if select.select([self.leader], [], [], left)[0]:
                self._read()

    def _read(self) -> None:
        """Read what has been written; a character split between two reads stays whole."""
        self.screen += self.decoder.decode(os.read(self.leader, 65536))

    def press(self, keys: str) -> None:
        self.mark = len(self.screen)
        os.write(self.leader, keys.encode())

    def begin(self, pain: str = "") -> None:
        """Accept the safety check, a page at a time on a short terminal, and answer (or
        skip) the pain question."""
        self.read_safety_check()
        self.press("\r")
        self.wait_for("leave): ")  # the pain question's end (a narrow terminal breaks it)
        self.press(f"{pain}\r")

    def read_safety_check(self) -> list[list[str]]:
        """Page through the safety check up to its last page: each page as the terminal
        showed it when it asked for Enter."""
        shown = []
        for page in range(1, 20):
            frame = self.frame("q to quit.")
            shown.append(frame)
            if "Press Enter to start, or q to quit." in "\n".join(frame):
                return shown
            assert f"(page {page} of" in "\n".join(frame)
            self.press("\r")
        raise AssertionError("the safety check never ended")

    def finish(self) -> int:
        import select

        code = self.process.wait(timeout=20)
        while select.select([self.leader], [], [], 0.1)[0]:
            self._read()
        return code

    def restored(self) -> bool:
        return self.termios.tcgetattr(self.follower) == self.before

    def close(self) -> None:
        os.close(self.leader)
        os.close(self.follower)


def test_start_in_a_terminal_quits_with_a_summary_and_logs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from backfit.journal import store as journal

    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path))
    session = Pty("start", "bird-dog", "--quiet")
    try:
        session.begin(pain="2")
        session.wait_for("GET READY: BIRD DOG")
        session.press("q")
        session.wait_for("to skip): ")  # the pain question after the session, its end
        session.press("eleven\r")
        session.wait_for("Please type a whole number from 0 to 10")
        session.press("2\r")
        assert session.finish() == 0
        session.wait_for("Session stopped after")
        assert "Stopped during: Bird dog" in session.screen
        assert session.restored()
    finally:
        session.close()
    [saved] = journal.sessions(tmp_path / journal.FILE_NAME)
    assert (saved.kind, saved.slug, saved.finished) == ("guided", "bird-dog", False)
    assert (saved.pain_before, saved.pain_after) == (2, 2)
    assert [(e.exercise, e.status) for e in saved.exercises] == [("bird-dog", "stopped")]


def test_pain_in_the_stop_band_starts_nothing_and_records_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path))
    session = Pty("start", "swallow-fly", "--quiet")
    try:
        session.begin(pain="9")
        assert session.finish() == 0
        session.wait_for("To start anyway, knowing this: backfit start swallow-fly --despite-pain")
        assert (
            "Pain 9/10 is in the stop band (6+/10): Swallow fly will not start." in session.screen
        )
        assert "See 'backfit safety'" in session.screen
        assert "GET READY" not in session.screen
        assert session.restored()
    finally:
        session.close()
    assert list(tmp_path.iterdir()) == []  # no log was even created


def test_what_is_only_for_low_pain_does_not_start_in_the_caution_band(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path))
    session = Pty("start", "strength-day", "--quiet")
    try:
        session.begin(pain="4")
        assert session.finish() == 0
        session.wait_for("backfit start strength-day --despite-pain")
        assert (
            "Pain 4/10 is in the caution band (3-5/10): Strength day is only for days when "
            "your pain is low (0-2/10), so it will not start."
            in " ".join(re.sub(r"\x1b\[[0-9;]*m", "", session.screen).split())
        )
        assert "GET READY" not in session.screen
    finally:
        session.close()
    assert list(tmp_path.iterdir()) == []


def test_the_it_hurts_key_stops_asks_how_much_and_logs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from backfit.catalog.loader import builtin_catalog_path, load_catalog
    from backfit.journal import store as journal
    from backfit.session.doses import easier_dose
    from backfit.views.words.doses import format_dose

    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path))
    session = Pty("start", "back-extension-on-elbows", "--quiet", "--full")
    try:
        session.begin(pain="4")  # the caution band: Enter takes the easier dose
        extension = load_catalog(builtin_catalog_path()).exercise("back-extension-on-elbows")
        easier = format_dose(easier_dose(extension, extension.dose))
        session.wait_for(f"The easier dose:  {easier}")
        session.wait_for(
            "Press Enter for the easier dose, or type p for the planned one (q to quit): "
        )
        session.press("\r")
        session.frame("h it hurts")  # the key is drawn bold: read the screen, not the bytes
        session.press("h")
        session.wait_for("Pain that stopped you, 0 to 10 (Enter to skip): ")
        session.press("6\r")
        assert session.finish() == 0
        session.wait_for("Stopped for pain during: Back extension on elbows (pain 6/10)")
        assert "See 'backfit safety' for what pain means" in session.screen
        assert session.restored()
    finally:
        session.close()
    [saved] = journal.sessions(tmp_path / journal.FILE_NAME)
    assert (saved.pain_before, saved.pain_after, saved.finished) == (4, 6, False)
    assert [(e.exercise, e.status) for e in saved.exercises] == [
        ("back-extension-on-elbows", "stopped")
    ]


def test_ctrl_c_restores_the_terminal_and_exits_130() -> None:
    session = Pty("start", "gentle-mobility", "--quiet")
    try:
        session.begin()
        session.wait_for("GET READY: PELVIC TILT")
        session.press("\x03")  # Ctrl-C, as the terminal sends it
        assert session.finish() == 130
        assert "Traceback" not in session.screen
        session.wait_for("Session stopped after")
        assert session.restored()
    finally:
        session.close()


def test_q_at_the_pain_question_leaves_and_records_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path))
    session = Pty("start", "bird-dog")
    try:
        session.begin(pain="q")
        assert session.finish() == 0
        assert "GET READY" not in session.screen and "Please type" not in session.screen
        assert list(tmp_path.iterdir()) == []
    finally:
        session.close()


def test_ctrl_d_at_the_pain_question_leaves_and_records_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path))
    session = Pty("start", "bird-dog")
    try:
        session.wait_for("Press Enter to start, or q to quit.")
        session.press("\r")
        session.wait_for("Pain now, 0 to 10 (Enter to skip, q to leave): ")
        session.press("\x04")  # Ctrl-D: the end of input
        assert session.finish() == 0
        assert "GET READY" not in session.screen
        assert list(tmp_path.iterdir()) == []
    finally:
        session.close()


@pytest.mark.parametrize(("columns", "lines"), [(80, 24), (40, 12), (100, 60)])
def test_a_safety_check_taller_than_the_window_is_shown_a_page_at_a_time(
    columns: int, lines: int
) -> None:
    """Every line of it is on the screen at some page, the title on the first: none
    scrolls away unread (at 80x24 the title and the first red flags used to)."""
    import io

    from rich.console import Console

    from backfit.catalog.loader import builtin_catalog_path, load_catalog
    from backfit.session.plan import plan_for
    from backfit.views.plan import safety_check_view

    catalog = load_catalog(builtin_catalog_path())
    routine = catalog.find("mcgill-big-3")
    assert routine is not None
    plan = plan_for(routine, catalog)
    console = Console(file=io.StringIO(), width=columns, color_system=None)
    console.print(safety_check_view(catalog, plan))
    expected = [line.rstrip() for line in console.file.getvalue().splitlines()]  # type: ignore[attr-defined]
    assert expected[0].startswith("McGill big 3 — about")
    session = Pty("start", "mcgill-big-3", size=(columns, lines))
    try:
        shown = session.read_safety_check()
        assert expected[0] in shown[0]
        seen = {line for page in shown for line in page}
        assert [line for line in expected if line and line not in seen] == []
        if len(expected) < lines:  # it fits: one page, as before
            assert len(shown) == 1
        else:
            assert len(shown) > 1 and "(page 1 of" in "\n".join(shown[0])
        session.press("q")
        assert session.finish() == 0
        assert "GET READY" not in session.screen
    finally:
        session.close()


def test_declining_at_the_safety_check_starts_nothing() -> None:
    session = Pty("start", "mcgill-big-3")
    try:
        session.wait_for("Press Enter to start, or q to quit.")
        assert "Before you start" in session.screen
        assert "Stop if your pain goes above 5/10" in session.screen
        session.press("q")
        assert session.finish() == 0
        assert "GET READY" not in session.screen
        assert session.restored()
    finally:
        session.close()


def test_speech_uses_the_system_voice_and_the_bell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from rich.console import Console

    from backfit.live.sound import Announcer, voice_for

    said = tmp_path / "said.txt"
    voice = tmp_path / "espeak-ng"
    voice.write_text(f'#!/bin/sh\necho "$@" >> {said}\n')
    voice.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("TERM", "xterm-256color")
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True)
    notices: list[str] = []
    voice = voice_for(speak=True, quiet=False, notice=notices.append)
    announcer = Announcer(console, quiet=False, voice=voice)
    announcer.say("Do 8 reps, then press Enter")
    announcer.close()
    announcer.say("Switch sides")
    announcer.close()
    assert said.read_text() == "Do 8 reps\nSwitch sides\n"
    assert screen.getvalue().count("\a") == 2
    assert notices == []


def test_no_voice_is_said_once_and_a_quiet_session_is_silent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from rich.console import Console

    from backfit.live.sound import Announcer, voice_for

    monkeypatch.setenv("PATH", str(tmp_path))  # no speech command here
    notices: list[str] = []
    voice = voice_for(speak=True, quiet=True, notice=notices.append)
    assert voice is None
    assert notices == [
        "no speech command found (say, espeak-ng, spd-say or espeak); "
        "carrying on without sound (--quiet)"
    ]
    console = Console(file=io.StringIO(), force_terminal=True)
    quiet = Announcer(console, quiet=True, voice=voice)
    quiet.say("Hold")
    quiet.say("Relax")
    assert "\a" not in console.file.getvalue()  # type: ignore[attr-defined]
    assert voice_for(speak=False, quiet=True, notice=notices.append) is None
    assert len(notices) == 1  # nothing to say without --speak


def test_line_keys_fall_back_to_enter_driven_steps() -> None:
    from backfit.live.keys import LineKeys
    from backfit.session.coach import Key

    reader, writer = os.pipe()
    with os.fdopen(reader) as stream, os.fdopen(writer, "w") as typed:
        keys = LineKeys(stream)
        assert keys.read(0.01) is None  # nothing typed yet: a countdown goes on
        typed.write("\np\ns\nq\nzzz\n")
        typed.flush()
        assert [keys.read(1) for _ in range(5)] == [
            Key.CONTINUE,
            Key.PAUSE,
            Key.SKIP,
            Key.QUIT,
            None,
        ]
        typed.close()
        assert keys.read(1) is Key.QUIT  # the input ended: stop rather than wait forever


BLOCKS = set("█▀▄")
BRAILLE = {chr(c) for c in range(0x2801, 0x2900)}
PINNED = ("--sets", "1", "--reps", "6", "--hold", "10")  # the dose, whatever the catalog says


@pytest.mark.parametrize(("columns", "lines"), [(40, 12), (80, 24), (200, 60)])
def test_the_live_screen_at_each_size(columns: int, lines: int) -> None:
    from rich.cells import cell_len

    session = Pty("start", "bird-dog", *PINNED, "--quiet", size=(columns, lines))
    try:
        session.begin()
        ready = session.frame("GET READY: BIRD DOG")
        assert len(ready) == lines
        assert [line for line in ready if cell_len(line) > columns] == []
        text = "\n".join(ready)
        for shown in ("How to do it", "Take care", "Stop if", "Next: Hold 10 s (1 of 6"):
            assert shown in text
        assert ready[-1].strip().endswith("q stop") or ready[-2].strip().endswith("q stop")
        session.press("\r")  # Enter cuts the get-ready short
        hold = session.frame("HOLD, LEFT SIDE")
        digits = sum(1 for line in hold if set(line) & BLOCKS)
        assert digits >= {12: 5, 24: 5, 60: 10}[lines]  # the figure shares the room at 60
        figure = sum(1 for line in hold if set(line) & BRAILLE)
        assert figure >= {12: 0, 24: 8, 60: 20}[lines]
        assert ("How to do it" in "\n".join(hold)) is (lines > 12)  # steps stay when there's room
        session.press("p")
        paused = "\n".join(session.frame("PAUSED"))
        assert "Enter resume" in paused and "p pause" not in paused
        session.press("q")
        session.wait_for("to skip): ")  # the pain question after the session, its end
        session.press("\r")
        assert session.finish() == 0
        assert session.restored()
    finally:
        session.close()


def test_line_mode_on_a_dumb_terminal_keeps_time_and_keys() -> None:
    # That the get-ready lasts its 5 s is checked on a fake clock (test_line_screen.py):
    # here, on a shared machine, only what the terminal shows, in order.
    session = Pty("start", "bird-dog", *PINNED, "--quiet", env={"TERM": "dumb"})
    try:
        session.begin()
        session.wait_for("GET READY: BIRD DOG · Next: Hold 10 s (1 of 6, left side) · 5")
        assert "Stop if" in session.screen and "Keys: Enter continue · p pause" in session.screen
        session.wait_for(
            " 3 2 1\r\nHOLD, LEFT SIDE · set 1 of 1 · hold 1 of 6 · Next: Relax 3 s · 10"
        )
        session.press("p")
        session.wait_for("(paused: Enter, p or space goes on)")
        session.press("p")
        session.wait_for("(going on)")
        session.press("q")
        session.wait_for("to skip): ")  # the pain question after the session, its end
        session.press("\r")
        assert session.finish() == 0
        assert "\x1b[?1049h" not in session.screen  # no alternate screen
        assert "\x1b[" not in session.screen  # no colour or cursor moves either
        assert session.restored()
    finally:
        session.close()


def test_ctrl_c_at_the_pain_question_after_a_session_ends_its_line() -> None:
    session = Pty("start", "bird-dog", "--quiet")
    try:
        session.begin()
        session.wait_for("GET READY: BIRD DOG")
        session.press("q")
        session.wait_for("to skip): ")  # the pain question after the session, its end
        session.press("\x03")
        assert session.finish() == 130
        session.wait_for("Session stopped after")
        after = session.screen[session.screen.rindex("(Enter to skip): ") :]
        assert re.match(r"\(Enter to skip\): (\^C)?\r\n\S*Session stopped", after), after
    finally:
        session.close()


@pytest.mark.parametrize(
    ("quiet", "said"),
    [([], "carrying on with the bell"), (["--quiet"], "carrying on without sound (--quiet)")],
)
def test_a_missing_voice_is_said_before_the_session(
    tmp_path: Path, quiet: list[str], said: str
) -> None:
    session = Pty("start", "bird-dog", "--speak", *quiet, env={"PATH": str(tmp_path)})
    try:
        session.wait_for("Press Enter to start, or q to quit.")
        notice = "backfit: no speech command found (say, espeak-ng, spd-say or espeak); "
        assert session.screen.index(notice + said) < session.screen.index("Before you start")
        session.press("q")
        assert session.finish() == 0
        assert session.screen.count("no speech command found") == 1
    finally:
        session.close()


@pytest.mark.parametrize("how", ["closed", "SIGTERM"])
def test_a_session_ended_by_closing_the_terminal_or_sigterm_is_saved(
    how: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import signal

    from backfit.journal import store as journal

    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path))
    session = Pty("start", "bird-dog", "--quiet", "--full")
    try:
        session.begin(pain="2")
        session.wait_for("GET READY: BIRD DOG")
        session.wait_for("HOLD", timeout=15)
        if how == "closed":
            os.close(session.leader)  # the terminal window is closed: the kernel hangs up
            session.leader = os.open(os.devnull, os.O_RDONLY)  # for close() to close
            session.process.wait(timeout=20)
        else:
            session.process.send_signal(signal.SIGTERM)
            assert session.finish() == 130
            assert "Traceback" not in session.screen
            assert session.restored()
    finally:
        session.close()
    [saved] = journal.sessions(tmp_path / journal.FILE_NAME)
    assert (saved.slug, saved.finished, saved.pain_before) == ("bird-dog", False, 2)
    assert [(e.exercise, e.status) for e in saved.exercises] == [("bird-dog", "stopped")]


def test_ctrl_z_gives_the_terminal_back_before_stopping_and_takes_it_again_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import signal

    from backfit.live import terminal

    said: list[str] = []

    class Console:
        def set_alt_screen(self, on: bool) -> None:
            said.append(f"alt screen {on}")

        def show_cursor(self, on: bool) -> None:
            said.append(f"cursor {on}")

    class Keys:
        def restore(self) -> None:
            said.append("settings restored")

        def resume(self) -> None:
            said.append("cbreak, input flushed, paused")

    def kill(pid: int, number: int) -> None:
        assert number == signal.SIGTSTP and signal.getsignal(number) == signal.SIG_DFL
        said.append("stopped")

    monkeypatch.setattr(terminal.os, "kill", kill)
    with terminal.suspendable(Console(), Keys()):  # type: ignore[arg-type]
        handler = signal.getsignal(signal.SIGTSTP)
        assert callable(handler)
        handler(signal.SIGTSTP, None)
        assert signal.getsignal(signal.SIGTSTP) is handler  # ready for the next Ctrl-Z
    assert said == [
        "alt screen False", "cursor True", "settings restored", "stopped",
        "cbreak, input flushed, paused", "alt screen True", "cursor False",
    ]  # fmt: skip


def test_ctrl_z_in_a_real_terminal_comes_back_paused() -> None:
    """The test's pty has no shell, so the stop itself is discarded by the kernel (an
    orphaned process group); what shows is the terminal left and taken back, paused."""
    session = Pty("start", "bird-dog", "--quiet", "--full")
    try:
        session.begin()
        session.wait_for("GET READY: BIRD DOG")
        session.press("\x1a")  # Ctrl-Z, as the terminal sends it
        assert "PAUSED" in "\n".join(session.frame("PAUSED"))
        assert "\x1b[?1049l" in session.screen[session.mark :]  # the screen was given back
        session.press("q")
        session.wait_for("to skip): ")  # the pain question after the session, its end
        session.press("\r")
        assert session.finish() == 0
        assert session.restored()
    finally:
        session.close()


def test_a_session_is_not_begun_when_it_could_not_be_saved(tmp_path: Path) -> None:
    home = tmp_path / "not-a-folder"
    home.write_text("")
    session = Pty("start", "bird-dog", "--quiet", env={"BACKFIT_HOME": str(home)})
    try:
        assert session.finish() == 4  # before the safety check: nothing was asked
        assert "Press Enter to start" not in session.screen
        assert f"cannot write the log at {home}/backfit.sqlite3" in session.screen
    finally:
        session.close()
