"""The text around a live session: its plan, the safety check before it, and the summary
after it. These build Rich objects and never print."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from backfit.session.phases import Phase
from backfit.session.plan import Plan, Step
from backfit.views.pain import SEE_SAFETY
from backfit.views.widgets import bullets, labelled
from backfit.views.words import session as words
from backfit.views.words.doses import format_about, format_duration

if TYPE_CHECKING:
    from backfit.catalog.models import Catalog
    from backfit.session.coach import Outcome


def plan_view(plan: Plan) -> RenderableType:
    """Every set, hold and rest with the time it starts, and the total."""
    heading = Text.assemble((plan.title, "bold"), f" — {format_about(plan.total_seconds)}")
    rows: list[tuple[str, Text]] = []
    clock = 0
    for block in _blocks(plan):
        rows.append((_mmss(clock), Text(words.block(block), style=_block_style(block[0]))))
        clock += sum(step.estimate for step in block)
    rows.append((_mmss(clock), Text("Finished", style="bold")))
    parts: list[RenderableType] = [heading, Text(), labelled(rows, gap=2, align="right")]
    if any(step.phase is Phase.REPS for step in plan.steps):
        note = "Times for sets of reps are estimates: they end when you press Enter."
        parts += [Text(), Text(note, style="dim")]
    return Group(*parts)


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
        Text("Do not exercise, and get medical help now, if you have:"),
        bullets(catalog.safety.emergency),
    )
    return Group(
        Text.assemble((plan.title, "bold"), f" — {format_about(plan.total_seconds)}"),
        Text(),
        Panel(flags, title=Text("Before you start"), title_align="left", border_style="red"),
        Text(),
        *_stop_lines(catalog, stop),
        Text(f"Mild discomfort (up to {fine}/10) is normal and not a sign of harm."),
        Text("During the session, press h if it hurts: the exercise stops there."),
        Text(),
        Text("Press Enter to start, or q to quit.", style="bold"),
    )


def _stop_lines(catalog: Catalog, stop: int) -> list[RenderableType]:
    """When to stop: above the pain rule's limit, and whatever the score for the catalog's
    stop_always signs (a pain spreading into a leg, where the catalog lists none)."""
    always = catalog.safety.stop_always
    if not always:
        return [
            Text(
                f"Stop if your pain goes above {stop - 1}/10, or spreads into a leg.", style="bold"
            )
        ]
    heading = f"Stop if your pain goes above {stop - 1}/10, and whatever the score if:"
    return [Text(heading, style="bold"), bullets(always)]


def summary_text(outcome: Outcome) -> Text:
    """A few lines for after the session, also when it was stopped early."""
    names = [e.name for e in outcome.plan.exercises]
    if not outcome.finished:
        verdict = "Session stopped"
    else:
        verdict = "Session complete"
        if outcome.skipped:  # finished, but not everything was done
            verdict = "Session finished" if outcome.done else "Session ended with nothing done"
    text = Text(f"{verdict} after {format_duration(round(outcome.elapsed))}.\n", style="bold")
    during = [outcome.stopped_during] if outcome.stopped_during else []
    stopped = "Stopped for pain during" if outcome.pain_stop else "Stopped during"
    for label, positions in (
        ("Done", outcome.done),
        ("Skipped", outcome.skipped),
        (stopped, during),
        ("Not reached", outcome.not_reached),
    ):
        if positions:
            text.append(f"{label}: {', '.join(names[p - 1] for p in positions)}")
            if positions is during and outcome.pain_during is not None:
                text.append(f" (pain {outcome.pain_during}/10)")
            text.append("\n")
    if outcome.pain_stop:
        text.append(f"{SEE_SAFETY}\n")
    return text
