"""Pin the terminal before the app is imported, so output is the same on every machine."""

from __future__ import annotations

import os
import tempfile

for _name in (
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "GITHUB_ACTIONS",
    "PY_COLORS",
    "BACKFIT_CATALOG",
    "CLICOLOR_FORCE",
):
    os.environ.pop(_name, None)
os.environ["COLUMNS"] = "80"
os.environ["LINES"] = "50"
os.environ["NO_COLOR"] = "1"
os.environ["TERM"] = "dumb"
# Never touch the real user cache; every test session gets its own.
os.environ["BACKFIT_CACHE_DIR"] = tempfile.mkdtemp(prefix="backfit-test-cache-")
os.environ["BACKFIT_HOME"] = tempfile.mkdtemp(prefix="backfit-test-home-")

from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from backfit.cli.main import app  # noqa: E402


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def invoke(runner: CliRunner) -> Callable[..., object]:
    def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args), env=env, prog_name="backfit")

    return run


@pytest.fixture
def catalog_file(tmp_path: Path) -> Callable[[str], Path]:
    """Write catalog text to a file and return its path."""

    def write(text: str, name: str = "catalog.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
