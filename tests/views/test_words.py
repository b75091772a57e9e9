"""The wording module: whole sentences with named placeholders, and plurals that agree."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from string import Formatter
from types import ModuleType

import pytest

from backfit.catalog.models import BuildUp, Dose, DoseOverride, Increment
from backfit.journal.store import ExerciseDone, LoggedSession
from backfit.programme.advice import Advice
from backfit.programme.steps import Why
from backfit.views import words
from backfit.views.words import (
    catalog,
    doses,
    log,
    messages,
    plural,
    programme,
    prompts,
    session,
)

MODULES = [catalog, doses, log, messages, programme, prompts, session]
START = datetime(2026, 11, 25, 18, 40, tzinfo=UTC)


def templates(module: ModuleType) -> list[tuple[str, str | tuple[str, ...]]]:
    return [
        (name, value)
        for name, value in vars(module).items()
        if name.isupper() and (isinstance(value, str) or _pair(value))
    ]


def _pair(value: object) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value)


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(text) if field is not None}


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_every_placeholder_has_a_name(module: ModuleType) -> None:
    """A translator moves placeholders about, so '{}' and '{0}' would break a sentence."""
    for name, value in templates(module):
        for text in value if isinstance(value, tuple) else (value,):
            assert all(f and not f.isdigit() for f in _fields(text)), (name, text)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_both_forms_of_a_plural_take_the_same_placeholders(module: ModuleType) -> None:
    for name, value in templates(module):
        if isinstance(value, tuple) and name not in {"LIST_HEADERS", "BENEFITS_HEADERS"}:
            assert _fields(value[0]) == _fields(value[1]), name


def test_plural_is_shaped_as_ngettext() -> None:
    assert [words.plural("set", "sets", n) for n in (0, 1, 2)] == ["sets", "set", "sets"]


def done(**kwargs: object) -> ExerciseDone:
    return ExerciseDone("bird-dog", "Bird dog", "done", **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("exercise", "said"),
    [
        (done(), ""),
        (done(sets=1, hold_seconds=10), "1 hold of 10 s"),
        (done(sets=3, hold_seconds=10, sides=2), "3 holds of 10 s each side"),
        (done(sets=2, reps=8), "2 × 8 reps"),
        (done(sets=2, reps=8, sides=2), "2 × 8 reps each side"),
        (done(sets=2, reps=5, hold_seconds=5), "2 × 5 holds of 5 s"),
        (done(sets=2, reps=(6, 4)), "reps: 6, 4"),
        (done(sets=2, reps=(6, 6, 4), sides=2), "reps: 6/6, 4 (left/right)"),
        (done(sets=1, reps=(3, 2), hold_seconds=10, sides=2), "holds of 10 s: 3/2 (left/right)"),
    ],
)
def test_an_amount_done_is_one_phrase(exercise: ExerciseDone, said: str) -> None:
    assert log.amount(exercise) == said


def logged(**kwargs: object) -> LoggedSession:
    fields: dict[str, object] = {"kind": "guided", "slug": "bird-dog", "title": "Bird dog",
              "started_at": START, "ended_at": START + timedelta(minutes=5), "finished": True,
              "id": 12}  # fmt: skip
    return LoggedSession(**(fields | kwargs))  # type: ignore[arg-type]


def test_a_result_says_how_a_session_ended() -> None:
    two = (done(sets=2, reps=8), ExerciseDone("cat-camel", "Cat-camel", "stopped", sets=1))
    assert log.result(logged(exercises=two[:1])) == "complete: 1 of 1 exercise done"
    assert log.result(logged(exercises=two, finished=False)) == (
        "stopped early: 1 of 2 exercises done, 1 partly"
    )
    hurt = logged(exercises=two, finished=False, pain_stop=2, pain_during=6)
    assert log.result(hurt) == (
        "stopped early: 1 of 2 exercises done, 1 partly; Cat-camel stopped: it hurt, pain 6"
    )
    assert log.result(logged(abandoned=True, work_seconds=20.0)) == "abandoned (20 s work)"
    assert log.result(logged(kind="logged", exercises=two[:1])) == "logged: 2 × 8 reps"


def test_the_log_edit_line_names_each_change() -> None:
    before = logged(pain_after=5, note="tight")
    after = logged(pain_after=3, note=None, pain_where="left hip")
    assert log.changed(before, after) == (
        "Changed session 12 (Bird dog): pain after 5 → 3; where it hurts – → 'left hip'; "
        "note 'tight' → –."
    )
    assert log.changed(before, before) == "Changed session 12 (Bird dog): nothing changed."
    assert log.removed(logged()).endswith(", complete: 0 of 0 exercises done, no pain scores.")


def test_advice_is_a_whole_sentence() -> None:
    dose = Dose(sets=1, reps=8, per_side=True, rest_seconds=30)
    build = Advice("bird-dog", "Bird dog", "build", why=Why("up"), dose=dose)
    assert log.advice_line(build) == "Bird dog: one step up next time, to 1 × 8 reps each side."
    assert log.advice_reason(build) == "one step up: your last sessions kept to the pain rule"
    back = Advice("bird-dog", "Bird dog", "easier", why=Why("pain", date(2026, 3, 2), 7), dose=dose)
    assert log.advice_line(back) == (
        "Bird dog: step back to 1 × 8 reps each side next time; see 'backfit safety'."
    )
    assert log.advice_reason(back) == "one step back: pain 7/10 on Mon 2 Mar, in the stop band"
    variant = Advice("bird-dog", "Bird dog", "harder", "dead-bug", "Dead bug", dose=dose)
    assert log.advice_line(variant) == (
        "Bird dog: try Dead bug (dead-bug), at its start: 1 × 8 reps each side."
    )
    top = Advice("bird-dog", "Bird dog", "stay", dose=dose, top=True, why=Why("top"))
    assert (
        log.advice_line(top)
        == "Bird dog: keep going at 1 × 8 reps each side, the top of its build-up."
    )


def test_the_build_up_agrees_with_its_counts() -> None:
    top = DoseOverride(reps=(3, 2, 1), hold_seconds=10)
    b = BuildUp(start=DoseOverride(sets=1, reps=1), add=Increment(hold_seconds=5),
                every_days=3, ceiling=top, weeks=6)  # fmt: skip
    assert catalog.build_up_lines(b) == [
        "Start with 1 set, 1 rep.",
        "Every 3 days, add 5 s to each hold if your pain was back to your usual level by the "
        "next morning after each session, up to 3, 2, 1 reps, holds of 10 s; if it was worse, "
        "do less next time.",
        "Keep going for at least 6 weeks.",
    ]
    assert catalog.amounts(DoseOverride()) == "the usual dose"
    assert doses.format_increment(Increment(reps=1)) == "1 rep to each set"


def test_counts_of_one_read_as_one() -> None:
    """'1 of 1 exercise done' and 'the last 1 week', never '1 exercises' or '1 weeks'."""
    assert plural(*log.COMPLETE, 1).format(done=1, total=1) == "complete: 1 of 1 exercise done"
    assert plural(*log.PROGRESS_TITLE, 1).format(weeks=1) == "Progress over the last 1 week"
    assert plural(*log.PROGRESS_TITLE, 3).format(weeks=3) == "Progress over the last 3 weeks"
