"""`backfit plan`, `today`, `checkin` and `log today` through the real command line
(issue 19): a plan made from flags, followed day by day, stepped back after a bad day."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Invoke = Callable[..., Any]
START = "2026-11-23"  # a Monday
NEW = ("plan", "new", "--pain", "4", "--duration", "over-12-weeks", "--leg", "none",
       "--no-red-flags", "--start", START, "--walking", "10", "--yes")  # fmt: skip


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BACKFIT_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def today(invoke: Invoke, day: str) -> dict[str, Any]:
    result = invoke("today", "--date", day, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def doses(day: dict[str, Any]) -> dict[str, Any]:
    return {e["exercise"]: e["dose"]["reps"] for e in day["exercises"]}


def test_a_plan_from_flags_gives_one_exercise_per_role_in_session_order(invoke: Invoke) -> None:
    made = invoke(*NEW, "--minutes", "30")
    assert made.exit_code == 0, made.stderr
    assert "Your plan starts on Mon 23 Nov 2026: run backfit today each day." in made.stdout
    day = today(invoke, START)
    assert day["plan_week"] == 1 and day["rest_day"] is False
    assert [e["role"] for e in day["exercises"]] == [
        "warm-up", "trunk flexors", "side of the trunk", "back extensors", "glutes and hips",
        "stretch",
    ]  # fmt: skip
    assert all(e["reason"] == "the start of its build-up" for e in day["exercises"])
    assert day["walking_minutes"] == 10
    assert day["lesson"]["day"] == 1 and day["lesson"]["sources"][0]["url"].startswith("https")
    assert today(invoke, "2026-11-24")["lesson"]["day"] == 2  # a lesson on rest days too
    shown = invoke("today", "--date", START)
    assert f"Today's lesson: {day['lesson']['title']}" in " ".join(shown.stdout.split())
    assert today(invoke, "2026-11-24")["rest_day"] is True  # a Tuesday


def test_without_a_terminal_a_missing_answer_names_its_option(invoke: Invoke) -> None:
    result = invoke("plan", "new", "--pain", "4", "--duration", "over-12-weeks", "--leg", "none")
    assert result.exit_code == 2
    assert "no terminal to ask on: give --no-red-flags" in result.stderr
    assert invoke("today").exit_code == 1  # no plan was made


def test_out_of_range_values_name_the_option_and_range(invoke: Invoke) -> None:
    weeks = invoke(*NEW, "--weeks", "20")
    assert weeks.exit_code == 2 and "--weeks" in weeks.stderr and "12" in weeks.stderr
    days = invoke(*NEW, "--days", "mon,funday")
    assert days.exit_code == 2 and "--days" in days.stderr


def test_one_plan_at_a_time(invoke: Invoke) -> None:
    assert invoke(*NEW).exit_code == 0
    again = invoke(*NEW)
    assert again.exit_code == 2 and "a plan is already active" in again.stderr
    assert again.stdout == ""  # said before a new plan is made and shown, not after
    assert invoke(*NEW, "--replace").exit_code == 0


def test_doses_rise_on_schedule_and_step_back_after_a_bad_day(invoke: Invoke) -> None:
    assert invoke(*NEW).exit_code == 0  # over 12 weeks: quota, two sessions a rung
    first = doses(today(invoke, START))
    for day in (START, "2026-11-25"):
        assert invoke("log", "today", "--date", day, "--pain-before", "2", "--pain-after", "2",
                      ).exit_code == 0  # fmt: skip
    risen = today(invoke, "2026-11-27")
    assert doses(risen)["mcgill-curl-up"] == [4, 3, 2] != first["mcgill-curl-up"]
    assert risen["exercises"][1]["reason"] == "one step up, on schedule"
    hurt = invoke("log", "today", "--date", "2026-11-27", "--pain-before", "3",
                  "--pain-after", "7")  # fmt: skip
    assert "Pain 7/10 is in the stop band" in hurt.stdout
    said = " ".join(hurt.stdout.split())  # the plan steps back: no "Do not do Plan session"
    assert "your plan makes its next session one step easier (backfit today shows it)." in said
    assert "Do not do" not in said and "something gentler" not in said
    back = today(invoke, "2026-11-30")
    assert doses(back)["mcgill-curl-up"] == [3, 2, 1]
    assert (
        back["exercises"][1]["reason"] == "one step back: pain 7/10 on Fri 27 Nov, in the stop band"
    )


def test_a_worse_morning_steps_back_and_is_asked_for(invoke: Invoke) -> None:
    invoke(*NEW, "--mode", "symptom")
    invoke("log", "today", "--date", START, "--pain-after", "1")
    asked = today(invoke, "2026-11-24")
    assert any("How is your back this morning" in a for a in asked["advice"])
    assert invoke("checkin", "--date", "2026-11-24", "--morning", "worse").exit_code == 0
    assert not any("this morning" in a for a in today(invoke, "2026-11-24")["advice"])
    later = today(invoke, "2026-11-25")
    assert later["exercises"][0]["reason"] == (
        "one step back: the morning of Tue 24 Nov was worse than usual; it is at its start "
        "already, so keep it gentle, or rest it today"
    )


def test_two_steps_back_in_two_weeks_give_an_easier_week_and_see_someone(invoke: Invoke) -> None:
    invoke(*NEW)
    for day in (START, "2026-11-25", "2026-11-27", "2026-11-30"):
        invoke("log", "today", "--date", day, "--pain-after", "2")
    invoke("log", "today", "--date", "2026-12-02", "--pain-after", "8")
    invoke("log", "today", "--date", "2026-12-04", "--pain-after", "7")
    day = today(invoke, "2026-12-07")
    assert any("see a GP or physiotherapist" in a for a in day["advice"])
    reasons = {e["reason"] for e in day["exercises"]}
    assert all(r.startswith("an easier week: two steps back within two weeks") for r in reasons)


def test_a_red_flag_stops_the_plan(invoke: Invoke) -> None:
    invoke(*NEW)
    assert invoke("checkin", "--date", "2026-11-24", "--red-flag").exit_code == 0
    day = today(invoke, "2026-11-25")
    assert day["state"] == "stopped" and day["exercises"] == []
    shown = invoke("today", "--date", "2026-11-25")
    assert "The plan has stopped" in shown.stdout


def test_days_off_step_back_once_and_never_catch_up(invoke: Invoke) -> None:
    invoke(*NEW)
    for day in (START, "2026-11-25"):
        invoke("log", "today", "--date", day, "--pain-after", "1")
    assert doses(today(invoke, "2026-11-27"))["mcgill-curl-up"] == [4, 3, 2]
    away = today(invoke, "2026-12-07")  # 12 days since the last session
    assert doses(away)["mcgill-curl-up"] == [3, 2, 1]
    assert (
        away["exercises"][1]["reason"] == "one step back after 12 days without it: no catching up"
    )


def test_pause_resume_end_and_show(invoke: Invoke) -> None:
    invoke(*NEW)
    shown = invoke("plan", "show", "--json", "--date", "2026-11-30")
    data = json.loads(shown.stdout)
    assert data["weeks"] == 8 and data["days"] == ["mon", "wed", "fri"] and data["mode"] == "quota"
    assert data["start"] == START and len(data["sessions"]) == 24
    assert invoke("plan", "pause").exit_code == 0
    assert json.loads(invoke("plan", "show", "--json").stdout)["paused"] is True
    assert invoke("plan", "resume").exit_code == 0
    assert invoke("plan", "end").exit_code == 0
    gone = invoke("today")
    assert gone.exit_code == 1 and "no plan is active" in gone.stderr


def test_a_checkin_needs_something_to_say(invoke: Invoke) -> None:
    invoke(*NEW)
    result = invoke("checkin")
    assert result.exit_code == 2 and "--morning" in result.stderr


def test_start_from_an_exercise_uses_the_same_engine(invoke: Invoke) -> None:
    """Outside a plan, a session of pain in the stop band steps `start` back a rung."""
    invoke("log", "bird-dog", "--reps", "5,4,2", "--pain-after", "2", "--date", "-9d")
    invoke("log", "bird-dog", "--reps", "5,4,2", "--pain-after", "8", "--date", "-5d")
    said = " ".join(invoke("start", "bird-dog", "--plan").stdout.split())
    assert "3 sets of 4, 3, 2 reps each side" in said.split(".")[0]


def test_the_plans_care_conditions_warn_at_start(invoke: Invoke) -> None:
    invoke(*NEW, "--care", "pregnancy")
    result = invoke("start", "swallow-fly", "--plan")
    assert result.exit_code == 0
    assert "Your plan says pregnancy applies, and Swallow fly is one to avoid:" in result.stderr
    assert "avoid" not in invoke("start", "bird-dog", "--plan").stderr


def test_the_plan_exports_to_a_calendar_that_expands_to_its_sessions(
    invoke: Invoke, tmp_path: Path
) -> None:
    import datetime as dt

    import icalendar
    import recurring_ical_events

    invoke(*NEW, "--weeks", "4", "--days", "tue,thu")
    out = tmp_path / "plan.ics"
    result = invoke("plan", "export", "--ics", str(out), "--time", "07:45", "--alarm", "5")
    assert result.exit_code == 0, result.stderr
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    found = recurring_ical_events.of(calendar).between(dt.date(2026, 1, 1), dt.date(2028, 1, 1))
    assert len(found) == 8  # two a week for four weeks
    assert all(e["DTSTART"].dt.astimezone().strftime("%H:%M") == "07:45" for e in found)
    uids = sorted(str(e["UID"]) for e in calendar.walk("VEVENT"))
    again = icalendar.Calendar.from_ical(invoke("plan", "export", "--ics", "-").stdout.encode())
    assert sorted(str(e["UID"]) for e in again.walk("VEVENT")) == uids  # the same events
    bad = invoke("plan", "export", "--ics", "-", "--time", "7pm")
    assert bad.exit_code == 2 and "--time" in bad.stderr


def test_an_exercise_gone_from_the_catalog_is_left_out_and_said(invoke: Invoke) -> None:
    from helpers import FROZEN_CATALOG

    from backfit.catalog.loader import load_catalog

    invoke(*NEW, "--no-floor")  # the seated and standing forms: not in the frozen catalog
    planned = {e["exercise"] for e in today(invoke, START)["exercises"]}
    kept = {e.slug for e in load_catalog(FROZEN_CATALOG).exercises}
    gone = sorted(planned - kept)
    assert gone  # the frozen catalog lacks some of the shipped exercises
    result = invoke("--catalog", str(FROZEN_CATALOG), "today", "--date", START, "--json")
    assert result.exit_code == 0, result.stderr
    day = json.loads(result.stdout)
    assert {e["exercise"] for e in day["exercises"]} == planned & kept
    assert any(gone[0] in a and "goes on without" in a for a in day["advice"])


def test_the_plans_care_conditions_apply_to_list_and_show(invoke: Invoke) -> None:
    invoke(*NEW, "--care", "pregnancy")
    listed = invoke("list", env={"COLUMNS": "200"})
    assert "Listing the exercises that suit your plan's care conditions (pregnancy)" in (
        listed.stderr
    )
    assert "Swallow fly" not in listed.stdout and "Bird dog" in listed.stdout
    assert "Swallow fly" in invoke("list", "--all", env={"COLUMNS": "200"}).stdout
    routine = invoke("show", "strength-day")
    assert "Your plan says pregnancy applies, and Swallow fly is one to avoid:" in routine.stderr


def test_progress_draws_the_activities_rated_beside_pain(invoke: Invoke) -> None:
    invoke(*NEW, "--activity", "sitting through a film=4", "--activity", "gardening=2")
    invoke("checkin", "--date", "2026-11-30", "--activity", "sitting through a film=6",
           "--activity", "gardening=3", "--confidence", "6")  # fmt: skip
    shown = invoke("progress", "--weeks", "2", env={"COLUMNS": "100"}).stdout
    assert "Everyday activities you rated, 0 (cannot) to 10 (as before): the average" in shown
    assert "Mon 23 Nov  3.0" in shown and "Mon 30 Nov  4.5" in shown


def test_start_of_a_routine_names_the_exercises_with_a_care_verdict(invoke: Invoke) -> None:
    said = " ".join(invoke("start", "gentle-mobility", "--plan").stdout.split())
    assert "Who should take care" in said
    assert "Pregnancy: avoid: Back extension on elbows; with care: Pelvic tilt" in said
    single = invoke("start", "bird-dog", "--plan").stdout
    assert "Who should take care" not in single  # an exercise's own page says it


def test_plan_alone_names_its_commands_in_one_line(invoke: Invoke) -> None:
    result = invoke("plan")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "backfit: plan needs one of new, show, pause, resume, end or export"
    )


def test_start_today_runs_the_plans_session(invoke: Invoke) -> None:
    assert invoke("start", "today", "--plan").exit_code == 1  # no plan yet: one line
    invoke(*NEW)
    shown = invoke("start", "today", "--plan")
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout.startswith("Plan session, week ")
    assert "Cat-camel: set 1 of 1, 5 reps" in " ".join(shown.stdout.split())


def test_a_flare_is_not_wiped_by_another_session_the_same_day(invoke: Invoke) -> None:
    """Found in a new user's trial: after pain 8, a second log the same day made the next
    sessions step up, 'your last sessions kept to the pain rule'."""
    invoke(*NEW, "--mode", "symptom")
    for day in (START, "2026-11-25"):
        invoke("log", "today", "--date", day, "--pain-after", "1")
    invoke("log", "today", "--date", "2026-11-27", "--pain-after", "8")
    again = invoke("log", "today", "--date", "2026-11-27", "--pain-after", "1")
    assert again.exit_code == 1  # no more today: it hurt (a refusal, not a usage error)
    assert "a session today hurt (pain in the stop band" in again.stderr
    assert "--help" not in again.stderr  # nothing was mistyped
    for day in ("2026-11-30", "2026-12-03"):
        reasons = {e["reason_code"] for e in today(invoke, day)["exercises"]}
        assert "up" not in reasons, (day, reasons)


def test_after_it_hurt_today_offers_nothing_more(invoke: Invoke) -> None:
    invoke(*NEW)
    invoke("log", "today", "--date", START, "--pain-after", "7")
    day = today(invoke, START)
    assert day["state"] == "hurt" and day["exercises"] == []
    shown = " ".join(invoke("today", "--date", START).stdout.split())
    assert (
        "A session today hurt (pain in the stop band, or stopped because it hurt). Rest today"
        in shown
    )


def test_log_today_twice_is_refused_without_again(invoke: Invoke) -> None:
    invoke(*NEW)
    assert invoke("log", "today", "--date", START, "--pain-after", "1").exit_code == 0
    twice = invoke("log", "today", "--date", START, "--pain-after", "1")
    assert twice.exit_code == 2 and "already logged (session 1); give --again" in twice.stderr
    assert invoke("log", "today", "--date", START, "--again").exit_code == 0


def test_a_red_flag_shows_the_signs_and_the_plan_cannot_resume(invoke: Invoke) -> None:
    invoke(*NEW)
    said = invoke("checkin", "--red-flag")
    assert said.exit_code == 0
    assert "Call 999 or go to A&E now" in " ".join(said.stdout.split())
    resumed = invoke("plan", "resume")
    assert resumed.exit_code == 2 and "start a new one with backfit plan new" in resumed.stderr
    assert "stopped on" in invoke("plan", "show").stdout


def test_pause_and_resume_the_same_day_is_no_pause(invoke: Invoke) -> None:
    new = [*NEW[: NEW.index("--start")], *NEW[NEW.index("--start") + 2 :]]  # today
    assert invoke(*new).exit_code == 0
    assert invoke("plan", "pause").exit_code == 0
    assert json.loads(invoke("today", "--json").stdout)["state"] == "paused"
    assert invoke("plan", "resume").exit_code == 0
    assert json.loads(invoke("today", "--json").stdout)["state"] != "paused"


def test_no_plan_starts_with_pain_in_the_stop_band(invoke: Invoke) -> None:
    new = [*NEW]
    new[new.index("--pain") + 1] = "9"
    result = invoke(*new)
    assert result.exit_code == 0
    assert "Pain 9/10 is in the stop band: no plan starts today." in " ".join(result.stdout.split())
    assert invoke("today").exit_code == 1  # no plan was made


def test_care_answers_are_read_as_people_type_them() -> None:
    from backfit.catalog.conditions import Condition
    from backfit.cli.programme import _conditions_said

    assert _conditions_said("pregnant, osteoperosis") == [
        Condition.PREGNANCY, Condition.OSTEOPOROSIS,
    ]  # fmt: skip
    assert _conditions_said("none") == [] and _conditions_said("") == []
    assert _conditions_said("recent back surgery and sciatica") == [
        Condition.SURGERY, Condition.SCIATICA,
    ]  # fmt: skip
    assert _conditions_said("back, knees") is None  # asked again, never dropped silently


def test_progress_says_what_today_says_for_the_plans_exercises(invoke: Invoke) -> None:
    """Found in the trial: progress advised one thing, today another. With a plan, both
    read the plan's own steps."""
    import datetime as dt

    now = dt.date.today()
    start = now - dt.timedelta(days=7)
    new = [*NEW[: NEW.index("--start")], "--start", start.isoformat(),
           *NEW[NEW.index("--start") + 2 :], "--days", "mon,tue,wed,thu,fri,sat,sun"]  # fmt: skip
    assert invoke(*new).exit_code == 0
    for back in (6, 4, 2):
        day = (now - dt.timedelta(days=back)).isoformat()
        assert invoke("log", "today", "--date", day, "--pain-after", "1").exit_code == 0
    todays = {e["exercise"]: e for e in today(invoke, now.isoformat())["exercises"]}
    advice = json.loads(invoke("progress", "--json").stdout)["advice"]
    compared = [a for a in advice if a["exercise"] in todays]
    assert len(compared) == len(todays)  # every exercise of the plan is advised on
    for item in compared:
        assert item["dose"]["reps"] == todays[item["exercise"]]["dose"]["reps"], item


def test_a_worse_morning_is_not_undone_by_a_later_check_in_that_day(invoke: Invoke) -> None:
    invoke(*NEW, "--mode", "symptom")
    invoke("log", "today", "--date", START, "--pain-after", "1")
    invoke("checkin", "--date", "2026-11-24", "--morning", "worse")
    invoke("checkin", "--date", "2026-11-24", "--pain", "1")
    reasons = {e["reason_code"] for e in today(invoke, "2026-11-25")["exercises"]}
    assert reasons == {"morning"}


SATURDAY = "2026-11-21"  # a plan starting on a rest day, before its first session day


def new_on(start: str) -> list[str]:
    at = NEW.index("--start")
    return [*NEW[:at], "--start", start, *NEW[at + 2 :]]


def test_a_session_logged_on_a_rest_day_is_the_next_session_done_ahead(invoke: Invoke) -> None:
    """Found in a new user's trial: on a rest day `today` offers the next session, but the
    one logged there was not counted: 'Sessions: 0 done', and Monday's still due."""
    assert invoke(*new_on(SATURDAY)).exit_code == 0
    assert invoke("log", "today", "--date", SATURDAY, "--pain-after", "2").exit_code == 0
    shown = invoke("plan", "show", "--date", SATURDAY)
    assert "Sessions: 1 done, 0 missed, 23 ahead" in shown.stdout
    data = json.loads(invoke("plan", "show", "--json", "--date", "2026-11-24").stdout)
    assert data["sessions"][0] == {
        "date": "2026-11-23", "planned": True, "done": True, "done_on": SATURDAY, "paused": False,
    }  # fmt: skip
    monday = today(invoke, "2026-11-23")  # its session done: a rest day, the plan moves on
    assert monday["state"] == "rest" and monday["exercises"] == []
    assert monday["done_on"] == SATURDAY and monday["done"] is False
    said = " ".join(invoke("today", "--date", "2026-11-23").stdout.split())
    assert "This day's session was done ahead, on Sat 21 Nov: the plan has moved on. A rest" in said
    assert "backfit log today, does the next session." in said
    # logged on Monday after all, it is Wednesday's: two done, none missed
    assert invoke("log", "today", "--date", "2026-11-23", "--pain-after", "2").exit_code == 0
    assert today(invoke, "2026-11-25")["done_on"] == "2026-11-23"
    shown = invoke("plan", "show", "--date", "2026-11-26")
    assert "Sessions: 2 done, 0 missed, 22 ahead" in shown.stdout
    friday = today(invoke, "2026-11-27")  # quota: two sessions done, a rung up
    assert friday["state"] == "training" and friday["done_on"] is None
    assert doses(friday)["mcgill-curl-up"] == [4, 3, 2]


def test_only_the_plans_session_on_a_rest_day_counts_as_the_next(invoke: Invoke) -> None:
    """A gentle exercise on a rest day, as `today` suggests there, is not a session done
    ahead; on a training day any session counts, as before."""
    invoke(*new_on(SATURDAY))
    assert invoke("log", "cat-camel", "--date", SATURDAY).exit_code == 0
    assert (
        "Sessions: 0 done, 0 missed, 24 ahead" in invoke("plan", "show", "--date", SATURDAY).stdout
    )
    assert today(invoke, "2026-11-23")["state"] == "training"
    assert invoke("log", "cat-camel", "--date", "2026-11-23").exit_code == 0
    assert (
        "Sessions: 1 done, 0 missed, 23 ahead"
        in invoke("plan", "show", "--date", "2026-11-24").stdout
    )


@pytest.mark.parametrize("training_today", [True, False])
def test_progress_after_a_session_in_the_stop_band_says_the_next_steps_back(
    invoke: Invoke, training_today: bool
) -> None:
    """Found in a new user's trial: on the day of a session with pain 7/10, progress said
    'stay … the start of its build-up' for each exercise while today said rest and the next
    session steps back. Progress now says what the next session will be, and why."""
    import datetime as dt

    now = dt.date.today()
    weekdays = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    days = [d for n, d in enumerate(weekdays) if training_today or n != now.weekday()]
    at = NEW.index("--start")
    new = [*NEW[:at], "--start", (now - dt.timedelta(days=7)).isoformat(), *NEW[at + 2 :],
           "--days", ",".join(days)]  # fmt: skip
    assert invoke(*new).exit_code == 0
    assert invoke("log", "today", "--date", now.isoformat(), "--pain-after", "7").exit_code == 0
    # the next session: tomorrow, or after it when tomorrow's was done ahead today
    ahead = 1 if training_today else 2
    nxt = today(invoke, (now + dt.timedelta(days=ahead)).isoformat())
    assert nxt["state"] == "training" and nxt["done_on"] is None
    planned = {e["exercise"]: e for e in nxt["exercises"]}
    assert {e["reason_code"] for e in planned.values()} == {"pain"}
    advice = json.loads(invoke("progress", "--json").stdout)["advice"]
    advised = {a["exercise"]: a for a in advice if a["exercise"] in planned}
    assert advised.keys() == planned.keys()
    for slug, item in advised.items():
        assert item["direction"] == "easier" and item["suggestion"] is None, item  # as today
        assert "pain 7/10" in item["reason"] and "build-up" not in item["reason"], item
        if item["dose"] is not None:
            assert item["dose"]["reps"] == planned[slug]["dose"]["reps"], item


def test_a_day_still_to_come_cannot_be_logged_or_checked_in(invoke: Invoke) -> None:
    """A new user's trial: log today --date of a later day said it logged that day's session
    (at the current time), and a check-in for tomorrow was 'Noted'."""
    assert invoke(*NEW).exit_code == 0
    for args in (("log", "today"), ("checkin", "--morning", "worse")):
        ahead = invoke(*args, "--date", "2099-01-05")
        assert ahead.exit_code == 2 and "is still to come" in ahead.stderr, args
    logged = invoke("log", "today", "--date", START, "--pain-after", "1")
    assert logged.exit_code == 0 and "on Mon 23 Nov 2026 at 12:00 (session 1)" in logged.stdout


def test_an_activity_typed_with_its_score_is_taken_whole(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asked on a terminal, '久坐看电影=4' (the form --activity takes) was kept as the name,
    and the score asked again: it is taken as the name and its score."""
    from backfit.cli import programme
    from backfit.views.words import programme as words

    named = iter(["sitting through a film=4", "gardening", ""])
    asked: list[str] = []

    def answer(ctx: object, flag: str, question: str, *_: object, **__: object) -> object:
        asked.append(question)
        if question == words.ASK_ACTIVITY:
            return next(named)
        return 6 if question == words.ASK_ACTIVITY_SCORE else "none"  # the care question

    monkeypatch.setattr(programme, "on_terminal", lambda: True)
    monkeypatch.setattr(programme, "_ask", answer)
    made = invoke(*NEW, "--weeks", "8", "--days", "mon,wed,fri", "--minutes", "20", "--no-floor")
    assert made.exit_code == 0, made.stderr
    assert asked.count(words.ASK_ACTIVITY_SCORE) == 1  # for gardening only
    shown = json.loads(invoke("plan", "show", "--json").stdout)["settings"]["activities"]
    assert shown == [{"name": "sitting through a film", "score": 4},
                     {"name": "gardening", "score": 6}]  # fmt: skip


def test_no_session_to_log_is_a_refusal_not_a_usage_error(invoke: Invoke) -> None:
    """log today on a paused plan exited 2 ('Try … --help'), start today 1, for the same
    refusal: nothing was mistyped."""
    assert invoke(*NEW).exit_code == 0
    assert invoke("plan", "pause").exit_code == 0
    paused = invoke("log", "today")  # today, after the pause
    assert paused.exit_code == 1 and "has no session on that day" in paused.stderr
    assert "--help" not in paused.stderr
