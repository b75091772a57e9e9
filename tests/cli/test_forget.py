"""`backfit forget`: the log, the cache and the settings removed, and where they were said."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from backfit.cli.main import app


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    found = {name: tmp_path / name for name in ("home", "cache", "config")}
    monkeypatch.setenv("BACKFIT_HOME", str(found["home"]))
    monkeypatch.setenv("BACKFIT_CACHE_DIR", str(found["cache"]))
    monkeypatch.setenv("BACKFIT_CONFIG", str(found["config"]))
    return found


def test_forget_removes_the_log_the_cache_and_the_settings(places: dict[str, Path]) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["log", "pelvic-tilt"]).exit_code == 0
    assert runner.invoke(app, ["list"]).exit_code == 0  # fills the cache
    places["config"].mkdir()
    (places["config"] / "catalog.yaml").write_text("title: mine\n")
    (places["config"] / "config.toml").write_text('figure = "blocks"\n')
    assert list(places["cache"].glob("catalog-*.pickle"))
    result = runner.invoke(app, ["forget", "--yes"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"Removed the training log: {places['home']}/backfit.sqlite3\n"
        f"Removed the catalog cache from {places['cache']}\n"
        f"Removed your own catalog: {places['config']}/catalog.yaml\n"
        f"Removed your settings: {places['config']}/config.toml\n"
    )
    assert [p for p in places.values() if p.exists()] == []
    again = runner.invoke(app, ["forget", "--yes"])
    assert (again.exit_code, again.stdout) == (0, "")
    assert (
        again.stderr == "backfit: backfit keeps nothing here yet: no log, no cache, no settings\n"
    )


def test_forget_from_a_script_without_yes_is_a_usage_error(places: dict[str, Path]) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["log", "pelvic-tilt"]).exit_code == 0
    result = runner.invoke(app, ["forget"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "backfit: not forgetting without asking: add --yes to forget from a script"
    )
    assert (places["home"] / "backfit.sqlite3").exists()


def test_a_mistyped_log_command_is_offered_the_command(places: dict[str, Path]) -> None:
    result = CliRunner().invoke(app, ["log", "udno"])
    assert (result.exit_code, result.stderr) == (
        1, "backfit: no exercise or routine called 'udno'; did you mean undo?\n"
    )  # fmt: skip
