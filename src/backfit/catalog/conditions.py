"""The conditions an exercise's care notes cover. Their own small module, so the command
line can offer `list --for` choices without importing the models (and pydantic)."""

from enum import StrEnum


class Condition(StrEnum):
    PREGNANCY = "pregnancy"
    SURGERY = "surgery"
    OSTEOPOROSIS = "osteoporosis"
    SCIATICA = "sciatica"
