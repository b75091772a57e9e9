"""The wheel, installed for real into a fresh venv and run from an unrelated folder."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "BACKFIT_CATALOG")}
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result


def test_installed_wheel_works_from_any_folder(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    run(*PIP, "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", wheels, ROOT)
    [wheel] = wheels.glob("backfit-*.whl")
    check_installed(wheel, tmp_path)


def test_wheel_built_from_the_sdist_works_too(tmp_path: Path) -> None:
    sdists = tmp_path / "sdist"
    run(sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", sdists, cwd=ROOT)
    [sdist] = sdists.glob("backfit-*.tar.gz")
    wheels = tmp_path / "wheels"
    run(*PIP, "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", wheels, sdist)
    [wheel] = wheels.glob("backfit-*.whl")
    check_installed(wheel, tmp_path)


PIP = (sys.executable, "-m", "pip")


def check_installed(wheel: Path, tmp_path: Path) -> None:
    """Install `wheel` into a fresh venv and use it from an unrelated folder."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    # Let the new venv see this one's dependencies (offline and fast), after its own
    # packages. Those may include a backfit installed here: --ignore-installed makes pip
    # install the wheel all the same, and the venv's own folder comes first on sys.path.
    code = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    purelib = Path(run(python, "-c", code).stdout.strip())
    ours = sysconfig.get_paths()
    deps = {ours["purelib"], ours["platlib"], *site.getsitepackages()}
    (purelib / "deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    run(*PIP, "--python", python, "install", "--no-deps", "--ignore-installed", "-q", wheel)
    page = env_dir / "share" / "man" / "man1" / "backfit.1"  # where man finds it
    assert page.read_text().startswith(".TH BACKFIT 1 "), page
    [words] = purelib.glob("backfit/locale/zh_Hans/LC_MESSAGES/backfit.mo")  # compiled
    assert words.stat().st_size > 1000

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = "import backfit.catalog.loader as c; print(c.builtin_catalog_path())"
    where = run(python, "-c", code, cwd=elsewhere).stdout.strip()
    assert where.startswith(str(env_dir)), where
    code = "import backfit.catalog.lessons as s; p = s.builtin_lessons_path(); "
    code += "print(len(s.load_lessons(p).lessons), p)"  # the lessons ship in the wheel too
    count, lessons_at = run(python, "-c", code, cwd=elsewhere).stdout.split()
    assert lessons_at.startswith(str(env_dir)) and int(count) >= 28, lessons_at
    backfit = env_dir / "bin" / "backfit"
    listed = run(backfit, "list", cwd=elsewhere)
    assert "Bird dog (bird-dog)" in listed.stdout
    shown = run(backfit, "show", "bent-leg-deadlift", cwd=elsewhere)
    assert "1. Stand with your feet about hip-width apart" in shown.stdout
