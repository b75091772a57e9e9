"""The positions an exercise is done in, in the order `list --position` offers them. Their
own small module, as the conditions', so the command line can offer them without
importing the models (and pydantic); the models' `Position` holds the same values, and a
test keeps the two alike."""

POSITIONS = ("back", "front", "side", "kneeling", "seated", "standing", "walking")
