"""How backfit words the training log: what was done of an exercise, a session's result,
the lines `log undo`, `log delete` and `log edit` print, the history's and the progress
view's headings, and the advice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backfit.i18n import _, forms
from backfit.views.words import dates, plural
from backfit.views.words.doses import (
    AFTER_AMOUNT,
    amount_lines,
    format_duration,
    short_seconds,
)

if TYPE_CHECKING:
    from datetime import date

    from backfit.catalog.models import Dose
    from backfit.journal.store import ExerciseDone, LoggedSession
    from backfit.programme.advice import Advice, Reason

WHEN = _("{day} {moment:%H:%M}")  # a session's start: 'Wed 25 Nov 2026 18:40', its day as
# every screen writes a day (2026年11月25日周三)
WEEK_DAY = _("{day.day} {day:%b}")  # the first day of a week: '9 Nov'
NONE = _("–")  # no score, no value


def when(session: LoggedSession) -> str:
    moment = session.started_at.astimezone()
    return WHEN.format(day=dates.day_short_year(moment.date()), moment=moment)


def week_day(day: date) -> str:
    return WEEK_DAY.format(day=day)


# What was done of one exercise. The count of reps in 'N × M reps' is the sets', not the
# reps', so it stays 'reps'; one hold in each set agrees with the sets.
HOLDS = forms("{sets} hold", "{sets} holds")
HOLDS_EACH_SIDE = forms("{sets} hold each side", "{sets} holds each side")
HOLDS_OF = forms("{sets} hold of {seconds} s", "{sets} holds of {seconds} s")
HOLDS_OF_EACH_SIDE = forms(
    "{sets} hold of {seconds} s each side", "{sets} holds of {seconds} s each side"
)
SETS_OF_REPS = _("{sets} × {reps} reps")
SETS_OF_REPS_EACH_SIDE = _("{sets} × {reps} reps each side")
SETS_OF_HOLDS = _("{sets} × {reps} holds of {seconds} s")
SETS_OF_HOLDS_EACH_SIDE = _("{sets} × {reps} holds of {seconds} s each side")
REPS_LIST = _("reps: {counts}")
REPS_LIST_SIDES = _("reps: {counts} (left/right)")
HOLDS_LIST = _("holds of {seconds} s: {counts}")
HOLDS_LIST_SIDES = _("holds of {seconds} s: {counts} (left/right)")
LIST = _(", ")  # between the sets' counts: '6, 4, 2'
LEFT_RIGHT = _("{left}/{right}")  # one set's counts on each side: '6/6'


def amount(done: ExerciseDone) -> str:
    """What was done of one exercise: '2 × 8 reps', '3 holds of 10 s', 'reps 6/6, 4/4, 2
    (left/right)'; empty when nothing was."""
    if done.sets is None:
        return ""
    held, sides = bool(done.hold_seconds), done.sides == 2
    if done.reps is None and done.sets == 1 and not sides and (done.hold_seconds or 0) >= 120:
        return short_seconds(done.hold_seconds or 0)  # one long hold, such as a walk: '30 min'
    if done.reps is None:  # one hold in each set
        if held:
            pair = HOLDS_OF_EACH_SIDE if sides else HOLDS_OF
        else:
            pair = HOLDS_EACH_SIDE if sides else HOLDS
        return plural(*pair, done.sets).format(sets=done.sets, seconds=done.hold_seconds)
    if isinstance(done.reps, int):
        if held:
            said = SETS_OF_HOLDS_EACH_SIDE if sides else SETS_OF_HOLDS
        else:
            said = SETS_OF_REPS_EACH_SIDE if sides else SETS_OF_REPS
        return said.format(sets=done.sets, reps=done.reps, seconds=done.hold_seconds)
    counts = [str(n) for n in done.reps]
    if sides:
        counts = [LEFT_RIGHT.format(left=a, right=b) if b else a
                  for a, b in zip(counts[::2], [*counts[1::2], ""], strict=False)]  # fmt: skip
        said = HOLDS_LIST_SIDES if held else REPS_LIST_SIDES
    else:
        said = HOLDS_LIST if held else REPS_LIST
    return said.format(counts=LIST.join(counts), seconds=done.hold_seconds)


# A session's result, as the history and the log's own lines give it.
ABANDONED = _("abandoned")
ABANDONED_AFTER = _("abandoned ({duration} work)")
LOGGED = _("logged")
LOGGED_AMOUNT = _("logged: {amount}")
# Each as (one, many) by the number of exercises in the session, for `plural`.
COMPLETE = forms(
    "complete: {done} of {total} exercise done", "complete: {done} of {total} exercises done"
)
STOPPED_EARLY = forms(
    "stopped early: {done} of {total} exercise done",
    "stopped early: {done} of {total} exercises done",
)
STOPPED_EARLY_PARTLY = forms(
    "stopped early: {done} of {total} exercise done, {partly} partly",
    "stopped early: {done} of {total} exercises done, {partly} partly",
)
WITH_PAIN_STOP = _("{result}; {stopped}")
PAIN_STOP = _("{name} stopped: it hurt")  # stopped with the h key
PAIN_STOP_SCORED = _("{name} stopped: it hurt, pain {pain}")


def result(session: LoggedSession) -> str:
    if session.abandoned:
        work = session.work_seconds
        if work is None:
            said = ABANDONED
        else:
            said = ABANDONED_AFTER.format(duration=format_duration(round(work)))
        return _with_pain_stop(said, session)
    if session.kind == "logged":
        only = session.exercises[0] if len(session.exercises) == 1 else None
        did = amount(only) if only is not None else ""
        return LOGGED_AMOUNT.format(amount=did) if did else LOGGED
    done = sum(e.status == "done" for e in session.exercises)
    partly = sum(e.status != "done" and e.partly_done for e in session.exercises)
    finished = COMPLETE if session.finished else STOPPED_EARLY
    forms = STOPPED_EARLY_PARTLY if partly else finished
    total = len(session.exercises)
    text = plural(*forms, total).format(done=done, total=total, partly=partly)
    return _with_pain_stop(text, session)


def _with_pain_stop(text: str, session: LoggedSession) -> str:
    """'…; Pelvic tilt stopped: it hurt, pain 7' for a session stopped with the h key."""
    if session.hurt is None:
        return text
    name = session.hurt.name
    if session.pain_during is None:
        stopped = PAIN_STOP.format(name=name)
    else:
        stopped = PAIN_STOP_SCORED.format(name=name, pain=session.pain_during)
    return WITH_PAIN_STOP.format(result=text, stopped=stopped)


# Pain scores and notes.
PAIN = _("{before} → {after}")
HURTS = _("hurts: {where}")
HURTS_NOTE = _("hurts: {where}; {note}")


def pain(session: LoggedSession) -> str:
    before, after = session.pain_before, session.pain_after
    if before is None and after is None:
        return NONE
    return PAIN.format(before=_shown(before), after=_shown(after))


def remarks(session: LoggedSession) -> str:
    where, note = session.pain_where, session.note or ""
    if not where:
        return note
    return (HURTS_NOTE if note else HURTS).format(where=where, note=note)


# The lines `log undo`, `log delete` and `log edit` print.
SESSION = _("session {id}: {title}, {when}, {result}, pain {pain}")
SESSION_NO_PAIN = _("session {id}: {title}, {when}, {result}, no pain scores")
REMOVED = _("Removed {session}.")
CHANGED = _("Changed session {id} ({title}): {changes}.")
CHANGES = _("; ")  # between the changes
NOTHING_CHANGED = _("nothing changed")
CHANGE = {
    "pain_before": _("pain before {before} → {after}"),
    "pain_after": _("pain after {before} → {after}"),
    "pain_where": _("where it hurts {before} → {after}"),
    "note": _("note {before} → {after}"),
}
DATE_CHANGE = _("date {before} → {after}")
QUOTED = _("'{text}'")  # a note or a place, in the changes


def session_line(session: LoggedSession) -> str:
    """'session 12: Bird dog, Wed 25 Nov 2026 18:40, logged: 2 × 8 reps, pain – → 3'"""
    scores = pain(session)
    said = SESSION_NO_PAIN if scores == NONE else SESSION  # never a lone '–' wrapped
    return said.format(id=session.id, title=session.title, when=when(session),
                       result=result(session), pain=scores)  # fmt: skip


def removed(session: LoggedSession) -> str:
    return REMOVED.format(session=session_line(session))


def changed(before: LoggedSession, after: LoggedSession) -> str:
    """'Changed session 12 (Bird dog): pain after 5 → 3.' naming every field that changed."""
    changes = [
        said.format(before=_shown(getattr(before, name)), after=_shown(getattr(after, name)))
        for name, said in CHANGE.items()
        if getattr(before, name) != getattr(after, name)
    ]
    if before.started_at != after.started_at:
        changes.append(DATE_CHANGE.format(before=when(before), after=when(after)))
    said = CHANGES.join(changes) if changes else NOTHING_CHANGED
    return CHANGED.format(id=after.id, title=after.title, changes=said)


def _shown(value: object) -> str:
    if value is None:
        return NONE
    return QUOTED.format(text=value) if isinstance(value, str) else str(value)


# The history.
ESTIMATED = _("about {duration}")  # the length of a session logged by hand: an estimate


def length(session: LoggedSession) -> str:
    """How long a session lasted: measured by the coach, or estimated for one logged."""
    seconds = round(session.minutes * 60)
    if session.kind == "logged":
        return ESTIMATED.format(duration=format_duration(max(60, (seconds + 30) // 60 * 60)))
    return format_duration(seconds)


# `history ID`: one session in full.
SESSION_TITLE = _("Session {id}: {title}")
WHEN_LABEL = _("When")
RESULT_LABEL = _("Result")
TIME_LABEL = _("Time")
PAIN_BEFORE_LABEL = _("Pain before")
PAIN_AFTER_LABEL = _("Pain after")
WHERE_LABEL = _("Where it hurts")
NOTE_LABEL = _("Note")
EXERCISES_DONE = _("Exercises")
STATUS = {
    "done": _("done"),
    "skipped": _("skipped"),
    "stopped": _("stopped"),
    "not reached": _("not reached"),
}
STOPPED_HURT = _("stopped (it hurt)")  # the exercise stopped with the h key
STATUS_AMOUNT = _("{status}: {amount}")


def exercise_done(session: LoggedSession, done: ExerciseDone) -> str:
    """'done: 2 × 8 reps', 'stopped (it hurt): reps: 6, 4', 'not reached'."""
    status = STOPPED_HURT if done is session.hurt else STATUS.get(done.status, done.status)
    did = amount(done)
    return STATUS_AMOUNT.format(status=status, amount=did) if did else status


def score(value: int | None) -> str:
    return NONE if value is None else str(value)


HISTORY_HEADERS = (_("Id"), _("When"), _("What"), _("Result"), _("Time"), _("Pain"), _("Note"))
HISTORY_ENTRY = _("{result} · {duration} · pain {pain}")  # under a session's heading, when narrow

# The progress view.
PROGRESS_TITLE = forms(
    "Progress over the last {weeks} week", "Progress over the last {weeks} weeks"
)
SESSIONS_PER_WEEK = _("Sessions per week (week starting)")
WEEK_BAR = _("{sessions} · {duration}")  # after a week's bar
WEEK_HURT = forms("{hurt} stopped because it hurt", "{hurt} stopped because it hurt")
STREAK_LABEL = _("Streak: ")
STREAK = forms(
    "{current} day in a row (longest {longest})", "{current} days in a row (longest {longest})"
)
PAIN_TREND = _("Pain, 0–10: weekly average before → after sessions")
PAIN_SPARKLINE = _("after, week by week: ")  # before the sparkline
NO_PAIN_SCORES = _("No pain scores recorded yet.")
ACTIVITIES_TREND = _("Everyday activities you rated, 0 (cannot) to 10 (as before): the average")
ADVICE = _("Advice")
NO_ADVICE = _("Keep going as you are: nothing in your recent sessions calls for a change.")
ADVICE_WHY = _("{advice} Why: {reason}.")


def streak(current: int, longest: int) -> str:
    return plural(*STREAK, current).format(current=current, longest=longest)


def week_pain(before: float | None, after: float | None) -> str:
    return PAIN.format(before=_num(before), after=_num(after))


def _num(value: float | None) -> str:
    return NONE if value is None else f"{value:g}"


# The advice: what to do, in a sentence; the reason follows it.
START = _("Start gently: backfit start {slug} ({name}).")
# i18n: safety
PROFESSIONAL = _(
    "See a GP or physiotherapist before you go on, and ease off meanwhile; see 'backfit safety'."
)
RETURN = _("Start again gently, for example with backfit start {slug}.")
SHORTER = _("Choose a shorter routine or an easier dose you can finish.")
# i18n: safety
EASE_OFF = _("Ease off: fewer exercises, easier doses, and read 'backfit safety'.")
# i18n: safety
EASIER_VARIANT = _("{name}: go back to {variant_name} ({variant}); see 'backfit safety'.")
# i18n: safety
STEP_BACK = _("{name}: step back to {amount} next time; see 'backfit safety'.")
# i18n: safety
EASIER_LESS = _("{name}: do less of it, or rest it a few days; see 'backfit safety'.")
STAY = _("{name}: stay at this dose for now, and do not add more.")
STAY_AT = _("{name}: stay at {amount} for now.")
TOP = _("{name}: keep going at {amount}, the top of its build-up.")
BUILD = _("{name}: one step up next time, to {amount}.")
TRY = _("{name}: try {variant_name} ({variant}), at its start: {amount}.")
HELD = _("{why}; no step up while {but}")
HELD_BY_HARDER = _("{why}; its harder form was stepped back lately, so no move up yet")


def advice_line(a: Advice) -> str:
    """What to do, in a sentence; the reason follows it."""
    names = {"name": a.name, "slug": a.exercise, "variant": a.suggestion,
             "variant_name": a.suggestion_name}  # fmt: skip
    amount = _amount(a.dose) if a.dose is not None else ""
    match a.direction:
        case "start":
            return START.format(slug=a.suggestion, name=a.suggestion_name)
        case "professional":
            return PROFESSIONAL
        case "return":
            return RETURN.format(slug=a.suggestion)
        case "shorter":
            return SHORTER
        case "easier" if a.exercise is None:
            return EASE_OFF
        case "easier":
            if a.suggestion:
                return EASIER_VARIANT.format(**names)
            if a.dose is not None:
                return STEP_BACK.format(**names, amount=amount)
            return EASIER_LESS.format(**names)
        case "stay" if a.top and a.dose is not None:
            return TOP.format(**names, amount=amount)
        case "stay" if a.dose is not None:
            return STAY_AT.format(**names, amount=amount)
        case "build":
            return BUILD.format(**names, amount=amount)
        case "harder":
            return TRY.format(**names, amount=amount)
        case _:
            return STAY.format(**names)


def advice_reason(a: Advice) -> str:
    """Why: the engine's reason for an exercise, or the reason about training as a whole."""
    from backfit.views.words.programme import why_text

    why = why_text(a.why) if a.why is not None else reason_text(a.reason)
    if a.but is not None and a.but.code == "harder-stepped-back":
        return HELD_BY_HARDER.format(why=why)
    if a.but is not None:
        return HELD.format(why=why, but=reason_text(a.but))
    return why


REASONS = {
    "nothing-logged": _("nothing is logged yet"),
    "not-going": _("no session has got going yet"),
    # i18n: safety
    "stop-band": _(
        "your pain reached the stop band ({stop}/10 or more) in {count} sessions in {days} days"
    ),
    "gap": _("your last session was {days} days ago, on {day}"),
    "abandoned": _("{count} of your last {of} sessions were abandoned"),
    "pain-rise": _("pain after sessions rose from {first} to {last} in {days} days ({scores})"),
}


def reason_text(reason: Reason | None) -> str:
    """Why, about training as a whole, in words."""
    if reason is None:
        return ""
    return REASONS[reason.code].format(
        count=reason.sessions, days=reason.days, of=reason.of, stop=reason.stop,
        day=reason.day and WEEK_DAY.format(day=reason.day),
        first=f"{reason.first:.2g}", last=f"{reason.last:.2g}",
        scores=LIST.join(map(str, reason.scores)),
    )  # fmt: skip


def _amount(dose: Dose) -> str:
    """A dose without its rest: '1 × 8 reps each side'."""
    return AFTER_AMOUNT.join(amount_lines(dose))


def day_short(day: date) -> str:
    """'Mon 30 Nov': a day in a list of ratings."""
    return dates.day_short(day)
