"""The two streams: results to stdout through Rich, messages to stderr as plain lines.

While a command runs, stdout is that run's own (`guarded_stdout`, `backfit.writing`),
written whole and checked; text is made safe for the stream on the way
(`backfit.transliteration`): ASCII stand-ins where the output is ASCII-only, escapes for
any character the stream's encoding cannot carry.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, cast

from backfit import writing
from backfit.i18n import _
from backfit.text_safety import escaped
from backfit.transliteration import ESCAPE, to_ascii
from backfit.writing import current

if TYPE_CHECKING:
    from rich.console import Console, RenderableType, RenderHook
    from rich.segment import Segment

ASCII_ENV = "BACKFIT_ASCII"
ASCII_ON = ("1", "true", "yes", "on")  # BACKFIT_ASCII's values, in any case
ASCII_OFF = ("0", "false", "no", "off", "")
ACCESSIBLE_ENVS = ("BACKFIT_ACCESSIBLE", "ACCESSIBLE")  # the second as other tools read it
READING_WIDTH = 100  # text views wrap here on a wider terminal: long lines are hard to read


def guarded_stdout() -> contextlib.AbstractContextManager[None]:
    """This run's stdout while a command runs: a failed write surfaces as an OutputError."""
    return writing.guarded_stdout(ascii=ascii_only(sys.stdout))


def force_ascii() -> None:
    """`--ascii`: plain ASCII output for the rest of this run, whatever the terminal could
    show."""
    run = current()
    if run is not None:
        run.forced_ascii = True


def force_accessible() -> None:
    """`--accessible`: output for a screen reader for the rest of this run."""
    run = current()
    if run is not None:
        run.accessible = True


def accessible() -> bool:
    """Whether output is for a screen reader (`--accessible`, BACKFIT_ACCESSIBLE=1 or
    ACCESSIBLE=1): figures in words, no box edges or bullets, nothing redrawn in place."""
    run = current()
    if run is not None and run.accessible:
        return True
    return any(os.environ.get(name, "").casefold() in ASCII_ON for name in ACCESSIBLE_ENVS)


def ascii_only(stream: IO[str] | None = None) -> bool:
    """True when asked for (`--ascii`, `BACKFIT_ASCII`), when the locale is plain C or
    POSIX (Python reads that as UTF-8, the terminal may not), or when the stream's own
    encoding cannot carry backfit's typography."""
    run = current()
    asked = os.environ.get(ASCII_ENV, "").casefold() in ASCII_ON
    if (run is not None and run.forced_ascii) or asked:
        return True
    if _locale() in ("C", "POSIX"):
        return True
    encoding = getattr(stream or sys.stdout, "encoding", None) or "utf-8"
    try:
        "•─█→".encode(encoding)
    except (UnicodeError, LookupError):
        return True
    return False


def _locale() -> str | None:
    """The character-type locale the user chose. Python itself replaces a C locale's
    LC_CTYPE with C.UTF-8 (PEP 538), so that value, next to LANG=C, is not a choice."""
    chosen, lang = os.environ.get("LC_ALL"), os.environ.get("LANG")
    ctype = os.environ.get("LC_CTYPE")
    if chosen:
        return chosen
    if ctype and not (ctype in ("C.UTF-8", "C.utf8", "UTF-8") and lang in ("C", "POSIX")):
        return ctype
    return lang


def stdout_console() -> Console:
    """The console of this run's stdout (one per run: a test runs many in one process)."""
    run = current()
    if run is None:
        return _new_console()
    if run.console is None:
        run.console = _new_console()
    return run.console


def stderr_console() -> Console:
    """A console on stderr, for a question asked on the way (it is not the command's
    output), made as stdout's is."""
    return _new_console(stderr=True)


def _new_console(*, stderr: bool = False) -> Console:
    """Rich decides colour from the stream: none when piped, none with NO_COLOR. What the
    console prints, input's prompts and Rich's prompts too, is broken into lines by the
    views' rules (`RuledText`: Rich would fold Chinese before a '，' and inside a command).
    On a dumb terminal Rich takes the width to be 80 columns, whatever it is (and whatever
    COLUMNS says), so the terminal would fold every longer line again, anywhere: there it
    is given the terminal's size."""
    from rich.console import Console  # Rich's console would slow --version and --help

    from backfit.views.text import RuledText  # loads Rich's Text, as the console does

    console = Console(stderr=stderr, highlight=False, emoji=False, markup=False)
    if console.is_dumb_terminal:
        console.size = shutil.get_terminal_size()  # COLUMNS and LINES first, as Rich reads them
    console.push_render_hook(cast("RenderHook", RuledText()))  # a hook by its one method
    return console


def print_view(console: Console, renderable: RenderableType) -> None:
    """Print at the terminal's width or READING_WIDTH, whichever is less, without the
    trailing spaces Rich pads lines with, which clutter pipes and diffs."""
    from rich.segment import Segment, Segments

    # Every view already fits the width, so its segments are only split into lines
    # here, not cropped again (which costs a cell count of every segment).
    width = min(console.width, READING_WIDTH)
    lines = Segment.split_lines(console.render(renderable, console.options.update_width(width)))
    if accessible():
        lines = _plain_lines(lines)
    if ascii_only(console.file):
        lines = _ascii_lines(console, lines, width)
    segments: list[Segment] = []
    for line in lines:
        segments += _rstrip(line)
        segments.append(Segment.line())
    console.print(Segments(segments), end="", soft_wrap=True)  # already fitted: no re-wrapping


BOX_TOP = ("╭─", "+-")  # a box's top edge as Rich draws it, and as ASCII
BOX_SIDE, BOX_EDGES = "│|", "─-╮╯╰+ "
BULLETS = ("• ", "* ")


def _plain_lines(lines: Iterable[list[Segment]]) -> Iterator[list[Segment]]:
    """The lines of a view as a screen reader should hear them: a box becomes its title
    as a heading line and its lines without their edges; a bullet is left unsaid."""
    from rich.segment import Segment

    for line in lines:
        text = "".join(s.text for s in line if not s.control)
        bare = text.strip()
        if bare.startswith(BOX_TOP):
            title = bare.lstrip("".join(BOX_TOP)).rstrip(BOX_EDGES).strip()
            yield [Segment(_("{heading}:").format(heading=title))] if title else []
            continue
        if bare and not bare.strip(BOX_EDGES):  # a bottom edge
            continue
        if bare[:1] in BOX_SIDE:
            text = text.strip()[1:].rstrip()
            text = text[:-1] if text[-1:] in BOX_SIDE else text
            text = text.strip()
        stripped = text.lstrip()
        if stripped.startswith(BULLETS):
            text = stripped[2:]
        yield [Segment(text)]


def _ascii_lines(
    console: Console, lines: Iterable[list[Segment]], width: int
) -> Iterator[list[Segment]]:
    """Lines in ASCII; the few that grow past the width ('→' is '->') are wrapped again,
    between words only."""
    from rich.segment import Segment
    from rich.text import Text

    for line in lines:
        ascii_line = [Segment(to_ascii(s.text), s.style, s.control) for s in line]
        before = Segment.get_line_length(line)
        if Segment.get_line_length(ascii_line) <= max(width, before):
            yield ascii_line
            continue
        text = Text()
        for s in ascii_line:
            if not s.control:
                text.append(s.text, s.style)
        for part in text.wrap(console, width, overflow="ignore"):
            yield list(part.render(console))


def _rstrip(line: list[Segment]) -> list[Segment]:
    from rich.segment import Segment

    while line and line[-1].control is None and not line[-1].text.strip():
        line = line[:-1]
    if line:
        last = line[-1]
        line = [*line[:-1], Segment(last.text.rstrip(), last.style, last.control)]
    return line


def error_line(message: str) -> None:
    """One line on stderr, whatever `message` holds; a stderr that cannot be written is
    given up on quietly, as there is nowhere left to say so."""
    line = f"backfit: {escaped(message)}\n"
    if ascii_only(sys.stderr):
        line = to_ascii(line)
    try:
        sys.stderr.write(line)
        sys.stderr.flush()
    except (OSError, UnicodeError):
        pass


def hint_line(line: str) -> None:
    """A line on stderr that follows a message (a usage error's 'Try ... --help.')."""
    with contextlib.suppress(OSError, UnicodeError):
        sys.stderr.write(to_ascii(f"{line}\n") if ascii_only(sys.stderr) else f"{line}\n")


def write_lines(lines: list[str]) -> None:
    """Plain result lines on stdout, made safe like error lines."""
    sys.stdout.write("".join(f"{escaped(line)}\n" for line in lines))


def write_json(text: str) -> None:
    """JSON as it is; escaped (`\\u00d7`, still valid JSON) where the output is ASCII,
    never translated, since it is data."""
    if not text.endswith("\n"):
        text += "\n"
    if ascii_only():
        text = text.encode("ascii", ESCAPE).decode("ascii")
    sys.stdout.write(text)
