"""What part of a session an exercise plays, for a programme to choose one of each. Its
own small module, so the command line can offer the choices without the models."""

from enum import StrEnum


class Role(StrEnum):
    """In the order a session goes: a warm-up first, a stretch last (selfBACK's groups,
    GLA:D Back's warm-up then exercise types)."""

    WARM_UP = "warm-up"
    FLEXORS = "trunk flexors"
    SIDE = "side of the trunk"
    EXTENSORS = "back extensors"
    HIPS = "glutes and hips"
    STRETCH = "stretch"
    WALKING = "walking"
