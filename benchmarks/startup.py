"""Time backfit's commands against a minimal Typer app, in one run, as median ratios.

Usage: python benchmarks/startup.py [--runs N]

The baseline is a one-command Typer app that prints "hello", run by the same interpreter,
so the ratios say what backfit costs beyond Python and Typer themselves. Runs are
interleaved (baseline, then each command, round after round) so that machine noise falls
on all of them alike. The catalog cache is warmed first, as it is after a user's first
run. Targets come from issue 2.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASELINE_APP = """\
import typer

app = typer.Typer()


@app.command()
def hello() -> None:
    print("hello")


if __name__ == "__main__":
    app()
"""

COMPLETION = {
    "_BACKFIT_COMPLETE": "complete_bash",
    "COMP_WORDS": "backfit show s",
    "COMP_CWORD": "2",
}

# name, arguments, extra environment, target ratio
CASES: list[tuple[str, list[str], dict[str, str], float]] = [
    ("backfit --version", ["--version"], {}, 0.6),
    ("backfit --help", ["--help"], {}, 1.0),
    ("completion of 'show s'", [], COMPLETION, 1.1),
    ("backfit list", ["list"], {}, 1.35),
    ("backfit show swallow-fly", ["show", "swallow-fly"], {}, 1.35),
]


def backfit_command() -> list[str]:
    """The installed console script beside this interpreter, as a user runs it."""
    script = Path(sys.executable).parent / "backfit"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from backfit.__main__ import main; main()"]


def time_once(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="rounds to time (default 30)")
    runs = parser.parse_args().runs

    env = {**os.environ, "COLUMNS": "100"}
    env.pop("BACKFIT_CATALOG", None)
    # pip compiles bytecode when it installs a wheel, so a user's backfit never compiles its
    # own source at start-up; let the warm-up run write .pyc files for an editable checkout too.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as folder:
        hello = Path(folder) / "hello.py"
        hello.write_text(BASELINE_APP)
        baseline_cmd = [sys.executable, str(hello)]
        backfit = backfit_command()
        commands = [(baseline_cmd, env)] + [
            (backfit + args, {**env, **extra}) for _, args, extra, _ in CASES
        ]
        for command, command_env in commands:  # warm the file cache and .pyc files
            time_once(command, command_env)
        samples: list[list[float]] = [[] for _ in commands]
        for _ in range(runs):
            for i, (command, command_env) in enumerate(commands):
                samples[i].append(time_once(command, command_env))

    base = statistics.median(samples[0])
    print(f"{runs} interleaved runs; baseline (minimal Typer app): median {base * 1000:.1f} ms")
    print(f"{'command':<28} {'median':>9} {'ratio':>7} {'target':>7}  ")
    failed = 0
    for (name, _, _, target), times in zip(CASES, samples[1:], strict=True):
        median = statistics.median(times)
        ratio = median / base
        ok = ratio <= target
        failed += not ok
        verdict = "ok" if ok else "OVER"
        print(f"{name:<28} {median * 1000:>7.1f}ms {ratio:>6.2f}x {target:>6.2f}x  {verdict}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
