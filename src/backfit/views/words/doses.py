"""How backfit words amounts: a dose and its parts, durations and estimates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backfit.i18n import _, forms, pgettext
from backfit.views.words import plural

if TYPE_CHECKING:
    from backfit.catalog.models import Dose, Increment

# A dose's parts, each a phrase that a table cell keeps on one line.
SETS_OF_HOLDS = forms("{sets} set × hold {hold}", "{sets} sets × hold {hold}")
SETS_OF_HOLDS_EACH_SIDE = forms(
    "{sets} set × hold {hold} each side", "{sets} sets × hold {hold} each side"
)
SETS_OF_REPS = forms("{sets} × {reps} rep", "{sets} × {reps} reps")
SETS_OF_REPS_EACH_SIDE = forms("{sets} × {reps} rep each side", "{sets} × {reps} reps each side")
SETS_OF_COUNTS = _("{sets} sets of {counts} reps")  # 3 sets of 6, 4, 2 reps: never one set
SETS_OF_COUNTS_EACH_SIDE = _("{sets} sets of {counts} reps each side")
HOLD = _("hold {duration}")
REST = _("rest {duration}")
LIST = _(", ")  # between the counts of a list of reps: '6, 4, 2'
AFTER_AMOUNT = pgettext("between a dose's amount and its hold", ", ")  # on one line
BEFORE_REST = _(" · ")  # and the rest


def format_dose(dose: Dose) -> str:
    """'2 × 8 reps, hold 5 s · rest 30 s' — the whole prescription on one line; two
    minutes or more are said in minutes ('hold 10 min')."""
    lines = dose_lines(dose)
    return "".join(
        line + sep for line, sep in zip(lines, [*dose_separators(lines), ""], strict=True)
    )


def dose_separators(lines: list[str]) -> list[str]:
    """What joins the parts of `dose_lines` on one line: ', ' before the hold, ' · ' before
    the rest (a walk has neither)."""
    if len(lines) < 2:
        return []
    return [AFTER_AMOUNT] * (len(lines) - 2) + [BEFORE_REST]


def dose_lines(dose: Dose, *, walking: bool = False) -> list[str]:
    """The prescription in short parts, for a table cell that must not wrap inside one
    (which would part a number from its unit): the amount, the hold, the rest; for an
    exercise done walking, one timed walk ('a 10 min walk', not '1 set × hold 10 min ·
    rest 60 s')."""
    if walking and dose.sets == 1 and dose.reps is None and dose.hold_seconds:
        return [WALK.format(duration=short_seconds(dose.hold_seconds))]
    rest = REST.format(duration=short_seconds(dose.rest_seconds))
    return [*amount_lines(dose), rest]


def amount_lines(dose: Dose) -> list[str]:
    """A dose without its rest: the amount, and the hold if it has one."""
    if dose.reps is None:
        holds = SETS_OF_HOLDS_EACH_SIDE if dose.per_side else SETS_OF_HOLDS
        hold = short_seconds(dose.hold_seconds or 0)
        return [plural(*holds, dose.sets).format(sets=dose.sets, hold=hold)]
    if isinstance(dose.reps, tuple):
        counts = SETS_OF_COUNTS_EACH_SIDE if dose.per_side else SETS_OF_COUNTS
        amount = counts.format(sets=dose.sets, counts=LIST.join(map(str, dose.reps)))
    else:
        reps = SETS_OF_REPS_EACH_SIDE if dose.per_side else SETS_OF_REPS
        amount = plural(*reps, dose.reps).format(sets=dose.sets, reps=dose.reps)
    if dose.hold_seconds is None:
        return [amount]
    return [amount, HOLD.format(duration=short_seconds(dose.hold_seconds))]


WALK = _("a {duration} walk")  # the dose of an exercise done walking: one timed walk

# Reps as typed after --reps: one number for every set, or one for each set.
REPS_SEPARATOR = _(",")
NOT_REPS = _("needs a whole number, or one for each set such as 4,3,2, not '{given}'")

# Durations: '9 min 40 s', '45 s', '1 h 5 min'.
HOURS = _("{hours} h {minutes} min")
MINUTES_SECONDS = _("{minutes} min {seconds} s")
MINUTES = _("{minutes} min")
SECONDS = _("{seconds} s")


def format_duration(seconds: int) -> str:
    """'9 min 40 s', '45 s', '1 h 5 min'."""
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return HOURS.format(hours=hours, minutes=minutes)
    if minutes:
        said = MINUTES_SECONDS if secs else MINUTES
        return said.format(minutes=minutes, seconds=secs)
    return SECONDS.format(seconds=secs)


def short_seconds(seconds: int) -> str:
    """A hold or a rest: '90 s' reads better than '1 min 30 s', '10 min' than '600 s'."""
    return SECONDS.format(seconds=seconds) if seconds < 120 else format_duration(seconds)


# An estimate: 'about 16 min'.
UNDER_A_MINUTE = _("under a minute")
ABOUT = _("about {duration}")


def format_about(seconds: int) -> str:
    """An estimate as people say it: 'about 16 min', not 'about 15 min 44 s'. Rounded to
    the nearest minute (half a minute rounds up); 'under a minute' below 30 seconds."""
    minutes = (seconds + 30) // 60
    if minutes == 0:
        return UNDER_A_MINUTE
    return ABOUT.format(duration=format_duration(minutes * 60))


# One step of a build-up: '1 rep to each set', '1 set and 5 s to each hold'.
ADD_SETS = forms("{count} set", "{count} sets")
ADD_REPS = forms("{count} rep to each set", "{count} reps to each set")
ADD_HOLD = _("{seconds} s to each hold")
AND = _(" and ")  # between the parts of a step


def format_increment(add: Increment) -> str:
    """What one step of a build-up adds, as the advice and `show`'s build-up say it."""
    parts = []
    if add.sets:
        parts.append(plural(*ADD_SETS, add.sets).format(count=add.sets))
    if add.reps:
        parts.append(plural(*ADD_REPS, add.reps).format(count=add.reps))
    if add.hold_seconds:
        parts.append(ADD_HOLD.format(seconds=add.hold_seconds))
    return AND.join(parts)
