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
        f"backfit: {path}:1:1: extends: Input should be 'builtin'",
        f"backfit: {path}:10:5: exercises[0].level: Input should be 'beginner', 'intermediate' "
        "or 'advanced'",
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
        f"{path}:26:5: exercises[0].level: Input should be 'beginner', 'intermediate' or "
        "'advanced'",
        f"{path}:31:7: exercises[0].dose.sets: Input should be greater than 0",
        f"2 problems in {path}",
    ]
    missing = invoke("validate", str(path) + ".nope")
    assert (missing.exit_code, missing.stdout) == (
        3,
        f"{path}.nope:1:1: no such file\n1 problem in {path}.nope\n",
    )


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
