"""Renderables for the training log: the history table and the progress view."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.text import Text

from backfit.views.widgets import ByWidth, labelled, stacked, table
from backfit.views.words import format_duration

if TYPE_CHECKING:
    from backfit.journal.progress import Advice, Report, Week
    from backfit.journal.store import LoggedSession

TABLE_MIN = 90  # narrower terminals get stacked entries
SPARKS = "▁▂▃▄▅▆▇█"


def when(session: LoggedSession) -> str:
    return session.started_at.astimezone().strftime("%a %d %b %Y %H:%M")


def result(session: LoggedSession) -> str:
    if session.kind == "logged":
        entry = session.entries[0] if len(session.entries) == 1 else None
        if entry is not None and entry.sets:
            amount = f"{entry.sets} × {entry.reps} reps" if entry.reps else f"{entry.sets} sets"
            hold = f", hold {entry.hold_seconds} s" if entry.hold_seconds else ""
            return f"logged: {amount}{hold}"
        return "logged"
    done = sum(e.status == "done" for e in session.entries)
    verdict = "complete" if session.finished else "stopped early"
    return f"{verdict}: {done} of {len(session.entries)} exercises done"


def pain(session: LoggedSession) -> str:
    before = "–" if session.pain_before is None else str(session.pain_before)
    after = "–" if session.pain_after is None else str(session.pain_after)
    return "–" if before == after == "–" else f"{before} → {after}"


def history_view(sessions: Sequence[LoggedSession]) -> RenderableType:
    """Newest first: when, what, how it went, how long, and pain before → after."""
    rows = [
        (when(s), s.title, result(s), format_duration(round(s.minutes * 60)), pain(s), s.note)
        for s in sessions
    ]

    def narrow() -> RenderableType:
        entries = []
        for day, title, outcome, length, hurt, note in rows:
            details = [Text(f"{outcome} · {length} · pain {hurt}")]
            if note:
                details.append(Text(note, style="italic"))
            entries.append((Text.assemble((title, "bold"), "  ", (day, "dim")), details))
        return stacked(entries)

    def wide() -> RenderableType:
        headers = ("When", "What", "Result", "Time", "Pain", "Note")
        return table(headers, [[Text(cell or "") for cell in row] for row in rows], wrap=(1, 2, 5))

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
    lines = []
    for a in advice:
        if a.direction == "harder":
            step = f"try {a.suggestion_name} ({a.suggestion})" if a.suggestion else "add a set"
            lines.append(("•", Text(f"{a.name}: {step}. Why: {a.reason}.")))
        else:
            step = f"go back to {a.suggestion_name} ({a.suggestion})" if a.suggestion else "rest it"
            lines.append(("•", Text(f"{a.name}: {step}. Why: {a.reason}. See 'backfit safety'.")))
    return labelled(lines)


def sparkline(values: Sequence[float]) -> str:
    """Pain 0–10 as bar heights, so a falling trend is visible at a glance."""
    return "".join(SPARKS[min(7, int(v / 10 * 7.999))] for v in values)


def _day(day: date) -> str:
    return f"{day.day} {day:%b}"


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"
