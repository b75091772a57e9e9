"""How the cost of list, show and validate grows with the size of a catalog.

Usage: python benchmarks/scale.py [--runs N] [--quick]

Generates catalogs of 100, 1,000 and 10,000 exercises (each exercise complete, linked
to its neighbours, in routines of ten), then times each command on each, and on the
built-in catalog, in interleaved rounds. Targets (issue 5): `show` on 1,000 exercises
at most 2x `show` on the built-in catalog; growth no worse than linear: 10,000
exercises cost at most 10x what 1,000 cost, above the fixed start-up cost (a
two-exercise catalog). `list` and `show` run with the catalog cache warm, as after a
first run; `validate` always reads the file. The figures are the fastest of the runs:
noise on a shared machine only ever adds time, and the growth ratios subtract one
small time from another, which medians of a few runs leave too noisy to read.

`--quick` (for CI, so that the benchmark cannot rot unnoticed) runs every command once on
the built-in catalog and on generated catalogs of 2 and 100 exercises, checks that each
succeeds, and times nothing against a target.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (100, 1_000, 10_000)
QUICK_SIZES = (100,)

HEADER = """\
title: Generated catalog
disclaimer: Generated for a benchmark.
license: CC0
sources:
  gen: {title: Generated, publisher: benchmarks/scale.py}
benefits: {summary: Generated., points: [Generated.], sources: [gen]}
safety:
  emergency: [Generated.]
  see_doctor: [Generated.]
  pain_rule: [{range: 0-3, zone: go, meaning: Fine.}, {range: 6+, zone: stop, meaning: Stop.}]
  general: [Generated.]
  sources: [gen]
exercises:
"""

EXERCISE = """\
  - slug: move-{n}
    name: Move number {n}
    aliases: [Alias {n}]
    summary: A generated exercise, number {n}, with a summary of ordinary length.
    level: {level}
    equipment: [mat]
    muscles: {{primary: [glutes], secondary: [lower back extensors]}}
    dose: {{sets: 2, reps: 8, hold_seconds: 5, rest_seconds: 30}}
    benefits: [Builds endurance in the muscles that steady the spine.]
    steps:
      - Lie on your back with your knees bent and your feet flat.
      - Tighten your stomach muscles gently and keep breathing.
      - Lift slowly, hold, and lower with control.
    cautions: [Move slowly and stop if it hurts.]
    stop_if: [Pain above 5/10.]
    mistakes: [Rushing.]
{links}    sources: [gen]
"""


ROUTINE = """\
  - slug: routine-{r}
    name: Routine {r}
    purpose: Generated.
    audience: Anyone.
    exercises:
{items}    sources: [gen]
"""


def generate(path: Path, count: int) -> None:
    levels = ("beginner", "intermediate", "advanced")
    with path.open("w") as out:
        out.write(HEADER)
        for n in range(count):
            links = f"    easier: [move-{n - 1}]\n" if n else ""
            out.write(EXERCISE.format(n=n, level=levels[n % 3], links=links))
        out.write("routines:\n" if count >= 10 else "")
        for r in range(0, count - 9, 10):
            items = "".join(f"      - exercise: move-{r + k}\n" for k in range(10))
            out.write(ROUTINE.format(r=r, items=items))


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {result.stderr.decode()[:300]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="rounds to time (default 7)")
    parser.add_argument(
        "--quick", action="store_true", help="one run on small catalogs, no targets (for CI)"
    )
    args = parser.parse_args()
    runs, sizes = (1, QUICK_SIZES) if args.quick else (args.runs, SIZES)
    backfit = [sys.executable, "-m", "backfit"]
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "COLUMNS": "100", "BACKFIT_CACHE_DIR": f"{folder}/cache",
               "BACKFIT_HOME": f"{folder}/home"}  # fmt: skip  # never the person's own log
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.pop("BACKFIT_CATALOG", None)
        catalogs: dict[str, list[str]] = {"built-in": []}
        tiny = Path(folder, "tiny.yaml")
        generate(tiny, 2)
        catalogs["2 (fixed cost)"] = ["--catalog", str(tiny)]
        for size in sizes:
            path = Path(folder, f"catalog-{size}.yaml")
            generate(path, size)
            catalogs[f"{size:,}"] = ["--catalog", str(path)]
        jobs = []
        for name, choose in catalogs.items():
            target = choose[-1] if choose else None
            show = "swallow-fly" if not choose else "move-1"
            jobs += [(name, "list", [*backfit, *choose, "list"]),
                     (name, "show", [*backfit, *choose, "show", show])]  # fmt: skip
            if target:
                jobs.append((name, "validate", [*backfit, "validate", target]))
        for _, _, command in jobs:  # warm-up: writes each catalog's cache
            timed(command, env)
        times: dict[tuple[str, str], list[float]] = {(n, c): [] for n, c, _ in jobs}
        for _ in range(runs):
            for name, what, command in jobs:
                times[(name, what)].append(timed(command, env))
    median = {key: min(values) for key, values in times.items()}
    print(f"{runs} interleaved runs, fastest run in seconds")
    print(f"{'exercises':<16} {'list':>8} {'show':>8} {'validate':>9}")
    for name in catalogs:
        cells = [median.get((name, what)) for what in ("list", "show", "validate")]
        print(f"{name:<16} " + " ".join(f"{c:>8.3f}" if c else f"{'':>8}" for c in cells))
    if args.quick:
        return
    failed = 0
    ratio = median[("1,000", "show")] / median[("built-in", "show")]
    failed += ratio > 2
    print(f"\nshow on 1,000 / show on built-in: {ratio:.2f}x (target ≤ 2x)")
    for what in ("list", "show", "validate"):
        fixed = median[("2 (fixed cost)", what)]
        growth = (median[("10,000", what)] - fixed) / (median[("1,000", what)] - fixed)
        failed += growth > 10
        print(f"{what}: 10,000 vs 1,000 above the fixed cost: {growth:.1f}x (target ≤ 10x)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
