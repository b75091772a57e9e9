"""The command line's own messages: every error line, hint and note it writes (`backfit:`
is added by `output.error_line`), the overview of bare `backfit`, and the wording of
usage errors that Typer reports."""

from __future__ import annotations

# What bare `backfit` prints.
OVERVIEW = (
    "backfit {version}: a terminal guide to strengthening the lower back.",
    "",
    "Try these first:",
    "  backfit safety                  when to stop, and when to see a doctor first",
    "  backfit list                    the exercises, gentlest first",
    "  backfit start gentle-mobility   a short routine with a live coach",
    "",
    "Every command and option: backfit --help",
)
VERSION = "backfit {version}"

# Usage errors: what was wrong, then one hint of where to look.
TRY_HELP = "Try '{command} --help'."
NO_COMMAND = "no command called '{name}'"
NO_COMMAND_MEANT = "no command called '{name}'; did you mean {close}?"
OPTION_ELSEWHERE = (
    "{option} is an option of a command: put it after the command, as in '{path} {command} "
    "{option}'"
)
NO_OPTION = "{command} has no option {option}"
NO_OPTION_MEANT = "{command} has no option {option}; did you mean {close}?"
NEEDS = "{command} needs {param}"
START_NEEDS = "start needs NAME, or a routine kept with: backfit config set routine NAME"
BAD_VALUE = "{param}: {problem}"
NEEDS_VALUE = "{option} needs a value"
GIVEN_TWICE = "{option} is given more than once; give it once"
ONE_SESSION_NO_FILTERS = "ID shows one session; leave out {options} and {last}"
LOG_NEEDS = "log needs NAME, or one of undo, delete ID, edit ID"
OR = " or "  # between the close names in "did you mean a or b?"

# A value someone typed, in plain words, by pydantic's error type.
AT_LEAST = "must be at least {bound}, not {given}"
MORE_THAN = "must be more than {bound}, not {given}"
AT_MOST = "must be at most {bound}, not {given}"
LESS_THAN = "must be less than {bound}, not {given}"
NOT_WHOLE = "needs a whole number, not '{given}'"
NOT_NUMBER = "needs a number, not '{given}'"
ONE_OF = "must be {choices} or {last}, not '{given}'"
CHOICES = ", "  # between all but the last of ONE_OF's choices

# Endings.
INTERNAL_ERROR = "internal error, please report it: {kind}: {error}"
OS_ERROR = "{error}"
OS_ERROR_FILE = "{error}: {file}"
CANNOT_WRITE_OUTPUT = "cannot write the output: {error}"
STDOUT_CLOSED = "standard output is closed"
CHANGED_UNSHOWN = "the log was changed, but saying so failed: {error}"

# The catalog in use.
NOT_FOUND = "no exercise or routine called '{name}'; try 'backfit list'"
NOT_FOUND_MEANT = "no exercise or routine called '{name}'; did you mean {close}?"
USER_CATALOG_LEFT_OUT = "{file} has problems (see 'backfit validate {file}'), so it is left out"
LEAVE_USER_CATALOG_OUT = (
    "to leave your user catalog out for now: backfit --catalog builtin COMMAND "
    "(or BACKFIT_CATALOG=builtin)"
)
NO_MATCHES = "no exercises match those filters"
NO_ROUTINES = "this catalog has no routines"
PROBLEMS = ("{count} problem in {file}", "{count} problems in {file}")
VALID_CATALOG = "{file}: a valid catalog: {totals}"
VALID_EXTENSION = "{file}: a valid user catalog, with the built-in one: {totals}"
TOTALS = "{exercises} exercises, {routines} routines"

# Figures.
ROUTINE_HAS_NO_FIGURE = "'{slug}' is a routine; figures belong to exercises"
NO_POSE = "'{slug}' has no pose in this catalog"
NO_SUCH_FRAME = "'{slug}' has no {frame} pose; it has {frames}"
FRAMES = ", "  # between the names of the frames a pose has
CANNOT_WRITE = "cannot write {file}: {error}"

# backfit handout.
HANDOUT_WHAT = "name the exercises or routines for the sheet, or give --plan"
HANDOUT_BOTH = "give names or --plan, not both"
HANDOUT_WEEK_NEEDS_PLAN = "--week goes with --plan"
HANDOUT_DAYS_OF_PLAN = "a plan's sheet has the plan's own days; --days is for names"
HANDOUT_WEEKS = "--weeks is from 1 to {most}"
HANDOUT_PLAN_WEEK = (
    "week {week} of the plan has not been reached yet (it is week {now}): its doses depend "
    "on the sessions before it"
)
HANDOUT_WEEK_RANGE = "--week is from 1 to {weeks}, the plan's weeks"
HANDOUT_NO_FILE = "-o needs a file name, such as sheet.html or sheet.pdf"
HANDOUT_SUFFIX = (
    "{file}: the file's suffix picks the format, .html or .pdf (or give --format html or pdf)"
)
HANDOUT_IS_FOLDER = "{file} is a folder: give a file name, such as {file}/sheet.html"
HANDOUT_PLAN_EMPTY = "the plan has no session to put on a sheet now (paused, stopped or over)"
HANDOUT_NEEDS_PDF = "PDF sheets need the PDF part: pip install 'backfit[pdf]' (HTML needs nothing)"
HANDOUT_PDF_FAILED = "cannot make the PDF: {error}"
HANDOUT_WRITTEN = ("Wrote {file}: {count} exercise.", "Wrote {file}: {count} exercises.")

# A guided session.
DOSE_FOR_ROUTINE = (
    "--sets, --reps, --hold and --rest change one exercise's dose; for a routine, use --easy"
)
DOSE_DOES_NOT_WORK = "that dose does not work for {name}: {reason}"
NEEDS_TERMINAL = "start needs a terminal to run its timer; here is the plan (see --plan)"

# The training log.
LOGGED = "Logged {name} on {moment:%a %d %b %Y at %H:%M} (session {id})."
NOTHING_TO_UNDO = "the log is empty: nothing to undo"
DELETE_NEEDS_YES = "not deleting without asking: add --yes to delete from a script"
DELETE_ASK = "Delete {session}?"
NOTHING_DELETED = "nothing was deleted"
FORGET_ASK = "Remove your training log, the catalog cache and your settings for good?"
FORGET_NEEDS_YES = "not forgetting without asking: add --yes to forget from a script"
NOTHING_FORGOTTEN = "nothing was removed"
NOTHING_TO_FORGET = "backfit keeps nothing here yet: no log, no cache, no settings"
FORGOTTEN_LOG = "Removed the training log: {place}"
FORGOTTEN_CACHE = "Removed the catalog cache from {place}"
FORGOTTEN_SETTINGS = "Removed your own catalog: {place}"
FORGOTTEN_CONFIG = "Removed your settings: {place}"
NOTHING_TO_EDIT = "{problem}: give --pain-before, --pain-after, --where, --note or --date"
PLANNED_NEEDS_EXERCISE = "--planned goes with --exercise NAME"
EXERCISE_NOT_ROUTINE = "{name} is a routine; --exercise takes one exercise"
NO_SESSIONS_YET = "no sessions logged yet"
NO_SESSIONS_MATCH = "no sessions match"
LIST_FOR_PLAN = (
    "Listing the exercises that suit your plan's care conditions ({conditions}); "
    "--all lists every one."
)
