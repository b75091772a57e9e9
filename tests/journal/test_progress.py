"""Progress and advice over a real log: what `backfit progress` tells a person."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers import FROZEN_CATALOG

from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.journal import store as journal
from backfit.journal.progress import streaks, weekly
from backfit.journal.store import ExerciseDone, LoggedSession

Invoke = Callable[..., Any]
CATALOG = load_catalog(FROZEN_CATALOG)  # logic, not content


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path / "home"))
    return tmp_path / "home" / journal.FILE_NAME


def done(slug: str) -> ExerciseDone:
    name = slug.replace("-", " ").capitalize()  # the log keeps its own copy of the name
    return ExerciseDone(slug, name, "done", 2, 8, None, 1)


def logged(days_ago: int, pain: int | None, *slugs: str, **changes: Any) -> LoggedSession:
    """A session `days_ago` days back at noon local time, with each exercise done."""
    start = (datetime.now().astimezone().replace(hour=12, minute=0, second=0, microsecond=0)
             - timedelta(days=days_ago))  # fmt: skip
    fields: dict[str, Any] = {
        "kind": "guided", "slug": slugs[0], "title": slugs[0], "started_at": start,
        "ended_at": start + timedelta(minutes=10), "finished": True, "pain_after": pain,
        "exercises": tuple(done(slug) for slug in slugs), "work_seconds": 300.0,
    }  # fmt: skip
    fields.update(changes)
    return LoggedSession(**fields)


def advice(
    invoke: Invoke, home: Path, *sessions: LoggedSession, catalog: Path = FROZEN_CATALOG
) -> str:
    """The advice for `sessions`; by default against the frozen catalog, whose links stay
    put while the shipped content changes."""
    for session in sessions:
        journal.save(home, session)
    result = invoke("--catalog", str(catalog), "progress", "--weeks", "4", env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.stderr
    # Text views wrap at 100 columns even on a wide terminal: join a wrapped piece of advice.
    return str(result.stdout.split("Advice\n", 1)[1]).replace("\n  ", " ")


def test_an_empty_log_gets_a_first_step_not_keep_going(invoke: Invoke, home: Path) -> None:
    assert advice(invoke, home) == (
        "• Start gently: backfit start gentle-mobility (Gentle daily mobility). "
        "Why: nothing is logged yet.\n"
    )


def test_a_rise_inside_the_acceptable_band_is_flagged(invoke: Invoke, home: Path) -> None:
    # glute bridge at 1, 2, 2, 3, 5, 5, 5 over three weeks: never in the stop band
    days = (20, 17, 14, 10, 6, 3, 0)
    pains = (1, 2, 2, 3, 5, 5, 5)
    sessions = [logged(d, p, "glute-bridge") for d, p in zip(days, pains, strict=True)]
    said = advice(invoke, home, *sessions)
    assert "Keep going" not in said
    assert said.startswith(
        "• Ease off: fewer exercises, easier doses, and read 'backfit safety'. "
        "Why: pain after sessions rose from 1.7 to 5 in 20 days (1, 2, 2, 3, 5, 5, 5).\n"
    )
    assert "step up next time" not in said and "try " not in said  # held back by the rise


def test_a_rise_in_the_comfortable_band_is_flagged_too(invoke: Invoke, home: Path) -> None:
    sessions = [logged(d, p, "bird-dog") for d, p in ((14, 0), (10, 0), (6, 2), (2, 2))]
    said = advice(invoke, home, *sessions)
    assert "rose from 0 to 2 in 12 days (0, 0, 2, 2)" in said.splitlines()[0]
    assert "try Swallow fly" not in said


def test_a_rise_across_exercises_is_flagged_overall(invoke: Invoke, home: Path) -> None:
    days = ((15, 1, "bird-dog"), (12, 1, "cat-camel"), (9, 2, "pelvic-tilt"),
            (6, 3, "knee-to-chest"), (3, 3, "glute-bridge"), (1, 4, "prone-press-up"))  # fmt: skip
    said = advice(invoke, home, *(logged(d, p, slug) for d, p, slug in days))
    assert said.startswith(
        "• Ease off: fewer exercises, easier doses, and read 'backfit safety'. "
        "Why: pain after sessions rose from 1.3 to 3.3 in 14 days (1, 1, 2, 3, 3, 4).\n"
    )
    assert "try " not in said and "step up next time" not in said


def test_steady_low_pain_moves_up_a_rung_at_a_time(invoke: Invoke, home: Path) -> None:
    """The engine's ladder: a set of 8 reps done with low pain for a build-up's days is
    one rung up next time, never a jump to the ceiling."""

    def sit_to_stand(days_ago: int, reps: int, pain: int) -> LoggedSession:
        entry = ExerciseDone("sit-to-stand", "Sit to stand", "done", 1, reps, None, 1)
        return logged(days_ago, pain, "sit-to-stand", exercises=(entry,))

    shipped = builtin_catalog_path()
    said = advice(invoke, home, sit_to_stand(4, 7, 2), sit_to_stand(1, 7, 1), catalog=shipped)
    assert said == (
        "• Sit to stand: one step up next time, to 1 × 8 reps. "
        "Why: one step up: your last sessions kept to the pain rule.\n"
    )


def test_a_bad_session_steps_back_and_the_next_good_one_holds(invoke: Invoke, home: Path) -> None:
    def sit_to_stand(days_ago: int, reps: int, pain: int) -> LoggedSession:
        entry = ExerciseDone("sit-to-stand", "Sit to stand", "done", 1, reps, None, 1)
        return logged(days_ago, pain, "sit-to-stand", exercises=(entry,))

    shipped = builtin_catalog_path()
    bad = advice(invoke, home, sit_to_stand(3, 8, 1), sit_to_stand(2, 8, 7), catalog=shipped)
    day = (datetime.now() - timedelta(days=2)).date()
    assert bad == (
        "• Sit to stand: step back to 1 × 7 reps next time; see 'backfit safety'. "
        f"Why: one step back: pain 7/10 on {day:%a} {day.day} {day:%b}, in the stop band.\n"
    )
    held = advice(invoke, home, sit_to_stand(1, 7, 0), catalog=shipped)
    assert held.startswith("• Sit to stand: stay at 1 × 7 reps for now.")


def test_never_up_to_an_exercise_stepped_back(invoke: Invoke, home: Path) -> None:
    # pelvic tilt is fine and at its top; its harder variant, glute bridge, hurt
    sessions = [logged(d, 1, "pelvic-tilt") for d in (20, 12, 10, 8, 2)]
    sessions.append(logged(1, 6, "glute-bridge"))
    said = advice(invoke, home, *sessions).splitlines()
    glute = [line for line in said if "Glute bridge:" in line]
    assert glute[0].startswith("• Glute bridge: go back to Pelvic tilt (pelvic-tilt);")
    assert not any("try Glute bridge" in line for line in said)
    for line in said:  # one piece of advice per exercise at most
        name = line.split(":", 1)[0]
        assert sum(other.startswith(name + ":") for other in said) == 1, said


def test_a_week_at_the_top_offers_the_harder_form_at_its_start(invoke: Invoke, home: Path) -> None:
    def sit_to_stand(days_ago: int) -> LoggedSession:
        entry = ExerciseDone("sit-to-stand", "Sit to stand", "done", 1, 10, None, 1)
        return logged(days_ago, 1, "sit-to-stand", exercises=(entry,))

    shipped = builtin_catalog_path()
    soon = advice(invoke, home, sit_to_stand(5), sit_to_stand(3), catalog=shipped)
    assert soon.startswith("• Sit to stand: keep going at 1 × 10 reps, the top of its build-up.")
    later = advice(invoke, home, sit_to_stand(8), catalog=shipped)  # at the top for 8 days
    assert later.startswith(
        "• Sit to stand: try Hip hinge with a dowel (hip-hinge-dowel), at its start: 1 × 5 reps."
    )


def test_a_pain_stop_is_weighed_even_in_an_abandoned_session(invoke: Invoke, home: Path) -> None:
    sessions = [logged(d, 1, "bird-dog") for d in (4, 3, 2)]
    stopped = logged(
        1, None, "bird-dog", abandoned=True, work_seconds=12.0, pain_stop=1, pain_during=6,
        exercises=(ExerciseDone("bird-dog", "Bird dog", "stopped"),),
    )  # fmt: skip
    said = advice(invoke, home, *sessions, stopped)
    day = (datetime.now() - timedelta(days=1)).date()
    assert (
        "Why: one step back: you stopped it because it hurt on "
        f"{day:%a} {day.day} {day:%b} (pain 6/10).\n"
    ) in said
    assert "• Bird dog: go back to Pelvic tilt (pelvic-tilt)" in said  # no build-up here
    assert "try Swallow fly" not in said


def test_a_first_session_stopped_for_pain_is_not_nothing_logged(invoke: Invoke, home: Path) -> None:
    stopped = logged(
        0, 7, "bird-dog", abandoned=True, work_seconds=10.0, pain_stop=1, pain_during=7,
        exercises=(ExerciseDone("bird-dog", "Bird dog", "stopped"),),
    )  # fmt: skip
    said = advice(invoke, home, stopped)
    assert "nothing is logged" not in said and "Start gently" not in said
    assert said.startswith(
        "• Bird dog: go back to Pelvic tilt (pelvic-tilt); see 'backfit safety'."
    )
    assert "(pain 7/10)" in said
    shown = invoke("progress", "--weeks", "2").stdout
    assert "No pain scores recorded yet" not in shown
    assert "– → 7" in shown  # the pain that stopped it is in the pain chart
    assert "1 stopped because it hurt" in shown  # the week is not a blank '–'


def test_history_says_an_abandoned_session_was_stopped_for_pain(invoke: Invoke, home: Path) -> None:
    stopped = logged(
        1, None, "pelvic-tilt", abandoned=True, work_seconds=7.0, pain_stop=1, pain_during=7,
        exercises=(ExerciseDone("pelvic-tilt", "Pelvic tilt", "stopped"),),
    )  # fmt: skip
    home.parent.mkdir(parents=True, exist_ok=True)
    journal.save(home, stopped)
    shown = " ".join(invoke("history", env={"COLUMNS": "60"}).stdout.split())
    assert "abandoned (7 s work); Pelvic tilt stopped: it hurt, pain 7" in shown


def test_abandoned_sessions_count_for_nothing_but_a_warning(invoke: Invoke, home: Path) -> None:
    kept = [logged(d, 1, "bird-dog") for d in (6, 5)]
    quit_early = [
        logged(d, None, "bird-dog", abandoned=True, finished=False, work_seconds=5.0,
               exercises=(ExerciseDone("bird-dog", "Bird dog", "stopped"),))
        for d in (2, 1, 0)
    ]  # fmt: skip
    said = advice(invoke, home, *kept, *quit_early)
    assert said.startswith(
        "• Choose a shorter routine or an easier dose you can finish. "
        "Why: 3 of your last 5 sessions were abandoned.\n"
    )
    assert "step up" not in said and "try " not in said  # nothing moves up meanwhile
    result = json.loads(invoke("progress", "--json").stdout)
    assert sum(w["sessions"] for w in result["weeks"]) == 2
    assert result["streak"] == {"current": 0, "longest": 2}


def test_a_long_gap_says_start_again_gently(invoke: Invoke, home: Path) -> None:
    sessions = [logged(d, 1, "bird-dog") for d in (30, 29, 28)]
    said = advice(invoke, home, *sessions)
    last = (datetime.now() - timedelta(days=28)).date()
    assert said == (
        "• Start again gently, for example with backfit start gentle-mobility. "
        f"Why: your last session was 28 days ago, on {last.day} {last:%b}.\n"
    )


def test_weekly_buckets_and_streaks() -> None:
    def at(day: int) -> LoggedSession:
        start = datetime(2026, 3, day, 12, tzinfo=UTC)
        return LoggedSession("logged", "bird-dog", "Bird dog", start,
                             start + timedelta(minutes=10), True)  # fmt: skip

    sessions = [at(d) for d in (16, 17, 18, 20)]  # Mon, Tue, Wed, Fri
    weeks = weekly(sessions, weeks=3, today=date(2026, 3, 20))
    assert [(w.start, w.sessions, round(w.minutes)) for w in weeks] == [
        (date(2026, 3, 2), 0, 0), (date(2026, 3, 9), 0, 0), (date(2026, 3, 16), 4, 40)
    ]  # fmt: skip
    starts = [s.started_at for s in sessions]
    assert streaks(starts, today=date(2026, 3, 20)) == (1, 3)
    assert streaks(starts, today=date(2026, 3, 21)) == (1, 3)  # yesterday still counts
    assert streaks(starts, today=date(2026, 3, 23)) == (0, 3)


def test_a_set_at_its_most_reps_adds_a_set_not_reps(invoke: Invoke, home: Path) -> None:
    """Hip hinge builds 1 × 5 to 1 × 10 a rep at a time, then a second set: once a set is
    at 10, the next step is 2 × 10, never 'add 1 rep to each set'."""

    def hinge(days_ago: int) -> LoggedSession:
        entry = ExerciseDone("hip-hinge-dowel", "Hip hinge", "done", 1, 10, None, 1)
        return logged(days_ago, 1, "hip-hinge-dowel", exercises=(entry,))

    said = advice(invoke, home, hinge(6), hinge(2), catalog=builtin_catalog_path())
    assert said.startswith("• Hip hinge with a dowel: one step up next time, to 2 × 10 reps.")


def test_easing_off_at_the_start_with_no_easier_variant_says_do_less(
    invoke: Invoke, home: Path
) -> None:
    said = advice(invoke, home, logged(1, 7, "bottom-to-heels"), catalog=builtin_catalog_path())
    day = (datetime.now() - timedelta(days=1)).date()
    assert said == (
        "• Bottom-to-heels stretch: do less of it, or rest it a few days; see 'backfit safety'. "
        f"Why: one step back: pain 7/10 on {day:%a} {day.day} {day:%b}, in the stop band.\n"
    )


def test_no_advice_moves_up_after_a_single_session(invoke: Invoke, home: Path) -> None:
    entry = ExerciseDone("sit-to-stand", "Sit to stand", "done", 1, 5, None, 1)
    said = advice(invoke, home, logged(0, 0, "sit-to-stand", exercises=(entry,)),
                  catalog=builtin_catalog_path())  # fmt: skip
    assert said.startswith("• Sit to stand: stay at 1 × 5 reps for now. Why: the same as last")
