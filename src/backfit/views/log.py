"""Renderables for the training log: the history table and the progress view."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.text import Text

from backfit.transliteration import SPARK_BARS
from backfit.views.widgets import ByWidth, labelled, stacked, table
from backfit.views.words import log as words
from backfit.views.words import plural
from backfit.views.words.doses import format_duration
from backfit.views.words.log import advice_line, advice_reason, length, pain, remarks, result, when

if TYPE_CHECKING:
    from backfit.journal.progress import Week
    from backfit.journal.store import LoggedSession
    from backfit.programme.advice import Advice, Report

TABLE_MIN = 90  # narrower terminals get stacked entries


def removed_text(session: LoggedSession) -> Text:
    return Text(words.removed(session))


def changed_text(before: LoggedSession, after: LoggedSession) -> Text:
    """'Changed session 12 (Bird dog): pain after 5 → 3.' naming every field that changed."""
    return Text(words.changed(before, after))


def history_view(sessions: Sequence[LoggedSession]) -> RenderableType:
    """Newest first: id, when, what, how it went, how long, pain before → after, notes."""
    rows = [
        (str(s.id), when(s), s.title, result(s), length(s),
         pain(s), remarks(s))
        for s in sessions
    ]  # fmt: skip

    def narrow() -> RenderableType:
        entries = []
        for number, day, title, outcome, lasted, hurt, note in rows:
            details = [Text(words.HISTORY_ENTRY.format(result=outcome, duration=lasted, pain=hurt))]
            if note:
                details.append(Text(note, style="italic"))
            heading = Text.assemble((f"{number} ", "dim"), (title, "bold"), "  ", (day, "dim"))
            entries.append((heading, details))
        return stacked(entries)

    def wide() -> RenderableType:
        return table(
            words.HISTORY_HEADERS,
            [[Text(cell or "") for cell in row] for row in rows],
            wrap=(2, 3, 6),
        )

    return ByWidth(wide=wide, narrow=narrow, min_width=TABLE_MIN)


def session_view(session: LoggedSession) -> RenderableType:
    """One session in full: when, how it went, pain before and after, where it hurt, the
    note, and what was done of each exercise."""
    rows = [
        (words.WHEN_LABEL, Text(when(session))),
        (words.RESULT_LABEL, Text(result(session))),
        (words.TIME_LABEL, Text(length(session))),
        (words.PAIN_BEFORE_LABEL, Text(words.score(session.pain_before))),
        (words.PAIN_AFTER_LABEL, Text(words.score(session.pain_after))),
    ]
    if session.pain_where:
        rows.append((words.WHERE_LABEL, Text(session.pain_where)))
    if session.note:
        rows.append((words.NOTE_LABEL, Text(session.note)))
    done = [(e.name, Text(words.exercise_done(session, e))) for e in session.exercises]
    title = words.SESSION_TITLE.format(id=session.id, title=session.title)
    parts: list[RenderableType] = [
        Text(title, style="bold underline"),
        Text(),
        labelled(rows, gap=2),
    ]
    if done:
        parts += [Text(), Text(words.EXERCISES_DONE, style="bold"), labelled(done, gap=2)]
    return Group(*parts)


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
                    words.week_day(w.start),
                    Text.assemble(
                        ("█" * round(bar_room * w.sessions / most), "green"),
                        " "
                        + words.WEEK_BAR.format(
                            sessions=w.sessions, duration=format_duration(round(w.minutes * 60))
                        )
                        if w.sessions
                        else _no_sessions(w),
                    ),
                )
                for w in self.weeks
            ],
            gap=2,
            align="right",
        )


def _no_sessions(week: Week) -> str:
    """A week without training: '–', or that what was begun was stopped because it hurt."""
    if week.hurt:
        return plural(*words.WEEK_HURT, week.hurt).format(hurt=week.hurt)
    return words.NONE


def progress_view(report: Report) -> RenderableType:
    """Sessions per week as bars, the streak, the pain trend, and what to do next."""
    weeks, (current, longest), advice = report.weeks, report.streak, report.advice
    parts: list[RenderableType] = [
        Text(
            plural(*words.PROGRESS_TITLE, len(weeks)).format(weeks=len(weeks)),
            style="bold underline",
        ),
        Text(),
        Text(words.SESSIONS_PER_WEEK, style="bold"),
        WeeklyBars(weeks),
        Text(),
        Text.assemble((words.STREAK_LABEL, "bold"), words.streak(current, longest)),
        Text(),
        Text(words.PAIN_TREND, style="bold"),
    ]
    trend = [
        (words.week_day(w.start), Text(words.week_pain(w.pain_before, w.pain_after)))
        for w in weeks
        if w.pain_before is not None or w.pain_after is not None
    ]
    if trend:
        afters = [w.pain_after for w in weeks if w.pain_after is not None]
        parts += [labelled(trend, gap=2, align="right")]
        if len(afters) > 1:
            parts += [Text.assemble(words.PAIN_SPARKLINE, (sparkline(afters), "cyan"))]
    else:
        parts += [Text(words.NO_PAIN_SCORES, style="dim")]
    if report.activities:
        rated = [(words.day_short(day), Text(f"{score:.1f}")) for day, score in report.activities]
        parts += [Text(), Text(words.ACTIVITIES_TREND, style="bold"), labelled(rated, gap=2)]
    parts += [Text(), Text(words.ADVICE, style="bold")]
    parts += [advice_view(advice)]
    return Group(*parts)


def advice_view(advice: Sequence[Advice]) -> RenderableType:
    if not advice:
        return Text(words.NO_ADVICE)
    return labelled(
        [
            ("•", Text(words.ADVICE_WHY.format(advice=advice_line(a), reason=advice_reason(a))))
            for a in advice
        ]
    )


def sparkline(values: Sequence[float]) -> str:
    """Pain 0–10 as bar heights, so a falling trend is visible at a glance."""
    top = len(SPARK_BARS) - 1
    return "".join(SPARK_BARS[min(top, int(v / 10 * (top + 0.999)))] for v in values)
