"""A pose said in words, where its figure cannot be seen (see `views.pose_words`)."""

from backfit.i18n import _

START = _("Start: {text}.")
THEN = _("Then: {text}.")
END = _("End: {text}.")
WALKING = _("Walking upright, one stride after another, the arms swinging.")
HELD = _("the same position, held")
RESTING_ON = _("resting on {parts}")
ONE = _("one {part}")
OPPOSITE = _("the opposite {part}")
AND = _("{first} and {last}")
LIFTED = _("{parts} lifted")
LIFTED_A_LITTLE = _("{parts} lifted a little")
LOWERED = _("{parts} lowered")
LEANS_FORWARD = _("leaning forward from the hips")
LEANS_BACK = _("leaning back")
STRAIGHTENS = _("straightening up")
STANDS_UP = _("standing up straight")
ROUNDED = _("back rounded up")
HOLLOWED = _("back dipped")
FLAT = _("back flat")
HOLDING = {  # what a prop in the hands or at the back is, said at the start
    "barbell": _("holding a bar"),
    "dowel": _("a stick held along the back"),
    "chair": _("a hand on a chair"),
}
HOLDING_SEATED = {**HOLDING, "chair": _("on a chair")}
HIPS_FORWARD = _("hips moved forward")
HIPS_BACK = _("hips moved back")
