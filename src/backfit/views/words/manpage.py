"""The man page's own words: what the command tree cannot say of itself (the environment,
the files, the exit statuses). Each command's and option's words come from the command
line itself (`backfit.cli.manpage`)."""

from backfit.i18n import _

NAME = _("a terminal guide to strengthening the lower back")
SECTION = _("User Commands")
SYNOPSIS = _(r"\fBbackfit\fR [\fIOPTIONS\fR] \fICOMMAND\fR [\fIARGS\fR]...")
COMMANDS = _("COMMANDS")
ENVIRONMENT = _("ENVIRONMENT")
FILES = _("FILES")
EXIT_STATUS = _("EXIT STATUS")
SEE_ALSO = _("SEE ALSO")
SEE_ALSO_TEXT = _(
    "backfit --help, and backfit COMMAND --help; backfit sources, for the sources behind every "
    "exercise; backfit safety, for when to stop and when to get help."
)

# Variables read outside any option, with what each does.
ENVIRONMENT_TEXT = {
    "BACKFIT_HOME": _("The folder of the training log (backfit.sqlite3)."),
    "BACKFIT_CONFIG": _("The folder of the settings file (config.toml)."),
    "BACKFIT_CACHE_DIR": _("The folder of the catalog cache."),
    "BACKFIT_ASCII": _("1, true, yes or on: plain ASCII output, as --ascii."),
    "BACKFIT_ACCESSIBLE": _("1, true, yes or on: output for a screen reader, as --accessible."),
    "ACCESSIBLE": _("The same as BACKFIT_ACCESSIBLE, as other tools read it."),
    "BACKFIT_REDUCED_MOTION": _(
        "1, true, yes or on: the coach's figure keeps still, as --no-motion."
    ),
    "NO_COLOR": _("Set to anything: no colour."),
}
OPTION_ENVIRONMENT = _("The default of {options}.")

FILES_TEXT = {
    "~/.local/share/backfit/backfit.sqlite3": _(
        "The training log and the plan (on Linux; BACKFIT_HOME moves it)."
    ),
    "~/.config/backfit/config.toml": _(
        "The settings that backfit config keeps (BACKFIT_CONFIG moves it)."
    ),
    "~/.cache/backfit/": _(
        "A copy of the last catalog that validated (BACKFIT_CACHE_DIR moves it); safe to delete."
    ),
}

EXIT_TEXT = {
    0: _("Success."),
    1: _("Not found: no exercise, session, lesson or plan by that name, or nothing to show."),
    2: _("Usage error: an unknown command or option, or a bad value."),
    3: _("The catalog, the lessons or the settings file is invalid or cannot be read."),
    4: _("The training log cannot be read or written."),
    5: _("The output could not be written (a full disk, a closed stdout)."),
    6: _("The log or the settings changed, but the confirmation could not be written."),
    7: _("An optional part is not installed (the PDF handout's backfit[pdf])."),
    70: _("A fault in backfit itself."),
    130: _("Interrupted (Ctrl-C)."),
    141: _("The reader of the output went away (a closed pipe)."),
}
