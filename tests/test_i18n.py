"""Which language backfit speaks (issue 21): --lang, then BACKFIT_LANG, then the setting,
then the locale, the way gettext reads it; every name of Simplified Chinese is one language,
and a language backfit does not speak is English, with no error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from backfit.i18n import can_write, chosen, language_of


@pytest.mark.parametrize(
    "tag", ["zh", "zh_CN", "zh_SG", "zh-Hans", "zh_Hans_CN", "zh_CN.UTF-8", "zh-hans", "ZH_cn"]
)
def test_every_name_of_simplified_chinese_is_one_language(tag: str) -> None:
    assert language_of(tag) == "zh_Hans"


@pytest.mark.parametrize("tag", ["C", "POSIX", "C.UTF-8", "en", "en_GB.UTF-8", "en-US", ""])
def test_english(tag: str) -> None:
    assert language_of(tag) == "en"


@pytest.mark.parametrize("tag", ["fr_FR.UTF-8", "zh_TW", "zh_Hant", "klingon"])
def test_a_language_backfit_does_not_speak(tag: str) -> None:
    assert language_of(tag) is None
    assert chosen(tag, None, {}) == "en"  # English, and no error


def test_the_order_of_choice() -> None:
    env = {"BACKFIT_LANG": "en", "LANG": "zh_CN.UTF-8"}
    assert chosen("zh", "en", env) == "zh_Hans"  # the flag first
    assert chosen(None, "zh", env) == "en"  # then BACKFIT_LANG
    assert chosen(None, "zh", {"LANG": "en_GB.UTF-8"}) == "zh_Hans"  # then the setting
    assert chosen(None, None, {"LANG": "zh_CN.UTF-8"}) == "zh_Hans"  # then the locale
    assert chosen(None, None, {"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}) == "en"  # LC_ALL first
    assert chosen(None, None, {"LANGUAGE": "fr:zh_CN:en", "LANG": "C"}) == "zh_Hans"
    assert chosen(None, None, {}) == "en"


def test_lang_c_stays_english_and_the_flag_is_accepted(tmp_path: Path) -> None:
    env = {"LANG": "C", "BACKFIT_HOME": str(tmp_path), "BACKFIT_CONFIG": str(tmp_path)}
    for args in (["list"], ["--lang", "fr", "list"], ["--lang=en", "list"]):
        done = subprocess.run(
            [sys.executable, "-m", "backfit", *args], capture_output=True, text=True,
            env={**env, "PATH": "/usr/bin:/bin"}, check=False,
        )  # fmt: skip
        assert (done.returncode, done.stderr) == (0, ""), args
        assert "Bird dog (bird-dog)" in done.stdout


def test_a_broken_log_is_said_in_chinese(tmp_path: Path) -> None:
    """The log's own errors are made below the words, marked with N_ and said where shown."""
    (tmp_path / "backfit.sqlite3").write_text("not a database")
    env = {"LANG": "zh_CN.UTF-8", "PATH": "/usr/bin:/bin", "BACKFIT_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "backfit", "history"], capture_output=True,
                          text=True, env=env)  # fmt: skip
    assert done.returncode == 4
    assert (
        done.stderr
        == f"backfit: {tmp_path / 'backfit.sqlite3'} 不是 backfit 的训练记录；它没有被改动\n"
    )


def test_an_output_that_cannot_show_chinese_gets_english(tmp_path: Path) -> None:
    """With PYTHONIOENCODING=ascii, Chinese came out as \\u escapes; English is readable.
    An encoding that can show Chinese (GB18030) keeps it."""
    assert not can_write("zh_Hans", "ascii") and not can_write("zh_Hans", "latin-1")
    assert can_write("zh_Hans", "utf-8") and can_write("zh_Hans", "gb18030")
    assert can_write("en", "ascii") and not can_write("zh_Hans", "no-such-codec")
    env = {"LANG": "zh_CN.UTF-8", "PATH": "/usr/bin:/bin", "BACKFIT_HOME": str(tmp_path)}
    shown = {}
    for encoding in ("ascii", "gb18030"):
        done = subprocess.run([sys.executable, "-m", "backfit", "safety"], capture_output=True,
                              env={**env, "PYTHONIOENCODING": encoding})  # fmt: skip
        assert (done.returncode, done.stderr) == (0, b"")
        shown[encoding] = done.stdout.decode(encoding)
    assert shown["ascii"].startswith("Safety\n") and "\\u" not in shown["ascii"]
    assert "call 120" in shown["ascii"]  # the number still follows the region
    assert shown["gb18030"].startswith("安全须知\n")


def run_in_chinese(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"LANG": "zh_CN.UTF-8", "PATH": "/usr/bin:/bin", "COLUMNS": "80"}
    env |= {name: str(tmp_path) for name in ("BACKFIT_HOME", "BACKFIT_CONFIG")}
    return subprocess.run([sys.executable, "-m", "backfit", *args], capture_output=True,
                          text=True, env=env, check=False)  # fmt: skip


def test_ascii_output_is_english_as_chinese_is_not_ascii(tmp_path: Path) -> None:
    """--ascii turned every Chinese character into a \\u escape."""
    done = run_in_chinese(tmp_path, "--ascii", "safety")
    assert done.stdout.startswith("Safety\n") and "\\u" not in done.stdout


def test_choices_are_taken_in_the_words_shown(tmp_path: Path) -> None:
    """A Chinese reader types what the screen says: 初级, 坐姿, 坐骨神经痛."""
    done = run_in_chinese(tmp_path, "list", "--level", "初级", "--position", "坐姿",
                          "--for", "坐骨神经痛")  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    assert "初级，坐姿" in done.stdout and "初级，seated" not in done.stdout
    assert run_in_chinese(tmp_path, "list", "--level", "beginner").returncode == 0


def test_what_was_typed_wrong_is_said_in_chinese(tmp_path: Path) -> None:
    done = run_in_chinese(tmp_path, "history", "--since", "昨天")
    assert done.returncode == 2
    assert "“昨天”既不是时间段" in done.stderr


def test_care_conditions_and_days_in_chinese(tmp_path: Path) -> None:
    """plan new asks in Chinese; a pregnant person answering 怀孕 was turned away. (In a
    process of its own: the words are made in the language spoken when first imported.)"""
    script = """
from backfit import i18n
i18n.speak("zh_Hans")
from backfit.catalog.conditions import Condition as C
from backfit.cli.options import week_days
from backfit.cli.programme import _conditions_said as said
assert said("怀孕、坐骨神经痛") == [C.PREGNANCY, C.SCIATICA]
assert said("手术") == [C.SURGERY]  # part of 近期背部手术
assert said("骨质疏松，pregnant") == [C.OSTEOPOROSIS, C.PREGNANCY]
assert said("无") == [] and said("none") == []
assert said("头痛") is None  # asked again
assert week_days("周一,周三，星期五") == (0, 2, 4) and week_days("mon,wed") == (0, 2)
"""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=False, env=env)  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")


def test_a_name_not_found_suggests_the_name_a_chinese_reader_knows(tmp_path: Path) -> None:
    """A slug means nothing to someone who reads 鸟狗式 on every screen."""
    done = run_in_chinese(tmp_path, "show", "鸟狗")
    assert done.returncode == 1
    assert done.stderr == "backfit: 没有叫“鸟狗”的动作或套路；你是想找“鸟狗式”（bird-dog）吗？\n"


@pytest.mark.parametrize(
    ("args", "found"),
    [
        (("--equipment", "垫子"), "猫驼式 (cat-camel)"),  # the catalog keeps 'mat'
        (("--muscle", "臀肌"), "臀桥 (glute-bridge)"),
        (("--search", "拉伸"), "站姿屈髋肌拉伸"),  # inside a name: Chinese has no spaces
        (("--search", "桥"), "单腿臀桥 (single-leg-bridge)"),
    ],
)
def test_filters_take_the_words_shown(tmp_path: Path, args: tuple[str, ...], found: str) -> None:
    """A second trial in Chinese: --equipment 垫子 and --search 拉伸 found nothing."""
    done = run_in_chinese(tmp_path, "list", "--all", *args)
    assert (done.returncode, done.stderr) == (0, "") and found in done.stdout


def test_chinese_named_in_chinese_is_chinese_and_c_stays_english(tmp_path: Path) -> None:
    assert language_of("中文") == language_of("Chinese") == "zh_Hans"
    (tmp_path / "config.toml").write_text('language = "中文"\n', encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "BACKFIT_HOME": str(tmp_path), "BACKFIT_CONFIG": str(tmp_path)}
    shown = {}
    for lang in ("C.UTF-8", "C"):  # plain C: backfit writes ASCII, which cannot hold Chinese
        done = subprocess.run([sys.executable, "-m", "backfit", "safety"], capture_output=True,
                              text=True, env={**env, "LANG": lang}, check=False)  # fmt: skip
        shown[lang] = done.stdout.splitlines()[0]
    assert shown == {"C.UTF-8": "安全须知", "C": "Safety"}


def test_yes_and_no_are_taken_as_the_language_says_them() -> None:
    script = """
from backfit import i18n
i18n.speak("zh_Hans")
from backfit.cli.asking import prompts
yes_no = prompts()[0]("?")
assert yes_no.process_response("是") is True and yes_no.process_response("y") is True
assert yes_no.process_response("否") is False and yes_no.process_response("no") is False
assert yes_no.make_prompt(True).plain.startswith("? [是/否] (是)")  # was [y/n] (y)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=False, env={"PATH": "/usr/bin:/bin"})  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.parametrize(
    ("args", "refusal"),
    [
        (("plan", "new", "--duration", "x"), "--duration: 必须是 under-6-weeks、6-12-weeks 或"),
        (("plan", "new", "--leg", "x"), "--leg: 必须是 none、above-knee 或 below-knee"),
        (("plan", "new", "--mode", "x"), "--mode: 必须是 quota 或 symptom，而不是“x”"),
        (("checkin", "--morning", "x"), "--morning: 必须是 better、same 或 worse"),
    ],
)
def test_every_choice_is_refused_in_the_language(
    tmp_path: Path, args: tuple[str, ...], refusal: str
) -> None:
    """These four were Enums, whose refusal Click words in English ("is not one of")."""
    done = run_in_chinese(tmp_path, *args)
    assert done.returncode == 2 and refusal in done.stderr and "is not one of" not in done.stderr


def test_a_morning_is_said_as_shown(tmp_path: Path) -> None:
    done = run_in_chinese(tmp_path, "checkin", "--morning", "更差")
    assert (done.returncode, done.stderr) == (0, "") and "下一次训练退回一步" in done.stdout


def test_two_names_or_two_options_are_joined_as_chinese_writes_them(tmp_path: Path) -> None:
    """Between options a spaced 或 (--confidence 或 --morning); between quoted names none."""
    options = run_in_chinese(tmp_path, "checkin", "--mornin", "x").stderr
    assert "你是想用 --confidence 或 --morning 吗？" in options
    names = run_in_chinese(tmp_path, "show", "侧").stderr
    assert "（side-plank-bent-knee）或“侧桥”（side-plank）吗？" in names


@pytest.mark.parametrize(
    ("lang", "args", "first"),
    [
        ("C.UTF-8", ("show", "小燕飞"), "Swallow fly  (also:"),  # English, no region: no .mo read
        ("zh_CN.UTF-8", ("--ascii", "show", "鸟狗式"), "Bird dog  (also:"),  # ASCII is English
        ("zh_CN.UTF-8", ("--lang", "en", "show", "死虫式"), "Dead bug"),
    ],
)
def test_a_chinese_name_finds_its_exercise_in_an_english_run(
    tmp_path: Path, lang: str, args: tuple[str, ...], first: str
) -> None:
    """The name on the seed's page, typed where backfit speaks English, was not found."""
    env = {"LANG": lang, "PATH": "/usr/bin:/bin", "BACKFIT_HOME": str(tmp_path),
           "BACKFIT_CONFIG": str(tmp_path)}  # fmt: skip
    done = subprocess.run([sys.executable, "-m", "backfit", *args, "--figure", "none"],
                          capture_output=True, text=True, env=env, check=False)  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith(first)


def test_sources_name_what_cites_them_as_a_reader_finds_it(tmp_path: Path) -> None:
    """'引用者：benefits、safety、walking、sciatica-gentle' (a new user's trial): slugs and
    page keys on a Chinese screen. Pages are named by their command, entries by name."""
    shown = "".join(run_in_chinese(tmp_path, "sources").stdout.split())
    assert "引用者：backfitbenefits、backfitsafety、步行、坐骨神经痛温和练习" in shown
    assert "、walking" not in shown
