"""What `backfit lessons` says around the lessons themselves (their titles, texts and
sources come from data/lessons.yaml)."""

from collections.abc import Callable

from backfit.i18n import N_, _
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
# in the UK, and where no region is named with what to do outside the UK, as `backfit
# safety` says them (backfit.regions). Marked here, said by `help_places`: a lesson shown
# in English (its translation not yet checked) says them in English too.
_HELP = local_help()
if _HELP is None:
    _PLACES = {
        # i18n: safety
        "emergency": N_("call 999 or go to A&E; outside the UK, your local emergency number"),
        # i18n: safety
        "urgent": N_(
            "ask for an urgent GP appointment or call NHS 111; outside the UK, see a doctor"
        ),
    }
elif _HELP.urgent:
    _PLACES = {
        # i18n: safety
        "emergency": N_("call 999 or go to A&E"),
        # i18n: safety
        "urgent": N_("ask for an urgent GP appointment or call NHS 111"),
    }
else:
    _PLACES = {
        # i18n: safety
        "emergency": N_("call {number}"),
        # i18n: safety
        "urgent": N_("see a doctor"),
    }
_LOCAL = N_("your local emergency number")


def help_places(say: Callable[[str], str]) -> dict[str, str]:
    """Where to get help for this run's region, each said by `say` (`_`, or `str`: English)."""
    number = _HELP.emergency if _HELP is not None and _HELP.emergency else say(_LOCAL)
    return {place: say(words).format(number=number) for place, words in _PLACES.items()}


HELP_PLACES = help_places(_)
HELP_PLACES_IN_ENGLISH = help_places(str)
