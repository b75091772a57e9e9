"""Catalogs built to hurt: each is refused quickly, with a located line, and nothing the
file holds is run or reaches the terminal as a control sequence."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import MINIMAL

Invoke = Callable[..., Any]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """A real process, with a generous time-out as a guard against a hang (not a speed test:
    speed is measured by benchmarks/startup.py)."""
    return subprocess.run(
        [sys.executable, "-m", "backfit", *args],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "NO_COLOR": "1"},
    )


def controls(text: str) -> list[str]:
    return [c for c in text if c != "\n" and unicodedata.category(c) in ("Cc", "Cf")]


def refused(path: Path) -> str:
    """Run `list` on the catalog at `path`; it must fail with clean, located lines."""
    result = run_cli("--catalog", str(path), "list")
    assert result.returncode == 3, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert controls(result.stderr) == []
    for line in result.stderr.splitlines():
        assert line.startswith(f"backfit: {path}:"), line
    return result.stderr


def test_python_tags_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    for tag in (
        "!!python/object/apply:os.system",
        "!!python/name:os.system",
        "!!python/object/new:subprocess.Popen",
    ):
        path = tmp_path / "c.yaml"
        path.write_text(f"title: {tag} [['touch', '{marker}']]\n")
        assert "has the tag !!python/" in refused(path)
    assert not marker.exists()


def test_an_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["exercises:", '  - &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 9):  # ten to the ninth values if expanded
        previous = chr(ord("a") + n - 1)
        name = chr(ord("a") + n)
        lines.append(f"  - &{name} [{', '.join(['*' + previous] * 10)}]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    assert "expands to more than 1,000,000 values through aliases" in refused(path)


def test_an_alias_that_contains_itself_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "loop.yaml"
    path.write_text("title: &x [a, *x]\n")
    assert refused(path) == f"backfit: {path}:1:8: contains itself through an alias\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # libyaml from PyYAML 6.0.4 refuses it itself (its scanner runs ahead of backfit's
        # count); before that, backfit's own limit does, at 33 levels.
        ("title: " + "[" * 5000 + "]" * 5000, "nest"),
        ("title: " + "[" * 40 + "]" * 40 + "\n", "is nested too deeply (more than 32 levels)"),
        (
            "title:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 60)) + " " * 60 + "v\n",
            "nested too deeply",
        ),
    ],
    ids=["flow 5000 deep", "flow 40 deep", "block 60 deep"],
)
def test_deep_nesting_is_refused(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(text)
    said = refused(path)
    assert message in said and said.count("\n") == 1


def test_too_many_values_are_refused_while_reading(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text("exercises:\n" + "  - {a: 1}\n" * 340_000)  # a million and more values
    assert refused(path) == (
        f"backfit: {path}:333334:6: has more than 1,000,000 values, the limit for a catalog\n"
    )


def test_unknown_top_level_keys_stop_the_reading_at_once(tmp_path: Path) -> None:
    path = tmp_path / "keys.yaml"
    path.write_text("title: x\n" + "".join(f"key{n}: value\n" for n in range(300_000)))
    assert refused(path) == f"backfit: {path}:2:1: unknown field 'key0'\n"


def test_a_long_list_of_broken_exercises_stops_after_50_problems(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(MINIMAL.replace("exercises:\n", "exercises:\n" + "  - {slug: x}\n" * 5000))
    lines = refused(path).splitlines()
    assert lines[-1] == f"backfit: {path}: too many problems; stopped"
    assert 50 <= len(lines) <= 70


def test_duplicate_keys_are_errors_with_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text(
        MINIMAL.replace("    name: First move\n", "    name: First move\n    name: Other\n")
    )
    assert refused(path) == (
        f"backfit: {path}:24:5: duplicate key 'name' (first at line 23); "
        "YAML would keep only the last one\n"
    )


def test_several_documents_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "two.yaml"
    path.write_text(MINIMAL + "---\ntitle: again\n")
    assert "expected a single document" in refused(path)


def test_dates_stay_text(invoke: Invoke, catalog_file: Callable[[str], Path]) -> None:
    path = catalog_file(MINIMAL.replace("name: First move", "name: 2026-01-01"))
    result = invoke("--catalog", str(path), "show", "2026-01-01", "--json")
    assert result.exit_code == 0
    assert '"name": "2026-01-01"' in result.stdout


def test_wrong_types_everywhere_are_each_reported(tmp_path: Path) -> None:
    path = tmp_path / "types.yaml"
    path.write_text(
        "title: [a, list]\ndisclaimer: 5\nlicense: true\nbenefits: text\nsafety: []\n"
        "sources: [1, 2]\nexercises: {slug: x}\n"
    )
    lines = refused(path).splitlines()
    assert f"backfit: {path}:1:1: title: must be text, not a list" in lines
    assert f"backfit: {path}:2:1: disclaimer: must be text, not the number 5" in lines
    assert f"backfit: {path}:3:1: license: must be text, not the boolean true" in lines
    assert f"backfit: {path}:7:1: exercises: must be a list, not a mapping" in lines
    assert len(lines) == 7


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"title: ok\ntext: a\x00b\n",
            ":2:8: contains the character U+0000, which YAML does not allow",
        ),
        ("title: x\n".encode("utf-16"), "is UTF-16 text; save it as UTF-8"),
        (b"title: caf\xe9\n", "is not valid UTF-8"),
    ],
    ids=["NUL byte", "UTF-16", "Latin-1"],
)
def test_bytes_that_are_not_utf8_text(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_bytes(content)
    assert message in refused(path)


def test_a_huge_file_is_refused_before_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.write(b"title: x\n")
        handle.truncate(16 * 1024 * 1024 + 1)
    assert refused(path) == f"backfit: {path}: is larger than 16 MiB, the limit for a catalog\n"


def test_a_very_long_name_is_not_echoed(tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(MINIMAL.replace("name: First move", "name: " + "x" * 10_000))
    stderr = refused(path)
    assert (
        stderr
        == f"backfit: {path}:23:5: exercises[0].name: must be at most 80 characters, not 10000\n"
    )


def test_a_dangling_symlink(tmp_path: Path) -> None:
    path = tmp_path / "link.yaml"
    path.symlink_to(tmp_path / "gone.yaml")
    assert refused(path) == f"backfit: {path}: is a symbolic link to a file that does not exist\n"


CONTROL = {
    "ESC colour": "\\e[31mred",
    "OSC title": "\\e]0;owned\\a",
    "OSC 52 clipboard": "\\e]52;c;cm0gLXJmIH4=\\a",
    "OSC 8 hyperlink": "\\e]8;;https://evil.example\\e\\\\click\\e]8;;\\e\\\\",
    "bidi override": "\\u202Eevil",
    "bidi isolate": "\\u2066evil\\u2069",
    "line separator": "one\\u2028two",
    "C1 CSI": "\\x9b31m",
}


@pytest.mark.parametrize("sequence", CONTROL.values(), ids=CONTROL.keys())
def test_control_sequences_never_reach_the_terminal(tmp_path: Path, sequence: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(MINIMAL.replace("summary: The first one.", f'summary: "The {sequence} one"'))
    stderr = refused(path)
    assert f"{path}:25:5: exercises[0].summary: contains the control character U+" in stderr


@pytest.mark.parametrize(
    "text",
    [
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian, with a non-joiner
        "\u0915\u094d\u200d\u0937",  # Devanagari, with a joiner
        "\U0001f469\u200d\U0001f4bb",  # an emoji ZWJ sequence
        "\u05e9\u05dc\u05d5\u05dd \u200fabc",  # Hebrew with a right-to-left mark
    ],
)
def test_real_text_in_any_script_is_accepted(catalog_file: Any, text: str) -> None:
    from backfit.catalog.loader import load_catalog

    path = catalog_file(MINIMAL.replace("summary: The first one.", f"summary: {text}"))
    assert load_catalog(path, use_cache=False).exercises[0].summary == text


def test_control_characters_in_keys_are_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        MINIMAL.replace("    level: beginner\n", '    level: beginner\n    "x\\e[2Jy": 1\n')
    )
    assert "unknown field 'x\\u001b[2Jy'" in refused(path)


def test_markup_and_emoji_codes_print_literally(tmp_path: Path) -> None:
    text = "[bold]Big[/bold] [link=https://x.example]here[/link] [/x] :smile: :thumbs_up:"
    path = tmp_path / "c.yaml"
    path.write_text(MINIMAL.replace("summary: The first one.", f'summary: "{text}"'))
    for args in (["show", "first-move"], ["list", "--search", "bold"]):
        result = run_cli("--catalog", str(path), *args)
        assert result.returncode == 0, result.stderr
        if args[0] == "show":
            assert text in result.stdout
        assert controls(result.stdout) == []


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("!!binary aGVsbG8=", "has the tag !!binary, which a catalog cannot use"),
        ("!!set {a, b}", "has the tag !!set, which a catalog cannot use"),
        ("!!timestamp 2026-01-01", "has the tag !!timestamp, which a catalog cannot use"),
        ("!!int twelve", "'twelve' is not a valid !!int"),
        ("!custom thing", "has the tag !custom, which a catalog cannot use"),
    ],
)
def test_explicit_tags_beyond_plain_data_are_refused(
    tmp_path: Path, value: str, message: str
) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(f"title: {value}\n")
    assert refused(path) == f"backfit: {path}:1:8: {message}\n"


def test_merge_keys_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("sources:\n  a: &a {title: T, publisher: P}\n  b:\n    <<: *a\n")
    assert (
        refused(path) == f"backfit: {path}:4:5: uses a merge key (<<), which a catalog cannot use\n"
    )


def test_ordinary_anchors_and_aliases_still_work(
    invoke: Invoke, catalog_file: Callable[[str], Path]
) -> None:
    second = "    dose:\n      sets: 1\n      hold_seconds: 10\n      rest_seconds: 20\n"
    text = MINIMAL.replace("    dose:\n      sets: 2", "    dose: &usual\n      sets: 2")
    text = text.replace(second + "      per_side: true", "    dose: *usual")
    assert "*usual" in text
    result = invoke("--catalog", str(catalog_file(text)), "show", "second-move", "--json")
    assert result.exit_code == 0, result.stderr
    assert '"reps": 8' in result.stdout


@pytest.mark.parametrize(("value", "tag"), [("!!bool yes", "!!bool"), ("!!null nothing", "!!null")])
def test_explicit_bool_and_null_must_spell_their_value(
    tmp_path: Path, value: str, tag: str
) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(f"title: {value}\n")
    word = value.split()[1]
    assert refused(path) == f"backfit: {path}:1:8: '{word}' is not a valid {tag}\n"


def test_something_never_closed_is_reported_where_it_was_opened(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("title: x\nexercises:\n  - slug: a\n    steps: [one, two\n")
    assert refused(path) == (
        f"backfit: {path}:4:12: this [ list is not closed: did not find expected ',' or ']' "
        "by line 5\n"
    )
    path.write_text('title: "unclosed\n')
    assert refused(path).startswith(f"backfit: {path}:1:8: this quoted text is not closed: ")


def test_a_file_is_read_and_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from backfit.catalog import safe_yaml
    from backfit.catalog.files import is_extension

    path = tmp_path / "mine.yaml"
    path.write_text("extends: builtin\nexercises: []\n")
    opened: list[Path] = []
    real_open = Path.open

    def counting_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(self)
        return real_open(self, *args, **kwargs)

    parsed: list[object] = []
    real_loader = safe_yaml.StrictLoader

    def counting_loader(text: str) -> Any:
        parsed.append(text)
        return real_loader(text)

    monkeypatch.setattr(Path, "open", counting_open)
    monkeypatch.setattr(safe_yaml, "StrictLoader", counting_loader)
    assert is_extension(path)
    data = safe_yaml.read_yaml(path).data
    assert data == {"extends": "builtin", "exercises": []}
    assert opened.count(path) == 1 and len(parsed) == 1


def test_libyaml_parses_where_it_is_installed() -> None:
    import yaml

    from backfit.catalog import safe_yaml

    assert safe_yaml.BASE is getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    assert issubclass(safe_yaml.StrictLoader, safe_yaml.BASE)


def test_a_key_given_twice_through_one_alias_is_a_duplicate(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("title: &t x\nsources:\n  *t : 1\n  *t : 2\n")
    assert "duplicate key 'x'" in refused(path)  # located at the anchor, all the alias has


def test_an_anchor_defined_again_names_the_later_node(tmp_path: Path) -> None:
    from backfit.catalog.safe_yaml import read_yaml

    path = tmp_path / "c.yaml"
    path.write_text("title: &a one\nlicense: &a two\ndisclaimer: *a\nextra: =\n")
    data = read_yaml(path)[1]
    assert data == {"title": "one", "license": "two", "disclaimer": "two", "extra": "="}


def test_without_libyaml_the_python_parser_keeps_the_guarantees(tmp_path: Path) -> None:
    (tmp_path / "nul.yaml").write_bytes(b"title: ok\ntext: a\x00b\n")
    (tmp_path / "loop.yaml").write_text("title: &x [a, *x]\n")
    (tmp_path / "tag.yaml").write_text("title: !!python/name:os.system\n")
    script = (
        "import sys, yaml\n"
        "del yaml.CSafeLoader\n"
        "from backfit.catalog import safe_yaml\n"
        "assert safe_yaml.BASE is yaml.SafeLoader\n"
        "for name in sys.argv[1:]:\n"
        "    try:\n"
        "        safe_yaml.read_yaml(__import__('pathlib').Path(name))\n"
        "    except safe_yaml.CatalogError as error:\n"
        "        print(error)\n"
    )
    names = [str(tmp_path / name) for name in ("nul.yaml", "loop.yaml", "tag.yaml")]
    result = subprocess.run(
        [sys.executable, "-c", script, *names], capture_output=True, text=True, timeout=30
    )
    assert result.stdout.splitlines() == [
        f"{names[0]}:2:8: contains the character U+0000, which YAML does not allow",
        f"{names[1]}:1:8: contains itself through an alias",
        f"{names[2]}:1:8: has the tag !!python/name:os.system, which a catalog cannot use",
    ], result.stderr
