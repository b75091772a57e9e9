"""What `log` says it logged is what `history` then shows (a new-user trial saw 19:22
said and 19:20 listed: the session was said at its end and listed at its start)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path


def test_log_says_the_time_history_lists(tmp_path: Path) -> None:
    env = {"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "BACKFIT_HOME": str(tmp_path),
           "BACKFIT_CONFIG": str(tmp_path)}  # fmt: skip

    def run(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "backfit", *args], capture_output=True,
                              text=True, env=env, check=True)  # fmt: skip
        return done.stdout

    said = re.search(r"at (\d\d:\d\d)", run("log", "bird-dog"))  # 3 sets: minutes long
    listed = re.search(r"(\d\d:\d\d)", run("history"))
    assert said and listed and said[1] == listed[1]
