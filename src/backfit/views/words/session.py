"""How the coach words each phase of a session, and its screen: one phrase per phase, the
same in the headline, the spoken cue, the "Next:" line, line mode and `--plan`."""

from __future__ import annotations

from string import Formatter
from typing import TYPE_CHECKING

from backfit.i18n import _, forms
from backfit.session.phases import Phase
from backfit.views.words import plural
from backfit.views.words.doses import LIST, short_seconds

if TYPE_CHECKING:
    from backfit.session.plan import Step

SIDES = {1: _("left side"), 2: _("right side")}  # the left side always comes first
FINISHED = _("Session complete. Well done.")


def walks(step: Step) -> bool:
    """Whether `step`'s exercise is done walking: its hold is a walk."""
    return step.exercise.position == "walking"


def side_name(step: Step) -> str | None:
    return SIDES.get(step.side or 0)


# Each phase has one phrase, the same in the headline, the spoken cue, the "Next:" line,
# line mode and `--plan`: "Rest 30 s" everywhere, composed into longer sentences by name.
GET_READY = _("Get ready: {name}")
HOLD = _("Hold")
WALK = _("Walk")  # the hold of an exercise done walking: a walk, timed
HOLD_SIDE = _("Hold, {side}")
RELAX = _("Relax {duration}")
REPS = _("Do {reps} reps, then press Enter")
REPS_SIDE = _("Do {reps} reps, {side}, then press Enter")
REPS_IN_TURN = _("Do {reps} reps each side, taking turns, then press Enter")
SAY = _("{say}")  # the catalog's words for a step: 'Swap which knee is bent'
HOLD_SAY = _("Hold, {say}")  # a finishing hold: 'Hold, both knees together'
THEN_ENTER = _(", then press Enter")  # what the voice leaves out: the screen says which key
SWITCH = _("Switch sides")
REST = _("Rest {duration}")

NEXT = _("Next: {step}")
NEXT_HOLD = _("Hold {duration} ({rep} of {reps}{where})")
NEXT_WALK = _("Walk {duration}")
NEXT_REPS = _("{reps} reps")
NEXT_REPS_IN_TURN = _("{reps} reps each side, taking turns")
NEXT_HOLD_SAY = _("Hold {duration}, {say}")
NEXT_REPS_WHERE = _("{reps} reps ({where})")
NEXT_REST = _("{rest}, then set {set} of {sets}")
SET_OF = _("set {set} of {sets}")
END = _("the end")
END_AFTER_SET = _("the end, after this set")
END_AFTER_SETS = _("the end, after this set ({set} of {sets})")
END_AFTER_HOLD = _("the end, after this hold ({rep} of {reps})")


def cue(step: Step) -> str:
    """What to do now, in the words the coach shows and speaks."""
    template, values = _cue(step)
    return template.format(**values)


def headline(step: Step) -> str:
    """Timed phases shout their words ('HOLD, LEFT SIDE', 'REST 30 s'), the amounts left as
    they are; a set of reps needs the whole sentence, as it is."""
    if step.phase is Phase.REPS:
        return cue(step)
    template, values = _cue(step)
    shouted = "".join(
        literal.upper() + ("" if name is None else f"{{{name}}}")
        for literal, name, _, _ in Formatter().parse(template)
    )
    return shouted.format(
        **{key: value if key == "duration" else str(value).upper() for key, value in values.items()}
    )


def said_step(step: Step) -> str:
    """What to do now as one plain sentence for a screen reader: the amounts in words, the
    time it lasts said once ('Hold for 10 seconds.', 'Relax for 3 seconds.')."""
    template, values = _cue(step)
    seconds = step.seconds or 0
    if step.phase is Phase.HOLD and not walks(step) and not step.say:
        return HOLD_FOR.format(seconds=in_seconds(seconds))
    if "duration" in values:
        return SENTENCE.format(
            text=spoken(template.format(**{**values, "duration": in_seconds(seconds)}))
        )
    if step.phase is Phase.REPS:  # the key to press is said too: no screen shows it
        return SENTENCE.format(text=template.format(**values))
    text = spoken(template.format(**values))
    return (
        TIMED.format(text=text, seconds=in_seconds(seconds))
        if seconds
        else SENTENCE.format(text=text)
    )


def in_seconds(seconds: float) -> str:
    """'1 second', '45 seconds'; whole minutes from two minutes on ('10 minutes')."""
    whole = round(seconds)
    if whole >= 120 and whole % 60 == 0:
        return MINUTES_LONG.format(minutes=whole // 60)
    return (ONE_SECOND if whole == 1 else SECONDS_LONG).format(seconds=whole)


def spoken(cue: str) -> str:
    """A cue as the voice reads it: without the key to press, which the screen shows."""
    return cue.removesuffix(THEN_ENTER)


def _cue(step: Step) -> tuple[str, dict[str, object]]:
    """The phrase for `step`'s phase and the values for its placeholders."""
    side = side_name(step)
    match step.phase:
        case Phase.READY:
            return GET_READY, {"name": step.exercise.name}
        case Phase.HOLD if walks(step):
            return WALK, {}
        case Phase.HOLD if step.say:
            return HOLD_SAY, {"say": step.say[:1].lower() + step.say[1:]}
        case Phase.SWITCH if step.say:
            return SAY, {"say": step.say}
        case Phase.REPS if step.both_sides:
            return REPS_IN_TURN, {"reps": step.reps}
        case Phase.HOLD:
            return (HOLD_SIDE, {"side": side}) if side else (HOLD, {})
        case Phase.RELAX:
            return RELAX, {"duration": short_seconds(step.seconds or 0)}
        case Phase.REPS:
            return (REPS_SIDE if side else REPS), {"reps": step.reps, "side": side}
        case Phase.SWITCH:
            return SWITCH, {}
        case _:
            return REST, {"duration": short_seconds(step.seconds or 0)}


def upcoming(following: Step | None, current: Step) -> str:
    """What comes after `current`, in a few words with its counts, for the 'Next:' line."""
    if following is None:
        if current.phase is Phase.REPS:
            if current.sets > 1:
                return END_AFTER_SETS.format(set=current.set_number, sets=current.sets)
            return END_AFTER_SET
        if current.phase is Phase.HOLD:
            return END_AFTER_HOLD.format(rep=current.rep, reps=current.reps)
        return END
    side = side_name(following)
    match following.phase:
        case Phase.READY:
            return following.exercise.name
        case Phase.HOLD if walks(following):
            return NEXT_WALK.format(duration=short_seconds(following.seconds or 0))
        case Phase.HOLD if following.say:
            say = following.say[:1].lower() + following.say[1:]
            return NEXT_HOLD_SAY.format(duration=short_seconds(following.seconds or 0), say=say)
        case Phase.REPS if following.both_sides and following.sets == 1:
            return NEXT_REPS_IN_TURN.format(reps=following.reps)
        case Phase.HOLD:
            new_set = following.rep == 1 and following.sets > 1
            of_sets = SET_OF.format(set=following.set_number, sets=following.sets)
            parts = [part for part in (of_sets if new_set else None, side) if part]
            where = "".join(LIST + part for part in parts)
            return NEXT_HOLD.format(
                duration=short_seconds(following.seconds or 0),
                rep=following.rep,
                reps=following.reps,
                where=where,
            )
        case Phase.REPS:
            of_sets = SET_OF.format(set=following.set_number, sets=following.sets)
            parts = [part for part in (of_sets if following.sets > 1 else None, side) if part]
            if not parts:
                return NEXT_REPS.format(reps=following.reps)
            return NEXT_REPS_WHERE.format(reps=following.reps, where=LIST.join(parts))
        case Phase.REST:
            return NEXT_REST.format(
                rest=cue(following), set=following.set_number + 1, sets=following.sets
            )
        case _:
            return cue(following)


# `--plan`'s lines, one for each run of steps.
PLAN_TIMED = _("{phase} ({duration})")
PLAN_HOLDS = forms(
    "{name}: set {set} of {sets}, {reps} hold of {duration}",
    "{name}: set {set} of {sets}, {reps} holds of {duration}",
)
PLAN_HOLDS_RELAX = forms(
    "{name}: set {set} of {sets}, {reps} hold of {duration}, {relax} relax between",
    "{name}: set {set} of {sets}, {reps} holds of {duration}, {relax} relax between",
)
PLAN_HOLDS_SIDE = forms(
    "{name}: set {set} of {sets}, {side}, {reps} hold of {duration}",
    "{name}: set {set} of {sets}, {side}, {reps} holds of {duration}",
)
PLAN_HOLDS_SIDE_RELAX = forms(
    "{name}: set {set} of {sets}, {side}, {reps} hold of {duration}, {relax} relax between",
    "{name}: set {set} of {sets}, {side}, {reps} holds of {duration}, {relax} relax between",
)
PLAN_WALK = _("{name}: walk for {duration}")
PLAN_REPS = _("{name}: set {set} of {sets}, {reps} reps (press Enter when done)")
PLAN_REPS_IN_TURN = _(
    "{name}: set {set} of {sets}, {reps} reps each side, taking turns (press Enter when done)"
)
PLAN_FINISH = _("{name}: {say}, 1 hold of {duration}")
PLAN_REPS_SIDE = _("{name}: set {set} of {sets}, {side}, {reps} reps (press Enter when done)")


def block(steps: list[Step]) -> str:
    """A run of steps as `--plan` lists it: a get-ready, one side of a set, a rest."""
    first = steps[0]
    side = side_name(first) if first.side else None
    match first.phase:
        case Phase.HOLD if walks(first) and len(steps) == 1:
            return PLAN_WALK.format(
                name=first.exercise.name, duration=short_seconds(first.seconds or 0)
            )
        case Phase.HOLD if first.say:
            return PLAN_FINISH.format(
                name=first.exercise.name, say=first.say[:1].lower() + first.say[1:],
                duration=short_seconds(first.seconds or 0),
            )  # fmt: skip
        case Phase.HOLD:
            relax = steps[1].seconds if len(steps) > 1 else None
            count = sum(step.phase is Phase.HOLD for step in steps)  # a swap halfway parts a set
            if relax is None:
                holds = PLAN_HOLDS if side is None else PLAN_HOLDS_SIDE
            else:
                holds = PLAN_HOLDS_RELAX if side is None else PLAN_HOLDS_SIDE_RELAX
            return plural(*holds, count).format(
                name=first.exercise.name, set=first.set_number, sets=first.sets, side=side,
                reps=count, duration=short_seconds(first.seconds or 0),
                relax=None if relax is None else short_seconds(relax),
            )  # fmt: skip
        case Phase.REPS:
            said = PLAN_REPS_IN_TURN if first.both_sides else PLAN_REPS
            return (said if side is None else PLAN_REPS_SIDE).format(
                name=first.exercise.name, set=first.set_number, sets=first.sets, side=side,
                reps=first.reps,
            )  # fmt: skip
        case Phase.READY | Phase.SWITCH:
            return PLAN_TIMED.format(phase=cue(first), duration=short_seconds(first.seconds or 0))
        case _:
            return cue(first)


# The coach's screen, and line mode's.
HOW_TO = _("How to do it")
TAKE_CARE = _("Take care")
# i18n: safety
STOP_IF = _("Stop if")
FIRST = _(": ")  # a listing cut to its heading and first item: 'Take care: …'
FIRST_OF = _(" (1 of {count}): ")
MORE_STEPS = forms(
    "… {count} more step in a taller window", "… {count} more steps in a taller window"
)
MORE_CAUTIONS = forms(
    "… {count} more caution in a taller window", "… {count} more cautions in a taller window"
)
MORE_REASONS = forms(
    "… {count} more reason in a taller window", "… {count} more reasons in a taller window"
)
PAUSED = _("PAUSED: press p, space or Enter to go on")
KEYS = _("Keys: ")
TYPED_KEYS = _(" (type the key, then Enter)")
LINE_PAUSED = _(" (paused: Enter, p or space goes on)")
LINE_GOING_ON = _(" (going on)")

# The coach for a screen reader (--accessible): whole lines, never rewritten.
SAID_STEP = _("{where}. {what}")
HOLD_FOR = _("Hold for {seconds}.")
TIMED = _("{text}, {seconds}.")
SENTENCE = _("{text}.")  # a cue said as a sentence
SECONDS_LONG = _("{seconds} seconds")
MINUTES_LONG = _("{minutes} minutes")
ONE_SECOND = _("{seconds} second")
TIME_LEFT = _("{seconds} left.")
SAID_PAUSED = _("Paused. Enter, p or space goes on.")
SAID_GOING_ON = _("Going on.")

# Where the coach is, and the keys that work now.
EXERCISE_OF = _("exercise {position} of {count}")
SET_IN_PLAN = _("set {set} of {sets}")
HOLD_OF = _("hold {rep} of {reps}")
IN_PLAN = _("{title}, exercise {position} of {count}")  # line mode's heading of an exercise
WHERE_SEP = _(" · ")
KEY_RESUME = _("resume")
KEY_DONE = _("done")
KEY_CONTINUE = _("continue")
KEY_PAUSE = _("pause")
KEY_SKIP = _("skip exercise")
KEY_HURTS = _("it hurts")
KEY_STOP = _("stop")

# `--plan`, the safety check before a session and the summary after it.
FINISHED_AT = _("Finished")
ESTIMATES = _("Times for sets of reps are estimates: they end when you press Enter.")
# i18n: safety
GET_HELP_IF = _("Do not exercise, and get medical help now, if you have:")
BEFORE_YOU_START = _("Before you start")
# i18n: safety
STOP_ABOVE = _("Stop if your pain goes above {most}/10, or spreads into a leg.")
# i18n: safety
STOP_ABOVE_AND_IF = _("Stop if your pain goes above {most}/10, and whatever the score if:")
# i18n: safety
MILD_IS_NORMAL = _("Mild discomfort (up to {fine}/10) is normal and not a sign of harm.")
PRESS_H = _("During the session, press h if it hurts: the exercise stops there.")
PRESS_ENTER = _("Press Enter to start, or q to quit.")
PRESS_ENTER_MORE = _("Press Enter to read on (page {page} of {pages}), or q to quit.")
STOPPED_AFTER = _("Session stopped after {duration}.")
COMPLETE_AFTER = _("Session complete after {duration}.")
FINISHED_AFTER = _("Session finished after {duration}.")  # complete, but something skipped
NOTHING_DONE_AFTER = _("Session ended with nothing done after {duration}.")
DONE = _("Done: {names}")
SKIPPED = _("Skipped: {names}")
STOPPED_DURING = _("Stopped during: {names}")
# i18n: safety
STOPPED_FOR_PAIN = _("Stopped for pain during: {names}")
NOT_REACHED = _("Not reached: {names}")
PAIN_DURING = _(" (pain {score}/10)")
NAMES = _(", ")
# i18n: safety
STOPPED_FOR_PAIN_AFTER = _("Stopped because it hurt after: {names}")  # h before the next began

# The pain after a session, read by the pain rule as the gate before a session reads it.
AFTER_BAND = _("{band}: {meaning}")
# i18n: safety
AFTER_STOP = _("{band}: stop here for today.")
# i18n: safety
AFTER_RISE = _(
    "Your pain rose from {before}/10 to {after}/10 during the session: stop here for today."
)
# i18n: safety
PAIN_RULE_SAYS = _("The pain rule says: {meaning}")
# i18n: safety
AFTER_REST = _("Do not do {name} again until the pain has settled.")
# i18n: safety
AFTER_REST_PLAN = _(
    "Rest until the pain has settled: your plan makes its next session one step easier "
    "(backfit today shows it)."
)
# i18n: safety
GENTLER_NEXT = _("Next time, something gentler: {name} (backfit start {slug}).")
# i18n: safety
SEE_PROFESSIONAL = _(
    "Your pain has reached the stop band in {count} sessions in the last {days} days: "
    "see a GP or physiotherapist before you go on."
)

# Which step of its build-up `start` runs an exercise at, by default.
STEP = {
    "first": _("{name}: the first step of its build-up today, {amount}."),
    "next": _("{name}: the next step of your build-up today, {amount} (last time {last})."),
    # i18n: safety
    "same": _(
        "{name}: the same step of your build-up as last time, {amount}; the next comes "
        "after {days} days at it with low pain."
    ),
    # i18n: safety
    "back": _(
        "{name}: back to the first step of its build-up, {amount}, after pain in the "
        "stop band last time."
    ),
    "top": _("{name}: the top of its build-up, {amount}."),
}
FULL_LATER = _(" The full dose, {full}: backfit start {slug} --full")
