"""The JSON forms of what the commands show: the catalog's own data, without Rich."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from backfit.models import Catalog, Exercise


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


def _dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
