"""Time backfit's commands against references measured in the same run, as median ratios.

Usage: python benchmarks/startup.py [--runs N] [--coach-seconds N] [--quick]

The baseline is a one-command Typer app that prints "hello", run by the same interpreter,
so the ratios say what backfit costs beyond Python and Typer themselves. `history` and
`progress` run over a generated log of ten years of daily sessions and are compared with
`backfit list`; `today` runs over the same log with a plan in its twelfth week; `list` and
`show` in Chinese are compared with the same commands in English. Runs are
interleaved (every command once, round after round) so that
machine noise falls on all of them alike. `show` draws the exercise's figure, as it does
by default. Then, on Linux, it reports the coach's CPU use with its figure moving and
without (coach_cpu.py). Targets come from the issues; the script exits 1 if one is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from backfit.journal.store import LoggedSession

BASELINE_APP = """\
import typer

app = typer.Typer()


@app.command()
def hello() -> None:
    print("hello")


if __name__ == "__main__":
    app()
"""

COMPLETION = {"_BACKFIT_COMPLETE": "complete_bash", "COMP_WORDS": "backfit show s",
              "COMP_CWORD": "2"}  # fmt: skip
BASELINE = "baseline (minimal Typer app)"
LIST = "backfit list"
SHOW = "backfit show swallow-fly"
CHINESE = {"LANG": "zh_CN.UTF-8"}  # issue 21: list and show within 1.05x of the English


@dataclass
class Case:
    name: str
    args: list[str]
    env: dict[str, str] = field(default_factory=dict)
    target: float | None = None  # the highest ratio allowed against `against`
    against: str = BASELINE
    times: list[float] = field(default_factory=list)


def cases(log_home: str, fresh_cache: str) -> list[Case]:
    ten_years = {"BACKFIT_HOME": log_home}
    # A cache folder only completion uses: the first Tab on a fresh install (the warm-up) must
    # leave the cache behind for the next.
    fresh = {**COMPLETION, "BACKFIT_CACHE_DIR": fresh_cache}
    return [
        Case("backfit --version", ["--version"], target=0.6),
        Case("backfit --help", ["--help"], target=1.0),
        Case("completion of 'show s'", [], COMPLETION, target=1.1),
        Case("completion, fresh install", [], fresh, target=1.1),
        Case(LIST, ["list"], target=1.35),
        Case(SHOW, ["show", "swallow-fly"], target=1.35),
        Case("backfit list, in Chinese", ["list"], CHINESE, target=1.05, against=LIST),
        Case(
            "backfit show, in Chinese", ["show", "swallow-fly"], CHINESE, target=1.05, against=SHOW
        ),
        Case("history, 10 years daily", ["history"], ten_years, target=1.5, against=LIST),
        Case("history --since 1y", ["history", "--since", "1y"], ten_years, against=LIST),
        Case("progress, 10 years daily", ["progress"], ten_years, against=LIST),
        Case("today, 10 years daily", ["today"], ten_years, target=1.35),
    ]


def make_log(home: Path, *, years: int = 10) -> int:
    """A log with one session a day for `years` years, the kind `backfit start` saves."""
    from backfit.journal.store import FILE_NAME, ExerciseDone, LoggedSession

    path = home / FILE_NAME
    end = datetime.now(UTC).replace(hour=7, minute=30, second=0, microsecond=0)
    days = 365 * years
    names = (("mcgill-curl-up", "McGill curl-up"), ("side-plank-bent-knee", "Side plank"),
             ("bird-dog", "Bird dog"))  # fmt: skip
    exercises = tuple(ExerciseDone(slug, name, "done", 3, (6, 4, 2), 10, 1) for slug, name in names)
    sessions = []
    for n in range(days):
        start = end - timedelta(days=days - n)
        sessions.append(LoggedSession("guided", "mcgill-big-3", "McGill big 3", start,
                                start + timedelta(minutes=15), True, pain_before=n % 5,
                                pain_after=n % 4, exercises=exercises))  # fmt: skip
    save_many(path, sessions)
    start_plan(path, (end - timedelta(weeks=11)).date())
    return days


def start_plan(path: Path, start: date) -> None:
    """A 12-week plan in its last week, three days a week, as `plan new` makes it."""
    from backfit.catalog.loader import builtin_catalog_path, load_catalog
    from backfit.journal.plans import start_programme
    from backfit.programme.compose import compose
    from backfit.programme.settings import Settings

    settings = Settings(pain=3, duration="over-12-weeks", start=start, weeks=12, mode="quota")
    settings = compose(settings, load_catalog(builtin_catalog_path()))
    start_programme(path, settings.model_dump_json(), now=datetime.now(UTC), replace=True)


def save_many(path: Path, sessions: list[LoggedSession]) -> None:
    """All the sessions in one transaction: saving them one by one would take minutes."""
    from backfit.journal import store

    with store.writable(path) as db, store.transaction(db):
        for session in sessions:
            store._insert(db, session, session.exercises)


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
    parser.add_argument(
        "--coach-seconds", type=float, default=20,
        help="seconds of the coach's CPU to measure (coach_cpu.py; 0 skips it)",
    )  # fmt: skip
    parser.add_argument(
        "--quick", action="store_true",
        help="one run, a year's log, a second of coach, no targets: CI's check that it runs",
    )  # fmt: skip
    arguments = parser.parse_args()
    runs = 1 if arguments.quick else arguments.runs
    coach_seconds = 1 if arguments.quick else arguments.coach_seconds

    env = {**os.environ, "COLUMNS": "100"}
    env["BACKFIT_HOME"] = tempfile.mkdtemp(prefix="backfit-bench-home-")  # no log, no plan
    env.pop("BACKFIT_CATALOG", None)
    for name in ("BACKFIT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)  # English, but where a case says otherwise (LANG)
    env["LANG"] = "C.UTF-8"
    # pip compiles bytecode when it installs a wheel, so a user's backfit never compiles its
    # own source at start-up; let the warm-up run write .pyc files for an editable checkout too.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as folder:
        hello = Path(folder) / "hello.py"
        hello.write_text(BASELINE_APP)
        home = Path(folder) / "home"
        days = make_log(home, years=1 if arguments.quick else 10)
        baseline = Case(BASELINE, [])
        everything = [baseline, *cases(str(home), str(Path(folder) / "fresh-cache"))]
        backfit = backfit_command()

        def command(case: Case) -> list[str]:
            return [sys.executable, str(hello)] if case is baseline else backfit + case.args

        for case in everything:  # warm the file cache, the .pyc files and the catalog cache
            time_once(command(case), {**env, **case.env})
        for _ in range(runs):
            for case in everything:
                case.times.append(time_once(command(case), {**env, **case.env}))

    medians = {case.name: statistics.median(case.times) for case in everything}
    print(f"{runs} interleaved runs; the log holds {days} daily sessions")
    print(f"{'command':<30} {'median':>9} {'ratio':>7} {'target':>7}  against")
    failed = 0
    for case in everything:
        median = medians[case.name]
        if case is baseline:
            print(f"{case.name:<30} {median * 1000:>7.1f}ms")
            continue
        ratio = median / medians[case.against]
        target = "" if case.target is None else f"{case.target:.2f}x"
        if case.target is None or arguments.quick:
            verdict = ""
        else:
            verdict = "ok" if ratio <= case.target else "OVER"
        failed += verdict == "OVER"
        against = "baseline" if case.against == BASELINE else case.against
        print(f"{case.name:<30} {median * 1000:>7.1f}ms {ratio:>6.2f}x {target:>7}  "
              f"{against} {verdict}")  # fmt: skip
    if coach_seconds > 0 and sys.platform.startswith("linux"):
        from coach_cpu import report  # beside this script

        failed += not report(coach_seconds) and not arguments.quick
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
