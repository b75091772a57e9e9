"""Renderers alone, on a fixed-width console with no colour."""

from __future__ import annotations

import io

from rich.console import Console, RenderableType

from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.catalog.models import Dose
from backfit.views.catalog import exercise_detail, exercise_list, format_dose

CATALOG = load_catalog(builtin_catalog_path())


def render(renderable: RenderableType, width: int = 60) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False)
    console.print(renderable)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(output, str)
    return output


def test_format_dose_covers_each_shape() -> None:
    assert format_dose(Dose(sets=3, reps=8, rest_seconds=120)) == "3 × 8 reps · rest 2 min"
    assert format_dose(Dose(sets=1, hold_seconds=600, rest_seconds=90)) == (
        "1 set × hold 10 min · rest 90 s"
    )
    assert (
        format_dose(Dose(sets=2, reps=5, hold_seconds=5, rest_seconds=60))
        == "2 × 5 reps, hold 5 s · rest 60 s"
    )
    assert (
        format_dose(Dose(sets=1, reps=6, hold_seconds=10, rest_seconds=30, per_side=True))
        == "1 × 6 reps each side, hold 10 s · rest 30 s"
    )
    assert (
        format_dose(Dose(sets=1, hold_seconds=30, rest_seconds=30, per_side=True))
        == "1 set × hold 30 s each side · rest 30 s"
    )


def test_narrow_list_is_stacked_and_wide_list_is_a_table() -> None:
    narrow = render(exercise_list(CATALOG.exercises), width=60)
    assert narrow.startswith("Swallow fly (swallow-fly)\n  intermediate, front · bed or mat")
    wide = render(exercise_list(CATALOG.exercises), width=120)
    assert wide.split("\n")[0].split() == ["Exercise", "Level", "Equipment", "Targets", "Dose"]


def test_detail_numbers_steps_with_a_hanging_indent() -> None:
    text = render(exercise_detail(CATALOG.exercise("swallow-fly"), CATALOG))
    lines = text.splitlines()
    step3 = lines.index(next(line for line in lines if line.startswith("3. ")))
    assert lines[step3 + 1].startswith("   ")  # the wrapped part lines up under the text
    assert "Stop and rest if:" in text


def test_the_list_says_where_each_exercise_is_done() -> None:
    from rich.console import Console

    from backfit.catalog.loader import builtin_catalog_path, load_catalog
    from backfit.views.catalog import exercise_list

    catalog = load_catalog(builtin_catalog_path())
    out = io.StringIO()
    Console(file=out, width=100, color_system=None).print(exercise_list(catalog.exercises[:3]))
    first = catalog.exercises[0]
    assert f"{first.level}" in out.getvalue() and f"{first.position}" in out.getvalue()
    narrow = io.StringIO()
    Console(file=narrow, width=40, color_system=None).print(exercise_list(catalog.exercises[:1]))
    assert f"{catalog.exercises[0].level}, {catalog.exercises[0].position} ·" in narrow.getvalue()
