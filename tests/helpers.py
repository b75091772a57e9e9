"""Test data shared by several test modules."""

from pathlib import Path

# A small valid catalog whose line numbers the error tests rely on: edit with care.
MINIMAL = """\
title: Test catalog
disclaimer: Not medical advice.
license: CC BY 4.0
sources:
  src:
    title: A source
    publisher: Someone
    url: https://example.org/a
benefits:
  summary: Training helps.
  points: [It steadies the spine.]
  sources: [src]
safety:
  emergency: [Numbness in the saddle area.]
  see_doctor: [Fever.]
  pain_rule:
    - {range: 0-3, zone: go, meaning: Fine.}
    - {range: 6+, zone: stop, meaning: Stop.}
  general: [Go slowly.]
  sources: [src]
exercises:
  - slug: first-move
    name: First move
    aliases: [Opener]
    summary: The first one.
    level: beginner
    equipment: [mat]
    muscles:
      primary: [glutes]
    dose:
      sets: 2
      reps: 8
      rest_seconds: 30
    benefits: [Strong glutes.]
    steps: [Lie down., Lift.]
    cautions: [Go gently.]
    stop_if: [Pain above 5/10.]
    easier: [second-move]
    sources: [src]
  - slug: second-move
    name: Second move
    summary: The second one.
    level: intermediate
    equipment: [none]
    muscles:
      primary: [lower back extensors]
    dose:
      sets: 1
      hold_seconds: 10
      rest_seconds: 20
      per_side: true
    benefits: [Endurance.]
    steps: [Kneel., Reach.]
    cautions: [Keep still.]
    stop_if: [Leg pain.]
    sources: [src]
"""

# A frozen copy of the catalog as it was before the content review (issue 9): the coach,
# records and progress tests need routines and links whose shape does not change whenever
# the shipped content does.
FROZEN_CATALOG = Path(__file__).with_name("frozen_catalog.yaml")


class FakeClock:
    """A clock that moves only when a test (or its fake keys) moves it."""

    def __init__(self) -> None:
        self.t = 0.0

    def now(self) -> float:
        return self.t


def figure_lines(lines: list[str]) -> set[int]:
    """The numbers of the lines of a braille figure, with its frames' labels below it."""
    found: set[int] = set()
    for n, line in enumerate(lines):
        if any("\u2800" <= c <= "\u28ff" for c in line) or (n - 1 in found and line.strip()):
            found.add(n)
    return found
