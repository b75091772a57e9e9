"""The questions asked around a guided session: the safety check before it, pain before
and after, and the pain gate's choices. Each reads the person's answer from the terminal."""

from __future__ import annotations

import select
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.segment import Segment, SegmentLines
from rich.text import Text

from backfit.live.keys import CAN_SELECT_FILES, LineKeys, TerminalKeys, key_reader
from backfit.output import accessible, print_view
from backfit.session.coach import Key
from backfit.session.pain import gate_zone, gentler_choice, go_band, pain_band, pain_zone
from backfit.views.pain import band_words, caution_text, stop_band_text
from backfit.views.plan import safety_check_view
from backfit.views.screen import pages
from backfit.views.words import prompts as words
from backfit.views.words import session as session_words

try:  # line editing for the questions (arrows, history), where Python has it
    import readline
except ImportError:  # pragma: no cover - Windows, or a Python built without it
    readline = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from rich.console import Console

    from backfit.catalog.models import Catalog, Exercise, Routine
    from backfit.session.plan import Plan


class Declined(Exception):
    """The session did not start: q at the safety check or the pain question, or pain too
    high to begin."""


def safety_check(console: Console, catalog: Catalog, plan: Plan) -> bool:
    """Show the red flags and the pain rule; True once the person presses Enter. On a
    terminal too short for it, it is shown a page at a time, each page's first line in
    sight, so that no red flag scrolls away unread."""
    view = safety_check_view(catalog, plan)
    with key_reader(sys.stdin) as keys:  # before printing, so no early key press is lost
        if not console.is_terminal:
            console.print(view)
            return _go_on(keys)
        if accessible():  # whole, as plain lines: a screen reader reads back as it needs
            print_view(console, view)
            return _go_on(keys)
        options = console.options.update(height=None)
        lines = console.render_lines(view, options, pad=False)
        widest = len(lines)  # more pages than lines there cannot be
        more = Text(session_words.PRESS_ENTER_MORE.format(page=widest, pages=widest), "bold")
        shown = pages(
            lines, console.height, more=len(console.render_lines(more, options)), blank=_blank
        )
        for number, page in enumerate(shown, 1):
            console.print(SegmentLines(page, new_lines=True), end="")
            if number < len(shown):
                more.plain = session_words.PRESS_ENTER_MORE.format(page=number, pages=len(shown))
                console.print(more)
            if not _go_on(keys):
                return False
    return True


def _blank(line: list[Segment]) -> bool:
    return not "".join(segment.text for segment in line).strip()


def _go_on(keys: TerminalKeys | LineKeys) -> bool:
    """Wait for Enter (True) or q (False); other keys are ignored."""
    while (answer := keys.read(None)) not in (Key.CONTINUE, Key.QUIT):
        pass
    return answer is Key.CONTINUE


def ask_pain(console: Console, question: str, *, can_leave: bool = False) -> int | None:
    """Pain 0-10 typed as a line after `question`; an empty line (or end of input) skips it.
    `can_leave`: before a session, q or the end of input (Ctrl-D) leaves instead (raising
    Declined)."""
    while True:
        typed = _typed_line(console, question)
        if typed is None:
            if can_leave:
                raise Declined
            return None
        answer = typed.strip().lower()
        if not answer:
            return None
        if answer.isdigit() and 0 <= int(answer) <= 10:
            return int(answer)
        if can_leave and answer in words.QUIT_ANSWERS:
            raise Declined
        console.print(words.NOT_A_SCORE_OR_LEAVE if can_leave else words.NOT_A_SCORE)


@contextmanager
def _signals_checked(every: float = 0.25) -> Iterator[None]:
    """Wake `input` every `every` seconds while it waits: readline checks for a Ctrl-C only
    when its wait is interrupted, so one that lands just before the wait begins would
    otherwise sit until the next key. (No public way to give readline a timeout: this is
    the one workaround, and tests/live/test_terminal.py fails if it stops working.)"""
    if not hasattr(signal, "setitimer"):  # pragma: no cover - not on Windows
        yield
        return
    previous = signal.signal(signal.SIGALRM, lambda *_: None)
    signal.setitimer(signal.ITIMER_REAL, every, every)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _typed_line(console: Console, prompt: str) -> str | None:
    """A line typed after `prompt`; None at the end of input. Left by Ctrl-C or the end of
    input, the question's line is ended first, so what follows starts on a line of its own.

    On a terminal with readline, the line can be edited as it is typed (arrows, erase a
    word), where Ctrl-C raises KeyboardInterrupt as usual (a handler of the coach's own
    would leave `input` waiting). Elsewhere it waits in short selects rather than
    one blocking read: a Ctrl-C that lands just as the question appears, before the read
    has begun, would otherwise wait for a key."""
    plain_ctrl_c = signal.getsignal(signal.SIGINT) is signal.default_int_handler
    if readline is not None and plain_ctrl_c and sys.stdin.isatty() and sys.stdout.isatty():
        try:
            with _signals_checked():
                return input(prompt) + "\n"
        except EOFError:
            console.line()
            return None
        except KeyboardInterrupt:
            console.line()
            raise
    try:
        sys.stdout.write(prompt)
        sys.stdout.flush()
        if CAN_SELECT_FILES:
            while not select.select([sys.stdin], [], [], 0.25)[0]:
                pass
        line = sys.stdin.readline()
    except KeyboardInterrupt:
        console.line()
        raise
    if not line:
        console.line()
        return None
    return line


def pain_gate(
    console: Console, catalog: Catalog, entry: Exercise | Routine, score: int, *,
    plan: Plan, easier: Plan | None, despite_pain: bool,
) -> Plan | None:  # fmt: skip
    """Apply the catalog's pain rule to the pain before the session: the plan to run, or
    None not to start. In the stop band it does not start unless the person asked to with
    `despite_pain` and confirms; from the caution band up it offers `easier` first."""
    zone = gate_zone(entry, catalog, score)
    band = pain_band(catalog.safety, score)
    if zone == "stop":
        gentler = gentler_choice(entry, catalog)
        low = None if pain_zone(catalog.safety, score) == "stop" else go_band(catalog.safety)
        print_view(  # broken by the words' rules: a command stays whole
            console, stop_band_text(entry, score, band, gentler, despite_pain=despite_pain, low=low)
        )
        if not (despite_pain and _answer(words.START_ANYWAY) in words.YES_ANSWERS):
            return None
    elif zone == "go":
        return plan
    if easier is None or easier.items == plan.items:  # the dose is chosen, or cannot be eased
        if zone == "caution":
            console.print(words.GO_GENTLY.format(band=band_words(score, band, zone)), style="bold")
        return plan
    print_view(console, caution_text(score, band, plan, easier, stop=zone == "stop"))
    while True:
        answer = _answer(words.CHOOSE_DOSE)
        if answer in ("", None):
            return easier
        if answer in words.FULL_ANSWERS:
            return plan
        if answer in words.QUIT_ANSWERS:
            return None


def _answer(question: str) -> str | None:
    try:
        return input(question).strip().lower()
    except EOFError:
        return None
