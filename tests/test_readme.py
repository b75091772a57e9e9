"""The README's quick start is what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_has_exactly_two_commands() -> None:
    install_and_run, install_and_test = quick_start_commands()
    assert install_and_run.startswith("pip install . && backfit ")
    assert install_and_test.endswith("&& pytest")


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert quick_start_commands()[1] in ci_lines


def test_the_readme_shows_real_output() -> None:
    from typer.testing import CliRunner

    from backfit.cli.main import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("backfit show bird-dog", "backfit list --level intermediate"):
        start = readme.index(f"$ {command}\n") + len(f"$ {command}\n")
        shown = readme[start : readme.index("```", start)]
        result = CliRunner().invoke(app, command.split()[1:], env={"COLUMNS": "80"})
        assert result.stdout == shown, command


def test_the_readme_user_catalog_example_is_a_clean_catalog(tmp_path: Path) -> None:
    import yaml
    from typer.testing import CliRunner

    from backfit.cli.main import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("A small user catalog", 1)[1]
    example = re.findall(r"```yaml\n(.+?)```", section, re.DOTALL)[0]
    wall_slide = yaml.safe_load(example)["exercises"][0]
    assert len(wall_slide["benefits"]) == 1  # a sentence with commas stays one item
    mine = tmp_path / "mine.yaml"
    mine.write_text(example, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(mine)])
    assert result.exit_code == 0, result.output


def test_the_readme_counts_the_safety_messages_there_are() -> None:
    """'All 294 safety messages have passed' went stale with the next safety message."""
    from backfit.translations import progress

    said = re.search(r"Every safety message has passed \((\d+)\s+of (\d+) today", (
        ROOT / "README.md").read_text(encoding="utf-8"))  # fmt: skip
    assert said is not None
    rows = progress()
    counted = (sum(row.reviewed for row in rows), sum(row.safety for row in rows))
    assert (int(said.group(1)), int(said.group(2))) == counted
