"""The commands as a person uses them, through Typer's CliRunner."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import MINIMAL, figure_lines

from backfit import __version__
from backfit.catalog.levels import Level
from backfit.catalog.loader import builtin_catalog_path, load_catalog

Invoke = Callable[..., Any]
CATALOG = load_catalog(builtin_catalog_path())


def test_version(invoke: Invoke) -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"backfit {__version__}\n"


def test_help_lists_every_command(invoke: Invoke) -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("list", "show", "benefits", "safety"):
        assert f"  {command} " in result.stdout
    assert "--catalog FILE" in result.stdout


def test_a_run_builds_only_the_command_it_runs() -> None:
    """Typer builds every command at the start of a run (about 10 ms); backfit builds the one
    asked for, and still lists every one, in --help's order."""
    import typer

    from backfit.cli.app import COMMANDS, ORDER
    from backfit.cli.main import app

    group = typer.main.get_command(app)
    ctx = typer.Context(group)
    assert group.commands == {}
    assert group.get_command(ctx, "today").name == "today"
    assert list(group.commands) == ["today"]
    assert group.list_commands(ctx)[: len(ORDER)] == list(ORDER)
    assert sorted(group.list_commands(ctx)) == sorted(COMMANDS)


def test_no_arguments_prints_a_short_overview(invoke: Invoke) -> None:
    result = invoke()
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith(f"backfit {__version__}: a terminal guide")
    assert "  backfit safety " in result.stdout and "  backfit list " in result.stdout
    assert result.stdout.endswith("Every command and option: backfit --help\n")


def test_unknown_command_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("lsit")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "backfit: no command called 'lsit'; did you mean list?\nTry 'backfit --help'.\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["log", "bird-dog", "--reps", "-3"], "--reps: must be at least 1, not -3"),
        (["log", "bird-dog", "--pain", "11"], "--pain-after: must be at most 10, not 11"),
        (["log", "bird-dog", "--sets", "two"], "--sets: needs a whole number, not 'two'"),
        (["show"], "show needs NAME"),
        (["list", "--colour"], "list has no option --colour; did you mean --for?"),  # click's guess
        (["list", "--serch", "x"], "list has no option --serch; did you mean --search?"),
    ],
)
def test_usage_errors_are_one_plain_line_and_a_hint(
    invoke: Invoke, args: list[str], message: str
) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    command = "log add" if args[0] == "log" else args[0]  # log NAME is short for log add NAME
    assert result.stderr == f"backfit: {message}\nTry 'backfit {command} --help'.\n"


def test_a_command_option_before_the_command_says_where_it_goes(invoke: Invoke) -> None:
    result = invoke("--json", "list")
    assert result.exit_code == 2
    assert result.stderr == (
        "backfit: --json is an option of a command: put it after the command, as in "
        "'backfit list --json'\nTry 'backfit --help'.\n"
    )


def test_help_uses_plain_placeholders(invoke: Invoke) -> None:
    result = invoke("log", "add", "--help")
    assert result.exit_code == 0
    assert "Usage: backfit log add [OPTIONS] NAME\n" in result.stdout
    assert "--sets N " in result.stdout and "--note TEXT " in result.stdout
    assert "<" not in result.stdout and "{" not in result.stdout


# --- list -------------------------------------------------------------------------------


def test_list_shows_every_exercise_with_its_dose(invoke: Invoke) -> None:
    result = invoke("list")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    for exercise in CATALOG.exercises:
        assert f"{exercise.name} ({exercise.slug})" in result.stdout
    assert "  intermediate, front · bed or mat\n" in result.stdout
    assert "  2 × 5 reps, hold 5 s · rest 60 s\n" in result.stdout


def test_list_is_a_table_in_a_wide_terminal(invoke: Invoke) -> None:
    result = invoke("list", env={"COLUMNS": "160"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Exercise", "Level", "Equipment", "Targets", "Dose"]
    assert max(len(line) for line in lines) <= 100  # wide terminals read at 100 columns
    first = next(i for i, line in enumerate(lines) if line.startswith("Swallow fly "))
    assert lines[first].split()[:5] == ["Swallow", "fly", "intermediate", "bed", "or"]
    # The dose in short lines that never wrap, so "hold 5" and "s" are never parted.
    dose = [line[lines[0].index("Dose") :] for line in lines[first : first + 3]]
    assert dose == ["2 × 5 reps", "hold 5 s", "rest 60 s"]


def test_list_filters_by_level(invoke: Invoke) -> None:
    result = invoke("list", "--level", "intermediate", "--json")
    assert [e["slug"] for e in json.loads(result.stdout)] == [
        "dead-bug",
        "kneeling-hip-flexor-stretch",
        "side-plank",
        "single-leg-bridge",
        "swallow-fly",
        "bent-leg-deadlift",
    ]


def test_list_filters_by_equipment_and_muscle(invoke: Invoke) -> None:
    barbell = json.loads(invoke("list", "--equipment", "BARBELL", "--json").stdout)
    assert [e["slug"] for e in barbell] == ["bent-leg-deadlift"]
    obliques = json.loads(invoke("list", "--muscle", "oblique", "--json").stdout)
    assert {e["slug"] for e in obliques} == {
        "side-plank",
        "side-plank-bent-knee",
        "mcgill-curl-up",
        "knee-rolls",
        "dead-bug",
        "seated-trunk-rotation",
    }


def test_list_search_covers_names_aliases_and_summaries(invoke: Invoke) -> None:
    by_alias = json.loads(invoke("list", "--search", "flying swallow", "--json").stdout)
    assert [e["slug"] for e in by_alias] == ["swallow-fly"]
    by_summary = json.loads(invoke("list", "--search", "barbell", "--json").stdout)
    assert [e["slug"] for e in by_summary] == ["bent-leg-deadlift"]


def test_filters_combine(invoke: Invoke) -> None:
    result = invoke("list", "--level", "beginner", "--muscle", "glutes", "--json")
    slugs = [e["slug"] for e in json.loads(result.stdout)]
    assert slugs == [
        "bottom-to-heels",
        "pelvic-tilt",
        "prone-leg-lift",
        "side-plank-bent-knee",
        "sit-to-stand",
        "knee-to-chest",
        "childs-pose",
        "glute-bridge",
        "bird-dog",
        "walking",
        "hip-hinge-dowel",
    ]


def test_list_with_no_match_says_so_and_exits_1(invoke: Invoke) -> None:
    result = invoke("list", "--search", "trampoline")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "backfit: no exercises match those filters\n"


def test_list_rejects_an_unknown_level(invoke: Invoke) -> None:
    result = invoke("list", "--level", "expert")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "backfit: --level: must be beginner, intermediate or advanced, not 'expert'\n"
    )


def test_list_levels_ignore_case(invoke: Invoke) -> None:
    assert (
        invoke("list", "--level", "Beginner").stdout == invoke("list", "--level", "beginner").stdout
    )


def test_list_json_is_the_full_exercise_data(invoke: Invoke) -> None:
    result = invoke("list", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert sorted(e["slug"] for e in data) == sorted(e.slug for e in CATALOG.exercises)
    swallow = next(e for e in data if e["slug"] == "swallow-fly")
    assert swallow["dose"] == {
        "sets": 2,
        "reps": 5,
        "hold_seconds": 5,
        "rest_seconds": 60,
        "per_side": False,
        "alternate": False,
        "halfway": None,
        "finish": None,
        "note": CATALOG.exercise("swallow-fly").dose.note,
    }
    assert "gentle bow" in swallow["dose"]["note"]
    assert swallow["pain_up_to"] == "go"  # kept for days when pain is low
    assert swallow["role"] == "back extensors"  # a programme chooses one of each role
    assert set(swallow) == {
        "slug",
        "name",
        "aliases",
        "summary",
        "level",
        "role",
        "position",
        "equipment",
        "muscles",
        "dose",
        "build_up",
        "benefits",
        "steps",
        "cautions",
        "stop_if",
        "mistakes",
        "easier",
        "harder",
        "care",
        "pain_up_to",
        "pose",
        "sources",
    }


# --- show -------------------------------------------------------------------------------


def test_show_lays_out_the_whole_exercise(invoke: Invoke) -> None:
    result = invoke("show", "swallow-fly")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Swallow fly  (also: Flying swallow, Prone back extension, Superman)\n")
    assert "Dose        2 × 5 reps, hold 5 s · rest 60 s" in out
    assert "1. Lie face down on a firm bed or a mat, with the pillow taken away." in out
    assert "6. Lower slowly and rest briefly, for a breath or two, before the next lift." in out
    assert "╭─ Cautions ─" in out
    assert "│ Stop and rest if:" in out
    assert "Easier: Back extension on elbows (back-extension-on-elbows)" in out
    assert "3. Stuart McGill: Low Back Disorders" in out
    assert "not medical advice" in out
    # The sections come in reading order.
    order = ["Why it helps", "How to do it", "Cautions", "Common mistakes", "Variants", "Sources"]
    assert [out.index(title) for title in order] == sorted(out.index(title) for title in order)


def test_show_matches_alias_and_name_ignoring_case(invoke: Invoke) -> None:
    expected = invoke("show", "swallow-fly").stdout
    for name in ("FLYING SWALLOW", "Swallow Fly", "prone back extension", "swallow_fly"):
        result = invoke("show", name)
        assert result.exit_code == 0, name
        assert result.stdout == expected


def test_show_unknown_name_suggests_and_exits_1(invoke: Invoke) -> None:
    result = invoke("show", "swalow-fly")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert (
        result.stderr
        == "backfit: no exercise or routine called 'swalow-fly'; did you mean swallow-fly?\n"
    )


def test_show_partial_name_suggests_every_match(invoke: Invoke) -> None:
    result = invoke("show", "plank")
    assert result.exit_code == 1
    assert result.stderr == (
        "backfit: no exercise or routine called 'plank'; "
        "did you mean side-plank-bent-knee or side-plank?\n"
    )


def test_show_nothing_close_points_at_list(invoke: Invoke) -> None:
    result = invoke("show", "zzzz")
    assert result.exit_code == 1
    assert result.stderr == "backfit: no exercise or routine called 'zzzz'; try 'backfit list'\n"


def test_show_json(invoke: Invoke) -> None:
    result = invoke("show", "bent-leg-deadlift", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["name"] == "Bent-leg deadlift"
    assert data["dose"]["reps"] == [8, 5, 8, 8, 8]  # two warm-up sets, then three of 8
    assert data["easier"] == ["hip-hinge-dowel"]
    assert len(data["steps"]) == 6


# --- benefits and safety ------------------------------------------------------------------


def test_benefits_explains_why_and_lists_each_exercise(invoke: Invoke) -> None:
    result = invoke("benefits")
    assert result.exit_code == 0
    assert result.stdout.startswith("Why train the lower back\n")
    words = " ".join(result.stdout.split())  # the same whatever the wrapping
    assert "not a guaranteed cure" in words
    assert "lumbar myofasciitis (sore, irritated muscles" in words
    assert "NICE does not name the particular exercises in this guide" in words
    for exercise in CATALOG.exercises:
        assert exercise.name in result.stdout


def test_benefits_json(invoke: Invoke) -> None:
    data = json.loads(invoke("benefits", "--json").stdout)
    assert set(data) == {"summary", "points", "sources", "exercises"}
    assert data["exercises"][0] == {
        "slug": "swallow-fly",
        "name": "Swallow fly",
        "benefit": CATALOG.exercises[0].benefits[0],
    }


def test_safety_puts_red_flags_first(invoke: Invoke) -> None:
    result = invoke("safety")
    assert result.exit_code == 0
    out = result.stdout
    assert out.index("Emergency: call 999 or go to A&E") < out.index(
        "Urgent: get a GP appointment the same day or call NHS 111"
    )
    assert "outside the UK, call your local emergency number" in out
    assert "saddle" in out
    assert "0-2/10  Fine." in out
    assert "3-5/10  Acceptable, as long as the pain settles back to your usual level" in out
    assert "6+/10   Stop that exercise." in out
    urgent = out[out.index("Urgent:") : out.index("The pain rule")]
    assert "not improving after a few weeks" not in urgent
    outlook = out[out.index("How back pain usually goes") :]
    assert "not improving" in outlook and "everyday things" in outlook


def test_show_states_the_one_pain_rule_and_only_the_exercises_own_stops(invoke: Invoke) -> None:
    out = invoke("show", "bent-leg-deadlift", env={"COLUMNS": "200"}).stdout
    stops = out[out.index("Stop and rest if:") : out.index("The pain rule while exercising")]
    assert "/10" not in stops
    assert "• Pain, numbness or tingling spreads into your buttock or down a leg" in stops
    assert "• Your back rounds and you cannot keep it flat." in stops
    rule = out[out.index("The pain rule while exercising") : out.index("Common mistakes")]
    assert "0-2/10  Fine." in rule and "6+/10   Stop that exercise." in rule
    flowing = " ".join(out.split())
    assert "add 1 rep to each working set if your pain was back to your usual level" in flowing
    assert "3/10 or less" not in flowing


def test_safety_json(invoke: Invoke) -> None:
    data = json.loads(invoke("safety", "--json").stdout)
    assert set(data) == {
        "outlook",
        "emergency",
        "see_doctor",
        "pain_rule",
        "stop_always",
        "general",
        "sources",
    }
    assert [level["range"] for level in data["pain_rule"]] == ["0-2", "3-5", "6+"]
    assert [level["zone"] for level in data["pain_rule"]] == ["go", "caution", "stop"]


# --- other catalogs and output rules --------------------------------------------------------


def test_catalog_option_and_environment_variable(
    invoke: Invoke, catalog_file: Callable[[str], Path]
) -> None:
    path = catalog_file(MINIMAL)
    by_option = invoke("--catalog", str(path), "list", "--json")
    by_env = invoke("list", "--json", env={"BACKFIT_CATALOG": str(path)})
    for result in (by_option, by_env):
        assert result.exit_code == 0
        assert [e["slug"] for e in json.loads(result.stdout)] == ["first-move", "second-move"]


def test_catalog_text_is_never_markup(invoke: Invoke, catalog_file: Callable[[str], Path]) -> None:
    text = MINIMAL.replace(
        "summary: The first one.", 'summary: "[bold red]Lift[/] :smile: [link=x]y"'
    )
    path = catalog_file(text)
    result = invoke("--catalog", str(path), "show", "first-move")
    assert result.exit_code == 0
    assert "[bold red]Lift[/] :smile: [link=x]y" in result.stdout


def test_every_view_fits_40_columns(invoke: Invoke) -> None:
    for args in (["list"], ["show", "bent-leg-deadlift"], ["benefits"], ["safety"]):
        result = invoke(*args, env={"COLUMNS": "40"})
        assert result.exit_code == 0
        lines = result.stdout.splitlines()
        widths = [len(line) for line in lines if "://" not in line]
        assert max(widths) <= 40, args
        assert max(widths) >= 30, args  # wrapped to the width, not squeezed to nothing
        for url in (line.strip() for line in lines if "://" in line):  # never split
            assert url.startswith("<https://") and url.endswith(">"), url


def test_text_views_read_at_100_columns_on_a_wide_terminal(invoke: Invoke) -> None:
    for args in (["show", "bird-dog"], ["benefits"], ["safety"]):
        lines = invoke(*args, env={"COLUMNS": "200"}).stdout.splitlines()
        figure = figure_lines(lines)
        text = [line for n, line in enumerate(lines) if "://" not in line and n not in figure]
        assert max(len(line) for line in text) in range(90, 101), args
    # The pose, which is looked at rather than read, uses the terminal's whole width.
    lines = invoke("show", "bird-dog", env={"COLUMNS": "200"}).stdout.splitlines()
    assert max(len(lines[n]) for n in figure_lines(lines)) in range(101, 201)


def test_wide_terminal_uses_the_room(invoke: Invoke) -> None:
    result = invoke("show", "swallow-fly", env={"COLUMNS": "100"})
    assert "1. Lie face down on a firm bed or a mat, with the pillow taken away.\n" in result.stdout
    step3 = next(line for line in result.stdout.splitlines() if line.startswith("3. "))
    assert 90 <= len(step3) <= 100


def test_user_text_in_errors_is_neutralised(invoke: Invoke) -> None:
    result = invoke("show", "\x1b]0;pwned\x07name")
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\\u001b]0;pwned\\u0007name" in result.stderr


def test_level_choices_are_the_models_levels(invoke: Invoke) -> None:
    words = f"{', '.join(Level)}".replace(", advanced", " or advanced")
    assert words in " ".join(invoke("list", "--help").stdout.split())


@pytest.mark.parametrize("typed", ["birddog", "Bird  Dog", "BIRD_DOG", "bird.dog"])
def test_names_ignore_case_spaces_and_punctuation(invoke: Invoke, typed: str) -> None:
    result = invoke("show", typed, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["slug"] == "bird-dog"


def test_global_options_also_come_after_the_command(
    invoke: Invoke, catalog_file: Callable[..., Path]
) -> None:
    path = catalog_file(MINIMAL)
    before = invoke("--catalog", str(path), "list")
    assert before.exit_code == 0 and "First move (first-move)" in before.stdout
    assert invoke("list", "--catalog", str(path)).stdout == before.stdout
    assert invoke("list", f"--catalog={path}", "--level", "beginner").exit_code == 0
    ascii_view = invoke("show", "bird-dog", "--ascii")
    assert ascii_view.stdout.isascii() and "* Builds back endurance" in ascii_view.stdout
    assert "+- Cautions ---" in ascii_view.stdout
    assert not invoke("show", "bird-dog").stdout.isascii()  # one run's --ascii is not the next's
    assert invoke("--ascii", "schema").stdout.isascii()


def test_an_option_value_that_looks_like_a_global_option_stays_a_value(invoke: Invoke) -> None:
    result = invoke("list", "--search", "--catalog")
    assert (result.exit_code, result.stderr) == (1, "backfit: no exercises match those filters\n")


def test_every_choice_ignores_case(invoke: Invoke) -> None:
    assert invoke("figure", "bird-dog", "--frame", "END").stdout == (
        invoke("figure", "bird-dog", "--frame", "end").stdout
    )
    assert "--frame start|middle|end " in invoke("figure", "--help").stdout


# --- issue 9: order, who should take care, how to build up, sources ---------------------------


def test_list_puts_the_gentlest_first_level_then_easier_forms_then_work(invoke: Invoke) -> None:
    slugs = [e["slug"] for e in json.loads(invoke("list", "--json").stdout)]
    levels = [CATALOG.exercise(slug).level for slug in slugs]
    ranks = [list(Level).index(level) for level in levels]
    assert ranks == sorted(ranks) and levels[0] == "beginner"
    for slug in slugs:  # every exercise comes after its easier forms
        for easier in CATALOG.exercise(slug).easier:
            assert slugs.index(easier) < slugs.index(slug), f"{easier} after {slug}"
    assert slugs.index("pelvic-tilt") < slugs.index("bird-dog")  # the example
    assert slugs.index("pelvic-tilt") < slugs.index("side-plank-bent-knee")  # less work


def test_list_for_a_condition_shows_what_suits_and_says_which(invoke: Invoke) -> None:
    data = json.loads(invoke("list", "--for", "pregnancy", "--json").stdout)
    verdicts = {e["slug"]: e["care"]["pregnancy"]["verdict"] for e in data}
    assert set(verdicts.values()) <= {"suits", "care"} and "suits" in verdicts.values()
    assert "swallow-fly" not in verdicts  # avoid
    narrow = invoke("list", "--for", "pregnancy", env={"COLUMNS": "60"}).stdout
    assert "pregnancy: suits" in narrow and "pregnancy: with care" in narrow
    wide = invoke("list", "--for", "pregnancy", env={"COLUMNS": "160"}).stdout
    assert wide.splitlines()[0].split()[-2:] == ["For", "pregnancy"]
    bad = invoke("list", "--for", "headache")
    assert bad.exit_code == 2
    assert "--for: must be pregnancy, surgery, osteoporosis or sciatica" in bad.stderr


def test_show_gives_the_build_up_and_who_should_take_care(invoke: Invoke) -> None:
    out = invoke("show", "pelvic-tilt", env={"COLUMNS": "200"}).stdout
    assert "Position    lying on your back" in out
    assert "• Start with 5 reps." in out
    assert (
        "Every 3 days, add 1 rep to each set if your pain was back to your usual level by the "
        "next morning after each session, up to 15 reps; if it was worse, do less next time."
    ) in " ".join(out.split())
    assert "Keep going for at least 6 weeks." in out
    care = out[out.index("Who should take care") : out.index("Variants")]
    assert [line.split(":")[0] for line in care.splitlines()[1:] if line[:1].isalpha()] == [
        "Pregnancy",
        "Surgery",
        "Osteoporosis",
        "Sciatica",
    ]
    assert "16 weeks" in care


def test_safety_says_what_stops_an_exercise_whatever_the_score(invoke: Invoke) -> None:
    out = " ".join(invoke("safety").stdout.split())
    assert "Stop at once, whatever the score, if" in out
    assert "spreads into your buttock or down a leg" in out
    assert "How back pain usually goes" in out and "4 to 6 weeks" in out


def test_sources_lists_every_source_with_what_cites_it(invoke: Invoke) -> None:
    result = invoke("sources", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "NHS inform (nhs-inform)" in result.stdout
    assert "Silbernagel KG" in result.stdout
    data = json.loads(invoke("sources", "--json").stdout)
    assert [s["id"] for s in data] == list(CATALOG.sources)
    aasa = next(s for s in data if s["id"] == "aasa-2015")
    assert aasa["year"] == 2015 and aasa["url"].startswith("https://doi.org/")
    assert "bent-leg-deadlift" in aasa["cited_by"] and "strength-day" in aasa["cited_by"]
    silbernagel = next(s for s in data if s["id"] == "silbernagel-2007")
    assert silbernagel["cited_by"] == ["safety"]


def test_a_closed_stdout_is_one_line_and_exit_5() -> None:
    import subprocess
    import sys

    for args in (["--version"], ["safety"]):
        done = subprocess.run(
            [sys.executable, "-m", "backfit", *args], stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True, check=False,
            preexec_fn=lambda: os.close(1),
        )  # fmt: skip
        assert (done.returncode, done.stderr) == (
            5,
            "backfit: cannot write the output: standard output is closed\n",
        ), args


def test_a_log_change_that_cannot_be_confirmed_says_it_was_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess
    import sys

    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path))

    def backfit(*args: str) -> subprocess.CompletedProcess[str]:
        with open("/dev/full", "w") as full:
            return subprocess.run(
                [sys.executable, "-m", "backfit", *args], stdout=full, stderr=subprocess.PIPE,
                text=True, check=False,
            )  # fmt: skip

    for args in (["log", "bird-dog"], ["log", "undo"]):
        done = backfit(*args)
        assert (done.returncode, done.stderr) == (
            6,
            "backfit: the log was changed, but saying so failed: No space left on device\n",
        ), args


def test_show_of_a_routine_names_its_exercises_with_a_care_verdict(invoke: Invoke) -> None:
    """Gentle mobility is suggested to everyone; someone pregnant must see, on the routine's
    own page, that it holds an exercise their condition should avoid."""
    result = invoke("show", "gentle-mobility")
    assert result.exit_code == 0
    care = result.stdout.split("Who should take care\n", 1)[1].split("\n\n", 1)[0]
    flat = " ".join(care.split())
    assert flat.startswith("Pregnancy: avoid: Back extension on elbows; with care: Pelvic tilt,")
    routine = CATALOG.find("gentle-mobility")
    assert routine is not None
    for exercise, _ in CATALOG.doses_of(routine):
        for condition, note in exercise.care.notes() if exercise.care else ():
            if note.verdict != "suits":
                assert exercise.name in flat, condition
