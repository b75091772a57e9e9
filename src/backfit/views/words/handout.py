"""How a printed handout words things: its headings and fixed lines."""

from __future__ import annotations

from backfit.i18n import _, pgettext

TITLE_SEVERAL = _("Your back exercises")
TITLE_PLAN = _("Your plan, week {week} of {weeks}")
FOR_PLAN = _("For you, from the plan you started on {start}.")
FOR_NOBODY = _(
    "For anyone with everyday lower-back pain that a doctor or physiotherapist has checked."
)
HOW_OFTEN = _("How often")
ON_DAYS = _("{count} times a week: {days}")
ON_DAYS_ONE = _("Once a week: {days}")
DAY_NAMES = (
    _("Monday"),
    _("Tuesday"),
    _("Wednesday"),
    _("Thursday"),
    _("Friday"),
    _("Saturday"),
    _("Sunday"),
)
DAY_SHORT = (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun"))
NEXT_STEP = _("Next step in your plan: {dose}")
AT_TOP = _("You are at the top of this build-up: keep it up.")
CARE = _("{who}: {verdict}")
CONDITIONS = {
    "pregnancy": _("If you are pregnant"),
    "surgery": _("After recent back surgery"),
    "osteoporosis": _("If you have osteoporosis"),
    "sciatica": _("If you have sciatica"),
}
TRACKING = _("Tracking: tick each session and write your pain score (0-10) after it")
WEEK = _("Week {number}")
PAIN_BOX = _("pain __")
NOTES = _("Notes")
MADE_BY = _("Made by backfit {version} on {date}.")
FIGURES_LICENCE = _(
    "Figures drawn by backfit from its catalog's pose data, under the same licence."
)
LICENCES = _("{catalog} {figures}")  # the catalog's licence, then the figures'
FIGURE_START_END = _("{name}: start and end")
CONTINUED = _("{title} (continued)")
ALL_SOURCES = _("Sources cited on this sheet")
CITED = _("Sources: {numbers} (listed at the end)")
WALK = _("Walk: {minutes} minutes a day on most days, in one go or in parts.")
# The sheet's language tag (BCP 47), for HTML's lang and for the PDF's text: a translation
# gives its own ("zh-Hans").
LANG = pgettext("language tag of a sheet", "en")
