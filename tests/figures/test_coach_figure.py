"""The figure on the coach's screen: it moves with the phase, the coach redraws it through
a set of reps, and a small screen gets a still figure or none."""

from __future__ import annotations

import io
from itertools import pairwise

import pytest
from helpers import FakeClock
from rich.cells import cell_len
from rich.console import Console

from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.session.coach import FRAME, Coach, Key, Moment
from backfit.session.plan import Phase, Plan, Step, build_plan
from backfit.views.figure import FEWEST_ROWS, MOST_FRAMES, MovingFigure
from backfit.views.session import moment_view

CATALOG = load_catalog(builtin_catalog_path())
BRAILLE = {chr(c) for c in range(0x2801, 0x2900)}


def plan_of(slug: str) -> Plan:
    entry = CATALOG.exercise(slug)
    return build_plan(entry.name, [(entry, entry.dose)])


def moment(plan: Plan, phase: Phase, elapsed: float) -> Moment:
    index = next(i for i, step in enumerate(plan.steps) if step.phase is phase)
    remaining = None if plan.steps[index].seconds is None else 1.0
    return Moment(plan, index, remaining, elapsed=elapsed)


def test_the_figure_follows_the_phase() -> None:
    holds = plan_of("bird-dog")  # tempo: 2 s up, 2 s down
    assert moment(holds, Phase.READY, 3).pose_progress() == 0
    lifting = [moment(holds, Phase.HOLD, t).pose_progress() for t in (0, 1, 2, 8)]
    assert lifting == pytest.approx([0, 0.5, 1, 1])
    lowering = [moment(holds, Phase.RELAX, t).pose_progress() for t in (0, 1, 2)]
    assert lowering == pytest.approx([1, 0.5, 0])
    assert moment(holds, Phase.SWITCH, 4).pose_progress() == 0
    reps = plan_of("cat-camel")  # 3 s up, no hold, 3 s down, and up again at once
    cycle = [moment(reps, Phase.REPS, t).pose_progress() for t in (0, 3, 6, 7.5, 9, 12)]
    assert cycle == pytest.approx([0, 1, 0, 0.5, 1, 0])


def test_a_hold_with_no_pause_in_its_tempo_keeps_moving() -> None:
    walk = plan_of("walking")
    positions = {round(moment(walk, Phase.HOLD, t / 10).pose_progress(), 2) for t in range(30)}
    assert len(positions) > 5  # not stuck at the end pose for ten minutes


class Keys:
    """Time passes as the coach waits; Enter after `after` seconds of a set of reps, a
    pause between `pause` seconds and two seconds later."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.waits: list[float | None] = []
        self.script = [(4.0, Key.PAUSE), (6.0, Key.PAUSE), (9.0, Key.CONTINUE)]

    def read(self, timeout: float | None) -> Key | None:
        self.waits.append(timeout)
        at, key = self.script[0] if self.script else (1e9, Key.QUIT)
        if timeout is None or self.clock.t + timeout >= at:
            self.clock.t = at
            self.script.pop(0)
            return key
        self.clock.t += timeout
        return None


class Screen:
    def __init__(self) -> None:
        self.moments: list[Moment] = []

    def show(self, moment: Moment) -> None:
        self.moments.append(moment)

    def announce(self, step: Step | None) -> None:
        pass


@pytest.mark.parametrize("animate", [True, False])
def test_the_coach_redraws_a_moving_figure_through_a_set_of_reps(animate: bool) -> None:
    reps = plan_of("cat-camel")
    first = next(i for i, step in enumerate(reps.steps) if step.phase is Phase.REPS)
    plan = Plan(reps.title, reps.steps[first : first + 1], reps.exercises)
    clock, screen = FakeClock(), Screen()
    keys = Keys(clock)
    Coach(clock=clock, keys=keys, screen=screen, announcer=screen, animate=animate).run(plan)
    if not animate:  # the set of reps just waits for keys
        assert [m.elapsed for m in screen.moments] == [0, 4, 4]
        return
    assert FRAME in keys.waits and len(screen.moments) > 15
    elapsed = [m.elapsed for m in screen.moments]
    assert elapsed == sorted(elapsed)
    # 3 s up, 3 s down and up again with no pause (9 s in all, 2 of them paused)
    assert all(b - a <= FRAME + 1e-9 for a, b in pairwise(elapsed))
    assert max(elapsed) >= 7.0 - FRAME  # drawn through to Enter
    assert all(m.elapsed == pytest.approx(4.0) for m in screen.moments if m.paused)


def test_with_reduced_motion_the_figure_only_changes_pose_and_is_never_redrawn_for_it() -> None:
    """Issue 22 (--no-motion, BACKFIT_REDUCED_MOTION, the setting): the start pose while
    getting ready, in a set of reps and resting; the end pose through a hold; nothing in
    between, and the coach wakes no more often than its countdown does."""
    holds, reps = plan_of("bird-dog"), plan_of("cat-camel")
    for plan in (holds, reps):
        for index, step in enumerate(plan.steps):
            at = [Moment(plan, index, 1.0, elapsed=t / 4, still=True) for t in range(40)]
            held = step.phase is Phase.HOLD
            assert {m.pose_progress() for m in at} == {1.0 if held else 0.0}, step.phase
    first = next(i for i, step in enumerate(reps.steps) if step.phase is Phase.REPS)
    plan = Plan(reps.title, reps.steps[first : first + 1], reps.exercises)
    clock, screen = FakeClock(), Screen()
    keys = Keys(clock)
    Coach(clock=clock, keys=keys, screen=screen, announcer=screen, animate=True, still=True).run(
        plan
    )
    assert [m.elapsed for m in screen.moments] == [0, 4, 4]  # a set of reps waits for keys
    assert all(m.still for m in screen.moments)


def test_a_countdown_is_drawn_once_for_each_number_it_shows() -> None:
    from backfit.views.session import clock_text

    holds = plan_of("bird-dog")
    first = next(i for i, step in enumerate(holds.steps) if step.phase is Phase.HOLD)
    plan = Plan(holds.title, holds.steps[first : first + 1], holds.exercises)
    assert plan.steps[0].seconds == 10
    clock, screen = FakeClock(), Screen()
    keys = Keys(clock)
    keys.script = []
    Coach(clock=clock, keys=keys, screen=screen, announcer=screen).run(plan)
    shown = [clock_text(m.remaining or 0) for m in screen.moments]
    assert shown == [str(n) for n in range(10, 0, -1)]  # each number once, none skipped
    assert all(wait is not None and wait <= 1.01 for wait in keys.waits)
    with_figure = Screen()
    clock.t = 0.0
    Coach(clock=clock, keys=keys, screen=with_figure, announcer=screen, animate=True).run(plan)
    lifting = [m.elapsed for m in with_figure.moments if m.elapsed <= 2.0]  # tempo: 2 s up
    assert len(lifting) >= 2.0 / FRAME  # the figure moves smoothly into the hold
    assert len(with_figure.moments) < len(lifting) + 10  # then one frame a second


def screen_text(m: Moment, height: int, figure: MovingFigure | None = None) -> str:
    console = Console(file=io.StringIO(), width=100, height=height, color_system=None)
    console.print(moment_view(m, figure or MovingFigure("braille")))
    return console.file.getvalue()  # type: ignore[attr-defined]


def screen_at(m: Moment, width: int, height: int, mode: str = "braille") -> list[str]:
    console = Console(file=io.StringIO(), width=width, height=height, color_system=None)
    console.print(moment_view(m, MovingFigure(mode)))
    return console.file.getvalue().splitlines()  # type: ignore[attr-defined]


def figure_size(lines: list[str]) -> tuple[int, int]:
    """(columns, rows) of the braille figure on a screen."""
    rows = [line.rstrip() for line in lines if set(line) & BRAILLE]
    return max((cell_len(row) for row in rows), default=0), len(rows)


SIZES = [(40, 12), (60, 20), (80, 24), (100, 32), (120, 40), (200, 60)]


@pytest.mark.parametrize(
    ("slug", "phase"),
    [("bird-dog", Phase.HOLD), ("cat-camel", Phase.REPS), ("glute-bridge", Phase.READY)],
)
def test_the_figure_grows_with_the_room_and_never_overflows(slug: str, phase: Phase) -> None:
    """At 200x60 the figure used to be the 8 rows it was at 34; at 100x32 a still 5."""
    plan = plan_of(slug)
    sizes = []
    for width, height in SIZES:
        lines = screen_at(moment(plan, phase, 0.5), width, height)
        assert len(lines) == height
        assert [line for line in lines if cell_len(line) > width] == []
        assert lines[-1].endswith("q stop")  # the keys stay at the bottom
        sizes.append(figure_size(lines))
    columns, rows = zip(*sizes, strict=True)
    assert list(columns) == sorted(columns) and list(rows) == sorted(rows)
    small, usual, wide = sizes[0], sizes[2], sizes[-1]
    if phase is not Phase.READY:  # getting ready, the steps come first at 80x24
        assert usual[1] >= 8  # readable at 80x24
    assert wide[1] >= 2 * max(usual[1], 8) and wide[0] >= 2 * max(usual[0], 30)
    assert small[1] <= 6  # at 40x12 the words and the time come first


def test_a_hold_at_40x12_keeps_its_countdown_and_words() -> None:
    lines = screen_at(moment(plan_of("bird-dog"), Phase.HOLD, 0.5), 40, 12)
    text = "\n".join(lines)
    assert "HOLD, LEFT SIDE" in text and "Next: Relax 3 s" in text
    assert sum(1 for line in lines if set(line) & set("█▀▄")) >= 5  # the digits, readable
    assert "s skip exercise" in text and "q stop" in text


@pytest.mark.parametrize("mode", ["braille", "blocks", "ascii"])
def test_every_figure_mode_fits_the_room_it_is_given(mode: str) -> None:
    for entry in CATALOG.exercises:
        if entry.pose is None:
            continue
        figure = MovingFigure(mode)  # a session's figure, for this pose
        for width, rows in ((12, 6), (30, 8), (80, 10), (200, 27), (37, 41)):
            for progress in (0, 0.5, 1):
                lines = figure.lines(entry.pose, progress, width, rows)
                assert 0 < len(lines) <= rows, (entry.slug, width, rows)
                assert max(cell_len(line.plain) for line in lines) <= width, entry.slug
        assert figure.lines(entry.pose, 0, 80, FEWEST_ROWS[mode] - 1) == []  # too small to read


def test_start_has_a_no_figure_option(invoke) -> None:  # type: ignore[no-untyped-def]
    assert "--no-figure" in invoke("start", "--help").stdout


def test_a_session_s_figure_keeps_the_frames_of_one_pose_only() -> None:
    """The frames drawn are the session's, not a global's: the next exercise's pose
    replaces the last one's, and a screen resized again and again never piles them up."""
    figure = MovingFigure("braille")
    bird_dog, cat_camel = plan_of("bird-dog"), plan_of("cat-camel")
    first = screen_text(moment(bird_dog, Phase.HOLD, 0.6), 40, figure)
    assert screen_text(moment(bird_dog, Phase.HOLD, 0.6), 40, figure) == first  # kept
    held = len(figure._frames)
    screen_text(moment(cat_camel, Phase.REPS, 0.6), 40, figure)
    assert len(figure._frames) <= held  # bird dog's frames are gone
    for width in range(40, 100):
        pose = cat_camel.steps[0].exercise.pose
        assert pose is not None
        figure.lines(pose, 0.5, width, 40)
    assert len(figure._frames) <= MOST_FRAMES + 1
