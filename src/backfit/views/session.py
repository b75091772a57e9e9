"""The coach's live screen: small named parts (where, headline, figure, countdown, next,
steps, cautions, keys) fitted to the terminal in a declared order. The text around a
session (its plan, the safety check, the summary) is in `views/plan.py`. These build
Rich objects and never print.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.text import Text

from backfit.session.coach import shown_seconds
from backfit.session.phases import Phase
from backfit.session.plan import Plan, Step
from backfit.views.digits import block_digits, digits_size, largest_scale
from backfit.views.figure import MovingFigure
from backfit.views.pose_words import pose_words
from backfit.views.screen import (
    GAPS,
    FittedScreen,
    Part,
    Stage,
    carries_unicode,
    item_line,
    listing,
    one_line,
    wrapped,
)
from backfit.views.widgets import bullets, numbered
from backfit.views.words import session as words
from backfit.views.words.doses import LIST, SECONDS

if TYPE_CHECKING:
    from rich.console import Console

    from backfit.catalog.models import Exercise
    from backfit.session.coach import Moment

PHASE_STYLE = {
    Phase.READY: "bold yellow",
    Phase.HOLD: "bold green",
    Phase.RELAX: "bold cyan",
    Phase.REPS: "bold green",
    Phase.SWITCH: "bold magenta",
    Phase.REST: "bold cyan",
}
FIGURE_SHARE = 0.45  # of the screen's height, at most, for the figure: room left for the rest
TEXT_WIDTH = 100  # words stay readable lines on a wide terminal; the countdown may use it all
BAR_WIDTH = 40  # the progress bar's width, unless the digits above it are wider

# The live screen's parts, top to bottom, in groups with a blank line between them where
# there is room.
GROUPS: tuple[tuple[str, ...], ...] = (
    ("where", "name"),
    ("headline",),
    ("figure",),
    ("clock",),
    ("paused",),
    ("next",),
    ("steps",),
    ("cautions", "stop"),
    ("keys",),
)
# The declared drop order. Room is handed out stage by stage, top to bottom; when the
# terminal is small the stages at the bottom are the ones left out, so the phase, the time
# (one line at least) and the keys are never dropped. A number caps a part's lines at that
# stage; the countdown takes 1 line as text and a bar, then 4 and 6 as block digits and a
# bar, and at the end whatever room is left over. The figure takes up to FIGURE_SHARE of
# the screen, as large as that lets it be drawn, so that the countdown and the steps keep
# room beside it; during a set of reps, with no countdown, it grows into what is left.
NEVER_DROPPED = (
    Stage("headline", keep=True),
    Stage("clock", 1, keep=True),
    Stage("paused", keep=True),
    Stage("keys", keep=True),
)
GET_READY = (  # before an exercise: what to do and when to stop matter most
    *NEVER_DROPPED,
    Stage("stop", 1),
    Stage("steps", 4),
    Stage("cautions", 1),
    Stage("next", 1),
    Stage("where", 1),
    Stage("stop", 2),
    Stage("cautions", 3),
    Stage("steps"),
    Stage("stop"),
    Stage("cautions"),
    Stage("figure", share=FIGURE_SHARE),
    Stage("clock", 4),
    GAPS,
    Stage("clock", 6),
    Stage("clock"),
)
DURING = (  # during an exercise: the countdown, readable from the mat, matters most
    *NEVER_DROPPED,
    Stage("name", 1),
    Stage("clock", 4),
    Stage("next", 1),
    Stage("where", 1),
    Stage("clock", 6),
    Stage("figure", share=FIGURE_SHARE),
    Stage("steps"),
    GAPS,
    Stage("clock"),
    Stage("figure"),  # where no countdown took the rest (a set of reps), the figure does
)


def clock_text(seconds: float) -> str:
    """Seconds left as the countdown shows them: '45', '1:05'."""
    minutes, secs = divmod(shown_seconds(seconds), 60)
    return f"{minutes}:{secs:02d}" if minutes else str(secs)


def where(step: Step, plan: Plan) -> str:
    """'exercise 1 of 3 · set 1 of 2 · hold 2 of 6 · first side'."""
    exercise = words.EXERCISE_OF.format(position=step.position, count=len(plan.exercises))
    return words.WHERE_SEP.join([exercise, *_in_set(step)])


def _in_set(step: Step) -> list[str]:
    parts = []
    if step.phase is not Phase.READY:
        parts.append(words.SET_IN_PLAN.format(set=step.set_number, sets=step.sets))
    if step.phase is Phase.HOLD and step.reps > 1:
        parts.append(words.HOLD_OF.format(rep=step.rep, reps=step.reps))
    side = words.side_name(step)
    if side:
        parts.append(side)
    return parts


def key_hints(moment: Moment) -> list[tuple[str, str]]:
    """The keys that work now, as (key, what it does), for the key line.

    A new key for the coach goes in here, in the order it should be read.
    """
    if moment.paused:
        go = ("Enter", words.KEY_RESUME)
    elif moment.step.phase is Phase.REPS:
        go = ("Enter", words.KEY_DONE)
    else:
        go = ("Enter", words.KEY_CONTINUE)
    pause = [] if moment.paused else [("p", words.KEY_PAUSE)]
    return [go, *pause, ("s", words.KEY_SKIP), ("h", words.KEY_HURTS), ("q", words.KEY_STOP)]


def moment_view(moment: Moment, figure: MovingFigure | None = None) -> FittedScreen:
    """The coach's screen: where you are, what to do, how long is left, what is next, the
    exercise's figure moving with the phase (drawn by the session's `figure`, if any), and
    the keys, fitted to the terminal's size.

    Each part is a function `(moment, console, width, room) -> lines` that draws itself in
    at most `room` lines of `width` cells, and marks anything it leaves out. To add one:
    write the function, add it to `parts` here, give it a group in GROUPS for where it
    shows, and a Stage in GET_READY and DURING for how soon it is dropped.
    """
    parts: dict[str, Part] = {
        "where": partial(_where, moment),
        "name": partial(_name, moment),
        "headline": partial(_headline, moment),
        "figure": partial(_figure, moment, figure),
        "clock": partial(_clock, moment),
        "paused": partial(_paused, moment),
        "next": partial(_next, moment),
        "steps": partial(_steps, moment.step.exercise),
        "cautions": partial(_cautions, moment.step.exercise),
        "stop": partial(_stop, moment),
        "keys": partial(_keys, moment),
    }
    stages = GET_READY if moment.step.phase is Phase.READY else DURING
    return FittedScreen(parts, groups=GROUPS, stages=stages)


def _where(moment: Moment, console: Console, width: int, room: int) -> list[Text]:
    line = Text(f"{moment.plan.title} · {where(moment.step, moment.plan)}", style="dim")
    return [one_line(line, min(width, TEXT_WIDTH))][:room]


def _name(moment: Moment, console: Console, width: int, room: int) -> list[Text]:
    return [one_line(Text(moment.step.exercise.name, style="bold"), width)][:room]


def _headline(moment: Moment, console: Console, width: int, room: int) -> list[Text]:
    step = moment.step
    return wrapped(console, Text(words.headline(step), style=PHASE_STYLE[step.phase]), width)


def _figure(
    moment: Moment, figure: MovingFigure | None, console: Console, width: int, room: int
) -> list[Text]:
    """The exercise's figure, moving with the phase, as large as its room; none where it
    would be too small to read. Blank rows are kept: the box holds still as it moves."""
    pose = moment.step.exercise.pose
    if figure is None or pose is None:
        return []
    return figure.lines(pose, moment.pose_progress(), width, room)


def _clock(moment: Moment, console: Console, width: int, room: int) -> list[Text]:
    """The time left: block digits as big as the room allows over a progress bar, or at
    the least the time as text beside the bar."""
    step, remaining = moment.step, moment.remaining
    if remaining is None or not step.seconds:
        return []
    done = 1 - remaining / step.seconds
    style = PHASE_STYLE[step.phase].removeprefix("bold ")
    widest = clock_text(step.seconds)  # the scale holds still as the digits count down
    unicode = carries_unicode(console)
    scale = largest_scale(widest, width, room - 1, whole_rows=not unicode)
    if not scale:
        now = clock_text(remaining)
        label = (SECONDS.format(seconds=now) if ":" not in now else now) + " "
        bar = progress_bar(done, min(width - cell_len(label), BAR_WIDTH), unicode=unicode)
        return [Text.assemble((label, "bold"), bar)]
    rows = [Text(row, style) for row in block_digits(clock_text(remaining), scale)]
    bar_width = min(width, max(BAR_WIDTH, digits_size(widest, scale)[0]))
    return [*rows, progress_bar(done, bar_width, unicode=unicode)]


def progress_bar(done: float, width: int, *, unicode: bool = True) -> Text:
    """A bar `width` cells long, `done` (0 to 1) of it heavy, the rest a thin line, so it
    reads without colour too ('=' and '-' in ASCII)."""
    halves = round(max(0.0, min(done, 1.0)) * width * 2)
    full, half = divmod(halves, 2) if unicode else (halves // 2, 0)
    bar = Text(("━" if unicode else "=") * full + "╸" * half, style="green")
    return bar.append(("─" if unicode else "-") * (width - full - half), style="dim")


def _paused(moment: Moment, console: Console, width: int, room: int) -> list[Text]:
    if not moment.paused:
        return []
    return wrapped(console, Text(words.PAUSED, "bold reverse"), width)


def _next(moment: Moment, console: Console, width: int, room: int) -> list[Text]:
    line = Text(words.NEXT.format(step=words.upcoming(moment.next_step, moment.step)), "italic")
    return [one_line(line, min(width, TEXT_WIDTH))][:room]


def _steps(exercise: Exercise, console: Console, width: int, room: int) -> list[Text]:
    label_width = len(str(len(exercise.steps))) + 1
    items = [(f"{n}.".rjust(label_width), s) for n, s in enumerate(exercise.steps, 1)]
    heading = Text(words.HOW_TO, style="bold")
    return listing(console, heading, items, min(width, TEXT_WIDTH), room, more=words.MORE_STEPS)


def _cautions(exercise: Exercise, console: Console, width: int, room: int) -> list[Text]:
    items = [("•", caution) for caution in exercise.cautions]
    heading = Text(words.TAKE_CARE, style="bold")
    return listing(console, heading, items, min(width, TEXT_WIDTH), room, more=words.MORE_CAUTIONS)


def _stop_reasons(moment: Moment) -> tuple[str, ...]:
    """The catalog's stops whatever the score, then the ones particular to this exercise."""
    return (*moment.plan.stop_always, *moment.step.exercise.stop_if)


def _stop(moment: Moment, console: Console, width: int, room: int) -> list[Text]:
    items = [("•", reason) for reason in _stop_reasons(moment)]
    heading = Text(words.STOP_IF, style="bold red")
    return listing(console, heading, items, min(width, TEXT_WIDTH), room, more=words.MORE_REASONS)


def _keys(moment: Moment, console: Console, width: int, room: int) -> list[Text]:
    lines = item_line(key_hints(moment), width)
    for line in lines:
        line.stylize("dim")
    return lines


def exercise_intro(moment: Moment) -> RenderableType:
    """Line mode's get-ready: the exercise, its steps, its cautions and when to stop."""
    exercise, plan = moment.step.exercise, moment.plan
    heading = Text(exercise.name, style="bold")
    if len(plan.exercises) > 1:
        where = words.IN_PLAN.format(
            title=plan.title, position=moment.step.position, count=len(plan.exercises)
        )
        heading.append(words.WHERE_SEP + where, "dim")
    return Group(
        Text(),
        heading,
        *(Text(line) for line in pose_words(exercise)),  # no figure is drawn here
        Text(words.HOW_TO, style="bold"),
        numbered(exercise.steps),
        Text(words.TAKE_CARE, style="bold"),
        bullets(exercise.cautions),
        Text(words.STOP_IF, style="bold red"),
        bullets(_stop_reasons(moment)),
    )


def key_text(moment: Moment, *, typed: bool) -> Text:
    """The key line as line mode prints it; `typed`: each key is followed by Enter."""
    line = Text(words.KEYS, style="dim")
    for n, (key, label) in enumerate(key_hints(moment)):
        line.append(" · " if n else "").append(key, "bold").append(f" {label}")
    return line.append(words.TYPED_KEYS if typed else "", style="dim")


def said_line(moment: Moment) -> str:
    """The accessible coach's line for a step as it starts: where in the session, then
    what to do and for how long ('Bird dog, set 1 of 3, left side. Hold for 10 seconds.')."""
    step = moment.step
    if step.phase is Phase.READY:  # its words name the exercise
        return words.said_step(step)
    where = LIST.join([step.exercise.name, *_in_set(step)])
    return words.SAID_STEP.format(where=where, what=words.said_step(step))


def phase_line(moment: Moment) -> Text:
    """Line mode's line for a step: the countdown marks are added to it as time runs."""
    step = moment.step
    headline = words.headline(step)
    line = Text(headline, style=PHASE_STYLE[step.phase])
    details = [part for part in _in_set(step) if part.upper() not in headline.upper()]
    for part in [*details, words.NEXT.format(step=words.upcoming(moment.next_step, step))]:
        line.append(f" · {part}", style="dim")
    if moment.remaining is not None:
        line.append(f" · {clock_text(moment.remaining)}")
    return line
