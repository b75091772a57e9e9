"""The two streams: results to stdout through Rich, messages to stderr as plain lines.

While a command runs, stdout is a `Stdout` made for that run (`guarded_stdout`). It
holds what is printed and, at each flush, writes it whole with `os.write`, checking
what each call took: a short write is carried on from where it stopped, and a write
that fails (a closed pipe, a full disk, a file-size limit) becomes an `OutputError`.
Nothing else is done to the file: what an earlier program wrote to it, or what this run
wrote before the failure, stays as it is. Text is made safe for the stream on the way
(`backfit.transliteration`): ASCII stand-ins where the output is ASCII-only, escapes
for any character the stream's encoding cannot carry.
"""

from __future__ import annotations

import errno
import os
import select
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, cast

from backfit.text_safety import escaped
from backfit.transliteration import ESCAPE, encodable, to_ascii

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.segment import Segment

ASCII_ENV = "BACKFIT_ASCII"
READING_WIDTH = 100  # text views wrap here on a wider terminal: long lines are hard to read


class OutputError(Exception):
    """stdout could not be written: a closed pipe, a full disk, an I/O error."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))
        self.error = error

    @property
    def closed_pipe(self) -> bool:
        return isinstance(self.error, BrokenPipeError) or self.error.errno == errno.EPIPE


class Stdout:
    """stdout for one run: the text printed, written whole at each flush, and the Rich
    console that prints to it, made once."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.forced_ascii = False  # `--ascii`, set by its option once the run has begun
        self._ascii = ascii_only(stream)
        self._encoding = getattr(stream, "encoding", None) or "utf-8"
        self._fd = _descriptor(stream)
        self._by_line = _isatty(stream)  # as Python's own stdout is on a terminal
        self._pending: list[str] = []
        self._console: Console | None = None

    @property
    def ascii(self) -> bool:
        return self.forced_ascii or self._ascii

    @property
    def encoding(self) -> str:
        """What Rich asks to decide on ASCII boxes and bars."""
        return "ascii" if self.ascii else self._encoding

    @property
    def console(self) -> Console:
        """Rich decides colour from the stream: none when piped, none with NO_COLOR."""
        if self._console is None:
            self._console = _new_console()
        return self._console

    def write(self, text: str) -> int:
        if not isinstance(text, str):  # as a text stream does: Click probes with b""
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._pending.append(text)
        if self._by_line and "\n" in text:
            self.flush()
        return len(text)

    def flush(self) -> None:
        text, self._pending = "".join(self._pending), []
        if not text:
            return
        text = to_ascii(text) if self.ascii else encodable(text, self._encoding)
        try:
            if self._fd is None:  # an in-memory stream (tests): its own write will do
                self.stream.write(text)
                self.stream.flush()
            else:
                write_all(self._fd, text.encode(self._encoding))
        except OSError as error:
            raise OutputError(error) from None

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, ...: the real stream's
        return getattr(self.stream, name)


def write_all(fd: int, data: bytes) -> None:
    """Write all of `data` to `fd`, or raise: a short write is carried on from where it
    stopped (a pipe's reader being slow), and a write that takes nothing is a full disk."""
    view = memoryview(data)
    while view:
        try:
            taken = os.write(fd, view)
        except BlockingIOError:  # a non-blocking stdout, shared with another program
            select.select([], [fd], [])
            continue
        if taken == 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[taken:]


def _new_console() -> Console:
    from rich.console import Console  # Rich's console would slow --version and --help

    return Console(highlight=False, emoji=False, markup=False)


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (OSError, ValueError, AttributeError):
        return False


def _descriptor(stream: IO[str]) -> int | None:
    """The file descriptor under `stream`, once what the stream holds is written, or None
    where there is none (an in-memory stream) or it is not a POSIX one."""
    if os.name != "posix":
        return None
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return None
    try:
        stream.flush()
    except OSError as error:
        raise OutputError(error) from None
    return fd


@contextmanager
def guarded_stdout() -> Iterator[None]:
    """stdout for this run (`Stdout`) while a command runs, flushed inside, so a failure
    surfaces here as an `OutputError` rather than as Python's complaint at exit."""
    original = sys.stdout
    stdout = Stdout(original)
    sys.stdout = cast(IO[str], stdout)
    try:
        yield
    finally:  # what was printed before a command failed is still written
        sys.stdout = original
        stdout.flush()


def _run() -> Stdout | None:
    return sys.stdout if isinstance(sys.stdout, Stdout) else None


def force_ascii() -> None:
    """`--ascii`: plain ASCII output for the rest of this run, whatever the terminal could
    show."""
    run = _run()
    if run is not None:
        run.forced_ascii = True


def ascii_only(stream: IO[str] | None = None) -> bool:
    """True when asked for (`--ascii`, `BACKFIT_ASCII`), when the locale is plain C or
    POSIX (Python reads that as UTF-8, the terminal may not), or when the stream's own
    encoding cannot carry backfit's typography."""
    run = _run()
    if (run is not None and run.forced_ascii) or os.environ.get(ASCII_ENV, "") not in ("", "0"):
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
    run = _run()
    return run.console if run is not None else _new_console()


def print_view(console: Console, renderable: RenderableType) -> None:
    """Print at the terminal's width or READING_WIDTH, whichever is less, without the
    trailing spaces Rich pads lines with, which clutter pipes and diffs."""
    from rich.segment import Segment, Segments

    # Every view already fits the width, so its segments are only split into lines
    # here, not cropped again (which costs a cell count of every segment).
    width = min(console.width, READING_WIDTH)
    lines = Segment.split_lines(console.render(renderable, console.options.update_width(width)))
    if ascii_only(console.file):
        lines = _ascii_lines(console, lines, width)
    segments: list[Segment] = []
    for line in lines:
        segments += _rstrip(line)
        segments.append(Segment.line())
    console.print(Segments(segments), end="", soft_wrap=True)  # already fitted: no re-wrapping


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
