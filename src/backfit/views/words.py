"""How backfit words amounts and moments: doses, durations, and each phase of a session.

One home for these words, so the live screen, the spoken cues, `--plan` and its JSON
say the same thing the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from backfit.catalog.models import Dose
    from backfit.session.plan import Step

# The phase words import `Phase` where they use it: `list` and `show` need only the dose
# words, and importing the session's plan would cost each of them 1.7 ms at start-up.

SIDES = {1: "left side", 2: "right side"}  # the left side always comes first
FINISHED = "Session complete. Well done."


def format_dose(dose: Dose) -> str:
    """'2 × 8 reps, hold 5 s · rest 30 s' — the whole prescription on one line; two
    minutes or more are said in minutes ('hold 10 min')."""
    lines = dose_lines(dose)
    return "".join(
        line + sep for line, sep in zip(lines, [*dose_separators(lines), ""], strict=True)
    )


def dose_separators(lines: list[str]) -> list[str]:
    """What joins the parts of `dose_lines` on one line: ', ' before the hold, ' · ' before
    the rest."""
    return [", "] * (len(lines) - 2) + [" · "]


def dose_lines(dose: Dose) -> list[str]:
    """The prescription in short parts, for a table cell that must not wrap inside one
    (which would part a number from its unit): the amount, the hold, the rest."""
    side = " each side" if dose.per_side else ""
    rest = f"rest {_seconds(dose.rest_seconds)}"
    if dose.reps is None:
        sets = "set" if dose.sets == 1 else "sets"
        return [f"{dose.sets} {sets} × hold {_seconds(dose.hold_seconds or 0)}{side}", rest]
    if isinstance(dose.reps, tuple):
        amount = f"{dose.sets} sets of {', '.join(map(str, dose.reps))} reps{side}"
    else:
        amount = f"{dose.sets} × {dose.reps} {'rep' if dose.reps == 1 else 'reps'}{side}"
    hold = [] if dose.hold_seconds is None else [f"hold {_seconds(dose.hold_seconds)}"]
    return [amount, *hold, rest]


def format_duration(seconds: int) -> str:
    """'9 min 40 s', '45 s', '1 h 5 min'."""
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    return f"{secs} s"


def _seconds(seconds: int) -> str:
    """A hold or a rest: '90 s' reads better than '1 min 30 s', '10 min' than '600 s'."""
    return f"{seconds} s" if seconds < 120 else format_duration(seconds)


def format_about(seconds: int) -> str:
    """An estimate as people say it: 'about 16 min', not 'about 15 min 44 s'. Rounded to
    the nearest minute (half a minute rounds up); 'under a minute' below 30 seconds."""
    minutes = (seconds + 30) // 60
    if minutes == 0:
        return "under a minute"
    return f"about {format_duration(minutes * 60)}"


def side_name(step: Step) -> str | None:
    return SIDES.get(step.side or 0)


def cue(step: Step) -> str:
    """What to do now, in the words the coach shows and speaks."""
    from backfit.session.plan import Phase

    side = f", {side_name(step)}" if step.side else ""
    match step.phase:
        case Phase.READY:
            return f"Get ready: {step.exercise.name}"
        case Phase.HOLD:
            return f"Hold{side}"
        case Phase.RELAX:
            return "Relax"
        case Phase.REPS:
            return f"Do {step.reps} reps{side}, then press Enter"
        case Phase.SWITCH:
            return "Switch sides"
        case _:
            return f"Rest {step.seconds} seconds"


def headline(step: Step) -> str:
    """Timed phases shout one word or two ('HOLD'); a set of reps needs the whole sentence."""
    from backfit.session.plan import Phase

    return cue(step) if step.phase is Phase.REPS else cue(step).upper()


def upcoming(following: Step | None, current: Step) -> str:
    """What comes after `current`, in a few words with its counts, for the 'Next:' line."""
    from backfit.session.plan import Phase

    if following is None:
        if current.phase is Phase.REPS:
            of_sets = f" ({current.set_number} of {current.sets})" if current.sets > 1 else ""
            return f"the end, after this set{of_sets}"
        if current.phase is Phase.HOLD:
            return f"the end, after this hold ({current.rep} of {current.reps})"
        return "the end"
    side = f", {side_name(following)}" if following.side else ""
    match following.phase:
        case Phase.READY:
            return following.exercise.name
        case Phase.HOLD:
            hold = _seconds(following.seconds or 0)
            new_set = following.rep == 1 and following.sets > 1
            of_sets = f", set {following.set_number} of {following.sets}" if new_set else ""
            return f"hold {hold} ({following.rep} of {following.reps}{of_sets}{side})"
        case Phase.REPS:
            of_sets = (
                f"set {following.set_number} of {following.sets}" if following.sets > 1 else ""
            )
            where = ", ".join(part for part in (of_sets, side.removeprefix(", ")) if part)
            return f"{following.reps} reps" + (f" ({where})" if where else "")
        case Phase.SWITCH:
            return "switch sides"
        case Phase.REST:
            then = f"set {following.set_number + 1} of {following.sets}"
            return f"rest {_seconds(following.seconds or 0)}, then {then}"
        case _:
            return f"{following.phase.value} {following.seconds} s"


def block(steps: list[Step]) -> str:
    """A run of steps as `--plan` lists it: a get-ready, one side of a set, a rest."""
    from backfit.session.plan import Phase

    first = steps[0]
    side = f", {side_name(first)}" if first.side else ""
    match first.phase:
        case Phase.READY:
            return f"Get ready: {first.exercise.name} ({first.seconds} s)"
        case Phase.HOLD:
            holds = "hold" if first.reps == 1 else "holds"
            relax = f", {steps[1].seconds} s relax between" if len(steps) > 1 else ""
            return (
                f"{first.exercise.name}: set {first.set_number} of {first.sets}{side}, "
                f"{first.reps} {holds} of {first.seconds} s{relax}"
            )
        case Phase.REPS:
            return (
                f"{first.exercise.name}: set {first.set_number} of {first.sets}{side}, "
                f"{first.reps} reps (press Enter when done)"
            )
        case Phase.SWITCH:
            return f"Switch sides ({first.seconds} s)"
        case _:
            return f"Rest {first.seconds} s"
