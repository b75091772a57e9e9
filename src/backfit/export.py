"""The JSON forms of what the commands show: the catalog's own data, without Rich."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from backfit.models import Catalog, Exercise, Routine
    from backfit.plan import Plan


def exercises_json(exercises: Sequence[Exercise]) -> str:
    return _dumps([e.model_dump(mode="json") for e in exercises])


def exercise_json(exercise: Exercise) -> str:
    return _dumps(exercise.model_dump(mode="json"))


def benefits_json(catalog: Catalog) -> str:
    headline = [
        {"slug": e.slug, "name": e.name, "benefit": e.benefits[0]} for e in catalog.exercises
    ]
    return _dumps({**catalog.benefits.model_dump(mode="json"), "exercises": headline})


def safety_json(catalog: Catalog) -> str:
    return _dumps(catalog.safety.model_dump(mode="json"))


def routines_json(routines: Sequence[Routine], catalog: Catalog) -> str:
    return _dumps([_routine_data(routine, catalog) for routine in routines])


def routine_json(routine: Routine, catalog: Catalog) -> str:
    return _dumps(_routine_data(routine, catalog))


def _routine_data(routine: Routine, catalog: Catalog) -> dict[str, Any]:
    from backfit.plan import plan_session

    estimate = plan_session(routine.name, catalog.planned(routine)).total_seconds
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
            "cue": step.cue(),
        }
        for step in plan.steps
    ]
    return _dumps({"title": plan.title, "total_seconds": plan.total_seconds, "steps": steps})


def _dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
