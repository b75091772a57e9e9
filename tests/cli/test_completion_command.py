"""`backfit completion SHELL` prints the script `--show-completion SHELL` would, and the
bash one completes for real."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

Invoke = Callable[..., Any]
BACKFIT = [sys.executable, "-m", "backfit"]


@pytest.mark.parametrize(
    ("shell", "mark"),
    [
        ("bash", "complete -o default -F _backfit_completion backfit"),
        ("zsh", "#compdef backfit"),
        ("fish", "complete --command backfit"),
    ],
)
def test_each_shell_gets_its_own_script(shell: str, mark: str) -> None:
    """Typer's --show-completion prints only the shell it finds itself in: a package
    building for all three cannot choose."""
    done = subprocess.run([*BACKFIT, "completion", shell], capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (0, "")
    assert mark in done.stdout and "_BACKFIT_COMPLETE=complete_" + shell in done.stdout


def test_an_unknown_shell_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("completion", "tcsh")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "backfit: SHELL: must be bash, zsh or fish, not 'tcsh'"
    )


@pytest.mark.skipif(
    shutil.which("backfit") is None or shutil.which("bash") is None,
    reason="needs backfit installed on PATH, and bash",
)
def test_bash_completes_with_it() -> None:
    script = subprocess.run(
        ["backfit", "completion", "bash"], capture_output=True, text=True, check=True
    ).stdout
    line = "COMP_WORDS=(backfit sho); COMP_CWORD=1; _backfit_completion backfit; "
    line += 'echo "${COMPREPLY[@]}"'
    done = subprocess.run(
        ["bash", "-c", script + "\n" + line], capture_output=True, text=True, check=False,
        env={**os.environ, "BACKFIT_HOME": os.devnull},
    )  # fmt: skip
    assert done.stdout.split() == ["show"], done.stderr
