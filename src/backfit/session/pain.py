"""What a pain score means for today's session, read from the catalog's pain rule, and
what to suggest instead when it is too high to start."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

from backfit.catalog.levels import Level
from backfit.catalog.models import Exercise

if TYPE_CHECKING:
    from backfit.catalog.models import Catalog, PainLevel, Routine, Safety

Zone = Literal["go", "caution", "stop"]
RISE_AFTER = 3  # points of pain gained during one session that mean stop, whatever the band


def pain_band(safety: Safety, score: int) -> PainLevel | None:
    """The band of the pain rule that `score` falls in (None: a score the rule leaves out)."""
    return next(
        (band for band in safety.pain_rule if band.scores[0] <= score <= band.scores[1]), None
    )


def pain_zone(safety: Safety, score: int) -> Zone:
    """go, caution or stop: the zone of the band `score` falls in. A score between bands
    (a catalog may leave gaps) takes the stricter neighbour's zone."""
    band = pain_band(safety, score)
    if band is not None:
        return band.zone
    fine, stop = safety.pain_limits()
    return "stop" if score >= stop else "go" if score <= fine else "caution"


def go_band(safety: Safety) -> PainLevel | None:
    """The band of the pain rule in which exercise is fine."""
    return next((band for band in safety.pain_rule if band.zone == "go"), None)


def highest_zone(entry: Exercise | Routine, catalog: Catalog) -> Zone:
    """The highest zone `entry` is for: a routine is for no more than its strictest exercise."""
    if isinstance(entry, Exercise):
        return entry.pain_up_to
    limits = {exercise.pain_up_to for exercise, _ in catalog.doses_of(entry)}
    return "go" if "go" in limits else "caution"


def gate_zone(entry: Exercise | Routine, catalog: Catalog, score: int) -> Zone:
    """The zone the pain gate acts on: the score's own, or "stop" where the score is above
    the highest zone `entry` is for (the deadlift at a pain in the caution band)."""
    zone = pain_zone(catalog.safety, score)
    if zone == "caution" and highest_zone(entry, catalog) == "go":
        return "stop"
    return zone


def gentler_choice(entry: Exercise | Routine, catalog: Catalog) -> Exercise | Routine | None:
    """Something gentler than `entry` to suggest: an exercise's first easier variant, or
    else the routine whose hardest exercise is of a lower level than `entry`'s hardest
    (the lowest such level, then the shortest); None when nothing is gentler."""
    from backfit.session.plan import plan_for  # only here: the plan and today need the rest

    if isinstance(entry, Exercise) and entry.easier:
        return catalog.exercise(entry.easier[0])
    order = list(Level)

    def hardest(item: Exercise | Routine) -> int:
        return max(order.index(exercise.level) for exercise, _ in catalog.doses_of(item))

    gentler = [r for r in catalog.routines if hardest(r) < hardest(entry)]
    return min(
        gentler, key=lambda r: (hardest(r), plan_for(r, catalog).total_seconds), default=None
    )


class PainAfter(NamedTuple):
    """What the pain after a session means: its zone and band by the catalog's pain rule,
    and how far it rose over the pain before (None: no score before). `stop` is the pain
    gate's stop, reached by the band or by a rise of RISE_AFTER points or more."""

    score: int
    zone: Zone
    band: PainLevel | None
    rise: int | None

    @property
    def stop(self) -> bool:
        return self.zone == "stop" or (self.rise or 0) >= RISE_AFTER


def pain_after(safety: Safety, after: int | None, before: int | None = None) -> PainAfter | None:
    """The pain after a session read by the same rule as the gate before it; None when no
    score was given."""
    if after is None:
        return None
    rise = None if before is None else after - before
    return PainAfter(after, pain_zone(safety, after), pain_band(safety, after), rise)
