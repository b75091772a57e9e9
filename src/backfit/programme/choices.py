"""The answers a plan is made from that have names: how long the pain has lasted, whether
it goes into a leg, how doses rise, how a morning is. Their own small module, so the
command line offers the choices without importing the models (and pydantic)."""

from enum import StrEnum


class Duration(StrEnum):
    """How long this episode of back pain has lasted."""

    RECENT = "under-6-weeks"
    SUBACUTE = "6-12-weeks"
    PERSISTENT = "over-12-weeks"


class Leg(StrEnum):
    """Whether the pain goes into a leg, and how far."""

    NONE = "none"
    ABOVE_KNEE = "above-knee"
    BELOW_KNEE = "below-knee"


class Mode(StrEnum):
    """How doses rise: on a schedule counted in sessions done (graded activity), or a step
    at a time when the last session kept to the pain rule and the next morning was back to
    usual (pain monitoring)."""

    QUOTA = "quota"
    SYMPTOM = "symptom"


class Morning(StrEnum):
    """How the back is the morning after a session, compared with usual."""

    BETTER = "better"
    SAME = "same"
    WORSE = "worse"
