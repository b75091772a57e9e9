"""What `show`, `list`, `routines`, `figure` and the catalog's pages call things: headings,
labels, a source as cited, and a pose's frames. The catalog's own text comes from YAML."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backfit.views.words import plural
from backfit.views.words.doses import format_increment

if TYPE_CHECKING:
    from backfit.catalog.models import BuildUp, DoseOverride

# A source as cited under an exercise, a routine or a page.
SOURCE = "{publisher}: {title}"
SOURCE_YEAR = "{publisher}: {title}, {year}"
TITLE_YEAR = "{title}, {year}"  # in `backfit sources`, under the publisher
CITED_BY = "cited by {names}"
CITED_BY_NOTHING = "cited by nothing"
NAMES = ", "

# A pose's keyframes, and the SVG picture of them.
FRAME_LABELS = {"start": "Start", "middle": "Halfway", "end": "End"}
CAPTIONED = "{label}: {caption}"
SVG_TITLE = "{title}: {frames}"
SVG_FRAMES = " to "  # between the frames' names in the SVG title: 'start to end'
SVG_SIDE = "Stick figure of {title}, seen from the side: {frames}."
SVG_FRONT = "Stick figure of {title}, seen from the front: {frames}."
SVG_ABOVE = "Stick figure of {title}, seen from above: {frames}."
SVG_FEET = "Stick figure of {title}, seen from the feet: {frames}."
SVG_THEN = ", then "

# Headings and labels.
SOURCES = "Sources"
EXERCISE = "Exercise"
LIST_HEADERS = (EXERCISE, "Level", "Equipment", "Targets", "Dose")  # level over position
LEVEL_POSITION = "{level}, {position}"
FOR_CONDITION = "For {condition}"  # the list's last column with --for
LIST = ", "  # between equipment, muscles, aliases, exercises
NAME_SLUG = "{name} ({slug})"
LEVEL_EQUIPMENT = "{level} · {equipment}"
TARGETS = "targets {muscles}"
CONDITION_VERDICT = "{condition}: {verdict}"

# Whether an exercise suits a condition (`list --for`, `show`'s 'Who should take care').
VERDICTS = {"suits": "suits", "care": "with care", "avoid": "avoid"}
NO_NOTE = "no note"
CARE_LABEL = "{condition}:"
CARE_NOTE = "{verdict}. {note}"
ROUTINE_CARE = "{verdict}: {names}"  # in a routine: 'avoid: Back extension on elbows'
ROUTINE_CARE_SEP = "; "

# `show` for an exercise.
ALSO = "  (also: {names})"  # after the name, two spaces from it
DOSE = "Dose"
LEVEL = "Level"
POSITION = "Position"
EQUIPMENT = "Equipment"
TARGETS_LABEL = "Targets"
ALSO_WORKS = "Also works"
WHY_IT_HELPS = "Why it helps"
HOW_TO_DO_IT = "How to do it"
STOP_AND_REST = "\nStop and rest if:"  # a blank line above it, inside the cautions' panel
CAUTIONS = "Cautions"
MISTAKES = "Common mistakes"
HOW_TO_BUILD_UP = "How to build up"
WHO_SHOULD_TAKE_CARE = "Who should take care"
VARIANTS = "Variants"
EASIER = "Easier:"
HARDER = "Harder:"
POSITIONS = {
    "back": "lying on your back",
    "front": "lying on your front",
    "side": "lying on your side",
    "kneeling": "kneeling or on all fours",
    "seated": "sitting",
    "standing": "standing",
    "walking": "walking",
}

# The build-up. The days and weeks are never 1 in the catalog, so they stay plural.
START_WITH = "Start with {amounts}."
EVERY = (
    "Every {days} days, add {increment} if your pain was back to your usual level by the next "
    "morning after each session, up to {amounts}; if it was worse, do less next time."
)
# A step that adds reps only to the sets below their ceiling, the warm-ups staying as they are.
ADD_REPS_WORKING = ("{count} rep to each working set", "{count} reps to each working set")
KEEP_GOING = "Keep going for at least {weeks} weeks."
SETS = ("{count} set", "{count} sets")
REPS = ("{count} rep", "{count} reps")
REPS_LIST = "{counts} reps"  # a number for each set: '3, 2, 1 reps'
HOLDS_OF = "holds of {seconds} s"
AMOUNTS = ", "  # between the sets, reps and hold: '2 sets, 3, 2, 1 reps, holds of 10 s'
USUAL_DOSE = "the usual dose"


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
WHY_TRAIN = "Why train the lower back"
WHAT_EACH_OFFERS = "What each exercise offers"
BENEFITS_HEADERS = (EXERCISE, "Main benefit")

# `safety`.
SAFETY = "Safety"
EMERGENCY = "Emergency: call 999 or go to A&E"
EMERGENCY_NOW = (
    "Call 999 or go to A&E now (outside the UK, call your local emergency number) if you "
    "have back pain and:"
)
SEE_A_DOCTOR = "Urgent: get a GP appointment the same day or call NHS 111 if you have back pain and"
PAIN_RULE = "The pain rule while exercising"
PAIN_RANGE = "{range}/10"
STOP_AT_ONCE = "Stop at once, whatever the score, if"
OUTLOOK = "How back pain usually goes"
GENERAL_CAUTIONS = "General cautions"

# `routines` and `show` for a routine.
ROUTINE_LENGTH = "{length} · {count} exercises"  # a routine has several
NUMBERED = "{number}."
SLUG_LINE = " ({slug})\n"  # after the exercise's name, before its dose
TIME = "Time"
WHO_FOR = "Who for"
EXERCISES = "Exercises"
START_IT = "Start it with: backfit start {slug}"
