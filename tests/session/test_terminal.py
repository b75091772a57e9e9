"""Real processes: pipes, a pseudo-terminal, shell completion, `head` closing the pipe."""

from __future__ import annotations

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

    def __init__(self, *args: str) -> None:
        import termios

        self.leader, self.follower = pty.openpty()
        self.termios = termios
        self.before = termios.tcgetattr(self.follower)
        env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        env.update(TERM="xterm-256color", COLUMNS="80", LINES="40")
        self.process = subprocess.Popen(
            [*BACKFIT, *args],
            stdin=self.follower,
            stdout=self.follower,
            stderr=self.follower,
            env=env,
            start_new_session=True,
            preexec_fn=self._take_terminal,
        )
        self.screen = ""

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
                self.screen += os.read(self.leader, 65536).decode(errors="replace")

    def press(self, keys: str) -> None:
        os.write(self.leader, keys.encode())

    def begin(self, pain: str = "") -> None:
        """Accept the safety check and answer (or skip) the pain question."""
        self.wait_for("Press Enter to start, or q to quit.")
        self.press("\r")
        self.wait_for("Pain now, 0 to 10 (Enter to skip): ")
        self.press(f"{pain}\r")

    def finish(self) -> int:
        import select

        code = self.process.wait(timeout=20)
        while select.select([self.leader], [], [], 0.1)[0]:
            self.screen += os.read(self.leader, 65536).decode(errors="replace")
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
        session.begin(pain="3")
        session.wait_for("GET READY: BIRD DOG")
        session.press("q")
        session.wait_for("Pain now, after the session, 0 to 10 (Enter to skip): ")
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
    assert (saved.pain_before, saved.pain_after) == (3, 2)
    assert [(e.exercise, e.status) for e in saved.entries] == [("bird-dog", "stopped")]


def test_pain_in_the_stop_band_starts_nothing_and_records_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path))
    session = Pty("start", "swallow-fly", "--quiet")
    try:
        session.begin(pain="9")
        assert session.finish() == 0
        session.wait_for("To start anyway, knowing this: backfit start swallow-fly --despite-pain")
        assert "Pain 9/10 is in the stop band (6-10): Swallow fly will not start." in session.screen
        assert "See 'backfit safety'" in session.screen
        assert "GET READY" not in session.screen
        assert session.restored()
    finally:
        session.close()
    assert list(tmp_path.iterdir()) == []  # no log was even created


def test_the_it_hurts_key_stops_asks_how_much_and_logs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from backfit.catalog.loader import builtin_catalog_path, load_catalog
    from backfit.journal import store as journal
    from backfit.session.doses import easier_dose
    from backfit.views.words import format_dose

    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path))
    session = Pty("start", "swallow-fly", "--quiet")
    try:
        session.begin(pain="4")  # the caution band: Enter takes the easier dose
        swallow_fly = load_catalog(builtin_catalog_path()).exercise("swallow-fly")
        easier = format_dose(easier_dose(swallow_fly, swallow_fly.dose))
        session.wait_for(f"The easier dose: {easier}")
        session.wait_for(
            "Press Enter for the easier dose, or type f for the full one (q to quit): "
        )
        session.press("\r")
        session.wait_for("h it hurts")
        session.press("h")
        session.wait_for("Pain that stopped you, 0 to 10 (Enter to skip): ")
        session.press("6\r")
        assert session.finish() == 0
        session.wait_for("Stopped for pain during: Swallow fly (pain 6/10)")
        assert "See 'backfit safety' for what pain means" in session.screen
        assert session.restored()
    finally:
        session.close()
    [saved] = journal.sessions(tmp_path / journal.FILE_NAME)
    assert (saved.pain_before, saved.pain_after, saved.finished) == (4, 6, False)
    assert [(e.exercise, e.status) for e in saved.entries] == [("swallow-fly", "stopped")]


def test_ctrl_c_restores_the_terminal_and_exits_130() -> None:
    session = Pty("start", "gentle-mobility", "--quiet")
    try:
        session.begin()
        session.wait_for("GET READY: CAT-CAMEL")
        session.press("\x03")  # Ctrl-C, as the terminal sends it
        assert session.finish() == 130
        assert "Traceback" not in session.screen
        session.wait_for("Session stopped after")
        assert session.restored()
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

    from backfit.session.terminal import Announcer

    said = tmp_path / "said.txt"
    voice = tmp_path / "espeak-ng"
    voice.write_text(f'#!/bin/sh\necho "$@" >> {said}\n')
    voice.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("TERM", "xterm-256color")
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True)
    notices: list[str] = []
    announcer = Announcer(console, quiet=False, speak=True, notice=notices.append)
    announcer.say("Do 8 reps, then press Enter")
    announcer.close()
    announcer.say("Switch sides")
    announcer.close()
    assert said.read_text() == "Do 8 reps\nSwitch sides\n"
    assert screen.getvalue().count("\a") == 2
    assert notices == []


def test_no_voice_is_said_once_and_the_bell_carries_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from rich.console import Console

    from backfit.session.terminal import Announcer

    monkeypatch.setenv("PATH", str(tmp_path))  # no speech command here
    notices: list[str] = []
    console = Console(file=io.StringIO(), force_terminal=True)
    quiet = Announcer(console, quiet=True, speak=True, notice=notices.append)
    quiet.say("Hold")
    quiet.say("Relax")
    assert len(notices) == 1 and "no speech command found" in notices[0]
    assert "\a" not in console.file.getvalue()  # type: ignore[attr-defined]


def test_line_keys_fall_back_to_enter_driven_steps() -> None:
    from backfit.session.coach import Key
    from backfit.session.terminal import LineKeys

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
