"""The two streams: results to stdout through Rich, messages to stderr as plain lines.

Everything written to stdout while a command runs goes through one guard
(`guarded_stdout`), so that what the stream cannot take is dealt with in one place:
- a write that fails (a closed pipe, a full disk) becomes an `OutputError`, and a
  regular file that was being written is cut back to where it started, so a failed run
  never leaves a file that looks complete;
- when the output cannot carry backfit's typography (an ASCII or `C` locale,
  `--ascii`, `BACKFIT_ASCII=1`), bullets, dashes, arrows, box edges and bars become
  ASCII, and any other character the stream cannot encode is shown escaped (`\\u00e9`),
  never dropped.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, cast

from backfit.text_safety import escaped

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.segment import Segment

ASCII_ENV = "BACKFIT_ASCII"
READING_WIDTH = 100  # text views wrap here on a wider terminal: long lines are hard to read
ESCAPE = "backfit-escape"

# The typography backfit's views use, with plain-ASCII stand-ins. Box drawing and block
# elements (rules, panels, bars, big digits, sparklines) are added by `_ascii_table`.
TYPOGRAPHY = {
    "•": "*", "·": "-", "–": "-", "—": "--", "×": "x", "→": "->", "←": "<-", "↑": "^",
    "↓": "v", "≤": "<=", "≥": ">=", "…": "...", "‘": "'", "’": "'", "“": '"', "”": '"',
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "✓": "v", "✗": "x",
}  # fmt: skip
SPARKS = dict(zip("▁▂▃▄▅▆▇█", "_.-:=+*#", strict=True))

_forced = False
_table: dict[int, str] | None = None


def _escape_error(error: UnicodeError) -> tuple[str, int]:
    """Characters a stream cannot encode, as JSON-compatible escapes (`\\u00e9`, and a
    surrogate pair beyond the first plane), so JSON stays valid and text stays legible."""
    assert isinstance(error, UnicodeEncodeError)
    out = []
    for char in error.object[error.start : error.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), error.end


codecs.register_error(ESCAPE, _escape_error)


def force_ascii() -> None:
    """`--ascii`: plain ASCII output whatever the terminal could show."""
    global _forced
    _forced = True


def ascii_only(stream: IO[str] | None = None) -> bool:
    """True when asked for (`--ascii`, `BACKFIT_ASCII`), when the locale is plain C or
    POSIX (Python reads that as UTF-8, the terminal may not), or when the stream's own
    encoding cannot carry backfit's typography."""
    if _forced or os.environ.get(ASCII_ENV, "") not in ("", "0"):
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


def to_ascii(text: str) -> str:
    """`text` in ASCII: typography replaced, accents dropped (Thomeé is Thomee), anything
    else escaped (`\\u4f60`)."""
    if text.isascii():
        return text
    text = "".join(_unaccented(char) for char in text.translate(_ascii_table()))
    return text.encode("ascii", ESCAPE).decode("ascii")


def _unaccented(char: str) -> str:
    """`char` without its accents ('é' -> 'e'), or itself when that leaves no ASCII."""
    import unicodedata

    if char.isascii():
        return char
    bare = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return bare if bare and bare.isascii() else char


def _ascii_table() -> dict[int, str]:
    global _table
    if _table is None:
        import unicodedata

        table = {ord(k): v for k, v in {**TYPOGRAPHY, **SPARKS}.items()}
        for code in range(0x2500, 0x25A0):  # box drawing and block elements
            words = set(unicodedata.name(chr(code), "").split())
            across = bool(words & {"HORIZONTAL", "LEFT", "RIGHT"})
            down = bool(words & {"VERTICAL", "UP", "DOWN"})
            if code in table:
                continue
            if words & {"BLOCK", "SHADE", "QUADRANT"}:
                table[code] = "#"
            elif across and not down:
                table[code] = "=" if "DOUBLE" in words else "-"
            elif down and not across:
                table[code] = "|"
            else:
                table[code] = "+"
        _table = table
    return _table


class OutputError(Exception):
    """stdout could not be written: a closed pipe, a full disk, an I/O error."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))
        self.error = error

    @property
    def closed_pipe(self) -> bool:
        import errno

        return isinstance(self.error, BrokenPipeError) or self.error.errno == errno.EPIPE


class _Guarded:
    """stdout as the commands see it: encodes what it can, escapes what it cannot, and
    turns a failed write into an `OutputError` (which Typer's own handler cannot swallow)."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._detected = ascii_only(stream)
        self._encoding = getattr(stream, "encoding", None) or "utf-8"

    @property
    def _ascii(self) -> bool:
        return _forced or self._detected  # `--ascii` is read after the guard is in place

    @property
    def encoding(self) -> str:
        """What Rich asks to decide on ASCII boxes and bars."""
        return "ascii" if self._ascii else self._encoding

    def write(self, text: str) -> int:
        if self._ascii:
            text = to_ascii(text)
        elif not text.isascii():
            try:
                text.encode(self._encoding)
            except UnicodeEncodeError:
                text = text.encode(self._encoding, ESCAPE).decode(self._encoding)
        try:
            return self._stream.write(text)
        except OSError as error:
            raise OutputError(error) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            raise OutputError(error) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def guarded_stdout() -> Iterator[None]:
    """Route stdout through the guard while a command runs, flushing it inside, so a
    failure surfaces here rather than as Python's complaint at exit."""
    global _forced
    _forced = False  # each run starts from its own options (tests run many in one process)
    original = sys.stdout
    start = _file_offset(original)
    sys.stdout = cast(IO[str], _Guarded(original))
    try:
        yield
        sys.stdout.flush()
    except OutputError:
        _abandon(original, start)
        raise
    finally:
        sys.stdout = original


def _file_offset(stream: IO[str]) -> int | None:
    """Where a regular file being written starts, to cut it back to on failure."""
    import stat

    try:
        fd = stream.fileno()
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        stream.flush()
        # A file opened for appending (`>>`) is at 0 until written: its size is the start.
        return os.lseek(fd, 0, os.SEEK_CUR) or os.fstat(fd).st_size
    except (OSError, ValueError, AttributeError):  # no descriptor (tests, an in-memory stream)
        return None


def _abandon(stream: IO[str], start: int | None) -> None:
    """After a failed write: send what is still buffered nowhere (so Python says nothing
    at exit) and cut a regular file back to where this run began."""
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return
    try:
        kept = os.dup(fd)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
        if start is not None:
            os.ftruncate(kept, start)
        os.close(kept)
    except OSError:
        pass


def stdout_console() -> Console:
    """Rich decides colour from the stream: none when piped, none with NO_COLOR."""
    from rich.console import Console

    return Console(highlight=False, emoji=False, markup=False)


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
