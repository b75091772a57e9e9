"""The text around a live session: its plan, the safety check before it, and the summary
after it. These build Rich objects and never print."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.panel import Panel

from backfit.session.phases import Phase
from backfit.session.plan import Plan, Step
from backfit.views.care import care_verdicts
from backfit.views.pain import band_words
from backfit.views.text import Text
from backfit.views.widgets import bullets, labelled
from backfit.views.words import catalog as catalog_words
from backfit.views.words import doses as doses_words
from backfit.views.words import prompts
from backfit.views.words import session as words
from backfit.views.words.doses import (
    AFTER_AMOUNT,
    amount_lines,
    format_about,
    format_duration,
    short_seconds,
)

if TYPE_CHECKING:
    from rich.text import Text as RichText

    from backfit.catalog.models import Catalog, Dose, Exercise, Routine
    from backfit.programme.build_up import BuildUpStep
    from backfit.session.coach import Outcome
    from backfit.session.pain import PainAfter


def plan_view(plan: Plan) -> RenderableType:
    """Every set, hold and rest with the time it starts, and the total."""
    heading = Text.assemble((plan.title, "bold"), f" — {format_about(plan.total_seconds)}")
    rows: list[tuple[str, Text]] = []
    clock = 0
    for block in _blocks(plan):
        rows.append((_mmss(clock), Text(words.block(block), style=_block_style(block[0]))))
        clock += sum(step.estimate for step in block)
    rows.append((_mmss(clock), Text(words.FINISHED_AT, style="bold")))
    parts: list[RenderableType] = [heading, Text(), labelled(rows, gap=2, align="right")]
    if any(step.phase is Phase.REPS for step in plan.steps):
        parts += [Text(), Text(words.ESTIMATES, style="dim")]
    return Group(*parts, *_care(plan))


def care_view(plan: Plan) -> RenderableType:
    """Who should take care with a routine, said before its coach starts; nothing for one
    exercise, whose own page says it."""
    return Group(*_care(plan)[1:])


def _care(plan: Plan) -> list[RenderableType]:
    """Who should take care: the exercises of a routine with a care verdict, as `show` says."""
    care = care_verdicts(plan.exercises) if len(plan.exercises) > 1 else []
    if not care:
        return []
    return [Text(), Text(catalog_words.WHO_SHOULD_TAKE_CARE, style="bold"),
            labelled(care, label_style="bold")]  # fmt: skip


def _blocks(plan: Plan) -> list[list[Step]]:
    """Steps grouped as a person thinks of them: a get-ready, one side of a set, a rest."""
    blocks: list[list[Step]] = []
    for step in plan.steps:
        previous = blocks[-1][-1] if blocks else None
        same_set = (
            previous is not None
            and step.phase in (Phase.HOLD, Phase.RELAX)
            and previous.phase in (Phase.HOLD, Phase.RELAX)
            and (previous.set_number, previous.side) == (step.set_number, step.side)
        )
        if same_set:
            blocks[-1].append(step)
        else:
            blocks.append([step])
    return blocks


def _block_style(step: Step) -> str:
    return "bold" if step.phase in (Phase.HOLD, Phase.REPS) else "dim"


def _mmss(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def safety_check_view(catalog: Catalog, plan: Plan) -> RenderableType:
    """The one screen a person sees before the timer starts."""
    fine, stop = catalog.safety.pain_limits()
    flags = Group(
        Text(words.GET_HELP_IF),
        bullets(catalog.safety.emergency),
    )
    return Group(
        Text.assemble((plan.title, "bold"), f" — {format_about(plan.total_seconds)}"),
        Text(),
        Panel(flags, title=Text(words.BEFORE_YOU_START), title_align="left", border_style="red"),
        Text(),
        *_stop_lines(catalog, stop),
        Text(words.MILD_IS_NORMAL.format(fine=fine)),
        Text(words.PRESS_H),
        Text(),
        Text(words.PRESS_ENTER, style="bold"),
    )


def _stop_lines(catalog: Catalog, stop: int) -> list[RenderableType]:
    """When to stop: above the pain rule's limit, and whatever the score for the catalog's
    stop_always signs (a pain spreading into a leg, where the catalog lists none)."""
    always = catalog.safety.stop_always
    if not always:
        return [Text(words.STOP_ABOVE.format(most=stop - 1), style="bold")]
    heading = words.STOP_ABOVE_AND_IF.format(most=stop - 1)
    return [Text(heading, style="bold"), bullets(always)]


def summary_text(outcome: Outcome, after: RichText | None = None) -> Text:
    """A few lines for after the session, also when it was stopped early; `after` is what
    the pain after it means (`pain_after_text`), which then says where to read more."""
    names = [e.name for e in outcome.plan.exercises]
    if not outcome.finished:
        verdict = words.STOPPED_AFTER
    elif not outcome.skipped:
        verdict = words.COMPLETE_AFTER
    else:  # finished, but not everything was done
        verdict = words.FINISHED_AFTER if outcome.done else words.NOTHING_DONE_AFTER
    duration = format_duration(round(outcome.elapsed))
    text = Text(verdict.format(duration=duration) + "\n", style="bold")
    during = [outcome.stopped_during] if outcome.stopped_during else []
    stopped = words.STOPPED_FOR_PAIN if outcome.pain_stop else words.STOPPED_DURING
    if outcome.pain_stop and outcome.pain_stop != outcome.stopped_during:  # h between two
        during, stopped = [outcome.pain_stop], words.STOPPED_FOR_PAIN_AFTER
    for said, positions in (
        (words.DONE, outcome.done),
        (words.SKIPPED, outcome.skipped),
        (stopped, during),
        (words.NOT_REACHED, outcome.not_reached),
    ):
        if positions:
            text.append(said.format(names=words.NAMES.join(names[p - 1] for p in positions)))
            if positions is during and outcome.pain_during is not None:
                text.append(words.PAIN_DURING.format(score=outcome.pain_during))
            text.append("\n")
    if after is not None:
        text.append_text(after)
    elif outcome.pain_stop:
        text.append(prompts.SEE_SAFETY + "\n")
    return text


def pain_after_text(
    check: PainAfter, name: str | None, *, gentler: Exercise | Routine | None,
    stop_sessions: int, stop_limit: int, days: int,
) -> Text | None:  # fmt: skip
    """What the pain after a session means, as the pain gate before one would say it: in
    the stop band (or after a steep rise) stop for today, rest what hurt (`name`; None: a
    plan's session, which the plan itself steps back), something gentler, where to read
    more, and a GP or physiotherapist once `stop_sessions` in the last `days` days reach
    `stop_limit`; in the caution band, the band's own meaning. None when the pain is fine."""
    band = band_words(check.score, check.band, check.zone)
    meaning = check.band.meaning if check.band is not None else ""
    if not check.stop:
        if check.zone != "caution" or not meaning:
            return None
        return Text(words.AFTER_BAND.format(band=band, meaning=meaning) + "\n", style="bold")
    if check.zone == "stop":
        first = words.AFTER_STOP.format(band=band)
    else:
        first = words.AFTER_RISE.format(before=check.score - (check.rise or 0), after=check.score)
    said = meaning and check.zone == "stop"  # a steep rise in a lower band: not its meaning
    lines = [words.PAIN_RULE_SAYS.format(meaning=meaning)] if said else []
    lines.append(words.AFTER_REST_PLAN if name is None else words.AFTER_REST.format(name=name))
    if gentler is not None:
        lines.append(words.GENTLER_NEXT.format(name=gentler.name, slug=gentler.slug))
    if stop_sessions >= stop_limit:
        lines.append(words.SEE_PROFESSIONAL.format(count=stop_sessions, days=days))
    lines.append(prompts.SEE_SAFETY)
    text = Text(first + "\n", style="bold")
    text.append("\n".join(lines) + "\n")
    return text


def build_up_line(step: BuildUpStep, exercise: Exercise) -> str:
    """Which step of its build-up an exercise is run at today, and how to ask for the
    full dose when the step is short of it: not after a step back for pain, when the full
    dose is the last thing to offer."""
    walking = exercise.position == "walking"
    said = words.STEP[step.kind].format(
        name=exercise.name, amount=_amount(step.dose, walking), days=step.every_days,
        last=_amount(step.last, walking) if step.last is not None else "",
    )  # fmt: skip
    if step.dose != exercise.dose and step.kind != "back":
        full = _amount(exercise.dose, walking)
        said += words.FULL_LATER.format(full=full, slug=exercise.slug)
    return said


def _amount(dose: Dose, walking: bool) -> str:
    """A dose without its rest; one walk, for an exercise done walking."""
    if walking and dose.sets == 1 and dose.reps is None and dose.hold_seconds:
        return doses_words.WALK.format(duration=short_seconds(dose.hold_seconds))
    return AFTER_AMOUNT.join(amount_lines(dose))
