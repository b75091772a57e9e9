"""How backfit words a programme ("plan" to the person): the questions of `plan new`, the
day's session and the reason for each dose, the plan's advice, check-ins."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from backfit.i18n import _, forms, pgettext
from backfit.regions import local_help
from backfit.views.words import dates, plural
from backfit.views.words.catalog import LIST, NUMBER

if TYPE_CHECKING:
    from backfit.programme.steps import Step, Why

# today: the morning after a session
ASK_MORNING = _("You trained yesterday. How is your back this morning, compared with usual?")
MORNINGS = {
    "better": _("better"),
    "same": _("the same"),
    "worse": _("worse"),
    "skip": _("skip for now"),
}

# plan new: the questions, one short screen each
ASK_PAIN = _("How bad is your back pain right now, from 0 (none) to 10 (the worst imaginable)?")
ASK_DURATION = _("How long has this episode of back pain lasted?")
DURATIONS = {
    "under-6-weeks": _("less than 6 weeks"),
    "6-12-weeks": _("6 to 12 weeks"),
    "over-12-weeks": _("more than 12 weeks"),
}
ASK_LEG = _("Does the pain go into a leg?")
LEGS = {
    "none": _("no"),
    "above-knee": _("yes, but not below the knee"),
    "below-knee": _("yes, below the knee"),
}
ASK_RED_FLAGS = _("Do any of these apply to you now?")
ASK_CARE = _(
    "Do any of these apply: pregnancy, recent back surgery, osteoporosis, sciatica? (names "
    "separated by commas, or none)"
)
ROLES = {  # the part of a session an exercise plays (catalog.roles), as a plan shows it
    "warm-up": pgettext("role in a session", "warm-up"),
    "trunk flexors": pgettext("role in a session", "trunk flexors"),
    "side of the trunk": pgettext("role in a session", "side of the trunk"),
    "back extensors": pgettext("role in a session", "back extensors"),
    "glutes and hips": pgettext("role in a session", "glutes and hips"),
    "stretch": pgettext("role in a session", "stretch"),
    "walking": pgettext("role in a session", "walking"),
}
PROMPT_SUFFIX = pgettext("after a question, before the answer", ": ")
NOT_A_CHOICE = _("Please type one of the numbers shown.")
NOT_A_WHOLE_NUMBER = _("Please type a whole number.")
NOT_YES_OR_NO = _("Please type y for yes or n for no.")
YES_SAID = pgettext("answer", "yes")  # taken besides y and yes
NO_SAID = pgettext("answer", "no")  # taken besides n and no
NO_CONDITIONS = pgettext("answer", "none")  # typed to say no care condition applies
GIVE_START = _("give today, tomorrow or a date such as 2026-01-31")
GIVE_DAY = _("give today, yesterday, tomorrow, -2d or a date such as 2026-01-31")
GIVE_TIME = _("give a time such as 18:30")
AT_MOST_ACTIVITIES = _("at most three activities")
ASK_ACTIVITY = _("Name an everyday activity your back makes hard (or press Enter when done)")
ASK_ACTIVITY_SCORE = _("How well can you do it now, from 0 (cannot) to 10 (as before)?")
ASK_WEEKS = _("How many weeks should the plan last (4 to 12)?")
ASK_DAYS = _("Which days will you train (mon to sun, separated by commas)?")
ASK_MINUTES = _("How many minutes can you give a session (10 to 45)?")
ASK_FLOOR = _("Can you get down to the floor and up again?")
ASK_WALKING = _("How many minutes do you walk on most days now?")
ASK_CONFIRM = _("Start this plan?")
CHOICE = _("{number}. {label}")
YES, NO = "yes", "no"

_HELP = local_help()  # the region's numbers (see views.words.catalog)
if _HELP is None or _HELP.urgent:
    # i18n: safety
    EMERGENCY_STOP = _(
        "Then call 999 or go to A&E now (outside the UK, your local emergency number). Do not "
        "start a plan: backfit will be here when you are ready."
    )
    # i18n: safety
    URGENT_STOP = _(
        "Then get a GP appointment today or call NHS 111. Do not start a plan until you have "
        "had help: backfit will be here when you are ready."
    )
else:
    # i18n: safety
    EMERGENCY_STOP = _(
        "Then call {number} now. Do not start a plan: backfit will be here when you are ready."
    ).format(number=NUMBER)
    # i18n: safety
    URGENT_STOP = _(
        "Then see a doctor today. Do not start a plan until you have had help: backfit will be "
        "here when you are ready."
    )
# i18n: safety
PAIN_TOO_HIGH = _(
    "Pain {pain}/10 is in the stop band: no plan starts today. Rest, keep gently moving as you "
    "can, and see backfit safety for when to get help; start a plan when the pain has settled."
)
CARE_UNKNOWN = _(
    "Give any of pregnancy, surgery, osteoporosis and sciatica, separated by commas, or none."
)
NUMBER_FROM = _("Give a whole number from {low} to {high}.")
PLAN_MADE = _("Your plan starts on {start}: run backfit today each day.")
PLAN_NOT_MADE = _("No plan was made.")
PLAN_EXISTS = _(
    "a plan is already active (started {start}); end it with backfit plan end, or give --replace"
)
PLAN_NEEDS = _("plan needs one of new, show, pause, resume, end or export")
NO_PLAN = _("no plan is active: start one with backfit plan new")
PLAN_ENDED = _("Your plan that started on {start} has ended. Your log keeps every session.")
PLAN_PAUSED = _("Your plan is paused from {day}. backfit plan resume takes it up again.")
PLAN_RESUMED = _("Your plan is running again from {day}.")
NEEDS_ANSWER = _("no terminal to ask on: give {flag}")

# the plan itself
PLAN_TITLE = _("Your plan: {weeks} weeks from {start} to {end}")
PLAN_DAYS = _(
    "{days}, up to about {minutes} minutes a session as it builds up; a walk on most days"
)
PLAN_MODE = {
    "quota": (
        _(
            "Doses rise on schedule, counted in sessions done, while your pain keeps to the "
            "pain rule."
        )
    ),
    "symptom": (
        _(
            "A dose rises only once its build-up's days have passed and the last session kept "
            "to the pain rule; after pain of 3 to 5, only once you have said the next morning "
            "was back to usual."
        )
    ),
}
PLAN_CARE = _("{name}, with {condition}: {note}")
PLAN_SESSIONS = _("Sessions: {done} done, {missed} missed, {ahead} ahead")
PLAN_STEP = _("step {step} of {steps}")
PLAN_NEXT = _("next: {dose}")
PLAN_TOP = _("at the top of its build-up")
WEEKDAYS = (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun"))

# today
TODAY_TITLE = _("{day} · week {week} of {weeks}")
TODAY_REST = _("A rest day from exercises. Walk, and if your back is stiff, a gentle {name} helps.")
TODAY_REST_PLAIN = _("A rest day from exercises: walk.")
TODAY_MOVED = _(
    "Training today instead? backfit start today, or backfit log today, does the next session."
)
# i18n: safety
TODAY_HURT = _(
    "A session today hurt (pain in the stop band, or stopped because it hurt). Rest today: "
    "your next session steps back one step. See backfit safety if the pain is severe, "
    "spreading, or comes with any sign there."
)
ALREADY_LOGGED = _("today's session is already logged (session {id}); give --again to log another")
NOT_YET = _("--date: {day} is still to come; give today or an earlier day")
# i18n: safety
HURT_NO_MORE = _(
    "a session today hurt (pain in the stop band, or stopped because it hurt): rest today; "
    "your next session steps back"
)
TODAY_PAUSED = _("Your plan is paused. backfit plan resume takes it up again.")
TODAY_BEFORE = _("Your plan starts on {start}.")
TODAY_AFTER = _("Your plan ended on {end}. Start another with backfit plan new --replace.")
TODAY_DONE = _("Today's session is logged. Well done.")
TODAY_DONE_AHEAD = _("This day's session was done ahead, on {day}: the plan has moved on.")
TODAY_WALK = _("Walk: {minutes} minutes today, in one go or in parts (on most days of the week).")
TODAY_START_HINT = _("Run it with the timer: backfit start today · or log it: backfit log today")
TODAY_ASK_MORNING = _(
    "You trained yesterday. How is your back this morning compared with usual? "
    "backfit checkin --morning better|same|worse"
)
TODAY_LESSON = _("Today's lesson: {title}")
DIDNT_LOG = _("nothing of today's session was logged")

WHY = {
    "first": _("the start of its build-up"),
    "up": _("one step up: your last sessions kept to the pain rule"),
    "up-quota": _("one step up, on schedule"),
    "borderline": (
        # i18n: safety
        _(
            "the same as last time: pain was in the caution band on {day}, and you have not "
            "said how the next morning was"
        )
    ),
    "partial": _("the same as last time: on {day} it was not done in full"),
    "instead": _("the same as last time: on {day} you did {name} instead"),
    "top": _("the top of its build-up (since {day})"),
    "harder": _("the next form after {name}, which you did at its top for a week"),
    # i18n: safety
    "pain": _("one step back: pain {score}/10 on {day}, in the stop band"),
    # i18n: safety
    "hurt": _("one step back: you stopped it because it hurt on {day}"),
    # i18n: safety
    "hurt-scored": _("one step back: you stopped it because it hurt on {day} (pain {score}/10)"),
    # i18n: safety
    "rise": _("one step back: your pain rose {score} points during the session on {day}"),
    # i18n: safety
    "morning": _("one step back: the morning of {day} was worse than usual"),
    # i18n: safety
    "spreading": _("one step back: you reported symptoms spreading on {day}"),
    "gap": _("one step back after {left} days without it: no catching up"),
    "easier-week": _("an easier week: two steps back within two weeks"),
}
WHY_SCHEDULE = {
    "sessions": forms(
        "the same as last time: {left} more session at this dose before the next step",
        "the same as last time: {left} more sessions at this dose before the next step",
    ),
    "days": forms(
        "the same as last time: one step up once you have done it at this dose over {left} "
        "more day, with the pain kept to the rule",
        "the same as last time: one step up once you have done it at this dose over {left} "
        "more days, with the pain kept to the rule",
    ),
}

ADVICE = {
    "professional": (
        # i18n: safety
        _(
            "You have stepped back twice within two weeks, so this week is easier. If it keeps "
            "happening, see a GP or physiotherapist."
        )
    ),
    "red-flag": (
        # i18n: safety
        _(
            "You reported a warning sign on {day}. The plan has stopped: get help as the list "
            "below says."
        )
    ),
    "missing": _("{names} is no longer in your catalog: today's session goes on without it."),
    "no-improvement": (
        # i18n: safety
        _(
            "After {left} weeks, the everyday activities you rated are less than 2 points better "
            "(backfit's own check: 2 points is the smallest change that counts on this scale). "
            "The NHS advises seeing a GP if back pain is not improving after a few weeks, or "
            "stops you doing everyday things."
        )
    ),
}

# checkin
CHECKIN_SAVED = _("Noted for {day}.")
# i18n: safety
CHECKIN_WORSE = _("A worse morning: your next session steps back one step.")
if _HELP is None or _HELP.urgent:
    # i18n: safety
    CHECKIN_SPREADING = _(
        "Symptoms spreading: your next session steps back one step. See a GP if pain keeps "
        "spreading down a leg, and call 999 or go to A&E if you have any of the signs in "
        "backfit safety, such as pain or numbness in both legs, or numbness around your bottom "
        "or genitals."
    )
else:
    # i18n: safety
    CHECKIN_SPREADING = _(
        "Symptoms spreading: your next session steps back one step. See a doctor if pain keeps "
        "spreading down a leg, and call {number} if you have any of the signs in backfit "
        "safety, such as pain or numbness in both legs, or numbness around your bottom or "
        "genitals."
    ).format(number=NUMBER)
# i18n: safety
CHECKIN_RED_FLAG = _("Your plan has stopped. Get help now, as this list says:")
# i18n: safety
STOPPED_NO_RESUME = _(
    "this plan stopped when a warning sign was reported; once you have had help, start a new "
    "one with backfit plan new --replace"
)
# i18n: safety
PLAN_STOPPED = _("This plan stopped on {day}, when a warning sign was reported.")
CHECKIN_NEEDS = _("say how your back is: --morning, --pain, --spreading, --red-flag or --activity")
UNKNOWN_ACTIVITY = _(
    "'{given}' is not NAME=SCORE: give an activity and a score 0-10, e.g. \"sitting through a "
    'film=4"'
)


def weekdays(days: tuple[int, ...]) -> str:
    return LIST.join(WEEKDAYS[d] for d in sorted(days))


# i18n: safety
AT_START = _("{reason}; it is at its start already, so keep it gentle, or rest it today")


def step_reason(step: Step, *, quota: bool = False) -> str:
    """Why a day's dose is what it is; a step back at the start cannot go lower."""
    said = why_text(step.why, quota=quota)
    return AT_START.format(reason=said) if step.stepped_back and not step.lowered else said


def why_text(why: Why, *, quota: bool = False) -> str:
    """The reason for a dose, in one sentence."""
    if why.code == "schedule":
        one, many = WHY_SCHEDULE[why.unit or "sessions"]
        return plural(one, many, why.left or 0).format(left=why.left)
    code = "up-quota" if why.code == "up" and quota else why.code
    if code == "hurt" and why.score is not None:
        code = "hurt-scored"
    return WHY[code].format(day=_day(why.day), score=why.score, left=why.left, name=why.name)


MISSING_MANY = _("{names} are no longer in your catalog: today's session goes on without them.")


def advice_text(why: Why, *, names: str = "") -> str:
    said = MISSING_MANY if why.code == "missing" and ", " in names else ADVICE[why.code]
    return said.format(day=_day(why.day), left=why.left, names=names)


def _day(day: date | None) -> str:
    return "" if day is None else dates.day_short(day)


# today's session, run or logged as a routine of its own
SESSION_NAME = _("Plan session, week {week}")
SESSION_PURPOSE = _("Today's session of your plan, each exercise at today's dose.")
SESSION_AUDIENCE = _("You, as your plan and your log say.")
NOTHING_TO_LOG = _("your plan has no session on that day (paused, stopped, or outside it)")

# what the plan's care conditions say elsewhere: start, list, show of a routine
# i18n: safety
AVOID_WARNING = _("Your plan says {condition} applies, and {name} is one to avoid: {note}")
