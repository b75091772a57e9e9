"""The command line's own messages: every error line, hint and note it writes (`backfit:`
is added by `output.error_line`), the overview of bare `backfit`, and the wording of
usage errors that Typer reports."""

from __future__ import annotations

from datetime import datetime

from backfit.i18n import _, forms, pgettext
from backfit.views.words.dates import day_short_year

# What bare `backfit` prints.
OVERVIEW = (
    _("backfit {version}: a terminal guide to strengthening the lower back."),
    "",
    _("Try these first:"),
    _("  backfit safety                  when to stop, and when to see a doctor first"),
    _("  backfit list                    the exercises, gentlest first"),
    _("  backfit start gentle-mobility   a short routine with a live coach"),
    "",
    _("Every command and option: backfit --help"),
)
VERSION = _("backfit {version}")

# Usage errors: what was wrong, then one hint of where to look.
TRY_HELP = _("Try '{command} --help'.")
NO_COMMAND = _("no command called '{name}'")
NO_COMMAND_MEANT = _("no command called '{name}'; did you mean {close}?")
OPTION_ELSEWHERE = _(
    "{option} is an option of a command: put it after the command, as in '{path} {command} "
    "{option}'"
)
NO_OPTION = _("{command} has no option {option}")
NO_OPTION_MEANT = _("{command} has no option {option}; did you mean {close}?")
NEEDS = _("{command} needs {param}")
START_NEEDS = _("start needs NAME, or a routine kept with: backfit config set routine NAME")
BAD_VALUE = _("{param}: {problem}")
NEEDS_VALUE = _("{option} needs a value")
GIVEN_TWICE = _("{option} is given more than once; give it once")
ONE_SESSION_NO_FILTERS = _("ID shows one session; leave out {options} and {last}")
LOG_NEEDS = _("log needs NAME, or one of undo, delete ID, edit ID")
OR = _(" or ")  # between the close names in "did you mean a or b?"
OR_NAMES = pgettext("between names", " or ")  # the same, between exercises' names

# A value someone typed, in plain words, by pydantic's error type.
AT_LEAST = _("must be at least {bound}, not {given}")
MORE_THAN = _("must be more than {bound}, not {given}")
AT_MOST = _("must be at most {bound}, not {given}")
LESS_THAN = _("must be less than {bound}, not {given}")
NOT_WHOLE = _("needs a whole number, not '{given}'")
NOT_NUMBER = _("needs a number, not '{given}'")
ONE_OF = _("must be {choices} or {last}, not '{given}'")
CHOICES = _(", ")  # between all but the last of ONE_OF's choices

# Endings.
INTERNAL_ERROR = _("internal error, please report it: {kind}: {error}")
OS_ERROR = _("{error}")
OS_ERROR_FILE = _("{error}: {file}")
CANNOT_WRITE_OUTPUT = _("cannot write the output: {error}")
STDOUT_CLOSED = _("standard output is closed")
CHANGED_UNSHOWN = _("the log was changed, but saying so failed: {error}")

# The catalog in use.
NOT_FOUND = _("no exercise or routine called '{name}'; try 'backfit list'")
NOT_FOUND_MEANT = _("no exercise or routine called '{name}'; did you mean {close}?")
MEANT = _("{slug}")  # an entry suggested by NOT_FOUND_MEANT; {name}: its name, as shown
USER_CATALOG_LEFT_OUT = _("{file} has problems (see 'backfit validate {file}'), so it is left out")
LEAVE_USER_CATALOG_OUT = _(
    "to leave your user catalog out for now: backfit --catalog builtin COMMAND "
    "(or BACKFIT_CATALOG=builtin)"
)
NO_MATCHES = _("no exercises match those filters")
NO_ROUTINES = _("this catalog has no routines")
PROBLEMS = forms("{count} problem in {file}", "{count} problems in {file}")
VALID_CATALOG = _("{file}: a valid catalog: {totals}")
VALID_EXTENSION = _("{file}: a valid user catalog, with the built-in one: {totals}")
TOTALS = _("{exercises} exercises, {routines} routines")

# Figures.
ROUTINE_HAS_NO_FIGURE = _("'{slug}' is a routine; figures belong to exercises")
NO_POSE = _("'{slug}' has no pose in this catalog")
NO_SUCH_FRAME = _("'{slug}' has no {frame} pose; it has {frames}")
FRAMES = _(", ")  # between the names of the frames a pose has
CANNOT_WRITE = _("cannot write {file}: {error}")

# backfit handout.
HANDOUT_WHAT = _("name the exercises or routines for the sheet, or give --plan")
HANDOUT_BOTH = _("give names or --plan, not both")
GIVE_DAYS = _("give days as mon,wed,fri (mon to sun)")
HANDOUT_WEEK_NEEDS_PLAN = _("--week goes with --plan")
HANDOUT_DAYS_OF_PLAN = _("a plan's sheet has the plan's own days; --days is for names")
HANDOUT_WEEKS = _("--weeks is from 1 to {most}")
HANDOUT_PLAN_WEEK = _(
    "week {week} of the plan has not been reached yet (it is week {now}): its doses depend "
    "on the sessions before it"
)
HANDOUT_WEEK_RANGE = _("--week is from 1 to {weeks}, the plan's weeks")
HANDOUT_NO_FILE = _("-o needs a file name, such as sheet.html or sheet.pdf")
HANDOUT_SUFFIX = _(
    "{file}: the file's suffix picks the format, .html or .pdf (or give --format html or pdf)"
)
HANDOUT_IS_FOLDER = _("{file} is a folder: give a file name, such as {file}/sheet.html")
HANDOUT_PLAN_EMPTY = _("the plan has no session to put on a sheet now (paused, stopped or over)")
HANDOUT_NEEDS_PDF = _(
    "PDF sheets need the PDF part: pip install 'backfit[pdf]' (HTML needs nothing)"
)
HANDOUT_PDF_FAILED = _("cannot make the PDF: {error}")
HANDOUT_NO_CJK_FONT = _(
    "no installed font can show Chinese in a PDF: install one of {fonts} (on Debian or Ubuntu: "
    "apt install fonts-noto-cjk), or make the sheet as HTML"
)
HANDOUT_WRITTEN = forms("Wrote {file}: {count} exercise.", "Wrote {file}: {count} exercises.")

# A guided session.
DOSE_FOR_ROUTINE = _(
    "--sets, --reps, --hold and --rest change one exercise's dose; for a routine, use --easy"
)
DOSE_DOES_NOT_WORK = _("that dose does not work for {name}: {reason}")
NEEDS_TERMINAL = _("start needs a terminal to run its timer; here is the plan (see --plan)")

# The training log.
LOGGED = _("Logged {name} on {day} at {moment:%H:%M} (session {id}).")


def logged(name: str, moment: datetime, session: int | None) -> str:
    """What a log says it kept: the session's start, as history lists it, its day written as
    every other day is ('Sat 5 Dec 2026', '2026年12月5日周六')."""
    return LOGGED.format(name=name, day=day_short_year(moment.date()), moment=moment, id=session)


NOTHING_TO_UNDO = _("the log is empty: nothing to undo")
DELETE_NEEDS_YES = _("not deleting without asking: add --yes to delete from a script")
DELETE_ASK = _("Delete {session}?")
NOTHING_DELETED = _("nothing was deleted")
FORGET_ASK = _("Remove your training log, the catalog cache and your settings for good?")
FORGET_NEEDS_YES = _("not forgetting without asking: add --yes to forget from a script")
NOTHING_FORGOTTEN = _("nothing was removed")
NOTHING_TO_FORGET = _("backfit keeps nothing here yet: no log, no cache, no settings")
FORGOTTEN_LOG = _("Removed the training log: {place}")
FORGOTTEN_CACHE = _("Removed the catalog cache from {place}")
FORGOTTEN_SETTINGS = _("Removed your own catalog: {place}")
FORGOTTEN_CONFIG = _("Removed your settings: {place}")
NOTHING_TO_EDIT = _("{problem}: give --pain-before, --pain-after, --where, --note or --date")
PLANNED_NEEDS_EXERCISE = _("--planned goes with --exercise NAME")
EXERCISE_NOT_ROUTINE = _("{name} is a routine; --exercise takes one exercise")
NO_SESSIONS_YET = _("no sessions logged yet")
NO_SESSIONS_MATCH = _("no sessions match")
LIST_FOR_PLAN = _(
    "Listing the exercises that suit your plan's care conditions ({conditions}); "
    "--all lists every one."
)
