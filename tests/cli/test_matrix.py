"""Every command as a real process, under each way its output can be hostile: a full disk,
a reader that goes away, an ASCII-only or C locale, a dumb terminal, narrow and wide
terminals, NO_COLOR. Each run must end with the documented exit code, one-line messages,
no traceback, and (where the output is ASCII-only) nothing but ASCII bytes.

The processes are started together from a thread pool, and each cell is then checked
by its own test, so a failure names the command and the condition.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from helpers import figure_lines
from rich.cells import cell_len

from backfit.catalog.loader import builtin_catalog_path

NOT_A_TERMINAL = "backfit: start needs a terminal to run its timer; here is the plan (see --plan)"

# (name, arguments, notices on stderr, text view?). Every command, and its --json form.
COMMANDS: list[tuple[str, list[str], list[str], bool]] = [
    ("version", ["--version"], [], False),
    ("help", ["--help"], [], False),
    ("overview", [], [], False),
    ("list", ["list"], [], True),
    ("show", ["show", "bird-dog"], [], True),
    ("show-routine", ["show", "mcgill-big-3"], [], True),
    ("figure", ["figure", "bird-dog"], [], True),
    ("figure-svg", ["figure", "bird-dog", "--svg", "-"], [], False),
    ("routines", ["routines"], [], True),
    ("benefits", ["benefits"], [], True),
    ("safety", ["safety"], [], True),
    ("validate", ["validate", str(builtin_catalog_path())], [], False),
    ("schema", ["schema"], [], False),
    ("plan", ["start", "bird-dog", "--plan"], [], True),
    ("start", ["start", "bird-dog"], [NOT_A_TERMINAL], True),
    ("log", ["log", "bird-dog", "--pain", "2"], [], False),
    ("history", ["history"], [], True),
    ("progress", ["progress"], [], True),
]
JSON_COMMANDS: list[tuple[str, list[str], list[str], bool]] = [
    ("list-json", ["list", "--json"], [], False),
    ("show-json", ["show", "bird-dog", "--json"], [], False),
    ("routines-json", ["routines", "--json"], [], False),
    ("benefits-json", ["benefits", "--json"], [], False),
    ("safety-json", ["safety", "--json"], [], False),
    ("plan-json", ["start", "mcgill-big-3", "--plan", "--json"], [], False),
    ("history-json", ["history", "--json"], [], False),
    ("history-csv", ["history", "--csv"], [], False),
    ("progress-json", ["progress", "--json"], [], False),
]
ENV = {
    "dev-full": {},
    "closed-pipe": {},
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "lang-c": {"LANG": "C"},
    "dumb": {"TERM": "dumb"},
    "columns-40": {"COLUMNS": "40"},
    "columns-200": {"COLUMNS": "200"},
    "no-color": {"NO_COLOR": "1"},
}
# Lean on purpose (each process costs about 0.4 s of CPU): every condition runs what it
# can break. Every command writes its own way, so all of them meet a full disk and an
# ASCII-only stream; the JSON forms share one writer, so three of them stand for the rest.
EVERY = [name for name, *_ in COMMANDS]
SOME_JSON = ["list-json", "plan-json", "progress-json"]
VIEWS = ["list", "show", "show-routine", "figure", "routines", "benefits", "safety", "plan",
         "history", "progress"]  # fmt: skip
RUNS = {
    "dev-full": [*EVERY, *SOME_JSON, "history-csv"],
    "closed-pipe": ["version", "help", "list", "validate", "schema", "list-json", "history-csv"],
    "ascii": [*EVERY, *SOME_JSON],
    "lang-c": ["list", "show", "safety", "history", "progress", "list-json"],
    "dumb": ["list", "show", "plan", "progress"],
    "columns-40": ["help", *VIEWS],
    "columns-200": VIEWS,
    "no-color": ["list", "show", "safety", "progress"],
}
BY_NAME = {command[0]: command for command in COMMANDS + JSON_COMMANDS}
CELLS = [(condition, BY_NAME[name]) for condition, names in RUNS.items() for name in names]


@dataclass
class Run:
    code: int
    stdout: bytes
    stderr: str


def run_cell(condition: str, args: list[str], env: dict[str, str]) -> Run:
    env = {**env, **ENV.get(condition, {})}
    command = [sys.executable, "-m", "backfit", *args]
    if condition == "dev-full":
        with open("/dev/full", "wb") as full:
            done = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, env=env, timeout=60)
        return Run(done.returncode, b"", done.stderr.decode())
    if condition == "closed-pipe":
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # the reader goes away after one line, as `head -1` does
        stderr = process.stderr.read().decode()
        return Run(process.wait(timeout=60), first, stderr)
    done = subprocess.run(command, capture_output=True, env=env, timeout=60)
    return Run(done.returncode, done.stdout, done.stderr.decode())


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[tuple[str, str], Run]]:
    home = tmp_path_factory.mktemp("matrix-home")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIO"))}
    env.update(BACKFIT_HOME=str(home), LANG="C.UTF-8", TERM="xterm-256color", COLUMNS="80")
    env.pop("NO_COLOR", None)
    logged = run_cell("", ["log", "bird-dog", "--pain", "3"], env)  # something to show
    assert logged.code == 0, logged.stderr
    began, cpu = time.perf_counter(), _children_cpu()
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        futures = {
            (condition, name): pool.submit(run_cell, condition, BY_NAME[name][1], env)
            for condition, (name, *_) in CELLS
        }
        done = {cell: future.result() for cell, future in futures.items()}
    seconds, cpu = time.perf_counter() - began, _children_cpu() - cpu
    print(f"\nmatrix: {len(done)} processes in {seconds:.1f} s ({cpu:.1f} s of CPU)")
    yield done


@pytest.mark.parametrize(
    ("condition", "command"),
    CELLS,
    ids=[f"{condition}-{command[0]}" for condition, command in CELLS],
)
def test_cell(
    results: dict[tuple[str, str], Run],
    condition: str,
    command: tuple[str, list[str], list[str], bool],
) -> None:
    name, _args, notices, text_view = command
    run = results[condition, name]
    assert "Traceback" not in run.stderr, run.stderr
    lines = run.stderr.splitlines()
    assert all(line.startswith("backfit: ") for line in lines), run.stderr
    if condition == "dev-full" and name == "log":  # the change was made: say so (exit 6)
        said = "backfit: the log was changed, but saying so failed: " + ENOSPC
        assert (run.code, lines) == (6, [*notices, said])
    elif condition == "dev-full":
        assert (run.code, lines) == (5, [*notices, "backfit: cannot write the output: " + ENOSPC])
    elif condition == "closed-pipe":
        # 141 when backfit was still writing as the reader left; 0 when it had finished.
        assert run.code in (0, 141), run.stderr
        assert lines == notices
    else:
        assert (run.code, lines) == (0, notices)
        assert run.stdout, "no output"
    if condition in ("ascii", "lang-c"):
        assert run.stdout.isascii(), _first_non_ascii(run.stdout)
        assert run.stderr.isascii()
    if condition not in ("dev-full", "closed-pipe"):
        assert b"\x1b" not in run.stdout  # a pipe gets no colour or cursor codes
    if condition in ("columns-40", "columns-200") and text_view:
        # At most the terminal's width, or 100 columns to read comfortably; only an
        # address, never split, may run past, and a figure (looked at, not read) may use
        # the whole terminal.
        columns = int(ENV[condition]["COLUMNS"])
        width = min(columns, 100)
        lines = list(_lines(run))
        figure = figure_lines(lines)
        too_wide = [
            line
            for n, line in enumerate(lines)
            if cell_len(line) > (columns if n in figure else width) and "://" not in line
        ]
        assert not too_wide


ENOSPC = os.strerror(28)


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _lines(run: Run) -> list[str]:
    return run.stdout.decode().splitlines()


def _first_non_ascii(data: bytes) -> str:
    index = next(i for i, byte in enumerate(data) if byte > 127)
    return data[max(0, index - 40) : index + 40].decode(errors="replace")


def test_a_reader_gone_before_the_first_line_ends_backfit_quietly_with_141() -> None:
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "backfit", "list"], stdout=write, stderr=subprocess.PIPE
        )
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (141, b"")
