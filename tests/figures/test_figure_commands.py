"""Figures through the command line: `show` draws the pose above the steps, `figure`
draws it large or writes SVG, and the drawing follows --figure, BACKFIT_FIGURE and what
the output can carry."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from backfit.views.figure import usable

Invoke = Callable[..., Any]
BRAILLE = {chr(c) for c in range(0x2801, 0x2900)}
BLOCKS = set("▀▄█")


def figure_lines(out: str) -> list[str]:
    """The figure `show` draws: the lines between the benefits and the steps."""
    block = out.split("\nHow to do it\n")[0].split("Why it helps\n", 1)[1]
    lines = block.split("\n\n", 1)[1].splitlines()
    return lines


def test_show_draws_start_and_end_side_by_side_above_the_steps(invoke: Invoke) -> None:
    result = invoke("show", "bird-dog")
    assert result.exit_code == 0
    lines = figure_lines(result.stdout)
    assert set("".join(lines)) & BRAILLE
    labels = lines[-1].split()
    assert labels == ["Start", "End"]  # one row of labels: the frames are side by side
    assert lines[-1].index("End") > 40
    assert max(cell_len(line) for line in lines) <= 80


def test_show_stacks_the_frames_when_narrow(invoke: Invoke) -> None:
    result = invoke("show", "glute-bridge", env={"COLUMNS": "40"})
    lines = figure_lines(result.stdout)
    assert [line.strip() for line in lines if line.strip() in ("Start", "End")] == ["Start", "End"]
    # Only an address may run past the width: it is never split.
    assert max(cell_len(line) for line in result.stdout.splitlines() if "://" not in line) <= 40


@pytest.mark.parametrize("columns", [40, 60, 100, 200])
def test_every_figure_fits_the_width(invoke: Invoke, columns: int) -> None:
    from backfit.catalog.loader import builtin_catalog_path, load_catalog

    for exercise in load_catalog(builtin_catalog_path()).exercises:
        result = invoke("show", exercise.slug, env={"COLUMNS": str(columns)})
        assert result.exit_code == 0
        widths = [cell_len(line) for line in figure_lines(result.stdout)]
        assert max(widths) <= columns, exercise.slug
        assert max(widths) >= min(columns, 60) // 3, exercise.slug  # not squeezed to nothing


def test_figure_option_and_setting(invoke: Invoke) -> None:
    ascii_figure = figure_lines(invoke("show", "side-plank", "--figure", "ascii").stdout)
    assert all(line.isascii() for line in ascii_figure)
    assert {"|", "/", "_"} <= set("".join(ascii_figure))
    blocks = figure_lines(invoke("show", "side-plank", env={"BACKFIT_FIGURE": "blocks"}).stdout)
    assert set("".join(blocks)) & BLOCKS and not set("".join(blocks)) & BRAILLE
    plain = invoke("show", "side-plank", "--figure", "none").stdout
    above_the_steps = plain.split("\nHow to do it\n")[0]
    assert "Start" not in above_the_steps and not set(plain) & BRAILLE
    bad = invoke("show", "side-plank", "--figure", "sixel")
    assert bad.exit_code == 2
    assert "--figure: must be braille, blocks, ascii, words or none, not 'sixel'" in bad.stderr
    from_environment = invoke("figure", "side-plank", env={"BACKFIT_FIGURE": "x"})
    assert from_environment.exit_code == 2
    assert from_environment.stderr.startswith("backfit: BACKFIT_FIGURE: must be braille,")


def test_braille_falls_back_to_ascii_where_the_output_cannot_carry_it() -> None:
    assert usable("braille", "utf-8") == "braille"
    assert usable("braille", "ascii") == "ascii"
    assert usable("blocks", "latin-1") == "ascii"
    assert usable("blocks", "cp437") == "blocks"  # the DOS code page has half blocks
    assert usable("none", "ascii") == "none"
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "COLUMNS": "80"}
    out = subprocess.run(
        [sys.executable, "-m", "backfit", "figure", "bird-dog"],
        capture_output=True, env=env, check=True,
    ).stdout  # fmt: skip
    assert out.isascii() and b"Start" in out and b"___" in out


def test_piped_figures_have_no_escape_codes(invoke: Invoke) -> None:
    assert "\x1b" not in invoke("show", "cat-camel").stdout


def test_show_json_carries_the_pose_data_not_the_drawing(invoke: Invoke) -> None:
    data = json.loads(invoke("show", "bird-dog", "--json").stdout)
    pose = data["pose"]
    assert pose["view"] == "side" and pose["props"] == ["mat"]
    assert pose["tempo"] == {"up": 2.0, "hold": 10.0, "down": 2.0}
    assert pose["end"]["contacts"] == ["near_knee", "far_hand", "near_toe"]
    assert pose["end"]["angles"]["near_upper_arm"] == 2.0
    assert "lumbar" not in pose["start"]["angles"]  # only what the catalog gives
    assert not set(json.dumps(data)) & BRAILLE


def test_figure_draws_one_frame_large(invoke: Invoke) -> None:
    result = invoke("figure", "cat-camel", "--frame", "middle")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[-1].strip() == "Halfway"
    assert len(lines) > 12
    both = [line.strip() for line in invoke("figure", "swallow-fly").stdout.splitlines()]
    assert [line for line in both if line in ("Start", "End")] == ["Start", "End"]


def test_figure_refuses_what_has_no_pose(invoke: Invoke) -> None:
    result = invoke("figure", "bird-dog", "--frame", "middle")
    assert result.exit_code == 1
    assert result.stderr == "backfit: 'bird-dog' has no middle pose; it has start, end\n"
    routine = invoke("figure", "mcgill-big-3")
    assert routine.exit_code == 1
    assert "routine" in routine.stderr


def test_figure_writes_svg(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "deadlift.svg"
    result = invoke("figure", "bent-leg-deadlift", "--svg", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    text = target.read_text(encoding="utf-8")
    assert "<title" in text and "Bent-leg deadlift" in text and "<script" not in text
    assert text == invoke("figure", "bent-leg-deadlift", "--svg", "-").stdout
    one = invoke("figure", "bent-leg-deadlift", "--frame", "end", "--svg", "-").stdout
    assert one.count(">End<") == 1 and ">Start<" not in one
    unwritable = invoke("figure", "bent-leg-deadlift", "--svg", str(tmp_path / "no" / "x.svg"))
    assert unwritable.exit_code == 5  # the output could not be written
    assert unwritable.stderr.startswith(f"backfit: cannot write {tmp_path / 'no' / 'x.svg'}: ")


def test_schema_includes_poses(invoke: Invoke) -> None:
    schema = json.loads(invoke("schema").stdout)
    text = json.dumps(schema)
    assert "near_upper_arm" in text and "contacts" in text and "barbell" in text


POSED = """\
extends: builtin
exercises:
  - slug: wall-squat
    name: Wall squat
    summary: Squat.
    level: beginner
    equipment: [wall]
    muscles: {primary: [quadriceps]}
    dose: {sets: 1, reps: 5, rest_seconds: 30}
    benefits: [Legs.]
    steps: [Squat.]
    cautions: [Careful.]
    stop_if: [Pain.]
    sources: [nhs-inform]
    pose:
      props: [wall]
      tempo: {up: 2, down: 2}
      start:
        angles: {trunk: 90, upper_arm: -90, forearm: -90, thigh: -90, shin: -90}
        contacts: [feet]
      end:
        angles: {trunk: 90, upper_arm: -90, forearm: -90, thigh: -90, shin: -70}
        contacts: [feet, hands]
"""


def test_a_user_catalogs_poses_are_checked_and_located(
    invoke: Invoke, catalog_file: Callable[[str], Path]
) -> None:
    good = catalog_file(POSED.replace("shin: -70", "shin: -90").replace(", hands]", "]"))
    assert invoke("validate", str(good)).exit_code == 0
    path = catalog_file(POSED)
    result = invoke("validate", str(path))
    assert result.exit_code == 3
    lines = result.stdout.splitlines() + result.stderr.splitlines()
    knee = f"{path}:22:71: exercises[0].pose.end.angles.shin: the near knee is at 20°"
    assert any(line.startswith(knee) for line in lines), lines
    hands = f"{path}:23:26: exercises[0].pose.end.contacts[1]: 'near_hand' is"
    assert any(line.startswith(hands) and "above the floor" in line for line in lines)
    unknown = catalog_file(POSED.replace("shin: -70}", "shin: -70, tail: 3}"), "tail.yaml")
    result = invoke("validate", str(unknown))
    assert "exercises[0].pose.end.angles.tail: unknown segment 'tail'" in result.stdout + (
        result.stderr
    )
