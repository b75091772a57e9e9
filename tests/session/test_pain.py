"""The pain gate before a session, doses scaled to the day, and the "it hurts" key: what
the person reads, and which plan (if any) the coach is given."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import MINIMAL
from rich.console import Console

from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.catalog.models import BuildUp, Dose, DoseOverride, Exercise
from backfit.live.prompts import pain_gate
from backfit.session.doses import DoseError, changed_dose, easier_dose
from backfit.session.pain import gentler_choice, pain_zone
from backfit.session.plan import Plan, plan_for
from backfit.views.words.doses import format_about, format_dose

CATALOG = load_catalog(builtin_catalog_path())
Invoke = Callable[..., Any]
SWALLOW_FLY = CATALOG.exercise("swallow-fly")
EASY = easier_dose(SWALLOW_FLY, SWALLOW_FLY.dose)  # its build-up start, or half the reps


def entry(name: str) -> Any:
    found = CATALOG.find(name)
    assert found is not None
    return found


def dose(**values: Any) -> Dose:
    return Dose.model_validate({"sets": 2, "rest_seconds": 30, **values})


@pytest.mark.parametrize(
    ("score", "zone"),
    [(0, "go"), (2, "go"), (3, "caution"), (5, "caution"), (6, "stop"), (10, "stop")],
)
def test_the_zone_comes_from_the_catalogs_pain_rule(score: int, zone: str) -> None:
    assert pain_zone(CATALOG.safety, score) == zone


def test_easy_halves_reps_or_holds_and_keeps_at_least_one() -> None:
    plain = entry("cat-camel").model_copy(update={"build_up": None})
    assert easier_dose(plain, dose(reps=8)) == dose(reps=4)
    assert easier_dose(plain, dose(reps=5, hold_seconds=5)).reps == 2
    assert easier_dose(plain, dose(sets=3, reps=[6, 4, 1])).reps == (3, 2, 1)
    assert easier_dose(plain, dose(hold_seconds=45)) == dose(hold_seconds=22)
    assert easier_dose(plain, dose(reps=1)) == dose(reps=1)


def with_start(exercise: Exercise, start: dict[str, int]) -> Exercise:
    build_up = BuildUp.model_validate(
        {"start": start, "add": {"reps": 1}, "every_days": 3, "ceiling": {"reps": 10}, "weeks": 6}
    )
    return exercise.model_copy(update={"build_up": build_up})


def test_easy_uses_the_build_up_start_when_it_is_gentler() -> None:
    bridge = entry("glute-bridge")  # 1 set of 10 holds of 10 s
    assert easier_dose(with_start(bridge, {"reps": 3, "hold_seconds": 5}), bridge.dose) == (
        DoseOverride(reps=3, hold_seconds=5).apply(bridge.dose)
    )
    # A start above the day's dose (a routine may ask for less) is not gentler: halve instead.
    assert easier_dose(with_start(bridge, {"sets": 2}), bridge.dose).reps == 5


def test_a_changed_dose_is_checked_like_the_catalogs() -> None:
    assert changed_dose(dose(reps=8), {"reps": 3, "rest_seconds": 90}) == dose(
        reps=3, rest_seconds=90
    )
    with pytest.raises(DoseError) as error:
        changed_dose(dose(reps=8), {"sets": 21})
    assert (error.value.field, error.value.reason) == (
        "sets",
        "Input should be less than or equal to 20",
    )
    pyramid = dose(sets=3, reps=[6, 4, 2])
    assert changed_dose(pyramid, {"sets": 2}) == dose(sets=2, reps=[6, 4])  # its first sets
    assert changed_dose(pyramid, {"sets": 1}) == dose(sets=1, reps=6)
    assert changed_dose(pyramid, {"reps": (4, 3)}) == dose(sets=2, reps=[4, 3])  # sets follow
    with pytest.raises(DoseError) as error:
        changed_dose(pyramid, {"sets": 4})
    assert error.value.field is None
    assert error.value.reason == "reps lists 3 numbers, one per set, but sets is 4"
    with pytest.raises(DoseError) as error:
        changed_dose(pyramid, {"reps": (4, 0, 2)})
    assert error.value.field == "reps"
    assert error.value.reason.startswith("Input should be")


def test_start_options_change_the_dose_in_the_plan(invoke: Invoke) -> None:
    result = invoke("start", "swallow-fly", "--plan", "--sets", "1", "--reps", "3", "--hold", "8")
    assert result.exit_code == 0
    assert "0:05  Swallow fly: set 1 of 1, 3 holds of 8 s, 3 s relax between" in result.stdout


def test_easy_in_the_plan(invoke: Invoke, catalog_file: Callable[[str], Path]) -> None:
    mine = str(catalog_file(MINIMAL))  # no build-up: --easy halves
    easy = invoke("--catalog", mine, "start", "first-move", "--plan", "--easy", "--rest", "90")
    assert easy.stdout.splitlines()[3:6] == [
        "0:05  First move: set 1 of 2, 4 reps (press Enter when done)",
        "0:21  Rest 90 s",
        "1:51  First move: set 2 of 2, 4 reps (press Enter when done)",
    ]
    data = json.loads(
        invoke("--catalog", mine, "start", "second-move", "--plan", "--json", "--easy").stdout
    )
    assert {s["seconds"] for s in data["steps"] if s["phase"] == "hold"} == {5}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--sets", "0"], "--sets: must be at least 1, not 0"),
        (["--hold", "601"], "--hold: must be at most 600, not 601"),
        (["--reps", "101"], "--reps: must be at most 100, not 101"),
    ],
)
def test_a_bad_dose_option_is_a_plain_usage_error(
    invoke: Invoke, args: list[str], message: str
) -> None:
    result = invoke("start", "swallow-fly", "--plan", *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"backfit: {message}\nTry 'backfit start --help'.\n"


def test_dose_options_need_an_exercise(invoke: Invoke) -> None:
    result = invoke("start", "mcgill-big-3", "--plan", "--reps", "3")
    assert result.exit_code == 2
    assert result.stderr == (
        "backfit: --sets, --reps, --hold and --rest change one exercise's dose; "
        "for a routine, use --easy\nTry 'backfit start --help'.\n"
    )


def test_something_gentler_is_the_easier_variant_or_a_gentler_routine() -> None:
    assert gentler_choice(entry("swallow-fly"), CATALOG).slug == "back-extension-on-elbows"  # type: ignore[union-attr]
    assert gentler_choice(entry("strength-day"), CATALOG).slug == "desk-break"  # the shortest  # type: ignore[union-attr]
    assert gentler_choice(entry("pelvic-tilt"), CATALOG) is None  # nothing is gentler


class Gate:
    """The pain gate with typed answers and a console that records what is printed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> None:
        self.answers: Iterator[str] = iter(answers)
        self.asked: list[str] = []
        self.console = Console(file=io.StringIO(), width=80, color_system=None)
        monkeypatch.setattr("builtins.input", self.input)

    def input(self, question: str) -> str:
        self.asked.append(question)
        return next(self.answers)

    def run(self, name: str, score: int, *, despite_pain: bool = False) -> Plan | None:
        found = entry(name)
        plan = plan_for(found, CATALOG)
        easier = plan_for(found, CATALOG, easy=True)
        return pain_gate(
            self.console, CATALOG, found, score,
            plan=plan, easier=easier, despite_pain=despite_pain,
        )  # fmt: skip

    @property
    def printed(self) -> str:
        return self.console.file.getvalue()  # type: ignore[attr-defined, no-any-return]


def test_the_stop_band_does_not_start_and_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    gate = Gate(monkeypatch, [])
    assert gate.run("swallow-fly", 9) is None
    assert gate.asked == []
    assert gate.printed == (
        "Pain 9/10 is in the stop band (6+/10): Swallow fly will not start.\n"
        "See 'backfit safety' for what pain means and when to get help.\n"
        "Something gentler, once it eases: Back extension on elbows (backfit start\n"
        "back-extension-on-elbows).\n"
        "To start anyway, knowing this: backfit start swallow-fly --despite-pain\n"
    )


def test_despite_pain_asks_again_then_offers_the_easier_dose(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    leaving = Gate(monkeypatch, [""])
    assert leaving.run("swallow-fly", 7, despite_pain=True) is None
    assert leaving.asked == ["Start anyway? Type yes to start, or press Enter to leave: "]
    assert "stop band (6+/10): you asked to start anyway." in leaving.printed
    going = Gate(monkeypatch, ["yes", ""])
    plan = going.run("swallow-fly", 7, despite_pain=True)
    assert plan is not None and plan.items[0][1] == EASY
    assert "Go gently: the easier dose is the default." in going.printed


def test_the_caution_band_offers_the_easier_dose_first(monkeypatch: pytest.MonkeyPatch) -> None:
    extension = CATALOG.exercise("back-extension-on-elbows")  # for the caution band too
    easy = easier_dose(extension, extension.dose)
    gate = Gate(monkeypatch, ["maybe", ""])
    plan = gate.run(extension.slug, 4)
    assert plan is not None and plan.items[0][1] == easy
    assert gate.printed == (
        "Pain 4/10 is in the caution band (3-5/10): the easier dose is the default.\n"
        f"The easier dose:  {format_dose(easy)}\n"
        f"The planned dose: {format_dose(extension.dose)}\n"
    )
    assert (
        gate.asked
        == ["Press Enter for the easier dose, or type p for the planned one (q to quit): "] * 2
    )  # an answer it does not know asks again
    full = Gate(monkeypatch, ["p"]).run(extension.slug, 5)
    assert full is not None and full.items[0][1] == extension.dose
    assert Gate(monkeypatch, ["q"]).run(extension.slug, 5) is None
    assert Gate(monkeypatch, [""]).run("swallow-fly", 4) is None  # only while pain is low


def test_a_routine_in_the_caution_band_compares_the_times(monkeypatch: pytest.MonkeyPatch) -> None:
    gate = Gate(monkeypatch, [""])
    plan = gate.run("mcgill-big-3", 4)
    assert (
        plan is not None
        and plan.total_seconds == plan_for(entry("mcgill-big-3"), CATALOG, easy=True).total_seconds
    )
    easier = format_about(plan.total_seconds)
    full = format_about(plan_for(entry("mcgill-big-3"), CATALOG).total_seconds)
    assert f"The easier doses take {easier}, the planned ones {full}." in gate.printed


def test_the_go_band_starts_as_planned_without_a_word(monkeypatch: pytest.MonkeyPatch) -> None:
    gate = Gate(monkeypatch, [])
    plan = gate.run("swallow-fly", 2)
    assert plan is not None and plan.items == plan_for(entry("swallow-fly"), CATALOG).items
    assert (gate.printed, gate.asked) == ("", [])


def test_a_chosen_dose_in_the_caution_band_gets_a_word_of_care(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gate = Gate(monkeypatch, [])
    found = entry("back-extension-on-elbows")
    plan = plan_for(found, CATALOG, easy=True)  # as with --easy: nothing more to offer
    chosen = pain_gate(gate.console, CATALOG, found, 5, plan=plan, easier=None, despite_pain=False)
    assert chosen is plan and gate.asked == []
    assert gate.printed == "Pain 5/10 is in the caution band (3-5/10): go gently today.\n"


def test_the_safety_check_lists_what_means_stop_whatever_the_score() -> None:
    from backfit.views.plan import safety_check_view

    def shown(catalog: Any) -> str:
        console = Console(file=io.StringIO(), width=80, color_system=None)
        console.print(safety_check_view(catalog, plan_for(entry("bird-dog"), catalog)))
        return console.file.getvalue()  # type: ignore[attr-defined, no-any-return]

    signs = ("Pain, numbness or tingling spreading down a leg.",)
    safety = CATALOG.safety.model_copy(update={"stop_always": signs})
    with_signs = shown(CATALOG.model_copy(update={"safety": safety}))
    assert "Stop if your pain goes above 5/10, and whatever the score if:\n" in with_signs
    assert "• Pain, numbness or tingling spreading down a leg.\n" in with_signs
    without = shown(
        CATALOG.model_copy(update={"safety": safety.model_copy(update={"stop_always": ()})})
    )
    assert "Stop if your pain goes above 5/10, or spreads into a leg.\n" in without


def test_the_gate_keeps_what_is_only_for_low_pain_to_the_go_band() -> None:
    from backfit.session.pain import gate_zone, highest_zone, pain_zone

    catalog = load_catalog(builtin_catalog_path())
    deadlift, bird_dog = catalog.exercise("bent-leg-deadlift"), catalog.exercise("bird-dog")
    strength = next(r for r in catalog.routines if r.slug == "strength-day")
    gentle = next(r for r in catalog.routines if r.slug == "gentle-mobility")
    assert [highest_zone(e, catalog) for e in (deadlift, bird_dog, strength, gentle)] == [
        "go", "caution", "go", "caution"
    ]  # fmt: skip
    for score in range(11):
        own = pain_zone(catalog.safety, score)
        assert gate_zone(bird_dog, catalog, score) == own
        assert gate_zone(strength, catalog, score) == ("stop" if own != "go" else "go")


def test_the_stop_band_keeps_its_command_whole_in_chinese() -> None:
    """A new user at 40 columns saw 'backfit start' / 'bird-dog --despite-pain': the gate
    printed the view's Text with console.print, which makes it Rich's own Text again."""
    import subprocess
    import sys

    script = """
import io, sys
from backfit import i18n
i18n.speak("zh_Hans")
from rich.console import Console
from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.catalog.translated import translated
from backfit.live.prompts import pain_gate
from backfit.session.plan import plan_for
catalog = translated(load_catalog(builtin_catalog_path()))
found = catalog.find("bird-dog")
console = Console(file=io.StringIO(), width=40, color_system=None)
plan, easier = plan_for(found, catalog), plan_for(found, catalog, easy=True)
pain_gate(console, catalog, found, 9, plan=plan, easier=easier, despite_pain=False)
sys.stdout.write(console.file.getvalue())
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=False, env={"PATH": "/usr/bin:/bin"})  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "backfit start bird-dog --despite-pain" in done.stdout.splitlines()
