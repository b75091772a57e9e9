"""Simulated people following a programme for 12 weeks, every day's decision checked.

Usage: python benchmarks/plan_sim.py [--people N] [--seed S] [--quick]

Each person gets a plan composed from random answers (pain, how long, a leg, care
conditions, days, minutes, floor, equipment, quota or symptom mode) and a story of their
pain: it eases, stays, flares mid-way, or spreads to a leg; some miss a week or two. Each
day they may say how the morning is, then ask for the day's decision, then do the session
at the offered doses (each exercise in full, partly or skipped; pain before and after;
sometimes the "it hurts" key). Every decision is checked against issue 19's invariants
(tests/programme/simulation.py, shared with the property tests): (a) no increase after a
bad session or spreading until a session within the rule, (b) one variable per step,
(c) never beyond the ceiling, (d) only what the person can do, (e) days off never raise a
dose, (f) nothing offered after a red flag, (g) the same inputs give the same day.

Reports the violations (each one, then the count), the time per decision (median and p95,
in ms, timing `decide` alone) and how many people reached a ceiling. The last line reads
`violations: N`; the exit code is 1 when N > 0. Seeded: the same seed gives the same
people. `--quick` (for CI, so that the benchmark never rots) simulates 50 people.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from backfit.catalog.conditions import Condition
from backfit.programme.compose import compose
from backfit.programme.settings import Duration, Leg, Mode, Settings, default_mode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "programme"))
from simulation import CATALOG, Person  # shared with the property tests

WEEKS = 12
PEOPLE, QUICK_PEOPLE = 1_000, 50
STORIES = ("eases", "stays", "flares", "spreads")
MONDAY = date(2026, 3, 2)


@dataclass
class Rolled:
    """Choices from a seeded random number generator."""

    rng: random.Random

    def number(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def chance(self, percent: float) -> bool:
        return self.rng.random() * 100 < percent


@dataclass
class Pain:
    """A person's usual pain over the weeks: `kind` is one of STORIES."""

    kind: str
    start: int
    rng: random.Random
    away_from: int | None  # the first day of a week or two away
    away_days: int
    flare_day: int

    def usual(self, n: int) -> int:
        level = self.start
        if self.kind == "eases":
            level = round(self.start * max(0.2, 1 - n / 60))
        elif self.kind == "flares" and self.flare_day <= n < self.flare_day + 5:
            level = max(self.start, 7) + self.rng.randint(0, 2)
        elif self.kind == "spreads" and n >= self.flare_day:
            level = self.start + 1
        return max(0, min(10, level + self.rng.randint(-1, 1)))

    def away(self, n: int) -> bool:
        return self.away_from is not None and self.away_from <= n < self.away_from + self.away_days

    def spreads(self, n: int) -> bool:
        return self.kind == "spreads" and n == self.flare_day


def person(rng: random.Random) -> Person:
    duration = rng.choice(list(Duration))
    pain = rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5, 6))  # at the start, 0-10
    days = tuple(sorted(rng.sample(range(7), rng.choice((2, 3, 3, 3, 4, 5)))))
    mode = default_mode(duration) if rng.random() < 0.7 else rng.choice(list(Mode))
    answers = Settings(
        pain=pain,
        duration=duration,
        leg=rng.choice((Leg.NONE, Leg.NONE, Leg.ABOVE_KNEE, Leg.BELOW_KNEE)),
        care=tuple(c for c in Condition if rng.random() < 0.08),
        start=MONDAY + timedelta(days=rng.randint(0, 6)),
        weeks=WEEKS,
        days=days,
        minutes=rng.choice((10, 15, 20, 20, 30, 45)),
        floor=rng.random() < 0.85,
        equipment=("barbell",) if rng.random() < 0.1 else (),
        walking=rng.choice((0, 5, 10, 20)),
        mode=mode,
    )
    missing = rng.random() < 0.3
    story = Pain(
        kind=rng.choice(STORIES),
        start=pain,
        rng=rng,
        away_from=rng.randint(7, WEEKS * 7 - 14) if missing else None,
        away_days=rng.choice((7, 8, 10, 14)),
        flare_day=rng.randint(28, 56),
    )
    return Person(compose(answers, CATALOG), story, Rolled(rng), check_determinism_every=7)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=None)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--quick", action="store_true", help="50 people, for CI")
    args = parser.parse_args()
    count = args.people or (QUICK_PEOPLE if args.quick else PEOPLE)
    rng = random.Random(args.seed)
    times: list[float] = []
    violations: list[str] = []
    kinds: dict[str, int] = dict.fromkeys(STORIES, 0)
    top_any = top_all = stopped = 0
    backs: list[int] = []
    for number in range(count):
        someone = person(rng)
        someone.live(WEEKS * 7)
        times += [seconds * 1000 for seconds in someone.times]
        kinds[someone.story.kind] += 1  # type: ignore[attr-defined]
        violations += [f"person {number}: {v}" for v in someone.violations]
        steps = [d.steps for d in someone.days if d.steps]
        reached = {
            p.role
            for planned in steps
            for p in planned
            if p.step.rung == p.step.rungs - 1 or p.step.why.code == "harder"
        }
        slots = {s.role for s in someone.settings.slots}
        top_any += bool(reached)
        top_all += bool(slots) and reached >= slots
        stopped += any(d.state == "stopped" for d in someone.days)
        backs.append(len({day for p in (steps[-1] if steps else ()) for day in p.step.backs}))
    median = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
    for line in violations[:50]:
        print(line)
    if len(violations) > 50:
        print(f"... and {len(violations) - 50} more")
    print(f"people: {count} over {WEEKS} weeks (seed {args.seed}); pain that " +
          ", ".join(f"{kind}: {n}" for kind, n in kinds.items()))  # fmt: skip
    print(f"decisions: {len(times)}; per decision: median {median:.2f} ms, p95 {p95:.2f} ms")
    print(f"reached a ceiling: {top_any} of {count}; every exercise at its ceiling: {top_all}")
    print(
        f"days with a step back, per person: median {statistics.median(backs):g}, "
        f"none for {backs.count(0)}; stopped by a red flag: {stopped}"
    )
    print(f"violations: {len(violations)}")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
