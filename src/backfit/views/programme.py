"""The plan and the day, as Rich renderables and as JSON: `plan show`, `today`."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.console import Group

from backfit.programme.compose import conditions
from backfit.programme.day import sessions_done
from backfit.views.text import Text
from backfit.views.words import dates
from backfit.views.words import programme as words
from backfit.views.words.catalog import LIST, condition_name
from backfit.views.words.doses import format_dose

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table

    from backfit.catalog.models import Catalog, Dose
    from backfit.programme.current import Current
    from backfit.programme.day import Day, Planned
    from backfit.programme.settings import Settings


def sessions_of(current: Current, today: date) -> list[tuple[date, date | None, bool]]:
    """Each planned day with the day its session was done on (None: not done; a day
    before it: done ahead, on a rest day) and whether it is paused."""
    done = sessions_done(current.settings, current.sessions)
    pauses = current.stored.pauses

    def paused(day: date) -> bool:
        return any(first <= day and (last is None or day <= last) for first, last in pauses)

    return [(d, done.get(d), paused(d)) for d in current.settings.planned_days()]


def counts(current: Current, today: date) -> tuple[int, int, int]:
    """Sessions done, missed and ahead."""
    planned = sessions_of(current, today)
    done = sum(on is not None for _, on, _ in planned)
    missed = sum(day < today and on is None and not p for day, on, p in planned)
    ahead = sum(day >= today and on is None for day, on, _ in planned)
    return done, missed, ahead


def red_flags(catalog: Catalog) -> RenderableType:
    """The warning signs, under `safety`'s own headings: 999 or A&E, then the same day."""
    return Group(emergency_signs(catalog), urgent_signs(catalog))


def emergency_signs(catalog: Catalog) -> RenderableType:
    from backfit.views.widgets import bullets  # here: today's start-up has no need of it
    from backfit.views.words import catalog as catalog_words

    return Group(
        Text(catalog_words.EMERGENCY_NOW, style="bold"),
        bullets(catalog.safety.emergency),  # a wrapped sign stays under its words
    )


def urgent_signs(catalog: Catalog) -> RenderableType:
    from backfit.views.widgets import bullets
    from backfit.views.words import catalog as catalog_words

    return Group(
        Text(catalog_words.LEADS_IN.format(heading=catalog_words.SEE_A_DOCTOR), style="bold"),
        bullets(catalog.safety.see_doctor),
    )


def render_day(
    day: Day, settings: Settings, catalog: Catalog, lesson: Any = None
) -> RenderableType:
    parts: list[RenderableType] = [
        Text(words.TODAY_TITLE.format(day=dates.day_long(day.day),
                                      week=day.week, weeks=settings.weeks), style="bold")
    ]  # fmt: skip
    names = _names(catalog)
    quota = settings.mode.value == "quota"
    if day.state == "stopped":
        parts.append(Text(words.advice_text(day.advice[0])))
        return Group(*parts, red_flags(catalog))
    if day.state == "before":
        return Group(*parts, Text(words.TODAY_BEFORE.format(start=_date(settings.start))))
    if day.state == "after":
        return Group(*parts, Text(words.TODAY_AFTER.format(end=_date(settings.end))))
    if day.ask_morning:
        parts.append(Text(words.TODAY_ASK_MORNING, style="bold"))
    for why in day.advice:
        missing = LIST.join(day.missing)
        parts.append(Text(words.advice_text(why, names=missing)))
    if day.state == "hurt":
        parts.append(Text(words.TODAY_HURT, style="bold"))
    elif day.state == "paused":
        parts.append(Text(words.TODAY_PAUSED))
    elif day.state == "rest":
        gentle = next((p for p in day.steps if p.role.value in ("warm-up", "stretch")), None)
        said = (
            words.TODAY_REST.format(name=names.get(gentle.step.exercise, gentle.step.exercise))
            if gentle is not None else words.TODAY_REST_PLAIN
        )  # fmt: skip
        if day.done_on is not None and day.done_on < day.day:  # done ahead: the plan moved on
            parts.append(Text(words.TODAY_DONE_AHEAD.format(day=dates.day_short(day.done_on))))
        parts.append(Text(said))
        parts.append(Text(words.TODAY_MOVED, style="dim"))
    else:
        parts.append(_session_table(day.exercises, names, quota))
        parts.append(Text(words.TODAY_DONE if day.done else words.TODAY_START_HINT))
    parts.append(Text(words.TODAY_WALK.format(minutes=day.walking_minutes)))
    if lesson is not None:
        parts.append(Text(words.TODAY_LESSON.format(title=lesson.title), style="bold"))
        parts.append(Text(lesson.text))
    return Group(*parts)


def _session_table(exercises: tuple[Planned, ...], names: dict[str, str], quota: bool) -> Table:
    from rich.table import Table  # only on a day with a session: a rest day needs none

    table = Table(box=None, show_header=False, padding=(0, 1), expand=False)
    table.add_column(ratio=1)
    table.add_column(ratio=2)
    for number, planned in enumerate(exercises, 1):
        step = planned.step
        table.add_row(
            Text(f"{number}. {names.get(step.exercise, step.exercise)}", style="bold"),
            Text(format_dose(step.dose)),
        )
        table.add_row(Text(""), Text(words.step_reason(step, quota=quota), style="dim"))
    return table


def render_plan(current: Current, catalog: Catalog, today: date) -> RenderableType:
    settings = current.settings
    names = _names(catalog)
    done, missed, ahead = counts(current, today)
    parts: list[RenderableType] = [
        Text(words.PLAN_TITLE.format(weeks=settings.weeks, start=_date(settings.start),
                                     end=_date(settings.end)), style="bold"),
        Text(words.PLAN_DAYS.format(days=words.weekdays(settings.days), minutes=settings.minutes)),
        Text(words.PLAN_MODE[settings.mode.value]),
        Text(words.PLAN_SESSIONS.format(done=done, missed=missed, ahead=ahead)),
    ]  # fmt: skip
    day = current.day(catalog, today)
    if day.state == "stopped":
        flagged = day.advice[0].day or today
        parts.append(Text(words.PLAN_STOPPED.format(day=_date(flagged)), style="bold"))
        return Group(*parts, red_flags(catalog))
    from rich.table import Table

    table = Table(box=None, show_header=False, padding=(0, 1))
    for planned in day.steps:
        step = planned.step
        nxt = (
            words.PLAN_NEXT.format(dose=format_dose(step.next_dose))
            if step.next_dose is not None else words.PLAN_TOP
        )  # fmt: skip
        table.add_row(
            Text(words.ROLES.get(planned.role.value, planned.role.value), style="dim"),
            Text(names.get(step.exercise, step.exercise), style="bold"),
            Text.assemble(
                f"{format_dose(step.dose)}\n"
                f"{words.PLAN_STEP.format(step=step.rung + 1, steps=step.rungs)} · {nxt}\n",
                (words.step_reason(step, quota=settings.mode.value == "quota"), "dim"),
            ),
        )
    parts.append(table)
    for condition in conditions(settings):
        for planned in day.steps:
            note = catalog.exercise(planned.step.exercise).care_for(condition) \
                if planned.step.exercise in names else None  # fmt: skip
            if note is not None and note.verdict == "care":
                name = names[planned.step.exercise]
                named = condition_name(condition)
                said = words.PLAN_CARE.format(name=name, condition=named, note=note.note)
                parts.append(Text(said))
    return Group(*parts)


def day_json(
    day: Day, settings: Settings, catalog: Catalog, lesson_data: dict[str, Any] | None = None
) -> str:
    quota = settings.mode.value == "quota"
    names = LIST.join(day.missing)
    data = {
        "date": day.day.isoformat(),
        "plan_week": day.week,
        "state": day.state,
        "rest_day": day.state != "training",
        "exercises": [
            {
                "exercise": p.step.exercise,
                "role": p.role.value,
                "dose": _dose(p.step.dose),
                "step": p.step.rung + 1,
                "steps": p.step.rungs,
                "reason": words.step_reason(p.step, quota=quota),
                "reason_code": p.step.why.code,
            }
            for p in day.exercises
        ],
        "walking_minutes": day.walking_minutes,
        "lesson": lesson_data,
        "advice": [words.advice_text(w, names=names) for w in day.advice]
        + ([words.TODAY_ASK_MORNING] if day.ask_morning else []),
        "done": day.done,
        "done_on": None if day.done_on is None else day.done_on.isoformat(),
    }  # fmt: skip
    return json.dumps(data, ensure_ascii=False, indent=2)


def plan_json(current: Current, catalog: Catalog, today: date) -> str:
    settings = current.settings
    day = current.day(catalog, today)
    data = {
        "weeks": settings.weeks,
        "days": [words.WEEKDAYS[d].lower() for d in sorted(settings.days)],
        "mode": settings.mode.value,
        "start": settings.start.isoformat(),
        "end": settings.end.isoformat(),
        "minutes": settings.minutes,
        "paused": current.stored.paused,
        "settings": json.loads(settings.model_dump_json()),
        "exercises": [
            {
                "role": p.role.value,
                "exercise": p.step.exercise,
                "dose": _dose(p.step.dose),
                "step": p.step.rung + 1,
                "steps": p.step.rungs,
                "next_dose": None if p.step.next_dose is None else _dose(p.step.next_dose),
            }
            for p in day.steps
        ],
        "sessions": [
            {
                "date": d.isoformat(),
                "planned": True,
                "done": on is not None,
                "done_on": None if on is None else on.isoformat(),
                "paused": paused,
            }
            for d, on, paused in sessions_of(current, today)
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _dose(dose: Dose) -> dict[str, Any]:
    reps = list(dose.reps) if isinstance(dose.reps, tuple) else dose.reps
    return {"sets": dose.sets, "reps": reps, "hold_seconds": dose.hold_seconds,
            "rest_seconds": dose.rest_seconds, "per_side": dose.per_side}  # fmt: skip


def _names(catalog: Catalog) -> dict[str, str]:
    return {e.slug: e.name for e in catalog.exercises}


def _date(day: date) -> str:
    return dates.day_short_year(day)
