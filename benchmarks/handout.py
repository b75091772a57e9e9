"""Time `backfit handout` as a user runs it: HTML and PDF of the longest routine and of a
plan's week, each a whole process, start-up included (issue 20: each under 1 s). Then check
that `--help`, `list` and `show` do not import typst, so their start-up targets hold.

Usage: python benchmarks/handout.py [--runs N] [--quick]

PDF cases run only where typst (backfit[pdf]) is installed; the script says so otherwise.
Exits 1 if a target is missed (not in --quick mode) or a light command imports typst.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from startup import backfit_command  # beside this script

TARGET_SECONDS = 1.0
LIGHT = (["--help"], ["list"], ["show", "swallow-fly"])
PROBE = """\
import sys
sys.argv = ["backfit", *sys.argv[1:]]
from backfit.__main__ import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("typst" if "typst" in sys.modules else "-")
"""


def longest_routine() -> str:
    from backfit.catalog.loader import builtin_catalog_path, load_catalog

    catalog = load_catalog(builtin_catalog_path())
    return max(catalog.routines, key=lambda r: len(r.exercises)).slug


def run(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each (default 10)")
    parser.add_argument("--quick", action="store_true", help="one run, no targets: CI's check")
    arguments = parser.parse_args()
    runs = 1 if arguments.quick else arguments.runs
    backfit = backfit_command()
    pdf = importlib.util.find_spec("typst") is not None
    routine = longest_routine()
    failed = 0
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        env = {**os.environ, "BACKFIT_HOME": str(out / "home"), "COLUMNS": "100"}
        env.pop("BACKFIT_CATALOG", None)
        plan = ["plan", "new", "--pain", "3", "--duration", "over-12-weeks", "--leg", "none",
                "--no-red-flags", "--start", date.today().isoformat(), "--yes"]  # fmt: skip
        run(backfit + plan, env)
        cases = {
            f"{routine}, HTML": [routine, "-o", str(out / "r.html")],
            "plan week, HTML": ["--plan", "-o", str(out / "p.html")],
        }
        if pdf:
            cases[f"{routine}, PDF"] = [routine, "-o", str(out / "r.pdf")]
            cases["plan week, PDF"] = ["--plan", "-o", str(out / "p.pdf")]
        for args in cases.values():  # warm the caches and the .pyc files
            run([*backfit, "handout", *args], env)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, args in cases.items():
                times[name].append(run([*backfit, "handout", *args], env))
        print(f"{runs} runs each; target under {TARGET_SECONDS:.1f} s, start-up included")
        for name, taken in times.items():
            median = statistics.median(taken)
            verdict = "" if arguments.quick else ("ok" if median < TARGET_SECONDS else "OVER")
            failed += verdict == "OVER"
            print(f"{name:<32} {median * 1000:>7.1f} ms  {verdict}")
        if not pdf:
            print("PDF: typst is not installed (pip install 'backfit[pdf]'): not timed")
        probe = out / "probe.py"
        probe.write_text(PROBE)
        for args in LIGHT:
            done = subprocess.run([sys.executable, str(probe), *args], env=env,
                                  capture_output=True, text=True, check=False)  # fmt: skip
            imported = done.stderr.endswith("typst")
            failed += imported
            said = "imports typst: FAIL" if imported else "does not import typst"
            print(f"backfit {' '.join(args):<24} {said}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
