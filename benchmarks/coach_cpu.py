"""How much of one core the coach uses while its figure moves, against the same coach
with --no-figure, measured in the same run.

Usage: python benchmarks/coach_cpu.py [--seconds N] [--quick]

--quick (for CI, so that the benchmark never rots): one run of one exercise for 2 seconds,
with the figure, printed but held to no target.

Each run starts `backfit start EXERCISE` on a pseudo-terminal (100 x 40), answers the
safety check and the pain question, lets the coach get going, then reads the process's own
CPU time (user + system, from /proc) over N seconds. Two exercises: cat-camel, a set of reps
where the figure moves all the time (without a figure the coach just waits for Enter), and
bird-dog, holds and relaxes where the countdown redraws the screen anyway. Target from
issue 12: under 2% of one core with the figure. Linux only.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

TARGET = 0.02  # of one core
EXERCISES = ("cat-camel", "bird-dog")  # a set of reps, then holds
SIZE = (40, 100)  # rows, columns


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process `pid` so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def drain(fd: int, seconds: float) -> bytes:
    """Read what the program writes for `seconds`, so it never blocks on a full pty."""
    end = time.monotonic() + seconds
    data = b""
    while (left := end - time.monotonic()) > 0:
        if select.select([fd], [], [], left)[0]:
            try:
                data += os.read(fd, 65536)
            except OSError:
                break
    return data


def until(fd: int, text: bytes, timeout: float = 30) -> None:
    seen = b""
    end = time.monotonic() + timeout
    while text not in seen and time.monotonic() < end:
        seen += drain(fd, 0.2)
    if text not in seen:
        raise RuntimeError(f"never saw {text!r}")


def measure(exercise: str, extra: list[str], seconds: float, home: str) -> float:
    """The share of one core the coach used over `seconds` seconds of `exercise`."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", *SIZE, 0, 0))
    env = {**os.environ, "BACKFIT_HOME": home, "TERM": "xterm-256color"}
    for name in ("COLUMNS", "LINES", "NO_COLOR"):
        env.pop(name, None)
    command = [sys.executable, "-m", "backfit", "start", exercise, "--quiet", *extra]
    child = subprocess.Popen(
        command, stdin=terminal, stdout=terminal, stderr=terminal, env=env, start_new_session=True
    )
    os.close(terminal)
    try:
        until(controller, b"Press Enter to start")
        os.write(controller, b"\r")
        until(controller, b"Pain now")
        os.write(controller, b"\r")
        until(controller, b"GET READY")
        drain(controller, 7)  # the get-ready countdown, then into the exercise
        before, started = cpu_seconds(child.pid), time.monotonic()
        drain(controller, seconds)
        used, took = cpu_seconds(child.pid) - before, time.monotonic() - started
        os.write(controller, b"q")
        drain(controller, 1)
        os.write(controller, b"\r")  # the pain question after the session
        child.wait(timeout=10)
        return used / took
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(controller)


def report(seconds: float) -> bool:
    """Print the measurements; True when the figure stays within the target."""
    print(f"coach CPU over {seconds:.0f} s on a {SIZE[1]}x{SIZE[0]} pty, share of one core:")
    print(f"  {'exercise':<12} {'figure':>8} {'--no-figure':>12}   target < {TARGET:.0%}")
    within = True
    with tempfile.TemporaryDirectory() as home:
        for exercise in EXERCISES:
            moving = measure(exercise, [], seconds, home)
            still = measure(exercise, ["--no-figure"], seconds, home)
            verdict = "ok" if moving < TARGET else "OVER"
            within = within and moving < TARGET
            print(f"  {exercise:<12} {moving:>8.2%} {still:>12.2%}   {verdict}")
    return within


def quick(seconds: float) -> None:
    """One short run, so that CI sees the benchmark still drives a session end to end."""
    with tempfile.TemporaryDirectory() as home:
        share = measure(EXERCISES[0], [], seconds, home)
    print(f"coach CPU, quick run: {EXERCISES[0]} with its figure, {share:.2%} of one core")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=None, help="seconds measured (20)")
    parser.add_argument("--quick", action="store_true", help="one 2 s run, no target (for CI)")
    args = parser.parse_args()
    if args.quick:
        quick(args.seconds or 2)
        return
    sys.exit(0 if report(args.seconds or 20) else 1)


if __name__ == "__main__":
    main()
