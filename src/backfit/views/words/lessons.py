"""What `backfit lessons` says around the lessons themselves (their titles, texts and
sources come from data/lessons.yaml)."""

from backfit.i18n import _

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
