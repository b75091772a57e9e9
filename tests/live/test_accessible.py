"""Accessible mode (issue 22): for a screen reader, figures said in words, no box edges or
bullets, and the coach one whole line per event, never rewritten; from --accessible,
BACKFIT_ACCESSIBLE=1, ACCESSIBLE=1 or the setting."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from test_terminal import Pty

from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.live.screens import SpokenScreen
from backfit.session.coach import Moment
from backfit.session.plan import build_plan
from backfit.views.pose_words import pose_words

Invoke = Callable[..., Any]
CATALOG = load_catalog(builtin_catalog_path())
BRAILLE = re.compile("[\u2801-\u28ff]")
BOXES = re.compile("[╭╮╰╯│─]")
CURSOR = re.compile(r"\x1b\[[0-9;?]*[A-HJKSTfhlsu]|\x1b[78]|\r(?!\n)")  # moves, erases, modes


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("BACKFIT_CONFIG", str(tmp_path / "config"))
    for name in ("BACKFIT_ACCESSIBLE", "ACCESSIBLE", "BACKFIT_FIGURE"):
        monkeypatch.delenv(name, raising=False)


def said(slug: str) -> list[str]:
    return pose_words(CATALOG.exercise(slug))


def test_every_pose_is_said_in_words_from_its_start_to_its_end() -> None:
    for exercise in CATALOG.exercises:
        if exercise.pose is None:
            continue
        words = pose_words(exercise)
        if exercise.position == "walking":
            assert words == ["Walking upright, one stride after another, the arms swinging."]
            continue
        assert words[0].startswith("Start: ") and words[-1].startswith("End: "), exercise.slug
        assert len(words) == len(exercise.pose.frames()), exercise.slug
        assert all(line.endswith(".") and "_" not in line for line in words), words


def test_the_words_say_what_the_figure_shows() -> None:
    assert said("swallow-fly") == [
        "Start: lying on your front.",
        "End: head, chest and legs lifted a little.",
    ]
    assert said("bird-dog")[-1] == "End: one arm and the opposite leg lifted."
    assert said("glute-bridge")[-1].startswith("End: hips lifted")
    assert said("bent-leg-deadlift") == [
        "Start: standing, holding a bar, leaning forward from the hips.",
        "End: standing up straight.",
    ]
    assert said("cat-camel") == [
        "Start: kneeling or on all fours, resting on hands, knees and feet, back rounded up.",
        "Then: back flat; head lifted.",
        "End: back dipped; head lifted a little.",
    ]
    assert said("childs-pose")[-1] == (
        "End: back rounded up; head, chest and hips lowered; hips moved back."
    )
    # a caption the catalog gives is the figure's own words
    assert said("knee-rolls")[-1] == "End: both knees rolled to one side."


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("show", "swallow-fly", "--accessible"), {}),
        (("--accessible", "show", "swallow-fly"), {}),
        (("show", "swallow-fly"), {"BACKFIT_ACCESSIBLE": "1"}),
        (("show", "swallow-fly"), {"ACCESSIBLE": "true"}),
    ],
)
def test_show_for_a_screen_reader(
    invoke: Invoke, args: tuple[str, ...], env: dict[str, str]
) -> None:
    result = invoke(*args, env=env)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert not BRAILLE.search(out) and not BOXES.search(out) and "•" not in out
    assert "Start: lying on your front.\n" in out
    assert "\nCautions:\n" in out  # a box's title, as a heading line
    assert "\nStop and rest if:\n" in out


def test_the_setting_keeps_it_on_and_a_bad_word_is_refused(invoke: Invoke) -> None:
    assert invoke("config", "set", "accessible", "yes").exit_code == 0
    assert not BOXES.search(invoke("safety").stdout)
    refused = invoke("list", env={"ACCESSIBLE": "sometimes"})
    assert refused.exit_code == 2
    assert refused.stderr.startswith("backfit: ACCESSIBLE: must be 1, true, yes, on, 0, false")


def test_figure_in_words(invoke: Invoke) -> None:
    result = invoke("figure", "bird-dog", "--figure", "words")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "\n".join([*said("bird-dog"), ""])


def test_the_spoken_screen_says_each_event_once_on_a_line_of_its_own() -> None:
    exercise = CATALOG.exercise("bird-dog")
    dose = exercise.dose.model_copy(update={"sets": 1, "reps": 1, "hold_seconds": 12})
    plan = build_plan(exercise.name, [(exercise, dose)])
    out = io.StringIO()
    screen = SpokenScreen(Console(file=out, width=80, color_system=None), typed_keys=False, every=5)
    for index in range(3):  # get ready, the hold on the left, and switching sides
        seconds = plan.steps[index].seconds or 0
        for tick in range(seconds * 5):
            left = seconds - tick * 0.2
            screen.show(Moment(plan, index, left, paused=index == 1 and abs(left - 7) < 1e-9))
    lines = out.getvalue().splitlines()
    at = lines.index("Get ready: Bird dog, 5 seconds.")
    assert lines[at - 1].startswith("Keys: Enter continue")
    assert lines[at:] == [
        "Get ready: Bird dog, 5 seconds.",
        "Bird dog, set 1 of 1, left side. Hold for 12 seconds.",
        "10 seconds left.",
        "Paused. Enter, p or space goes on.",
        "Going on.",
        "5 seconds left.",
        "Bird dog, set 1 of 1, right side. Switch sides, 5 seconds.",
    ]


def test_the_coach_in_a_terminal_writes_lines_and_never_moves_the_cursor(tmp_path: Path) -> None:
    """Through a pseudo-terminal, as a screen reader would hear it: every line whole, in
    order, and not one escape that moves the cursor, erases or takes the alternate screen."""
    session = Pty(
        "start", "bird-dog", "--quiet", "--accessible", "--sets", "1", "--reps", "1",
        "--hold", "3", "--announce-every", "2", size=(80, 24),
        env={"BACKFIT_HOME": str(tmp_path / "pty")},
    )  # fmt: skip
    try:
        session.wait_for("Press Enter to start, or q to quit.")
        session.press("\r")
        session.wait_for("Pain now, 0 to 10 (Enter to skip, q to leave): ")
        session.press("1\r")
        session.wait_for("Get ready: Bird dog, 5 seconds.")
        session.press("\r")  # ready now
        session.wait_for("Switch sides, 5 seconds.")
        session.press("\r")  # switched
        session.wait_for("Pain now, after the session, 0 to 10 (Enter to skip): ", timeout=60)
        session.press("1\r")
        assert session.finish() == 0
    finally:
        session.close()
    raw = session.screen
    assert not CURSOR.findall(raw)
    import pyte

    screen = pyte.Screen(80, 24)  # the terminal, emulated: it shows the last lines written
    pyte.Stream(screen).feed(raw)
    shown = [line.rstrip() for line in screen.display]
    written = re.sub(r"\x1b\[[0-9;]*m", "", raw).replace("\r\n", "\n").split("\n")[-24:]
    assert shown == [line.rstrip() for line in written]  # nothing rewritten in place
    text = re.sub(r"\x1b\[[0-9;]*m", "", raw).replace("\r\n", "\n")
    assert not BOXES.search(text) and not BRAILLE.search(text) and "•" not in text
    heard = text.splitlines()
    start = heard.index("Get ready: Bird dog, 5 seconds.")
    assert heard[start:start + 6] == [
        "Get ready: Bird dog, 5 seconds.",
        "Bird dog, set 1 of 1, left side. Hold for 3 seconds.",
        "2 seconds left.",
        "Bird dog, set 1 of 1, right side. Switch sides, 5 seconds.",
        "Bird dog, set 1 of 1, right side. Hold for 3 seconds.",
        "2 seconds left.",
    ]  # fmt: skip
    assert "Session complete after" in text
