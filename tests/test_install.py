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
    pip = [sys.executable, "-m", "pip"]
    run(*pip, "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", wheels, ROOT)
    [wheel] = wheels.glob("backfit-*.whl")

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    # Let the new venv see this one's dependencies (offline and fast), after its own
    # packages, and without this checkout's editable backfit.
    code = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    purelib = Path(run(python, "-c", code).stdout.strip())
    ours = sysconfig.get_paths()
    deps = {ours["purelib"], ours["platlib"], *site.getsitepackages()}
    (purelib / "deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    run(*pip, "--python", python, "install", "--no-deps", "-q", wheel)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = "import backfit.catalog as c; print(c.builtin_catalog_path())"
    where = run(python, "-c", code, cwd=elsewhere).stdout.strip()
    assert where.startswith(str(env_dir)), where
    backfit = env_dir / "bin" / "backfit"
    listed = run(backfit, "list", cwd=elsewhere)
    assert "Swallow fly (swallow-fly)" in listed.stdout
    shown = run(backfit, "show", "bent-leg-deadlift", cwd=elsewhere)
    assert "1. Stand with your feet about hip-width apart" in shown.stdout
