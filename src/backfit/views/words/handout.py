"""How a printed handout words things: its headings and fixed lines."""

from __future__ import annotations

TITLE_SEVERAL = "Your back exercises"
TITLE_PLAN = "Your plan, week {week} of {weeks}"
FOR_PLAN = "For you, from the plan you started on {start}."
FOR_NOBODY = (
    "For anyone with everyday lower-back pain that a doctor or physiotherapist has checked."
)
HOW_OFTEN = "How often"
ON_DAYS = "{count} times a week: {days}"
ON_DAYS_ONE = "Once a week: {days}"
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DAY_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
NEXT_STEP = "Next step in your plan: {dose}"
AT_TOP = "You are at the top of this build-up: keep it up."
CARE = "{who}: {verdict}"
CONDITIONS = {
    "pregnancy": "If you are pregnant",
    "surgery": "After recent back surgery",
    "osteoporosis": "If you have osteoporosis",
    "sciatica": "If you have sciatica",
}
TRACKING = "Tracking: tick each session and write your pain score (0-10) after it"
WEEK = "Week {number}"
PAIN_BOX = "pain __"
NOTES = "Notes"
MADE_BY = "Made by backfit {version} on {date}."
FIGURES_LICENCE = "Figures drawn by backfit from its catalog's pose data, under the same licence."
FIGURE_START_END = "{name}: start and end"
CONTINUED = "{title} (continued)"
ALL_SOURCES = "Sources cited on this sheet"
CITED = "Sources: {numbers} (listed at the end)"
WALK = "Walk: {minutes} minutes a day on most days, in one go or in parts."
