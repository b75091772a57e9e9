"""What the pain gate says before a session: why it will not start in the stop band, and
the gentler dose it offers in the caution band. Built as Text, never printed here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backfit.views.text import Text
from backfit.views.words import prompts as words
from backfit.views.words.doses import format_about, format_dose

if TYPE_CHECKING:
    from backfit.catalog.models import Exercise, PainLevel, Routine
    from backfit.session.plan import Plan


def band_words(score: int, band: PainLevel | None, zone: str) -> str:
    """'Pain 9/10 is in the stop band (6+/10)': the band's zone and range as the pain rule
    (and `backfit safety`) writes them."""
    named = words.ZONES.get(zone, zone)
    if band is None:
        return words.IN_BAND.format(score=score, zone=named)
    return words.IN_BAND_RANGE.format(score=score, zone=named, range=band.range)


def stop_band_text(
    entry: Exercise | Routine,
    score: int,
    band: PainLevel | None,
    gentler: Exercise | Routine | None,
    *,
    despite_pain: bool,
    low: PainLevel | None = None,
) -> Text:
    """Why backfit will not start, where to read more, and what else to do. `low`: the
    score is not in the stop band, but `entry` is only for pain in this (the go) band."""
    if low is not None:
        said = band_words(score, band, "caution")
        verdict = words.ASKED_ANYWAY if despite_pain else words.ONLY_WHEN_LOW
        lines = [verdict.format(band=said, name=entry.name, low=low.range)]
    else:
        verdict = words.ASKED_ANYWAY if despite_pain else words.WILL_NOT_START
        lines = [verdict.format(band=band_words(score, band, "stop"), name=entry.name)]
    lines.append(words.SEE_SAFETY)
    if gentler is not None:
        lines.append(words.GENTLER.format(name=gentler.name, slug=gentler.slug))
    if not despite_pain:
        lines.append(words.HOW_TO_START_ANYWAY.format(slug=entry.slug))
    text = Text("\n".join(lines))
    text.stylize("bold", 0, len(lines[0]))
    return text


def caution_text(
    score: int, band: PainLevel | None, plan: Plan, easier: Plan, *, stop: bool = False
) -> Text:
    """The gentler dose offered as the default, next to the full one."""
    heading = words.GENTLY_HEADING if stop else band_words(score, band, "caution")
    text = Text(words.EASIER_DEFAULT.format(heading=heading) + "\n", style="bold")
    if len(plan.items) == 1:
        text.append(words.EASIER_DOSE.format(dose=format_dose(easier.items[0][1])) + "\n")
        text.append(words.FULL_DOSE.format(dose=format_dose(plan.items[0][1])))
    else:
        easier_time, full_time = (
            format_about(easier.total_seconds),
            format_about(plan.total_seconds),
        )
        text.append(words.EASIER_DOSES.format(easier=easier_time, full=full_time))
    return text
