"""How demanding an exercise is. Its own small module, so the command line can offer the
choices without importing the models (and pydantic) for `--help` and completion."""

from enum import StrEnum


class Level(StrEnum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"
