"""A pose said in words, where its figure cannot be seen (see `views.pose_words`)."""

from backfit.i18n import _, pgettext

START = _("Start: {text}.")
THEN = _("Then: {text}.")
END = _("End: {text}.")
WALKING = _("Walking upright, one stride after another, the arms swinging.")
HELD = _("the same position, held")
RESTING_ON = _("resting on {parts}")
AND = _("{first} and {last}")
CLAUSES = pgettext("between the clauses of a sentence", ", ")  # 'standing, holding a bar'
CHANGES = _("; ")  # between what changes by a keyframe: 'back flat; head lifted'
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

# The parts of the body, each a word of its own. A plural is both sides, and a part on one
# side is a phrase of its own, not 'one' and a plural's singular: a language without plurals
# still says both hands (双手) apart from one (一只手), and counts each part its own way.
RESTING = {  # a point of a limb on the floor (the pose's key): on both sides, and on one
    "hand": (pgettext("body part, both sides", "hands"), pgettext("body part", "one hand")),
    "elbow": (pgettext("body part, both sides", "forearms"), pgettext("body part", "one forearm")),
    "knee": (pgettext("body part, both sides", "knees"), pgettext("body part", "one knee")),
    "toe": (pgettext("body part, both sides", "feet"), pgettext("body part", "one foot")),
    "heel": (pgettext("body part, both sides", "heels"), pgettext("body part", "one heel")),
}
TRUNK = {  # the parts of the trunk that lift and lower: '{parts} lifted'
    "head": pgettext("body part", "head"),
    "chest": pgettext("body part", "chest"),
    "hips": pgettext("body part", "hips"),
}
LIMBS = {  # a limb that lifts or lowers: on both sides, and on one
    "arm": (pgettext("body part, both sides", "arms"), pgettext("body part", "one arm")),
    "leg": (pgettext("body part, both sides", "legs"), pgettext("body part", "one leg")),
}
OPPOSITE_LEG = pgettext("body part", "the opposite leg")  # the other side's from one arm
