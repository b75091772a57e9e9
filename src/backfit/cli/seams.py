"""The one place backfit leans on Typer beyond its public names.

Typer raises Click's exceptions (vendored inside Typer since 0.29) when a command line is
wrong, but of their classes it exports only `typer.BadParameter`. Which mistake it was
(an unknown option, a missing argument, a bad value) decides what backfit says, so the
kind is read from the exception's class names. `tests/cli/test_seams.py` makes each kind
happen for real, so a Typer release that renames one fails there, loudly.
"""

# The kinds backfit words itself, most specific first; "ClickException" covers the rest.
KINDS = (
    "NoSuchOption",
    "BadOptionUsage",
    "MissingParameter",
    "BadParameter",
    "UsageError",
    "ClickException",
)


def click_error_kind(error: BaseException) -> str | None:
    """The most specific of KINDS that `error` is, or None for an error not Typer's."""
    names = {cls.__name__ for cls in type(error).__mro__}
    if "ClickException" not in names:
        return None
    return next(kind for kind in KINDS if kind in names)
