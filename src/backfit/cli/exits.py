"""The exit codes, as the README lists them: the one table of them, light enough for
`--version`, which answers before Typer is imported."""

from backfit.output import error_line
from backfit.writing import OutputError

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_BAD_CATALOG = 3
EXIT_LOG = 4
EXIT_OUTPUT = 5  # stdout (or another file) could not be written or read: full disk, I/O error
EXIT_CHANGED_UNSHOWN = 6  # the log was changed, but the confirmation could not be written
EXIT_NOT_INSTALLED = 7  # an optional part (the PDF's backfit[pdf]) is not installed
EXIT_BUG = 70  # a fault in backfit itself (sysexits' EX_SOFTWARE)
EXIT_INTERRUPTED = 130  # Ctrl-C
EXIT_CLOSED_PIPE = 141  # the reader went away (`| head -1`): 128 + SIGPIPE, as the shell says


def output_failed(error: OutputError) -> int:
    """A closed pipe ends quietly; any other failed write is said once."""
    if error.closed_pipe:
        return EXIT_CLOSED_PIPE
    from backfit.views.words import messages  # the words (and gettext) only on this path

    error_line(messages.CANNOT_WRITE_OUTPUT.format(error=output_problem(error)))
    return EXIT_OUTPUT


def output_problem(error: OutputError) -> str:
    """What went wrong with the output, in words."""
    from backfit.views.words import messages

    return messages.STDOUT_CLOSED if error.closed_stdout else str(error)
