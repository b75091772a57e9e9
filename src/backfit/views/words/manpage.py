"""The man page's own words: what the command tree cannot say of itself (the environment,
the files, the exit statuses). Each command's and option's words come from the command
line itself (`backfit.cli.manpage`)."""

NAME = "a terminal guide to strengthening the lower back"
SECTION = "User Commands"
SYNOPSIS = r"\fBbackfit\fR [\fIOPTIONS\fR] \fICOMMAND\fR [\fIARGS\fR]..."
COMMANDS = "COMMANDS"
ENVIRONMENT = "ENVIRONMENT"
FILES = "FILES"
EXIT_STATUS = "EXIT STATUS"
SEE_ALSO = "SEE ALSO"
SEE_ALSO_TEXT = (
    "backfit --help, and backfit COMMAND --help; backfit sources, for the sources behind every "
    "exercise; backfit safety, for when to stop and when to get help."
)

# Variables read outside any option, with what each does.
ENVIRONMENT_TEXT = {
    "BACKFIT_HOME": "The folder of the training log (backfit.sqlite3).",
    "BACKFIT_CONFIG": "The folder of the settings file (config.toml).",
    "BACKFIT_CACHE_DIR": "The folder of the catalog cache.",
    "BACKFIT_ASCII": "1, true, yes or on: plain ASCII output, as --ascii.",
    "BACKFIT_ACCESSIBLE": "1, true, yes or on: output for a screen reader, as --accessible.",
    "ACCESSIBLE": "The same as BACKFIT_ACCESSIBLE, as other tools read it.",
    "BACKFIT_REDUCED_MOTION": "1, true, yes or on: the coach's figure keeps still, as --no-motion.",
    "NO_COLOR": "Set to anything: no colour.",
}
OPTION_ENVIRONMENT = "The default of {options}."

FILES_TEXT = {
    "~/.local/share/backfit/backfit.sqlite3": "The training log and the plan (on Linux; "
    "BACKFIT_HOME moves it).",
    "~/.config/backfit/config.toml": "The settings that backfit config keeps (BACKFIT_CONFIG "
    "moves it).",
    "~/.cache/backfit/": "A copy of the last catalog that validated (BACKFIT_CACHE_DIR moves "
    "it); safe to delete.",
}

EXIT_TEXT = {
    0: "Success.",
    1: "Not found: no exercise, session, lesson or plan by that name, or nothing to show.",
    2: "Usage error: an unknown command or option, or a bad value.",
    3: "The catalog, the lessons or the settings file is invalid or cannot be read.",
    4: "The training log cannot be read or written.",
    5: "The output could not be written (a full disk, a closed stdout).",
    6: "The log or the settings changed, but the confirmation could not be written.",
    7: "An optional part is not installed (the PDF handout's backfit[pdf]).",
    70: "A fault in backfit itself.",
    130: "Interrupted (Ctrl-C).",
    141: "The reader of the output went away (a closed pipe).",
}
