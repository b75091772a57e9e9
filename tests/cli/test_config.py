"""`backfit config` and config.toml: settings kept between runs, below flags and the
environment, above backfit's defaults; a broken file never stops backfit nor is overwritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backfit.cli.defaults import configured, default_map, load_settings
from backfit.cli.main import app
from backfit.config import config_path

BRAILLE = range(0x2800, 0x2900)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BACKFIT_CONFIG", str(tmp_path))
    monkeypatch.delenv("BACKFIT_FIGURE", raising=False)
    monkeypatch.delenv("BACKFIT_CATALOG", raising=False)
    return tmp_path


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def braille(text: str) -> bool:
    return any(ord(c) in BRAILLE for c in text)


def test_with_no_file_every_setting_is_at_its_default(folder: Path) -> None:
    code, out, err = run("config", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["file"] == str(folder / "config.toml")
    assert {k: (v["value"], v["from"]) for k, v in data["settings"].items()} == {
        "language": (None, "default"),
        "figure": ("braille", "default"),
        "ascii": (False, "default"),
        "accessible": (False, "default"),
        "sound": (True, "default"),
        "speak": (False, "default"),
        "reduced_motion": (False, "default"),
        "catalog": (None, "default"),
        "routine": (None, "default"),
    }
    code, out, err = run("config")  # and in words, each setting with what it means
    assert (code, err) == (0, "")
    for key in data["settings"]:
        assert f"\n{key} " in out
    assert not (folder / "config.toml").exists()  # showing writes nothing


def test_a_setting_kept_is_used_by_the_next_run(folder: Path) -> None:
    assert run("figure", "bird-dog", "--frame", "start")[0] == 0
    assert braille(run("figure", "bird-dog", "--frame", "start")[1])
    code, out, err = run("config", "set", "figure", "blocks")
    assert (code, err) == (0, "")
    assert out == f"figure = blocks (in {folder / 'config.toml'})\n"
    assert (folder / "config.toml").read_text() == 'figure = "blocks"\n'
    drawn = run("figure", "bird-dog", "--frame", "start")[1]
    assert "▄" in drawn or "▀" in drawn
    assert not braille(drawn)
    shown = json.loads(run("config", "--json")[1])["settings"]["figure"]
    assert (shown["value"], shown["from"]) == ("blocks", "file")


def test_the_environment_beats_the_file_and_a_flag_beats_both(folder: Path) -> None:
    (folder / "config.toml").write_text('figure = "blocks"\n')
    env = {"BACKFIT_FIGURE": "ascii"}
    drawn = run("figure", "bird-dog", "--frame", "start", env=env)[1]
    assert drawn.isascii()
    assert braille(run("figure", "bird-dog", "--frame", "start", "--figure", "braille", env=env)[1])
    shown = json.loads(run("config", "--json", env=env)[1])["settings"]["figure"]
    assert shown == {"value": "ascii", "from": "env", "environment": "BACKFIT_FIGURE"}
    flagged = json.loads(run("--ascii", "config", "--json")[1])["settings"]["ascii"]
    assert (flagged["value"], flagged["from"]) == (True, "flag")


def test_sound_off_makes_every_coach_quiet_and_the_coach_reads_the_figure(folder: Path) -> None:
    import typer.main

    group = typer.main.get_command(app)
    defaults = default_map(group, {"sound": False, "figure": "blocks"})
    assert defaults["start"]["quiet"] is True
    assert defaults["show"]["figure"] == "blocks"
    assert defaults["figure"]["mode"] == "blocks"
    assert "quiet" not in defaults.get("list", {})
    (folder / "config.toml").write_text('figure = "none"\n')
    assert configured("figure") == "none"  # the coach's figure, which has no --figure


def test_a_broken_file_is_one_line_and_backfit_runs_on_its_defaults(folder: Path) -> None:
    broken = "figure = blocks\nsound = false\n"
    (folder / "config.toml").write_text(broken)
    code, out, err = run("figure", "bird-dog", "--frame", "start")
    assert code == 0 and braille(out)
    assert err.count("\n") == 1
    assert err.startswith(f"backfit: {folder / 'config.toml'}: ")
    assert "line 1" in err and err.endswith("backfit uses its default settings\n")
    code, out, err = run("config", "set", "speak", "true")
    assert (code, out) == (3, "")
    assert err.splitlines()[-1] == (
        f"backfit: {folder / 'config.toml'} cannot be read, so it is left as it is: "
        "mend or remove it first"
    )
    assert (folder / "config.toml").read_text() == broken


def test_a_bad_value_is_named_and_the_others_still_count(folder: Path) -> None:
    (folder / "config.toml").write_text('figure = "blox"\nsound = false\n')
    loaded = load_settings()
    assert loaded.values == {"sound": False}
    code, out, err = run("figure", "bird-dog", "--frame", "start")
    assert code == 0 and braille(out)
    assert err == (
        f"backfit: {folder / 'config.toml'}: figure: must be braille, blocks, ascii, words or "
        "none, not 'blox'; backfit uses its default for it\n"
    )


def test_set_and_unset_keep_keys_they_do_not_know(folder: Path) -> None:
    (folder / "config.toml").write_text('language = "zh_CN"\n[later]\nthing = 1\n')
    assert run("config", "set", "sound", "off")[0] == 0
    assert run("config", "set", "speak", "yes")[0] == 0
    import tomllib

    table = tomllib.loads((folder / "config.toml").read_text())
    assert table == {"language": "zh_CN", "later": {"thing": 1}, "sound": False, "speak": True}
    code, out, _ = run("config", "unset", "sound")
    assert (code, out) == (0, "sound: back to its default, true\n")
    assert "sound" not in tomllib.loads((folder / "config.toml").read_text())
    code, out, _ = run("config", "unset", "sound")
    assert out == f"sound was not set in {folder / 'config.toml'}: it is at its default, true\n"


def test_unsetting_the_last_setting_removes_the_file(folder: Path) -> None:
    assert run("config", "set", "figure", "ascii")[0] == 0
    assert run("config", "unset", "figure")[0] == 0
    assert not config_path().exists()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["figur", "blocks"], "there is no setting called 'figur'; did you mean 'figure'?"),
        (["figure", "dots"], "figure: must be braille, blocks, ascii, words or none, not 'dots'"),
        (["sound", "maybe"], "sound: must be true or false, not 'maybe'"),
        (["catalog", "nowhere.yaml"], "catalog: no file at nowhere.yaml"),
    ],
)
def test_a_bad_key_or_value_is_a_usage_error_and_writes_nothing(
    folder: Path, args: list[str], said: str
) -> None:
    code, out, err = run("config", "set", *args)
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == f"backfit: {said}"
    assert not (folder / "config.toml").exists()


def test_a_catalog_is_kept_as_the_whole_path(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("extends: builtin\n")
    monkeypatch.chdir(tmp_path)
    assert run("config", "set", "catalog", "mine.yaml")[0] == 0
    assert load_settings().values == {"catalog": str(mine.resolve())}


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_change_that_cannot_be_shown_still_stands_and_says_so(folder: Path) -> None:
    import subprocess
    import sys

    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "backfit", "config", "set", "figure", "ascii"],
            stdout=full, stderr=subprocess.PIPE, text=True, check=False,
        )  # fmt: skip
    assert done.returncode == 6
    assert done.stderr.startswith("backfit: your settings were changed, but saying so failed")
    assert (folder / "config.toml").read_text() == 'figure = "ascii"\n'


def test_a_catalog_flag_before_the_command_beats_the_kept_catalog(
    folder: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: not a catalog\n")
    assert run("config", "set", "catalog", str(broken))[0] == 0
    assert run("list")[0] == 3  # the kept catalog is used, and it is broken
    for args in (["--catalog", "builtin", "list"], ["list", "--catalog", "builtin"]):
        code, out, err = run(*args)
        assert (code, err) == (0, "")
        assert out.startswith("Seated pelvic tilt")


def test_a_word_is_taken_in_any_case_as_the_flag_takes_it(folder: Path) -> None:
    assert run("config", "set", "figure", "Blocks")[1].startswith("figure = blocks ")
    (folder / "config.toml").write_text('figure = "ASCII"\nsound = "Off"\n')
    assert load_settings().values == {"figure": "ascii", "sound": False}


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["config", "sett"], "no command called 'sett'; did you mean set or unset?"),
        (["plan", "shwo"], "no command called 'shwo'; did you mean show?"),
    ],
)
def test_a_mistyped_command_in_a_group_is_answered_as_at_the_top(
    folder: Path, args: list[str], said: str
) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert err.splitlines() == [f"backfit: {said}", f"Try 'backfit {args[0]} --help'."]
