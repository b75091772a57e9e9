"""What the pain gate says before a session: why it will not start in the stop band, and
the gentler dose it offers in the caution band. Built as Text, never printed here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from backfit.views.words.doses import format_about, format_dose

if TYPE_CHECKING:
    from backfit.catalog.models import Exercise, PainLevel, Routine
    from backfit.session.plan import Plan

SEE_SAFETY = "See 'backfit safety' for what pain means and when to get help."


def band_words(score: int, band: PainLevel | None, zone: str) -> str:
    """'Pain 9/10 is in the stop band (6+/10)': the band's zone and range as the pain rule
    (and `backfit safety`) writes them."""
    where = "" if band is None else f" ({band.range}/10)"
    return f"Pain {score}/10 is in the {zone} band{where}"


def stop_band_text(
    entry: Exercise | Routine,
    score: int,
    band: PainLevel | None,
    gentler: Exercise | Routine | None,
    *,
    despite_pain: bool,
) -> Text:
    """Why backfit will not start, where to read more, and what else to do."""
    verdict = "you asked to start anyway" if despite_pain else f"{entry.name} will not start"
    lines = [f"{band_words(score, band, 'stop')}: {verdict}.", SEE_SAFETY]
    if gentler is not None:
        lines.append(
            f"Something gentler, once it eases: {gentler.name} (backfit start {gentler.slug})."
        )
    if not despite_pain:
        lines.append(f"To start anyway, knowing this: backfit start {entry.slug} --despite-pain")
    text = Text("\n".join(lines))
    text.stylize("bold", 0, len(lines[0]))
    return text


def caution_text(
    score: int, band: PainLevel | None, plan: Plan, easier: Plan, *, stop: bool = False
) -> Text:
    """The gentler dose offered as the default, next to the full one."""
    heading = "Go gently" if stop else band_words(score, band, "caution")
    text = Text(f"{heading}: the easier dose is the default.\n", style="bold")
    if len(plan.items) == 1:
        text.append(f"The easier dose: {format_dose(easier.items[0][1])}\n")
        text.append(f"The full dose:   {format_dose(plan.items[0][1])}")
    else:
        text.append(
            f"The easier doses take {format_about(easier.total_seconds)}, "
            f"the full ones {format_about(plan.total_seconds)}."
        )
    return text
