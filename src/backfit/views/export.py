"""The JSON forms of what the commands show: the catalog's own data, without Rich."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from backfit.session.plan import plan_for
from backfit.views.words.log import advice_line, advice_reason
from backfit.views.words.session import cue

if TYPE_CHECKING:
    from backfit.catalog.models import Catalog, Exercise, Routine
    from backfit.journal.store import LoggedSession
    from backfit.programme.advice import Report
    from backfit.session.plan import Plan


def exercises_json(exercises: Sequence[Exercise]) -> str:
    return _dumps([e.model_dump(mode="json") for e in exercises])


def exercise_json(exercise: Exercise) -> str:
    return _dumps(exercise.model_dump(mode="json"))


def benefits_json(catalog: Catalog) -> str:
    headline = [
        {"slug": e.slug, "name": e.name, "benefit": e.benefits[0]} for e in catalog.exercises
    ]
    return _dumps({**catalog.benefits.model_dump(mode="json"), "exercises": headline})


def sources_json(catalog: Catalog) -> str:
    cited = catalog.citations()
    return _dumps(
        [
            {"id": source_id, **source.model_dump(mode="json"), "cited_by": cited[source_id]}
            for source_id, source in catalog.sources.items()
        ]
    )


def safety_json(catalog: Catalog) -> str:
    return _dumps(catalog.safety.model_dump(mode="json"))


def routines_json(routines: Sequence[Routine], catalog: Catalog) -> str:
    return _dumps([_routine_data(routine, catalog) for routine in routines])


def routine_json(routine: Routine, catalog: Catalog) -> str:
    return _dumps(_routine_data(routine, catalog))


def _routine_data(routine: Routine, catalog: Catalog) -> dict[str, Any]:
    estimate = plan_for(routine, catalog).total_seconds
    return {**routine.model_dump(mode="json"), "estimated_seconds": estimate}


def plan_json(plan: Plan) -> str:
    steps = [
        {
            "phase": step.phase.value,
            "exercise": step.exercise.slug,
            "position": step.position,
            "set": step.set_number,
            "sets": step.sets,
            "side": step.side,
            "rep": step.rep,
            "reps": step.reps,
            "seconds": step.seconds,
            "estimated_seconds": step.estimate,
            "cue": cue(step),
        }
        for step in plan.steps
    ]
    return _dumps({"title": plan.title, "total_seconds": plan.total_seconds, "steps": steps})


def catalog_schema() -> str:
    """A JSON Schema that accepts a whole catalog or a user catalog that extends one."""
    from pydantic import TypeAdapter  # pydantic and the models: only for `schema`

    from backfit.catalog.models import Catalog, CatalogExtension

    schema = TypeAdapter(Catalog | CatalogExtension).json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "backfit catalog",
        "description": "A backfit exercise catalog, or a user catalog with 'extends: builtin'.",
        **schema,
    }
    return _dumps(schema)


def _dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


def session_data(session: LoggedSession) -> dict[str, Any]:
    """A session as the README documents it: what was done, numbers as numbers."""
    return {
        "id": session.id,
        "kind": session.kind,
        "slug": session.slug,
        "title": session.title,
        "started_at": session.started_at.isoformat(),
        "ended_at": session.ended_at.isoformat(),
        "finished": session.finished,
        "abandoned": session.abandoned,
        "work_seconds": session.work_seconds,
        "pain_before": session.pain_before,
        "pain_after": session.pain_after,
        "pain_where": session.pain_where,
        "pain_stop": _pain_stop(session),
        "note": session.note,
        "exercises": [
            {
                "exercise": e.exercise,
                "name": e.name,
                "status": e.status,
                "sets": e.sets,
                "reps": list(e.reps) if isinstance(e.reps, tuple) else e.reps,
                "hold_seconds": e.hold_seconds,
                "sides": e.sides,
            }
            for e in session.exercises
        ],
    }


def _pain_stop(session: LoggedSession) -> dict[str, Any] | None:
    if session.hurt is None:
        return None
    return {
        "position": session.pain_stop, "exercise": session.hurt.exercise,
        "pain": session.pain_during,
    }  # fmt: skip


def history_json(sessions: Sequence[LoggedSession]) -> str:
    return _dumps([session_data(s) for s in sessions])


CSV_COLUMNS = (
    "id",
    "started_at",
    "ended_at",
    "kind",
    "slug",
    "title",
    "finished",
    "abandoned",
    "minutes",
    "pain_before",
    "pain_after",
    "done",
    "skipped",
    "exercises",
    "pain_where",
    "note",
)


def history_csv(sessions: Sequence[LoggedSession]) -> str:
    """One row per session, for a spreadsheet; times in ISO 8601 UTC."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for s in sessions:
        writer.writerow(
            [
                s.id,
                s.started_at.isoformat(),
                s.ended_at.isoformat(),
                s.kind,
                s.slug,
                s.title,
                int(s.finished),
                int(s.abandoned),
                round(s.minutes, 1),
                _blank(s.pain_before),
                _blank(s.pain_after),
                sum(e.status == "done" for e in s.exercises),
                sum(e.status == "skipped" for e in s.exercises),
                " ".join(e.exercise for e in s.exercises),
                s.pain_where or "",
                s.note or "",
            ]
        )
    return out.getvalue()


def progress_json(report: Report) -> str:

    weeks, streak, advice = report.weeks, report.streak, report.advice
    return _dumps(
        {
            "weeks": [
                {
                    "start": w.start.isoformat(),
                    "sessions": w.sessions,
                    "minutes": round(w.minutes, 1),
                    "pain_before": w.pain_before,
                    "pain_after": w.pain_after,
                }
                for w in weeks
            ],
            "streak": {"current": streak[0], "longest": streak[1]},
            "advice": [
                {
                    "exercise": a.exercise,
                    "direction": a.direction,
                    "suggestion": a.suggestion,
                    "advice": advice_line(a),
                    "reason": advice_reason(a),
                    "dose": None
                    if a.dose is None
                    else a.dose.model_dump(
                        include={"sets", "reps", "hold_seconds", "rest_seconds"}
                    ),
                }
                for a in advice
            ],
        }
    )


def _blank(value: int | None) -> str:
    return "" if value is None else str(value)
