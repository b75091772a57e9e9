"""The coach's state machine on a fake clock: whole routines run in milliseconds."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from helpers import FROZEN_CATALOG

from backfit.catalog.loader import load_catalog
from backfit.session.coach import LATE, Coach, Key, Moment, Outcome
from backfit.session.plan import Phase, Plan, Step, build_plan
from backfit.views.words.session import FINISHED, cue

CATALOG = load_catalog(FROZEN_CATALOG)
START = 1000.0


class FakeClock:
    def __init__(self) -> None:
        self.t = START

    def now(self) -> float:
        return self.t


class ScriptedKeys:
    """Presses each key at its time (seconds after the start); Enter ends a set of reps
    `reps_take` seconds after it began. Otherwise time just passes."""

    def __init__(self, clock: FakeClock, presses: list[tuple[float, Key]], reps_take: float = 0):
        self.clock = clock
        self.presses = sorted(presses, key=lambda press: press[0])
        self.reps_take = reps_take

    def read(self, timeout: float | None) -> Key | None:
        if self.presses:
            at = START + self.presses[0][0]
            if timeout is None or at <= self.clock.t + timeout:
                self.clock.t = max(self.clock.t, at)
                return self.presses.pop(0)[1]
        if timeout is None:  # a set of reps (or a pause) waits for a key: press Enter
            self.clock.t += self.reps_take
            return Key.CONTINUE
        self.clock.t += timeout
        return None


class Recorder:
    def __init__(self) -> None:
        self.moments: list[Moment] = []
        self.said: list[str] = []

    def show(self, moment: Moment) -> None:
        self.moments.append(moment)

    def announce(self, step: Step | None) -> None:
        self.said.append(FINISHED if step is None else cue(step))


def run(plan: Plan, presses: list[tuple[float, Key]] = (), reps_take: float = 0):  # type: ignore[assignment]
    clock = FakeClock()
    recorder = Recorder()
    coach = Coach(
        clock=clock,
        keys=ScriptedKeys(clock, list(presses), reps_take),
        screen=recorder,
        announcer=recorder,
    )
    return coach.run(plan), recorder


def routine(slug: str) -> Plan:
    entry = CATALOG.find(slug)
    return build_plan(entry.name, CATALOG.doses_of(entry))  # type: ignore[arg-type, union-attr]


def exercise(slug: str) -> Plan:
    entry = CATALOG.exercise(slug)
    return build_plan(entry.name, [(entry, entry.dose)])


def test_a_timed_routine_runs_to_the_second() -> None:
    plan = routine("mcgill-big-3")
    outcome, recorder = run(plan)
    assert outcome.finished and not outcome.interrupted
    assert outcome.done == [1, 2, 3] and outcome.skipped == []
    assert outcome.elapsed == plan.total_seconds == 900
    assert recorder.said[0] == "Get ready: McGill curl-up"
    assert recorder.said.count("Switch sides") == 6
    assert recorder.said[-1] == "Session complete. Well done."


def test_the_countdown_shows_each_step_counting_down() -> None:
    _, recorder = run(exercise("bird-dog"))
    first_hold = [m for m in recorder.moments if m.step.phase is Phase.HOLD and m.index == 1]
    remaining = [m.remaining for m in first_hold]
    assert remaining[0] == 10
    assert remaining == sorted(remaining, reverse=True)
    assert all(0 < r <= 10 for r in remaining if r is not None)


def test_sets_of_reps_wait_for_enter() -> None:
    plan = routine("gentle-mobility")
    outcome, recorder = run(plan, reps_take=30)
    reps_steps = [s for s in plan.steps if s.phase is Phase.REPS]
    timed = sum(s.seconds or 0 for s in plan.steps)
    assert outcome.finished and outcome.done == [1, 2, 3, 4, 5]
    assert outcome.elapsed == timed + 30 * len(reps_steps)
    assert "Do 8 reps, then press Enter" in recorder.said
    waiting = [m for m in recorder.moments if m.step.phase is Phase.REPS]
    assert waiting and all(m.remaining is None for m in waiting)


def test_pause_stops_the_clock_and_resume_keeps_the_rest() -> None:
    plan = exercise("side-plank")
    outcome, recorder = run(plan, [(7.0, Key.PAUSE), (67.0, Key.PAUSE)])
    assert outcome.finished
    assert outcome.elapsed == plan.total_seconds + 60
    paused = [m for m in recorder.moments if m.paused]
    assert paused and {m.remaining for m in paused} == {8.0}  # 2 s into a 10 s hold


def test_enter_also_resumes_a_pause() -> None:
    plan = exercise("side-plank")
    outcome, _ = run(plan, [(7.0, Key.PAUSE), (17.0, Key.CONTINUE)])
    assert outcome.elapsed == plan.total_seconds + 10


def test_enter_cuts_a_timed_step_short() -> None:
    plan = exercise("swallow-fly")
    outcome, recorder = run(plan, [(1.0, Key.CONTINUE)])  # during the 5 s get-ready
    assert outcome.finished
    assert outcome.elapsed == plan.total_seconds - 4
    assert recorder.said[1] == "Hold"


def test_skip_moves_to_the_next_exercise() -> None:
    plan = routine("mcgill-big-3")
    outcome, recorder = run(plan, [(12.0, Key.SKIP)])
    assert outcome.finished
    assert outcome.skipped == [1] and outcome.done == [2, 3]
    assert outcome.elapsed == 12 + 354 + 354
    assert "Get ready: Side plank on bent knees" in recorder.said


def test_quit_stops_and_reports_what_was_done() -> None:
    plan = routine("mcgill-big-3")
    outcome, recorder = run(plan, [(200.0, Key.QUIT)])  # 8 s into the side plank
    assert not outcome.finished and not outcome.interrupted
    assert outcome.elapsed == 200
    assert outcome.done == [1] and outcome.skipped == []
    assert outcome.stopped_during == 2 and outcome.not_reached == [3]
    assert "Session complete. Well done." not in recorder.said


def test_ctrl_c_stops_like_quit_but_is_marked() -> None:
    class Interrupting(ScriptedKeys):
        def read(self, timeout: float | None) -> Key | None:
            if self.clock.t - START >= 30:
                raise KeyboardInterrupt
            return super().read(timeout)

    clock = FakeClock()
    recorder = Recorder()
    coach = Coach(clock=clock, keys=Interrupting(clock, []), screen=recorder, announcer=recorder)
    outcome: Outcome = coach.run(routine("mcgill-big-3"))
    assert outcome.interrupted and not outcome.finished
    assert outcome.elapsed == pytest.approx(30, abs=LATE)  # at the first wake after 30 s
    assert outcome.completed == {1: [2]}  # two holds done, stopped in the relax after them
    assert outcome.work_seconds == pytest.approx(20)


def test_a_finished_routine_records_every_hold_per_set_and_side() -> None:
    outcome, _ = run(routine("mcgill-big-3"))
    assert outcome.completed == {
        1: [6, 4, 2],
        2: [6, 6, 4, 4, 2, 2],  # set 1 left, set 1 right, set 2 left, ...
        3: [6, 6, 4, 4, 2, 2],
    }
    assert outcome.work_seconds == 10 * (12 + 24 + 24)
    assert (outcome.pain_stop, outcome.pain_during) == (None, None)


def test_a_skipped_exercise_keeps_its_partial_set() -> None:
    # Curl-ups: get-ready 5 s, set 1 (6 holds of 10 s, 3 s relax between) ends at 80 s,
    # 20 s rest, set 2's first hold runs 100-110 s, relax, then `s` 2 s into the next hold.
    outcome, _ = run(routine("mcgill-big-3"), [(115.0, Key.SKIP)])
    assert outcome.skipped == [1] and outcome.done == [2, 3]
    assert outcome.completed[1] == [6, 1]
    assert outcome.work_seconds == 60 + 10 + 2 + 10 * 48


def test_a_set_of_reps_counts_when_enter_ends_it() -> None:
    plan = exercise("bent-leg-deadlift")  # 3 sets of 8 reps, 120 s rest between
    # Get-ready 5 s, Enter ends set 1 at 25 s, rest until 145 s; q 10 s into set 2.
    outcome, _ = run(plan, [(25.0, Key.CONTINUE), (155.0, Key.QUIT)])
    assert outcome.stopped_during == 1 and outcome.done == []
    assert outcome.completed == {1: [8, 0]}
    assert outcome.work_seconds == 20 + 10


def test_enter_counts_a_hold_it_cuts_short() -> None:
    plan = exercise("glute-bridge")  # 5 holds of 10 s
    outcome, _ = run(plan, [(7.0, Key.CONTINUE)])  # 2 s into the first hold
    assert outcome.completed == {1: [5]}
    assert outcome.work_seconds == 2 + 40


def test_pauses_are_not_work() -> None:
    plan = exercise("side-plank")  # 5 holds of 10 s on each side
    outcome, _ = run(plan, [(7.0, Key.PAUSE), (67.0, Key.PAUSE)])
    assert outcome.completed == {1: [5, 5]}
    assert outcome.work_seconds == 100


def test_nothing_started_records_nothing() -> None:
    outcome, _ = run(routine("mcgill-big-3"), [(2.0, Key.QUIT)])  # during the get-ready
    assert outcome.completed == {} and outcome.work_seconds == 0


def test_the_it_hurts_key_stops_the_exercise_and_the_session() -> None:
    plan = routine("mcgill-big-3")
    outcome, recorder = run(plan, [(22.0, Key.HURT)])  # 4 s into the second curl-up hold
    assert not outcome.finished and not outcome.interrupted
    assert outcome.pain_stop == outcome.stopped_during == 1
    assert outcome.pain_during is None  # asked afterwards, outside the coach
    assert outcome.completed == {1: [1]} and outcome.work_seconds == 14
    assert outcome.done == [] and outcome.not_reached == [2, 3]
    assert "Session complete. Well done." not in recorder.said


def test_the_summary_says_it_stopped_for_pain_and_points_at_safety() -> None:
    from backfit.views.plan import summary_text

    outcome, _ = run(routine("mcgill-big-3"), [(200.0, Key.HURT)])
    outcome.pain_during = 6
    assert summary_text(outcome).plain == (
        "Session stopped after 3 min 20 s.\n"
        "Done: McGill curl-up\n"
        "Stopped for pain during: Side plank on bent knees (pain 6/10)\n"
        "Not reached: Bird dog\n"
        "See 'backfit safety' for what pain means and when to get help.\n"
    )


def test_it_hurts_while_getting_ready_blames_the_exercise_just_done() -> None:
    from backfit.journal.records import guided_session
    from backfit.views.plan import summary_text

    plan = routine("mcgill-big-3")
    second = next(n for n, step in enumerate(plan.steps) if step.position == 2)
    assert plan.steps[second].phase is Phase.READY
    at = sum(step.estimate for step in plan.steps[:second]) + 2.0  # 2 s into its get-ready
    outcome, _ = run(plan, [(at, Key.HURT)])
    assert outcome.pain_stop == 1 and outcome.stopped_during is None
    assert outcome.done == [1] and outcome.not_reached == [2, 3]
    outcome.pain_during = 8
    summary = summary_text(outcome).plain
    assert "Stopped because it hurt after: McGill curl-up (pain 8/10)\n" in summary
    assert "Not reached: Side plank on bent knees, Bird dog\n" in summary
    entry = CATALOG.find("mcgill-big-3")
    assert entry is not None
    session = guided_session(outcome, entry, ended_at=datetime.now(UTC), pain_before=None,
                             pain_after=8)  # fmt: skip
    assert [e.status for e in session.exercises] == ["done", "not reached", "not reached"]
    assert session.pain_stop == 1


def test_it_hurts_while_getting_ready_for_the_first_blames_the_first() -> None:
    outcome, _ = run(routine("mcgill-big-3"), [(2.0, Key.HURT)])
    assert outcome.pain_stop == outcome.stopped_during == 1


def test_holds_cut_short_are_logged_as_held() -> None:
    from backfit.journal.records import guided_session
    from backfit.views.words.log import amount

    plan = exercise("glute-bridge")  # 5 holds of 10 s, 3 s relax between
    holds = [step for step in plan.steps if step.phase is Phase.HOLD]
    assert len(holds) == 5 and {step.seconds for step in holds} == {10}
    presses = [(5.0 + 5 * n + 2.0, Key.CONTINUE) for n in range(5)]  # 2 s into each hold
    outcome, _ = run(plan, presses)
    assert outcome.finished and outcome.completed == {1: [5]}
    assert outcome.held == {1: [2.0] * 5} and outcome.work_seconds == 10
    entry = CATALOG.exercise("glute-bridge")
    session = guided_session(outcome, entry, ended_at=datetime.now(UTC), pain_before=None,
                             pain_after=None)  # fmt: skip
    assert amount(session.exercises[0]) == "1 × 5 holds of 2 s"


def test_a_hold_ended_at_once_is_not_a_hold() -> None:
    outcome, _ = run(exercise("glute-bridge"), [(5.5, Key.CONTINUE)])  # 0.5 s into the first
    assert outcome.completed == {1: [4]} and len(outcome.held[1]) == 4
