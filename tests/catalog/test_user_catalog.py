"""A user catalog that extends the built-in one; `validate` and `schema`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import MINIMAL

from backfit.catalog.loader import builtin_catalog_path

Invoke = Callable[..., Any]
BUILTIN = builtin_catalog_path()

USER = """\
extends: builtin
sources:
  clinic:
    title: Home programme sheet
    publisher: Riverside Physio
exercises:
  - slug: wall-slide
    name: Wall slide
    summary: Slide your back down a wall into a shallow squat and back up.
    level: beginner
    equipment: [wall]
    muscles:
      primary: [quadriceps]
    dose: {sets: 2, reps: 10, rest_seconds: 45}
    benefits: [Builds leg strength so the legs, not the back, do the lifting.]
    steps: [Stand with your back against a wall., Slide down a little., Slide back up.]
    cautions: [Stay well above a right angle at the knee.]
    stop_if: [Knee or back pain above 5/10.]
    harder: [bent-leg-deadlift]
    sources: [clinic]
routines:
  - slug: clinic-morning
    name: Clinic morning set
    purpose: The three exercises from my physio.
    audience: Me.
    exercises:
      - exercise: cat-camel
      - exercise: wall-slide
      - exercise: bird-dog
        dose: {reps: 4}
    sources: [clinic]
"""


@pytest.fixture
def user_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("BACKFIT_CONFIG", str(config))

    def write(text: str) -> Path:
        path = config / "catalog.yaml"
        path.write_text(text)
        return path

    return write


def test_a_user_catalog_adds_exercises_and_routines(
    invoke: Invoke, user_catalog: Callable[[str], Path]
) -> None:
    user_catalog(USER)
    slugs = [e["slug"] for e in json.loads(invoke("list", "--json").stdout)]
    beginners = [slug for slug in slugs if slug in {"wall-slide", "pelvic-tilt"}]
    assert beginners == ["pelvic-tilt", "wall-slide"]  # after the built-in ones of its level
    assert "swallow-fly" in slugs
    shown = invoke("show", "wall slide")
    assert shown.exit_code == 0 and shown.stderr == ""
    assert "Harder: Bent-leg deadlift (bent-leg-deadlift)" in shown.stdout
    assert "1. Riverside Physio: Home programme sheet" in shown.stdout
    plan = json.loads(invoke("start", "clinic-morning", "--plan", "--json").stdout)
    assert [s["exercise"] for s in plan["steps"] if s["phase"] == "ready"] == [
        "cat-camel",
        "wall-slide",
        "bird-dog",
    ]
    assert "clinic-morning" in [r["slug"] for r in json.loads(invoke("routines", "--json").stdout)]


def test_a_user_entry_with_a_built_in_slug_replaces_it_with_a_notice(
    invoke: Invoke, user_catalog: Callable[[str], Path]
) -> None:
    mine = yaml.safe_load(USER)
    bird = json.loads(invoke("show", "bird-dog", "--json").stdout)
    bird["dose"] = {**bird["dose"], "reps": 3, "note": "My physio says three."}
    mine["exercises"] = [bird]
    mine["routines"] = []
    path = user_catalog(yaml.safe_dump(mine))
    result = invoke("show", "bird-dog")
    assert result.exit_code == 0
    assert "My physio says three." in result.stdout
    assert result.stderr == f"backfit: {path}: your 'bird-dog' replaces the built-in one\n"
    again = invoke("show", "bird-dog")  # from the cache this time: the notice still shows
    assert again.stderr == result.stderr


def test_problems_in_a_user_catalog_point_into_it(
    invoke: Invoke, user_catalog: Callable[[str], Path]
) -> None:
    path = user_catalog(
        USER.replace("harder: [bent-leg-deadlift]", "harder: [bent-leg-lift]")
        .replace("name: Wall slide", "name: Bird dog")
        .replace("dose: {reps: 4}", "dose: {sets: 3, reps: [6, 4]}")
    )
    result = invoke("list")
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    unknown = f"{path}:19:14: exercises[0].harder[0]: no exercise has the slug 'bent-leg-lift'"
    assert f"backfit: {unknown}; did you mean 'bent-leg-deadlift'?" in lines
    builtin_line = BUILTIN.read_text().splitlines().index("  - slug: bird-dog") + 1
    clash = (
        f"backfit: {path}:8:5: exercises[0].name: 'Bird dog' is already the slug, name or alias "
        f"of 'bird-dog' (first at line {builtin_line} of {BUILTIN})"
    )
    assert clash in lines
    dose = next(line for line in lines if "routines" in line)
    assert dose == (
        f"backfit: {path}:30:9: routines[0].exercises[2].dose: with this change the dose of "
        "'bird-dog' is invalid: reps lists 2 numbers, one per set, but sets is 3"
    )


def test_a_malformed_user_catalog_is_located_in_its_own_file(
    invoke: Invoke, user_catalog: Callable[[str], Path]
) -> None:
    path = user_catalog(
        USER.replace("extends: builtin", "extends: mine").replace("level: beginner", "level: easy")
    )
    result = invoke("list")
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"backfit: {path}:1:1: extends: must be 'builtin', not the text 'mine'",
        f"backfit: {path}:10:5: exercises[0].level: must be 'beginner', 'intermediate' "
        "or 'advanced', not the text 'easy'",
        LEAVE_OUT,
    ]


BROKEN = USER.replace("level: beginner", "level: easy")
LEAVE_OUT = (
    "backfit: to leave your user catalog out for now: backfit --catalog builtin COMMAND "
    "(or BACKFIT_CATALOG=builtin)"
)


def test_a_broken_user_catalog_says_how_to_leave_it_out(
    invoke: Invoke, user_catalog: Callable[[str], Path]
) -> None:
    user_catalog(BROKEN)
    result = invoke("show", "bird-dog")
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr.splitlines()[-1] == LEAVE_OUT
    for way in (["--catalog", "builtin"], []):
        env = {} if way else {"BACKFIT_CATALOG": "builtin"}
        left_out = invoke(*way, "show", "bird-dog", env=env)
        assert (left_out.exit_code, left_out.stderr) == (0, "")
        assert left_out.stdout.startswith("Bird dog")


def test_a_broken_user_catalog_never_hides_the_safety_advice(
    invoke: Invoke, user_catalog: Callable[[str], Path]
) -> None:
    path = user_catalog(BROKEN)
    builtin = invoke("--catalog", "builtin", "safety")
    result = invoke("safety")
    assert (result.exit_code, result.stdout) == (0, builtin.stdout)
    assert "Numbness or tingling around your genitals" in result.stdout
    assert result.stderr == (
        f"backfit: {path} has problems (see 'backfit validate {path}'), so it is left out\n"
    )
    as_json = invoke("safety", "--json")
    assert as_json.exit_code == 0
    assert as_json.stdout == invoke("--catalog", "builtin", "safety", "--json").stdout
    assert json.loads(as_json.stdout)["pain_rule"][-1]["zone"] == "stop"


@pytest.mark.parametrize("how", ["option", "variable"])
def test_a_mistyped_catalog_file_never_hides_the_safety_advice(
    invoke: Invoke, tmp_path: Path, how: str
) -> None:
    missing = tmp_path / "clinc.yaml"
    args, env = (
        (["--catalog", str(missing)], None)
        if how == "option"
        else ([], {"BACKFIT_CATALOG": str(missing)})
    )
    builtin = invoke("--catalog", "builtin", "safety")
    result = invoke(*args, "safety", env=env)
    assert (result.exit_code, result.stdout) == (0, builtin.stdout)
    assert result.stderr == (
        f"backfit: {missing} has problems (see 'backfit validate {missing}'), so it is left out\n"
    )
    assert invoke(*args, "list", env=env).exit_code == 3  # elsewhere, the mistake stops it


def test_catalog_option_ignores_the_user_catalog(
    invoke: Invoke, user_catalog: Callable[[str], Path], catalog_file: Callable[[str], Path]
) -> None:
    user_catalog(USER)
    result = invoke("--catalog", str(catalog_file(MINIMAL)), "list", "--json")
    assert [e["slug"] for e in json.loads(result.stdout)] == ["first-move", "second-move"]


def test_catalog_option_naming_a_user_catalog_extends_the_builtin_one(
    invoke: Invoke, catalog_file: Callable[[str], Path]
) -> None:
    path = catalog_file(USER)  # not in the config folder: named with --catalog
    slugs = [e["slug"] for e in json.loads(invoke("--catalog", str(path), "list", "--json").stdout)]
    assert "wall-slide" in slugs and "bird-dog" in slugs
    builtin_only = json.loads(invoke("--catalog", "builtin", "list", "--json").stdout)
    assert "wall-slide" not in [e["slug"] for e in builtin_only]


def test_validate_a_clean_catalog_and_a_user_catalog(
    invoke: Invoke, catalog_file: Callable[[str], Path], tmp_path: Path
) -> None:
    path = catalog_file(MINIMAL)
    result = invoke("validate", str(path))
    assert (result.exit_code, result.stdout) == (
        0,
        f"{path}: a valid catalog: 2 exercises, 0 routines\n",
    )
    user = tmp_path / "mine.yaml"
    user.write_text(USER)
    result = invoke("validate", str(user))
    assert result.exit_code == 0
    assert result.stdout == (
        f"{user}: a valid user catalog, with the built-in one: 28 exercises, 6 routines\n"
    )


def test_validate_reports_every_problem_and_a_count(
    invoke: Invoke, catalog_file: Callable[[str], Path]
) -> None:
    path = catalog_file(
        MINIMAL.replace("sets: 2", "sets: 0").replace("level: beginner", "level: x")
    )
    result = invoke("validate", str(path))
    assert result.exit_code == 3
    assert result.stdout.splitlines() == [
        f"{path}:26:5: exercises[0].level: must be 'beginner', 'intermediate' or "
        "'advanced', not the text 'x'",
        f"{path}:31:7: exercises[0].dose.sets: Input should be greater than 0",
        f"2 problems in {path}",
    ]
    missing = invoke("validate", str(path) + ".nope")
    assert (missing.exit_code, missing.stdout) == (3, "")
    assert missing.stderr == f"backfit: {path}.nope: no such file\n"  # one line, as elsewhere


def test_schema_accepts_the_catalogs_and_catches_mistakes(invoke: Invoke) -> None:
    import jsonschema

    result = invoke("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    validator = jsonschema.Draft202012Validator(schema)
    builtin = yaml.safe_load(BUILTIN.read_text())
    assert list(validator.iter_errors(builtin)) == []
    assert list(validator.iter_errors(yaml.safe_load(USER))) == []
    wrong = yaml.safe_load(USER)
    wrong["exercises"][0]["slug"] = "Wall Slide"
    wrong["exercises"][0]["colour"] = "red"
    assert len(list(validator.iter_errors(wrong))) >= 1


def test_validate_reports_broken_links_with_the_other_problems_and_suggests(
    invoke: Invoke, catalog_file: Callable[[str], Path]
) -> None:
    path = catalog_file(
        MINIMAL.replace("sets: 2", "sets: 0")
        .replace("easier: [second-move]", "easier: [second-mvoe]")
        .replace("sources: [src]\n  - slug: second", "sources: [scr]\n  - slug: second")
    )
    result = invoke("validate", str(path))
    assert result.exit_code == 3
    assert result.stdout.splitlines() == [
        f"{path}:31:7: exercises[0].dose.sets: Input should be greater than 0",
        f"{path}:38:14: exercises[0].easier[0]: no exercise has the slug 'second-mvoe'; "
        "did you mean 'second-move'?",
        f"{path}:39:15: exercises[0].sources[0]: no source has the id 'scr'; did you mean 'src'?",
        f"3 problems in {path}",
    ]


def test_validate_a_user_catalog_lists_its_links_with_its_other_problems(
    invoke: Invoke, user_catalog: Callable[[str], Path]
) -> None:
    path = user_catalog(
        USER.replace("sets: 2, reps: 10", "sets: 0, reps: 10")
        .replace("exercise: cat-camel", "exercise: cat-camle")
        .replace("sources: [clinic]\nroutines", "sources: [clinik]\nroutines")
    )
    result = invoke("validate", str(path))
    assert result.exit_code == 3
    assert result.stdout.splitlines() == [
        f"{path}:14:12: exercises[0].dose.sets: Input should be greater than 0",
        f"{path}:20:15: exercises[0].sources[0]: no source has the id 'clinik'; "
        "did you mean 'clinic'?",
        f"{path}:27:9: routines[0].exercises[0].exercise: no exercise has the slug "
        "'cat-camle'; did you mean 'cat-camel'?",
        f"3 problems in {path}",
    ]


# Issue 18: user catalogs as a new user wrote them.


def _bird_dog(invoke: Invoke, dose: dict[str, Any], build_up: dict[str, Any] | None) -> str:
    """A user catalog whose bird dog is the built-in one at a physio's changed dose."""
    bird = json.loads(invoke("--catalog", "builtin", "show", "bird-dog", "--json").stdout)
    bird["dose"] = {**bird["dose"], **dose}
    bird["build_up"] = build_up
    bird = {key: value for key, value in bird.items() if value is not None}
    return yaml.safe_dump({"extends": "builtin", "exercises": [bird]}, sort_keys=False)


def test_a_built_in_routine_does_a_replaced_exercise_at_the_users_dose(
    invoke: Invoke, user_catalog: Callable[[str], Path]
) -> None:
    path = user_catalog(_bird_dog(invoke, {"sets": 1, "reps": 6, "note": "One set."}, None))
    result = invoke("show", "mcgill-big-3")
    assert result.exit_code == 0, result.stderr
    assert "4. Bird dog (bird-dog)\n   1 × 6 reps each side, hold 10 s · rest 20 s\n" in (
        result.stdout
    )
    said = [
        f"backfit: {path}: your 'bird-dog' replaces the built-in one",
        *(
            f"backfit: {path}: the built-in routine '{slug}' does your 'bird-dog' at your dose: "
            "its own change to the dose does not fit it"
            for slug in ("mcgill-big-3", "strength-day")
        ),
    ]
    assert result.stderr.splitlines() == said
    for args in (["list"], ["start", "strength-day", "--plan"], ["validate", str(path)]):
        again = invoke(*args)
        assert (again.exit_code, again.stderr.splitlines()) == (0, said), args


def test_a_built_in_routine_keeps_its_change_where_it_fits_the_users_dose(
    invoke: Invoke, user_catalog: Callable[[str], Path]
) -> None:
    user_catalog(_bird_dog(invoke, {"reps": [5, 4, 3]}, None))
    result = invoke("show", "mcgill-big-3")
    assert "   3 sets of 3, 2, 1 reps each side, hold 10 s · rest 20 s\n" in result.stdout
    assert "built-in routine" not in result.stderr


def test_a_routine_naming_no_exercise_with_a_dose_is_a_problem_not_a_crash(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        USER.replace(
            "- exercise: bird-dog\n        dose: {reps: 4}",
            "- exercise: bird-dgo\n        dose: {reps: 4}",
        )
    )
    result = invoke("validate", str(path))
    assert (result.exit_code, result.stderr) == (3, "")
    assert result.stdout == (
        f"{path}:29:9: routines[0].exercises[2].exercise: no exercise has the slug 'bird-dgo'; "
        f"did you mean 'bird-dog'?\n1 problem in {path}\n"
    )


@pytest.mark.parametrize("how", ["CRLF", "BOM", "both"])
def test_windows_line_endings_and_a_byte_order_mark_read_the_same_every_way(
    invoke: Invoke, user_catalog: Callable[[str], Path], tmp_path: Path, how: str
) -> None:
    text = USER.replace("\n", "\r\n") if how != "BOM" else USER
    raw = ("\ufeff" if how != "CRLF" else "") + text
    path = tmp_path / "mine.yaml"
    path.write_bytes(raw.encode())
    clean = f"{path}: a valid user catalog, with the built-in one: 28 exercises, 6 routines\n"
    assert invoke("validate", str(path)).stdout == clean
    for args, env in ((["--catalog", str(path)], None), ([], {"BACKFIT_CATALOG": str(path)})):
        result = invoke(*args, "show", "wall-slide", env=env)
        assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    broken = path.read_bytes().replace(b"level: beginner", b"level: beginer")
    path.write_bytes(broken)
    result = invoke("validate", str(path))
    assert result.stdout.splitlines()[0] == (
        f"{path}:10:5: exercises[0].level: must be 'beginner', 'intermediate' or 'advanced', "
        "not the text 'beginer'; did you mean 'beginner'?"
    )
    user_catalog("")  # the config folder's file, read the same way
    (tmp_path / "config" / "catalog.yaml").write_bytes(broken)
    from_config = invoke("list")
    assert from_config.stderr.splitlines()[0].endswith(
        "catalog.yaml:10:5: exercises[0].level: must be 'beginner', 'intermediate' or "
        "'advanced', not the text 'beginer'; did you mean 'beginner'?"
    )


def test_a_replaced_built_in_source_is_said_like_a_replaced_exercise(
    invoke: Invoke, user_catalog: Callable[[str], Path]
) -> None:
    path = user_catalog(
        "extends: builtin\nsources:\n  nice-ng59:\n    title: My fake NHS page\n    publisher: Me\n"
    )
    said = f"backfit: {path}: your source 'nice-ng59' replaces the built-in one\n"
    for command in ("safety", "sources", "list"):
        result = invoke(command)
        assert (result.exit_code, result.stderr) == (0, said), command
    assert "Me: My fake NHS page" in invoke("safety").stdout  # shown, but never silently


@pytest.mark.parametrize("how", ["broken", "folder"])
def test_a_broken_catalog_variable_never_hides_the_safety_advice(
    invoke: Invoke, tmp_path: Path, how: str
) -> None:
    path = tmp_path / "mine.yaml"
    if how == "broken":
        path.write_text(BROKEN)
    else:
        path.mkdir()
    builtin = invoke("--catalog", "builtin", "safety")
    result = invoke("safety", env={"BACKFIT_CATALOG": str(path)})
    assert (result.exit_code, result.stdout) == (0, builtin.stdout)
    assert result.stderr == (
        f"backfit: {path} has problems (see 'backfit validate {path}'), so it is left out\n"
    )


def test_validate_lists_problems_in_line_order_beside_a_duplicate_key(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        USER.replace("extends: builtin", "extends: mine")
        .replace("    name: Wall slide\n", "    name: Wall slide\n    name: Wall slides\n")
        .replace("harder: [bent-leg-deadlift]", "harder: [bent-leg-lift]")
        .replace(
            "dose: {sets: 2, reps: 10, rest_seconds: 45}", "dose: {sets: 2, hold: 10, rest: 45}"
        )
        .replace("level: beginner", "level: beginer")
    )
    result = invoke("validate", str(path))
    assert result.exit_code == 3
    assert result.stdout.splitlines() == [
        f"{path}:1:1: extends: must be 'builtin', not the text 'mine'",
        f"{path}:9:5: duplicate key 'name' (first at line 8); YAML would keep only the last one",
        f"{path}:11:5: exercises[0].level: must be 'beginner', 'intermediate' or 'advanced', "
        "not the text 'beginer'; did you mean 'beginner'?",
        f"{path}:15:5: exercises[0].dose: missing required field 'rest_seconds'",
        f"{path}:15:21: exercises[0].dose: unknown field 'hold'; did you mean 'hold_seconds'?",
        f"{path}:15:31: exercises[0].dose: unknown field 'rest'; did you mean 'rest_seconds'?",
        f"{path}:20:14: exercises[0].harder[0]: no exercise has the slug 'bent-leg-lift'; "
        "did you mean 'bent-leg-deadlift'?",
        f"7 problems in {path}",
    ]


def test_a_duplicate_key_alone_is_still_refused(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(USER.replace("    name: Wall slide\n", "    name: Wall slide\n    name: W\n"))
    result = invoke("validate", str(path))
    assert (result.exit_code, result.stdout) == (
        3,
        f"{path}:9:5: duplicate key 'name' (first at line 8); YAML would keep only the last "
        f"one\n1 problem in {path}\n",
    )


def test_a_misspelt_top_level_key_is_offered_the_right_one(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(USER.replace("routines:", "routine:"))
    result = invoke("validate", str(path))
    assert result.stdout.splitlines()[0] == (
        f"{path}:21:1: unknown field 'routine'; did you mean 'routines'?"
    )


@pytest.mark.parametrize("how", ["validate", "option", "variable", "config"])
def test_a_folder_instead_of_a_catalog_file_is_one_line(
    invoke: Invoke, user_catalog: Callable[[str], Path], tmp_path: Path, how: str
) -> None:
    folder = tmp_path / "catalogs"
    folder.mkdir()
    if how == "config":
        folder = user_catalog("")
        folder.unlink()
        folder.mkdir()
    args = {
        "validate": ["validate", str(folder)],
        "option": ["--catalog", str(folder), "list"],
        "variable": ["list"],
        "config": ["list"],
    }[how]
    env = {"BACKFIT_CATALOG": str(folder)} if how == "variable" else None
    result = invoke(*args, env=env)
    said = f"backfit: {folder}: is a folder, not a catalog file: give the path of a YAML file"
    assert (result.exit_code, result.stdout) == (3, "")
    lines = result.stderr.splitlines()
    assert lines == [said, LEAVE_OUT] if how == "config" else lines == [said]


@pytest.mark.parametrize("content", ["", "# my catalog\n", "\ufeff\r\n"])
def test_an_empty_user_catalog_is_told_what_it_needs(
    invoke: Invoke, user_catalog: Callable[[str], Path], tmp_path: Path, content: str
) -> None:
    said = (
        ": the file is empty: a user catalog needs 'extends: builtin' and then the sources, "
        "exercises or routines it adds (a whole catalog starts with 'title:')"
    )
    path = tmp_path / "mine.yaml"
    path.write_text(content)
    result = invoke("validate", str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (3, "", f"backfit: {path}{said}\n")
    config = user_catalog(content)
    result = invoke("list")
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr.splitlines() == [f"backfit: {config}{said}", LEAVE_OUT]
