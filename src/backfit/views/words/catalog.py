"""What `show`, `list`, `routines`, `figure` and the catalog's pages call things: headings,
labels, a source as cited, and a pose's frames. The catalog's own text comes from YAML."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backfit.i18n import _, forms, pgettext
from backfit.regions import local_help
from backfit.views.words import plural
from backfit.views.words.doses import format_increment

if TYPE_CHECKING:
    from backfit.catalog.models import BuildUp, DoseOverride

# A source as cited under an exercise, a routine or a page.
SOURCE = _("{publisher}: {title}")
SOURCE_YEAR = _("{publisher}: {title}, {year}")
TITLE_YEAR = _("{title}, {year}")  # in `backfit sources`, under the publisher
CITED_BY = _("cited by {names}")
CITED_BY_NOTHING = _("cited by nothing")
NAMES = _(", ")

# A pose's keyframes, and the SVG picture of them.
FRAME_LABELS = {"start": _("Start"), "middle": _("Halfway"), "end": _("End")}
CAPTIONED = _("{label}: {caption}")
SVG_TITLE = _("{title}: {frames}")
SVG_FRAMES = _(" to ")  # between the frames' names in the SVG title: 'start to end'
SVG_SIDE = _("Stick figure of {title}, seen from the side: {frames}.")
SVG_FRONT = _("Stick figure of {title}, seen from the front: {frames}.")
SVG_ABOVE = _("Stick figure of {title}, seen from above: {frames}.")
SVG_FEET = _("Stick figure of {title}, seen from the feet: {frames}.")
SVG_THEN = _(", then ")

# Headings and labels.
SOURCES = _("Sources")
EXERCISE = _("Exercise")
LIST_HEADERS = (
    EXERCISE,
    _("Level"),
    _("Equipment"),
    _("Targets"),
    _("Dose"),
)  # level over position
LEVEL_POSITION = _("{level}, {position}")
CONDITION_NAMES = {  # a care condition as the words name it (the catalog's key in English)
    "pregnancy": pgettext("condition", "pregnancy"),
    "surgery": pgettext("condition", "surgery"),
    "osteoporosis": pgettext("condition", "osteoporosis"),
    "sciatica": pgettext("condition", "sciatica"),
}


def condition_name(condition: str) -> str:
    """A care condition (`pregnancy`) in this run's words."""
    return CONDITION_NAMES.get(condition, condition)


FOR_CONDITION = _("For {condition}")  # the list's last column with --for
LIST = _(", ")  # between equipment, muscles, aliases, exercises
NAME_SLUG = _("{name} ({slug})")
LEVEL_EQUIPMENT = _("{level} · {equipment}")
TARGETS = _("targets {muscles}")
CONDITION_VERDICT = _("{condition}: {verdict}")

# Whether an exercise suits a condition (`list --for`, `show`'s 'Who should take care').
VERDICTS = {"suits": _("suits"), "care": _("with care"), "avoid": _("avoid")}
NO_NOTE = _("no note")
CARE_LABEL = _("{condition}:")
CARE_NOTE = _("{verdict}. {note}")
ROUTINE_CARE = _("{verdict}: {names}")  # in a routine: 'avoid: Back extension on elbows'
ROUTINE_CARE_SEP = _("; ")

# `show` for an exercise.
ALSO = _("  (also: {names})")  # after the name, two spaces from it
DOSE = _("Dose")
LEVEL = _("Level")
POSITION = _("Position")
EQUIPMENT = _("Equipment")
TARGETS_LABEL = _("Targets")
ALSO_WORKS = _("Also works")
WHY_IT_HELPS = _("Why it helps")
HOW_TO_DO_IT = _("How to do it")
# i18n: safety
STOP_AND_REST = _("\nStop and rest if:")  # a blank line above it, inside the cautions' panel
CAUTIONS = _("Cautions")
# Under the cautions where backfit speaks another language (said in that language):
SAFETY_IN_ENGLISH = _(
    "Where safety text is in English, its translation is waiting to be checked by translating "
    "it back: a wrong word here could hurt."
)
MISTAKES = _("Common mistakes")
HOW_TO_BUILD_UP = _("How to build up")
WHO_SHOULD_TAKE_CARE = _("Who should take care")
VARIANTS = _("Variants")
EASIER = _("Easier:")
HARDER = _("Harder:")
LEVELS = {  # the catalog's levels, as said (the word typed, --level beginner, stays English)
    "beginner": _("beginner"),
    "intermediate": _("intermediate"),
    "advanced": _("advanced"),
}
LISTED_POSITIONS = {  # `list` shows the word --position takes, in English, as it is typed
    "back": pgettext("position in list", "back"),
    "front": pgettext("position in list", "front"),
    "side": pgettext("position in list", "side"),
    "kneeling": pgettext("position in list", "kneeling"),
    "seated": pgettext("position in list", "seated"),
    "standing": pgettext("position in list", "standing"),
    "walking": pgettext("position in list", "walking"),
}
POSITIONS = {
    "back": _("lying on your back"),
    "front": _("lying on your front"),
    "side": _("lying on your side"),
    "kneeling": _("kneeling or on all fours"),
    "seated": _("sitting"),
    "standing": _("standing"),
    "walking": _("walking"),
}

# The build-up. The days and weeks are never 1 in the catalog, so they stay plural.
START_WITH = _("Start with {amounts}.")
# i18n: safety
EVERY = _(
    "Every {days} days, add {increment} if your pain was back to your usual level by the next "
    "morning after each session, up to {amounts}; if it was worse, do less next time."
)
# A step that adds reps only to the sets below their ceiling, the warm-ups staying as they are.
ADD_REPS_WORKING = forms("{count} rep to each working set", "{count} reps to each working set")
KEEP_GOING = _("Keep going for at least {weeks} weeks.")
SETS = forms("{count} set", "{count} sets")
REPS = forms("{count} rep", "{count} reps")
REPS_LIST = _("{counts} reps")  # a number for each set: '3, 2, 1 reps'
HOLDS_OF = _("holds of {seconds} s")
AMOUNTS = pgettext("between the sets, reps and hold of a dose", ", ")  # '2 sets, 3, 2 reps'
USUAL_DOSE = _("the usual dose")


def build_up_lines(b: BuildUp) -> list[str]:
    """The build-up in words: from where, by how much, how often, up to where, how long."""
    return [
        START_WITH.format(amounts=amounts(b.start)),
        EVERY.format(days=b.every_days, increment=_increment(b), amounts=amounts(b.ceiling)),
        KEEP_GOING.format(weeks=b.weeks),
    ]


def _increment(b: BuildUp) -> str:
    """What one step adds; reps added only to working sets (a set that starts at its
    ceiling is a warm-up and stays) are said to be so."""
    start, top, count = b.start.reps, b.ceiling.reps, b.add.reps
    reps_only = bool(count) and not b.add.sets and not b.add.hold_seconds
    if not (reps_only and count and isinstance(start, tuple) and isinstance(top, tuple)):
        return format_increment(b.add)
    if any(a == z for a, z in zip(start, top, strict=False)):
        return plural(*ADD_REPS_WORKING, count).format(count=count)
    return format_increment(b.add)


def amounts(dose: DoseOverride) -> str:
    """'2 sets, 3, 2, 1 reps, holds of 10 s'."""
    parts = []
    if dose.sets is not None:
        parts.append(plural(*SETS, dose.sets).format(count=dose.sets))
    if isinstance(dose.reps, tuple) and len(dose.reps) > 1:
        parts.append(REPS_LIST.format(counts=LIST.join(map(str, dose.reps))))
    elif dose.reps is not None:
        count = dose.reps[0] if isinstance(dose.reps, tuple) else dose.reps
        parts.append(plural(*REPS, count).format(count=count))
    if dose.hold_seconds is not None:
        parts.append(HOLDS_OF.format(seconds=dose.hold_seconds))
    return AMOUNTS.join(parts) or USUAL_DOSE


# `benefits`.
WHY_TRAIN = _("Why train the lower back")
WHAT_EACH_OFFERS = _("What each exercise offers")
BENEFITS_HEADERS = (EXERCISE, _("Main benefit"))

# `safety`.
_HELP = local_help()
# i18n: safety
NUMBER = (_HELP.emergency if _HELP else "") or _("your local emergency number")
# i18n: safety
SAFETY = _("Safety")
# Where to get help follows the region the locale names (backfit.regions): the NHS's
# numbers in the UK, and where no region is named (they say what to do outside the UK).
if _HELP is None or _HELP.urgent:
    # i18n: safety
    EMERGENCY = _("Emergency: call 999 or go to A&E")
    # i18n: safety
    EMERGENCY_NOW = _(
        "Call 999 or go to A&E now (outside the UK, call your local emergency number) if you "
        "have back pain and:"
    )
    # i18n: safety
    SEE_A_DOCTOR = _(
        "Urgent: get a GP appointment the same day or call NHS 111 if you have back pain and"
    )
else:
    # i18n: safety
    EMERGENCY = _("Emergency: call {number}").format(number=NUMBER)
    # i18n: safety
    EMERGENCY_NOW = _("Call {number} now if you have back pain and:").format(number=NUMBER)
    # i18n: safety
    SEE_A_DOCTOR = _("Urgent: see a doctor the same day if you have back pain and")
LEADS_IN = _("{heading}:")  # a heading that leads into a list on the next lines
# i18n: safety
PAIN_RULE = _("The pain rule while exercising")
PAIN_RANGE = _("{range}/10")
# i18n: safety
STOP_AT_ONCE = _("Stop at once, whatever the score, if")
# i18n: safety
OUTLOOK = _("How back pain usually goes")
# i18n: safety
GENERAL_CAUTIONS = _("General cautions")

# `routines` and `show` for a routine.
ROUTINE_LENGTH = _("{length} · {count} exercises")  # a routine has several
NUMBERED = _("{number}.")
SLUG_LINE = _(" ({slug})\n")  # after the exercise's name, before its dose
TIME = _("Time")
WHO_FOR = _("Who for")
EXERCISES = _("Exercises")
START_IT = _("Start it with: backfit start {slug}")
