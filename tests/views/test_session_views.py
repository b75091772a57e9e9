"""The live coach screen, drawn alone at each terminal size from 40x12 to 200x60."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console

from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.session.coach import Moment
from backfit.session.plan import Phase, Plan, build_plan, plan_for
from backfit.views.digits import block_digits, digits_size, largest_scale
from backfit.views.figure import MovingFigure
from backfit.views.session import exercise_intro, key_hints, moment_view
from backfit.views.words.session import upcoming

CATALOG = load_catalog(builtin_catalog_path())
SIZES = [(40, 12), (40, 20), (50, 15), (60, 20), (80, 24), (120, 40), (200, 60)]
BLOCKS = set("█▀▄")


# Text of the test's own, so that catalog edits do not move the exact screens below.
SAMPLE = next(e for e in CATALOG.exercises if e.slug == "bird-dog").model_copy(
    update={
        "name": "Bird dog",
        "steps": (
            "Kneel on all fours with your hands under your shoulders and your knees under "
            "your hips.",
            "Gently brace your stomach muscles, as if preparing for a light poke in the belly.",
            "Slowly reach one arm straight ahead and the opposite leg straight back.",
            "Hold for about 10 seconds without letting your back sag or twist.",
            "Sweep the hand and knee back down to the floor, then repeat on the other side.",
        ),
        "cautions": (
            "Lift the leg only to hip height; raising it higher arches the lower back.",
            "If kneeling hurts your knees, put a folded towel under them.",
        ),
        "stop_if": ("Your pain goes above 5/10 or spreads into a leg.",),
    }
)


def sample_plan(**dose: object) -> Plan:
    """A plan of SAMPLE at 1 × 6 holds of 10 s each side, or at the dose given."""
    usual = {"sets": 1, "reps": 6, "hold_seconds": 10, "rest_seconds": 30, "per_side": True}
    return build_plan("Bird dog", [(SAMPLE, SAMPLE.dose.model_validate({**usual, **dose}))])


def plan_of(slug: str) -> Plan:
    entry = next(e for e in (*CATALOG.exercises, *CATALOG.routines) if e.slug == slug)
    return plan_for(entry, CATALOG)


def moment(plan: Plan, phase: Phase, *, nth: int = 0, left: float | None = None,
           paused: bool = False) -> Moment:  # fmt: skip
    index = [i for i, step in enumerate(plan.steps) if step.phase is phase][nth]
    seconds = plan.steps[index].seconds
    remaining = None if seconds is None else (seconds if left is None else left)
    return Moment(plan, index, remaining, paused=paused)


def screen(shown: Moment, width: int, height: int) -> list[str]:
    console = Console(file=io.StringIO(), width=width, height=height, color_system=None)
    console.print(moment_view(shown))
    return console.file.getvalue().rstrip("\n").split("\n")  # type: ignore[attr-defined]


def digit_rows(lines: list[str]) -> int:
    return sum(1 for line in lines if set(line) & BLOCKS)


HOLDS = {"sets": 2}
REPS = {"sets": 2, "reps": 8, "hold_seconds": None}
EVERY_MOMENT = [
    (dose, phase, paused)
    for dose, phases in (
        (HOLDS, (Phase.READY, Phase.HOLD, Phase.RELAX, Phase.SWITCH, Phase.REST)),
        (REPS, (Phase.REPS,)),
    )
    for phase in phases
    for paused in (False, True)
]


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize(("dose", "phase", "paused"), EVERY_MOMENT)
def test_every_moment_fits_every_size_and_keeps_phase_time_and_keys(
    dose: dict[str, object], phase: Phase, paused: bool, width: int, height: int
) -> None:
    shown = moment(sample_plan(**dose), phase, paused=paused)
    lines = screen(shown, width, height)
    text = "\n".join(lines)
    assert len(lines) <= height
    assert all(cell_len(line) <= width for line in lines)
    headline = {Phase.READY: "GET READY", Phase.HOLD: "HOLD", Phase.RELAX: "RELAX",
                Phase.REST: "REST", Phase.SWITCH: "SWITCH SIDES", Phase.REPS: "reps"}  # fmt: skip
    assert headline[phase] in text
    if shown.remaining is not None:  # the time, as block digits or as text by the bar
        assert digit_rows(lines) >= 3 or f"{shown.remaining:.0f} s " in text
    pairs = [f"{key} {label}" for key, label in key_hints(shown)]
    key_lines = lines[-2:] if lines[-1].split(" · ")[0] != pairs[0] else lines[-1:]
    assert " · ".join(key_lines).split(" · ") == pairs  # the whole key line, at the bottom
    assert ("PAUSED" in text) is paused


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_get_ready_screen_shows_steps_cautions_and_stop_if_or_says_what_is_left_out(
    width: int, height: int
) -> None:
    plan = sample_plan()
    text = "\n".join(screen(moment(plan, Phase.READY), width, height))
    exercise = plan.exercises[0]
    assert "How to do it" in text
    assert "Stop if" in text
    assert "Take care" in text
    shown_in_full = [step for step in exercise.steps if step in " ".join(text.split())]
    if len(shown_in_full) < len(exercise.steps):
        assert "…" in text  # cut short with a sign: never silently


def test_the_get_ready_screen_at_40_by_12_in_short_form() -> None:
    lines = screen(moment(sample_plan(), Phase.READY), 40, 12)
    assert lines == [
        "Bird dog · exercise 1 of 1",
        "GET READY: BIRD DOG",
        "5 s ────────────────────────────────────",
        "Next: Hold 10 s (1 of 6, left side)",
        "How to do it",
        "1. Kneel on all fours with your hands u…",
        "2. Gently brace your stomach muscles, a…",
        "… 3 more steps in a taller window",
        "Take care (1 of 2): Lift the leg only t…",
        "Stop if: Your pain goes above 5/10 or s…",
        "Enter continue · p pause",
        "s skip exercise · h it hurts · q stop",
    ]


@pytest.mark.parametrize(("width", "height"), [(80, 24), (120, 40), (200, 60)])
def test_steps_stay_in_view_during_a_hold_when_there_is_room(width: int, height: int) -> None:
    plan = sample_plan()
    text = " ".join(" ".join(screen(moment(plan, Phase.HOLD), width, height)).split())
    assert all(step in text for step in plan.exercises[0].steps)


def test_the_countdown_grows_with_the_room() -> None:
    hold = moment(plan_of("mcgill-big-3"), Phase.HOLD)
    heights = [digit_rows(screen(hold, w, h)) for w, h in SIZES]
    assert min(heights) >= 5  # during a hold, never less than the 3x5 font
    assert heights[-1] > heights[-2] > heights[SIZES.index((80, 24))]
    assert heights[-1] >= 20
    widest = max(len(line) for line in screen(hold, 200, 60) if set(line) & BLOCKS)
    assert widest > 40  # not 3x5 characters in a corner


def test_the_countdown_keeps_its_size_as_digits_count_down() -> None:
    rest = sample_plan(sets=2, rest_seconds=75)
    rows = {
        digit_rows(screen(moment(rest, Phase.REST, left=left), 80, 24))
        for left in (75, 59.5, 10, 9)
    }
    assert len(rows) == 1


def test_drop_order_at_40_by_12_during_a_hold() -> None:
    lines = screen(moment(sample_plan(), Phase.HOLD, left=7.2), 40, 12)
    assert lines[1:3] == ["Bird dog", "HOLD, LEFT SIDE"]
    assert lines[0].endswith("…")  # the where line, cut with a sign
    assert digit_rows(lines) == 5
    assert lines[-3:] == [
        "Next: Relax 3 s",
        "Enter continue · p pause",
        "s skip exercise · h it hurts · q stop",
    ]


def test_paused_screen_offers_resume_not_pause() -> None:
    shown = moment(sample_plan(), Phase.HOLD, paused=True)
    assert key_hints(shown) == [
        ("Enter", "resume"),
        ("s", "skip exercise"),
        ("h", "it hurts"),
        ("q", "stop"),
    ]
    text = "\n".join(screen(shown, 50, 15))
    assert "p pause" not in text
    assert "Enter resume" in text


def test_key_line_breaks_between_keys_never_inside_one() -> None:
    for width in (40, 45, 50, 55):
        lines = screen(moment(sample_plan(**REPS), Phase.REPS), width, 12)
        keys = lines[-2:] if lines[-2].startswith("Enter done") else lines[-1:]
        assert " · ".join(keys).split(" · ") == [
            "Enter done",
            "p pause",
            "s skip exercise",
            "h it hurts",
            "q stop",
        ]


def test_next_counts_what_comes_and_never_says_a_bare_end() -> None:
    last = moment(sample_plan(reps=8, hold_seconds=None, per_side=False), Phase.REPS)
    assert upcoming(last.next_step, last.step) == "the end, after this set"  # the only set
    sets = sample_plan(sets=2, reps=8, hold_seconds=None, rest_seconds=45, per_side=False)
    first = moment(sets, Phase.REPS)
    assert upcoming(first.next_step, first.step) == "Rest 45 s, then set 2 of 2"
    rest = moment(sets, Phase.REST)
    assert upcoming(rest.next_step, rest.step) == "8 reps (set 2 of 2)"
    one_set = moment(sample_plan(sets=1, reps=8, hold_seconds=None), Phase.READY)
    assert upcoming(one_set.next_step, one_set.step) == "8 reps (left side)"
    holds = sample_plan(reps=3)
    relax = moment(holds, Phase.RELAX)
    assert upcoming(relax.next_step, relax.step) == "Hold 10 s (2 of 3, left side)"
    two_sets = moment(sample_plan(sets=2, reps=3, per_side=False), Phase.REST)
    assert upcoming(two_sets.next_step, two_sets.step) == "Hold 10 s (1 of 3, set 2 of 2)"
    end = moment(holds, Phase.HOLD, nth=-1)
    assert upcoming(end.next_step, end.step) == "the end, after this hold (3 of 3)"


def test_a_long_name_and_wide_characters_fit() -> None:
    exercise = CATALOG.exercises[0].model_copy(
        update={"name": "背中を鍛える運動" * 4, "steps": ("とても長い手順の説明です。" * 6,) * 3}
    )
    plan = build_plan(exercise.name, [(exercise, exercise.dose)])
    for width, height in SIZES:
        for phase in (Phase.READY, Phase.HOLD):
            lines = screen(moment(plan, phase), width, height)
            assert all(cell_len(line) <= width for line in lines), (width, height, phase)
            assert len(lines) <= height


def test_block_digits_scale_in_whole_pixels() -> None:
    assert block_digits("10", 1) == (
        "▄█  █▀█",
        " █  █ █",
        "▀▀▀ ▀▀▀",
    )
    assert digits_size("1:05", 2) == (26, 5)
    assert largest_scale("10", 40, 12) == 4
    assert largest_scale("10", 6, 12) == 0
    assert all(len(row) == 14 for row in block_digits("10", 2))


class AsciiStream(io.StringIO):
    """A stream that carries ASCII only, as backfit's stdout says with --ascii or LANG=C."""

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "ascii"


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize(("dose", "phase", "paused"), EVERY_MOMENT)
def test_in_ascii_every_line_is_ascii_and_still_fits(
    dose: dict[str, object], phase: Phase, paused: bool, width: int, height: int
) -> None:
    console = Console(file=AsciiStream(), width=width, height=height, color_system=None)
    console.print(moment_view(moment(sample_plan(**dose), phase, paused=paused)))
    lines = console.file.getvalue().rstrip("\n").split("\n")  # type: ignore[attr-defined]
    assert all(line.isascii() and len(line) <= width for line in lines)
    assert len(lines) <= height
    if phase is Phase.HOLD and not paused:  # whole-row digits, as "#"
        assert sum(1 for line in lines if set(line) <= {"#", " "} and "#" in line) >= 5


def test_the_moving_figure_never_moves_the_lines_around_it() -> None:
    plan = plan_of("swallow-fly")
    index = next(i for i, step in enumerate(plan.steps) if step.phase is Phase.HOLD)
    places = set()
    for elapsed in (0.0, 0.4, 0.9, 1.7, 2.5, 4.0):
        shown = Moment(plan, index, 5 - elapsed, elapsed=elapsed)
        console = Console(file=io.StringIO(), width=80, height=40, color_system=None)
        console.print(moment_view(shown, figure=MovingFigure("braille")))
        lines = console.file.getvalue().split("\n")  # type: ignore[attr-defined]
        assert any(set(line) & set("⠁⠂⠄⡀⢀⣀") for line in lines)  # the figure is drawn
        places.add(next(n for n, line in enumerate(lines) if line.startswith("Next:")))
    assert len(places) == 1


def test_get_ready_lists_the_catalogs_stop_signs_then_the_exercises_own() -> None:
    """The one pain rule's stop signs come from the catalog; an exercise adds only its own."""
    plan = plan_of("side-plank")
    console = Console(file=io.StringIO(), width=100, color_system=None)
    console.print(exercise_intro(moment(plan, Phase.READY)))
    text = " ".join(console.file.getvalue().split())  # type: ignore[attr-defined]
    stops = text[text.index("Stop if") :]
    signs = [*CATALOG.safety.stop_always, "Your shoulder hurts."]
    assert [stops.index(" ".join(sign.split())) for sign in signs] == sorted(
        stops.index(" ".join(sign.split())) for sign in signs
    )
    assert "/10" not in stops
