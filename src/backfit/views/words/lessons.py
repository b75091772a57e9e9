"""What `backfit lessons` says around the lessons themselves (their titles, texts and
sources come from data/lessons.yaml)."""

from backfit.i18n import _
from backfit.regions import local_help

LIST_HEADING = _("Lessons: one for each day of a plan")
READ_ONE = _("Read one in full: backfit lessons N (1 to {count}).")
LESSON_HEADING = _("Lesson {day} of {count}: {title}")
SOURCES = _("Sources")
# i18n: safety
NOT_AN_EXAMINATION = _(
    "These lessons are general information, not a medical examination. "
    "For the warning signs that need help now, run 'backfit safety'."
)

# A lesson number out of range: one line on stderr, exit code 1.
NO_LESSON = _("there is no lesson {day}: the lessons run from 1 to {count}")

# The command's help.
HELP = _("The plan's daily lessons, listed by day. Give N to read one in full, with its sources.")
DAY_HELP = _("The lesson to read in full, by its day: 1 is a plan's first day.")

# Where to get help, in a lesson that says `{emergency}` or `{urgent}`: the NHS's numbers
# in the UK and where no region is named, as `backfit safety` says them (backfit.regions).
_HELP = local_help()
if _HELP is None or _HELP.urgent:
    HELP_PLACES = {
        # i18n: safety
        "emergency": _("call 999 or go to A&E"),
        # i18n: safety
        "urgent": _("ask for an urgent GP appointment or call NHS 111"),
    }
else:
    HELP_PLACES = {
        # i18n: safety
        "emergency": _("call {number}").format(
            number=_HELP.emergency or _("your local emergency number")
        ),
        # i18n: safety
        "urgent": _("see a doctor"),
    }
