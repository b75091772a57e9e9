"""The coach's line mode, for terminals without cursor addressing: a line a step, a few marks."""

from __future__ import annotations

import io

from helpers import FakeClock
from rich.console import Console

from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.live.screens import LineScreen
from backfit.session.coach import Coach, Moment
from backfit.session.plan import build_plan

CATALOG = load_catalog(builtin_catalog_path())
EXERCISE = next(e for e in CATALOG.exercises if e.slug == "bird-dog").model_copy(
    update={
        "name": "Bird dog",
        "steps": ("Kneel on all fours.", "Reach one arm and the opposite leg."),
        "cautions": ("Lift the leg only to hip height.",),
        "stop_if": ("Your pain goes above 5/10.",),
    }
)
DOSE = EXERCISE.dose.model_validate(
    {"sets": 1, "reps": 2, "hold_seconds": 10, "rest_seconds": 30, "per_side": False}
)
PLAN = build_plan("Bird dog", [(EXERCISE, DOSE)])


def run_ticks(screen: LineScreen, index: int, *, pause_at: float | None = None) -> None:
    """Show step `index` as the coach would, every 0.2 s from its start to its end."""
    seconds = PLAN.steps[index].seconds or 0
    for tick in range(seconds * 5):
        left = seconds - tick * 0.2
        screen.show(Moment(PLAN, index, left))
        if pause_at is not None and abs(left - pause_at) < 1e-9:
            screen.show(Moment(PLAN, index, left, paused=True))
            screen.show(Moment(PLAN, index, left, paused=True))


def test_a_line_a_step_with_a_few_marks() -> None:
    out = io.StringIO()
    screen = LineScreen(Console(file=out, width=80, color_system=None), typed_keys=False)
    run_ticks(screen, 0)
    run_ticks(screen, 1, pause_at=4)
    run_ticks(screen, 2)
    screen.close()
    assert out.getvalue().splitlines() == [
        "",
        "Bird dog",
        "Start: kneeling or on all fours, resting on hands, knees and feet, back flat.",
        "End: one arm and the opposite leg lifted.",  # where no figure is drawn, its words
        "How to do it",
        "1. Kneel on all fours.",
        "2. Reach one arm and the opposite leg.",
        "Take care",
        "• Lift the leg only to hip height.",
        "Stop if",
        "• Your pain goes above 5/10.",
        "Keys: Enter continue · p pause · s skip exercise · h it hurts · q stop",
        "GET READY: BIRD DOG · Next: Hold 10 s (1 of 2) · 5 3 2 1",
        "HOLD · set 1 of 1 · hold 1 of 2 · Next: Relax 3 s · 10 5 (paused: Enter, p or "
        "space goes on) (going on) 3 2 1",
        "RELAX 3 s · set 1 of 1 · Next: Hold 10 s (2 of 2) · 3 2 1",
    ]


def test_typed_keys_are_explained_and_a_routine_names_each_exercise() -> None:
    out = io.StringIO()
    routine = build_plan("Two moves", [(EXERCISE, DOSE), (EXERCISE, DOSE)])
    screen = LineScreen(Console(file=out, width=100, color_system=None), typed_keys=True)
    second = next(i for i, step in enumerate(routine.steps) if step.position == 2)
    screen.show(Moment(routine, second, 5))
    screen.close()
    text = out.getvalue()
    assert "Bird dog · Two moves, exercise 2 of 2\n" in text
    assert "q stop (type the key, then Enter)\n" in text


def test_waiting_for_a_key_comes_back_to_redraw() -> None:
    import os
    import time

    from backfit.live.keys import TerminalKeys
    from backfit.session.coach import Key

    reader, writer = os.pipe()
    with os.fdopen(reader) as stream:
        keys = TerminalKeys(stream)
        keys.REDRAW = 0.05
        started = time.monotonic()
        assert keys.read(None) is None  # no key: back empty, so the screen can be redrawn
        assert time.monotonic() - started < 5
        os.write(writer, b"p")
        assert keys.read(None) is Key.PAUSE
        os.close(writer)


class Waiting:
    """No key is ever pressed: each wait lets its whole timeout pass on the fake clock."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock

    def read(self, timeout: float | None) -> None:
        assert timeout is not None, "a timed step never waits without an end"
        self.clock.t += timeout


class Silent:
    def announce(self, step: object) -> None:
        pass


def test_the_coach_in_line_mode_keeps_time_on_its_clock() -> None:
    """The get-ready counts 5 3 2 1 and the first hold starts 5 s in, as the clock says."""
    out = io.StringIO()
    console = Console(file=out, width=120, color_system=None)
    clock = FakeClock()
    screen = LineScreen(console, typed_keys=False)
    started_at: dict[str, float] = {}

    class Timed:
        def show(self, moment: Moment) -> None:
            started_at.setdefault(moment.step.phase, clock.t)
            screen.show(moment)

    outcome = Coach(clock=clock, keys=Waiting(clock), screen=Timed(), announcer=Silent()).run(PLAN)
    screen.close()
    lines = out.getvalue().splitlines()
    assert lines[12] == "GET READY: BIRD DOG · Next: Hold 10 s (1 of 2) · 5 3 2 1"
    assert started_at == {"ready": 0, "hold": 5, "relax": 15}
    assert lines[13].endswith("· 10 5 3 2 1")
    assert outcome.finished and outcome.elapsed == PLAN.total_seconds == 28
