"""Where the log cannot be: each place said in one line, by reading and writing commands."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Invoke = Callable[..., Any]
READING = (["history"], ["history", "--json"], ["progress"], ["progress", "--json"])


@pytest.mark.parametrize("args", READING)
def test_a_file_where_the_log_folder_should_be(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    home = tmp_path / "not-a-folder"
    home.write_text("")
    monkeypatch.setenv("BACKFIT_HOME", str(home))
    result = invoke(*args)
    assert (result.exit_code, result.stdout) == (4, "")
    assert result.stderr == (
        f"backfit: cannot read the log at {home}/backfit.sqlite3: {home} is a file, not a folder\n"
    )


@pytest.mark.parametrize(
    ("args", "doing"),
    [
        (["log", "bird-dog"], "write"),
        (["log", "undo"], "change"),
        (["log", "edit", "1", "--pain-after", "2"], "read"),
    ],
)
def test_writing_commands_say_it_too(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], doing: str
) -> None:
    home = tmp_path / "not-a-folder"
    home.write_text("")
    monkeypatch.setenv("BACKFIT_HOME", str(home))
    result = invoke(*args)
    assert (result.exit_code, result.stdout) == (4, "")
    place = f"{home}/backfit.sqlite3"
    assert (
        result.stderr
        == f"backfit: cannot {doing} the log at {place}: {home} is a file, not a folder\n"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any folder")
@pytest.mark.parametrize("args", READING)
def test_a_folder_that_cannot_be_searched(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    home = tmp_path / "locked"
    home.mkdir()
    home.chmod(0)
    monkeypatch.setenv("BACKFIT_HOME", str(home))
    try:
        result = invoke(*args)
    finally:
        home.chmod(0o700)
    assert result.exit_code == 4
    assert result.stderr == (
        f"backfit: cannot read the log at {home}/backfit.sqlite3: permission denied\n"
    )
