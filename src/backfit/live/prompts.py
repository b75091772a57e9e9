"""The questions asked around a guided session: the safety check before it, pain before
and after, and the pain gate's choices. Each reads the person's answer from the terminal."""

from __future__ import annotations

import select
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment, SegmentLines

from backfit.live.keys import CAN_SELECT_FILES, LineKeys, TerminalKeys, key_reader
from backfit.output import BOX_EDGES, BOX_SIDE, BOX_TOP, BULLETS, accessible, print_view
from backfit.session.coach import Key
from backfit.session.pain import gate_zone, gentler_choice, go_band, pain_band, pain_zone
from backfit.views.pain import band_words, caution_text, stop_band_text
from backfit.views.plan import safety_check_view
from backfit.views.text import Text
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
        shown = pages(lines, console.height, more=len(console.render_lines(more, options)))
        for number, page in enumerate(shown, 1):
            console.print(SegmentLines(page, new_lines=True), end="")
            if number < len(shown):
                more.plain = session_words.PRESS_ENTER_MORE.format(page=number, pages=len(shown))
                console.print(more)
            if not _go_on(keys):
                return False
    return True


# How well a page ends after a line, worst to best: anywhere; after a sentence; where a
# paragraph or a bullet ends; after a blank line or a box (what follows starts a page).
ANYWHERE, SENTENCE, PARAGRAPH, PART = range(4)
SENTENCE_ENDS, QUOTED = "。！？.!?", "）」』】》”’)\"'"  # a sentence may end inside a quote
LEADS_IN = "：:"  # a line that leads into a list stays on the page of the list


def pages(lines: list[list[Segment]], height: int, *, more: int) -> list[list[list[Segment]]]:
    """`lines` a screen `height` rows high at a time, printed one below the other: each
    page but the last leaves room for `more` rows saying there is more and for the cursor
    after them, the last for the cursor, so that each page's first line is still in sight
    when the page is done. A page ends where the text parts best in its second half (a
    sentence read across two pages is read twice), the latest of the best."""
    room = max(height - more - 1, 1)
    ends = [_ending(line, after) for line, after in pairwise([*lines, []])]
    shown: list[list[list[Segment]]] = []
    start = 0
    while len(lines) - start > max(height - 1, 1):
        cut = 1 + max(range(start + room // 2, start + room), key=lambda n: (ends[n], n))
        shown.append(lines[start:cut])
        start = cut
    return [*shown, lines[start:]]


def _ending(line: list[Segment], after: list[Segment]) -> int:
    """How well a page ends after `line`, the line `after` it what the next page starts with."""
    text, then = _inside(line), _inside(after)
    bare, next_bare = text.strip(), then.strip()
    if not bare.strip(BOX_EDGES) and not bare.startswith(BOX_TOP[0]):
        return PART  # a blank line, a box's bottom edge
    if bare.startswith(BOX_TOP) or bare[-1] in LEADS_IN:
        return ANYWHERE
    if not next_bare or next_bare.startswith(BOX_TOP) or next_bare.startswith(BULLETS):
        return PARAGRAPH
    if _indent(then) < _indent(text):  # a hanging bullet ends
        return PARAGRAPH
    return SENTENCE if bare.rstrip(QUOTED)[-1:] in SENTENCE_ENDS else ANYWHERE


def _inside(line: list[Segment]) -> str:
    """The line's text without a box's sides, indented as it is."""
    text = "".join(segment.text for segment in line if not segment.control).rstrip()
    if text.lstrip()[:1] in BOX_SIDE:
        text = text.lstrip()[1:]
    return text[:-1] if text[-1:] in BOX_SIDE else text


def _indent(text: str) -> int:
    """Where the line's words start, after a bullet."""
    words = text.lstrip()
    return len(text) - len(words) + (len(BULLETS[0]) if words.startswith(BULLETS) else 0)


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
    prompt = _last_line(console, prompt)
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
        if not (despite_pain and _answer(console, words.START_ANYWAY) in words.YES_ANSWERS):
            return None
    elif zone == "go":
        return plan
    if easier is None or easier.items == plan.items:  # the dose is chosen, or cannot be eased
        if zone == "caution":
            console.print(words.GO_GENTLY.format(band=band_words(score, band, zone)), style="bold")
        return plan
    print_view(console, caution_text(score, band, plan, easier, stop=zone == "stop"))
    while True:
        answer = _answer(console, words.CHOOSE_DOSE)
        if answer in ("", None):
            return easier
        if answer in words.FULL_ANSWERS:
            return plan
        if answer in words.QUIT_ANSWERS:
            return None


def _answer(console: Console, question: str) -> str | None:
    try:
        return input(_last_line(console, question)).strip().lower()
    except EOFError:
        return None


def _last_line(console: Console, question: str) -> str:
    """The prompt to give `input` for `question`: its last line as the console breaks it
    (by the views' rules), the lines before it printed first. `input` knows nothing of
    lines: the terminal would fold a long Chinese question anywhere, before a '，' or
    inside a command, and an English one inside a word ('q to l' / 'eave', at 40 columns)."""
    bare = question.rstrip()
    if cell_len(bare) <= console.width:
        return question
    *before, last = Text(bare).wrap(console, console.width)
    for line in before:
        console.print(line)
    return last.plain + question[len(bare) :]
