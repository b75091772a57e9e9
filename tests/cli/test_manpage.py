"""backfit(1): written from the command tree, so every command and option is in it, with
the environment, the files and every exit status; it reads cleanly through man."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import typer

from backfit.cli import exits
from backfit.cli.main import app
from backfit.cli.manpage import manpage_text
from backfit.cli.options import MOTION_ENV
from backfit.output import ACCESSIBLE_ENVS, ASCII_ENV
from backfit.places import CACHE_ENV, CONFIG_ENV, HOME_ENV

PAGE = manpage_text()


def every_command() -> list[tuple[str, object]]:
    group = typer.main.get_command(app)
    found: list[tuple[str, object]] = [("backfit", group)]
    ctx = group.make_context("backfit", [], resilient_parsing=True)

    def walk(command: object, path: str, ctx: typer.Context) -> None:
        for name in command.list_commands(ctx):  # type: ignore[attr-defined]
            sub = command.get_command(ctx, name)  # type: ignore[attr-defined]
            if sub is None or sub.hidden:
                continue
            found.append((f"{path} {name}", sub))
            if hasattr(sub, "list_commands"):
                sub_ctx = sub.make_context(name, [], parent=ctx, resilient_parsing=True)
                walk(sub, f"{path} {name}", sub_ctx)

    walk(group, "backfit", ctx)
    return found


def test_every_command_and_every_option_is_in_it() -> None:
    commands = every_command()
    assert len(commands) > 30
    for path, _ in commands[1:]:
        assert f'.SS "{path} ' in PAGE, path
    for path, command in commands:
        for param in command.params:  # type: ignore[attr-defined]
            if getattr(param, "hidden", False):
                continue
            for flag in (*param.opts, *param.secondary_opts):
                if flag.startswith("-"):
                    assert flag.replace("-", "\\-") in PAGE, (path, flag)


def test_every_exit_status_and_variable_is_explained() -> None:
    codes = {value for name, value in vars(exits).items() if name.startswith("EXIT_")}
    for code in codes:
        assert f".B {code}\n" in PAGE, code
    for name in (HOME_ENV, CONFIG_ENV, CACHE_ENV, ASCII_ENV, *ACCESSIBLE_ENVS, MOTION_ENV,
                 "BACKFIT_FIGURE", "BACKFIT_CATALOG"):  # fmt: skip
        assert f".B {name}\n" in PAGE, name


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
def test_it_reads_cleanly_through_groff(tmp_path: Path) -> None:
    page = tmp_path / "backfit.1"
    page.write_text(PAGE)
    result = subprocess.run(
        ["groff", "-man", "-ww", "-Tutf8", str(page)], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert "backfit - a terminal guide to strengthening the lower back" in result.stdout
