"""The help at 40 columns, in English: Click writes it at least 50 columns wide and leaves an
option's text 14 cells beside it ('[env var: BACK' / 'FIT_CATALOG]'), and cuts each
command's summary to what fits beside the names ('List the...')."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("command", [(), ("start",), ("plan",), ("plan", "new"), ("log",)])
def test_help_fits_40_columns_and_says_each_summary_whole(
    command: tuple[str, ...], tmp_path: Path
) -> None:
    env = {"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "COLUMNS": "40",
           "BACKFIT_HOME": str(tmp_path), "BACKFIT_CONFIG": str(tmp_path)}  # fmt: skip
    done = subprocess.run([sys.executable, "-m", "backfit", *command, "--help"],
                          capture_output=True, text=True, env=env, check=False)  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines) <= 40, [x for x in lines if len(x) > 40]
    listed = done.stdout.partition("Commands:")[2].splitlines()  # each command's summary
    assert not any(line.rstrip().endswith("...") for line in listed), listed
    assert "[env var: BACK\n" not in done.stdout
