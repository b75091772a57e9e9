"""The bell at each change of phase and, with --speak, the cue read aloud by the system's
speech command."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from typing import TYPE_CHECKING

from backfit.views.words import prompts, session

if TYPE_CHECKING:
    from rich.console import Console

    from backfit.session.plan import Step

SPEECH_COMMANDS = ("say", "espeak-ng", "spd-say", "espeak")


class Announcer:
    """A bell at each transition (unless quiet) and, given a voice, the cue read aloud."""

    def __init__(self, console: Console, *, quiet: bool, voice: list[str] | None) -> None:
        self.console = console
        self.quiet = quiet
        self.voice = voice
        self.speaking: subprocess.Popen[bytes] | None = None

    def announce(self, step: Step | None) -> None:
        self.say(session.FINISHED if step is None else session.cue(step))

    def say(self, text: str) -> None:
        if not self.quiet:
            self.console.bell()
        if self.voice is None:
            return
        if self.speaking is not None and self.speaking.poll() is None:
            self.speaking.terminate()  # a new cue matters more than the end of the last one
        try:
            self.speaking = subprocess.Popen(
                [*self.voice, session.spoken(text)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self.voice = None

    def close(self) -> None:
        """Let the last cue finish, but never hold the person up for long."""
        if self.speaking is None:
            return
        try:
            self.speaking.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.speaking.terminate()


def find_voice() -> list[str] | None:
    for command in SPEECH_COMMANDS:
        path = shutil.which(command)
        if path:
            return [path]
    return None


def voice_for(*, speak: bool, quiet: bool, notice: Callable[[str], None]) -> list[str] | None:
    """The speech command for --speak. Looked for before the session starts, so that a
    missing one is said while the person can still read it, not after the session."""
    if not speak:
        return None
    voice = find_voice()
    if voice is None:
        notice(prompts.NO_VOICE_QUIET if quiet else prompts.NO_VOICE_BELL)
    return voice
