"""Writing whole. stdout for one run: what a command prints is held and, at each flush,
written with `os.write`, checking what each call took. A short write is carried on from
where it stopped; a write that fails (a closed pipe, a full disk, a file-size limit)
becomes an `OutputError`. Nothing else is done to the file: what an earlier program wrote
to it, or what this run wrote before the failure, stays as it is. (Python's own buffered
writer would take a short write on a filling disk silently.) A file backfit makes itself
(`figure --svg FILE`) is written to a temporary file beside it and then put in its place, so
it is whole or not there, and a failure leaves what was there before.
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, cast

from backfit.transliteration import encodable, to_ascii

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console


class OutputError(Exception):
    """stdout could not be written: a closed pipe, a full disk, an I/O error."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))
        self.error = error

    @property
    def closed_stdout(self) -> bool:
        """stdout was closed before backfit started (`>&-`)."""
        return self.error.errno == errno.EBADF

    @property
    def closed_pipe(self) -> bool:
        return isinstance(self.error, BrokenPipeError) or self.error.errno == errno.EPIPE


class Stdout:
    """stdout for one run: the text printed, made safe for the stream (ASCII stand-ins
    where `ascii`, escapes for what its encoding cannot carry) and written whole at each
    flush; `console` is the Rich console printing to it, made once by `backfit.output`."""

    def __init__(self, stream: IO[str], *, ascii: bool) -> None:
        self.stream = stream
        self.forced_ascii = False  # `--ascii`, set by its option once the run has begun
        self.accessible = False  # `--accessible`, likewise
        self.console: Console | None = None
        self._ascii = ascii
        self._encoding = getattr(stream, "encoding", None) or "utf-8"
        self._fd = _descriptor(stream)
        self._by_line = _isatty(stream)  # as Python's own stdout is on a terminal
        self._pending: list[str] = []

    @property
    def ascii(self) -> bool:
        return self.forced_ascii or self._ascii

    @property
    def encoding(self) -> str:
        """What Rich asks to decide on ASCII boxes and bars."""
        return "ascii" if self.ascii else self._encoding

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
        if self.stream is None:  # started with stdout closed (`>&-`)
            raise OutputError(OSError(errno.EBADF, os.strerror(errno.EBADF)))
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


def write_file(path: Path, text: str | bytes) -> None:
    """`text` (or bytes) as the whole of the file at `path`, or an OSError with the file as
    it was: written beside it, then renamed over it. A symlink is followed (its target is
    rewritten, the link stays); a device, a pipe or a folder is refused, never replaced
    (`-o /dev/full` as root would otherwise turn the device into a file)."""
    if path.is_symlink():
        path = path.resolve()
    if path.exists() and not path.is_file():
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
    try:
        try:
            write_all(fd, text.encode("utf-8") if isinstance(text, str) else text)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


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
def guarded_stdout(*, ascii: bool) -> Iterator[None]:
    """stdout for this run (`Stdout`) while a command runs, flushed inside, so a failure
    surfaces here as an `OutputError` rather than as Python's complaint at exit."""
    original = sys.stdout
    stdout = Stdout(original, ascii=ascii)
    sys.stdout = cast(IO[str], stdout)
    try:
        yield
    finally:  # what was printed before a command failed is still written
        sys.stdout = original
        stdout.flush()


def current() -> Stdout | None:
    """This run's stdout, while a command runs."""
    return sys.stdout if isinstance(sys.stdout, Stdout) else None
