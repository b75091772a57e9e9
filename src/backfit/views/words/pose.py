"""A pose said in words, where its figure cannot be seen (see `views.pose_words`)."""

START = "Start: {text}."
THEN = "Then: {text}."
END = "End: {text}."
WALKING = "Walking upright, one stride after another, the arms swinging."
HELD = "the same position, held"
RESTING_ON = "resting on {parts}"
ONE = "one {part}"
OPPOSITE = "the opposite {part}"
AND = "{first} and {last}"
LIFTED = "{parts} lifted"
LIFTED_A_LITTLE = "{parts} lifted a little"
LOWERED = "{parts} lowered"
LEANS_FORWARD = "leaning forward from the hips"
LEANS_BACK = "leaning back"
STRAIGHTENS = "straightening up"
STANDS_UP = "standing up straight"
ROUNDED = "back rounded up"
HOLLOWED = "back dipped"
FLAT = "back flat"
HOLDING = {  # what a prop in the hands or at the back is, said at the start
    "barbell": "holding a bar",
    "dowel": "a stick held along the back",
    "chair": "a hand on a chair",
}
HOLDING_SEATED = {**HOLDING, "chair": "on a chair"}
HIPS_FORWARD = "hips moved forward"
HIPS_BACK = "hips moved back"
