"""Renderables for the training log: the history table and the progress view."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.text import Text

from backfit.transliteration import SPARK_BARS
from backfit.views.widgets import ByWidth, labelled, stacked, table
from backfit.views.words.doses import format_dose, format_duration

if TYPE_CHECKING:
    from backfit.catalog.models import Dose, Increment
    from backfit.journal.progress import Advice, Report, Week
    from backfit.journal.store import ExerciseDone, LoggedSession

TABLE_MIN = 90  # narrower terminals get stacked entries


def when(session: LoggedSession) -> str:
    return session.started_at.astimezone().strftime("%a %d %b %Y %H:%M")


def amount(done: ExerciseDone) -> str:
    """What was done of one exercise: '2 × 8 reps', '3 holds of 10 s', 'reps 6/6, 4/4, 2
    (left/right)'; empty when nothing was."""
    if done.sets is None:
        return ""
    what = "holds" if done.hold_seconds else "reps"
    hold = f" of {done.hold_seconds} s" if done.hold_seconds else ""
    sides = done.sides == 2
    if done.reps is None:  # one hold in each set
        return f"{done.sets} {'hold' if done.sets == 1 else 'holds'}{hold}" + (
            " each side" if sides else ""
        )
    if isinstance(done.reps, int):
        return f"{done.sets} × {done.reps} {what}{hold}" + (" each side" if sides else "")
    counts = [str(n) for n in done.reps]
    if sides:
        sets = ["/".join(counts[i : i + 2]) for i in range(0, len(counts), 2)]
        return f"{what}{hold}: {', '.join(sets)} (left/right)"
    return f"{what}{hold}: {', '.join(counts)}"


def result(session: LoggedSession) -> str:
    if session.abandoned:
        work = session.work_seconds
        text = "abandoned" if work is None else f"abandoned ({format_duration(round(work))} work)"
        return text + _pain_stop(session)
    if session.kind == "logged":
        only = session.exercises[0] if len(session.exercises) == 1 else None
        did = amount(only) if only is not None else ""
        return f"logged: {did}" if did else "logged"
    done = sum(e.status == "done" for e in session.exercises)
    partly = sum(e.status != "done" and e.partly_done for e in session.exercises)
    verdict = "complete" if session.finished and not partly else "stopped early"
    text = f"{verdict}: {done} of {len(session.exercises)} exercises done"
    text += f", {partly} partly" if partly else ""
    return text + _pain_stop(session)


def _pain_stop(session: LoggedSession) -> str:
    """'; Pelvic tilt stopped: it hurt, pain 7' for a session stopped with the h key."""
    if session.pain_stop is None or not 0 < session.pain_stop <= len(session.exercises):
        return ""
    hurt = "" if session.pain_during is None else f", pain {session.pain_during}"
    return f"; {session.exercises[session.pain_stop - 1].name} stopped: it hurt{hurt}"


def pain(session: LoggedSession) -> str:
    before = "–" if session.pain_before is None else str(session.pain_before)
    after = "–" if session.pain_after is None else str(session.pain_after)
    return "–" if before == after == "–" else f"{before} → {after}"


def remarks(session: LoggedSession) -> str:
    where = f"hurts: {session.pain_where}" if session.pain_where else ""
    return "; ".join(part for part in (where, session.note or "") if part)


def session_line(session: LoggedSession) -> str:
    """'session 12: Bird dog, Wed 25 Nov 2026 18:40, logged: 2 × 8 reps, pain – → 3'"""
    scores = pain(session)
    said = "no pain scores" if scores == "–" else f"pain {scores}"  # never a lone '–' wrapped
    return f"session {session.id}: {session.title}, {when(session)}, {result(session)}, {said}"


def removed_text(session: LoggedSession) -> Text:
    return Text(f"Removed {session_line(session)}.")


CHANGEABLE = (("pain_before", "pain before"), ("pain_after", "pain after"),
              ("pain_where", "where it hurts"), ("note", "note"))  # fmt: skip


def changed_text(before: LoggedSession, after: LoggedSession) -> Text:
    """'Changed session 12: pain after 5 → 3.' naming every field that changed."""
    changes = [
        f"{label} {_shown(getattr(before, name))} → {_shown(getattr(after, name))}"
        for name, label in CHANGEABLE
        if getattr(before, name) != getattr(after, name)
    ]
    if before.started_at != after.started_at:
        changes.append(f"date {when(before)} → {when(after)}")
    said = "; ".join(changes) if changes else "nothing changed"
    return Text(f"Changed session {after.id} ({after.title}): {said}.")


def _shown(value: object) -> str:
    return "–" if value is None else (f"'{value}'" if isinstance(value, str) else str(value))


def history_view(sessions: Sequence[LoggedSession]) -> RenderableType:
    """Newest first: id, when, what, how it went, how long, pain before → after, notes."""
    rows = [
        (str(s.id), when(s), s.title, result(s), format_duration(round(s.minutes * 60)),
         pain(s), remarks(s))
        for s in sessions
    ]  # fmt: skip

    def narrow() -> RenderableType:
        entries = []
        for number, day, title, outcome, length, hurt, note in rows:
            details = [Text(f"{outcome} · {length} · pain {hurt}")]
            if note:
                details.append(Text(note, style="italic"))
            heading = Text.assemble((f"{number} ", "dim"), (title, "bold"), "  ", (day, "dim"))
            entries.append((heading, details))
        return stacked(entries)

    def wide() -> RenderableType:
        headers = ("Id", "When", "What", "Result", "Time", "Pain", "Note")
        return table(headers, [[Text(cell or "") for cell in row] for row in rows], wrap=(2, 3, 6))

    return ByWidth(wide=wide, narrow=narrow, min_width=TABLE_MIN)


class WeeklyBars:
    """Sessions per week as bars, as long as the width Rich offers allows."""

    def __init__(self, weeks: Sequence[Week]) -> None:
        self.weeks = weeks

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        bar_room = max(10, min(40, options.max_width - 32))
        most = max((w.sessions for w in self.weeks), default=0) or 1
        yield labelled(
            [
                (
                    _day(w.start),
                    Text.assemble(
                        ("█" * round(bar_room * w.sessions / most), "green"),
                        f" {w.sessions} · {format_duration(round(w.minutes * 60))}"
                        if w.sessions
                        else "–",
                    ),
                )
                for w in self.weeks
            ],
            gap=2,
            align="right",
        )


def progress_view(report: Report) -> RenderableType:
    """Sessions per week as bars, the streak, the pain trend, and what to do next."""
    weeks, streak, advice = report.weeks, report.streak, report.advice
    current, longest = streak
    days = "day" if current == 1 else "days"
    parts: list[RenderableType] = [
        Text(f"Progress over the last {len(weeks)} weeks", style="bold underline"),
        Text(),
        Text("Sessions per week (week starting)", style="bold"),
        WeeklyBars(weeks),
        Text(),
        Text.assemble(("Streak: ", "bold"), f"{current} {days} in a row (longest {longest})"),
        Text(),
        Text("Pain, 0–10: weekly average before → after sessions", style="bold"),
    ]
    trend = [
        (_day(w.start), Text(f"{_num(w.pain_before)} → {_num(w.pain_after)}"))
        for w in weeks
        if w.pain_before is not None or w.pain_after is not None
    ]
    if trend:
        afters = [w.pain_after for w in weeks if w.pain_after is not None]
        parts += [labelled(trend, gap=2, align="right")]
        if len(afters) > 1:
            parts += [Text.assemble("after, week by week: ", (sparkline(afters), "cyan"))]
    else:
        parts += [Text("No pain scores recorded yet.", style="dim")]
    parts += [Text(), Text("Advice", style="bold")]
    parts += [advice_view(advice)]
    return Group(*parts)


def advice_view(advice: Sequence[Advice]) -> RenderableType:
    if not advice:
        return Text("Keep going as you are: nothing in your recent sessions calls for a change.")
    return labelled([("•", Text(f"{advice_line(a)} Why: {a.reason}.")) for a in advice])


def advice_line(a: Advice) -> str:
    """What to do, in a sentence; the reason follows it."""
    variant = f"{a.suggestion_name} ({a.suggestion})" if a.suggestion else None
    match a.direction:
        case "start":
            return f"Start gently: backfit start {a.suggestion} ({a.suggestion_name})."
        case "return":
            return f"Start again gently, for example with backfit start {a.suggestion}."
        case "shorter":
            return "Choose a shorter routine or an easier dose you can finish."
        case "easier" if a.exercise is None:
            return "Ease off: fewer exercises, easier doses, and read 'backfit safety'."
        case "easier":
            if variant:
                step = f"go back to {variant}"
            elif a.dose is not None:
                step = (f"go back to the starting dose, {_amount(a.dose)} "
                        f"(backfit start {a.exercise} --easy)")  # fmt: skip
            else:
                step = "do less of it, or rest it a few days"
            return f"{a.name}: {step}; see 'backfit safety'."
        case "stay":
            return f"{a.name}: stay at this dose for now, and do not add more."
        case "build" if a.add is not None and a.dose is not None:
            return (f"{a.name}: add {_increment(a.add)} every {a.every_days} days, up to "
                    f"{_amount(a.dose)}.")  # fmt: skip
        case _:
            return f"{a.name}: " + (f"try {variant}." if variant else "keep going at this dose.")


def _increment(add: Increment) -> str:
    """'1 rep to each set', '5 s to each hold', '1 set'."""
    parts = []
    if add.sets:
        parts.append(f"{add.sets} {'set' if add.sets == 1 else 'sets'}")
    if add.reps:
        parts.append(f"{add.reps} {'rep' if add.reps == 1 else 'reps'} to each set")
    if add.hold_seconds:
        parts.append(f"{add.hold_seconds} s to each hold")
    return " and ".join(parts)


def _amount(dose: Dose) -> str:
    """A dose without its rest: '1 × 8 reps each side'."""
    return format_dose(dose).split(" · ")[0]


def sparkline(values: Sequence[float]) -> str:
    """Pain 0–10 as bar heights, so a falling trend is visible at a glance."""
    top = len(SPARK_BARS) - 1
    return "".join(SPARK_BARS[min(top, int(v / 10 * (top + 0.999)))] for v in values)


def _day(day: date) -> str:
    return f"{day.day} {day:%b}"


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"
