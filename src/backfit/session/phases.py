"""The phases a session is made of. A module of its own, so that the words for each phase
(`views/words/`, which `list` and `show` import) can name them without loading the plan."""

from enum import StrEnum


class Phase(StrEnum):
    READY = "ready"
    HOLD = "hold"
    RELAX = "relax"
    REPS = "reps"
    SWITCH = "switch"
    REST = "rest"
