"""The one body every figure is drawn with: segment lengths as fractions of standing height.

The lengths are Drillis and Contini's table of segment lengths as fractions of body height H
(R. Drillis and R. Contini, *Body Segment Parameters*, Technical Report 1166-03, New York
University, 1966), as reproduced in D. A. Winter, *Biomechanics and Motor Control of Human
Movement*, 4th edition (Wiley, 2009), figure 4.1: shoulder (acromion) at 0.818H, elbow
0.630H, hip (greater trochanter) 0.530H, knee 0.285H and ankle 0.039H above the floor; upper
arm 0.186H, forearm 0.146H, hand 0.108H, thigh 0.245H, leg 0.246H, foot 0.152H and head
0.130H; shoulder width 0.259H and hip width 0.191H, which a figure seen along its long
axis (the top view) shows. The table gives no lumbar-thoracic split, so the trunk (hip to
shoulder, 0.288H) is cut at the elbow's height, where the waist is: a lumbar part of 0.100H
and a thoracic part of 0.188H. The depths (how far a body line sits above the floor when
that part rests on it) are round figures chosen to make lying figures read right, not table
values.

Angles are absolute and in degrees, in the picture's plane, for a figure facing right:
0 points forward (right), 90 up, 180 back, -90 down. In the top view, where the figure is
seen along its long axis, they are simply directions on the page: 0 right, 90 up.
"""

from __future__ import annotations

LUMBAR = 0.100  # hip joint to the waist (0.630H - 0.530H)
THORACIC = 0.188  # waist to the shoulders (0.818H - 0.630H)
NECK = 0.052  # shoulders to the chin (1 - 0.818H - the head's 0.130H)
HEAD = 0.130  # chin to the crown; drawn as a circle this wide
UPPER_ARM = 0.186
FOREARM = 0.146 + 0.108 / 2  # elbow to the middle of the hand, where a grip holds a bar
THIGH = 0.245
SHIN = 0.246
ANKLE = 0.039  # the ankle joint's height above the sole
FOOT = 0.152  # heel to toe
HEEL = FOOT / 4  # how far the heel reaches behind the ankle
SHOULDER_WIDTH = 0.259  # from one shoulder joint to the other
HIP_WIDTH = 0.191  # from one hip joint to the other

SEGMENT_LENGTHS = {
    "lumbar": LUMBAR,
    "thoracic": THORACIC,
    "head": NECK + HEAD,
    "upper_arm": UPPER_ARM,
    "forearm": FOREARM,
    "thigh": THIGH,
    "shin": SHIN,
    "foot": FOOT,
    "shoulder_line": SHOULDER_WIDTH / 2,
    "hip_line": HIP_WIDTH / 2,
}
TRUNK = ("lumbar", "thoracic", "head")
GIRDLES = ("shoulder_line", "hip_line")
"""The lines across the body from its middle to the near shoulder and the near hip (the far
ones lie opposite). Seen from the side they point at the viewer, unless given: the front
and top views show the body's width, and give them."""
LIMB = ("upper_arm", "forearm", "thigh", "shin", "foot")
SIDES = ("near", "far")
SEGMENTS = (*TRUNK, *GIRDLES, *(f"{side}_{part}" for side in SIDES for part in LIMB))
"""Every segment a keyframe gives an angle to (`near_` limbs are nearer the viewer)."""

SHORTHANDS = {
    "trunk": ("lumbar", "thoracic"),
    **{part: tuple(f"{side}_{part}" for side in SIDES) for part in LIMB},
}
"""Keys that set several segments at once: `thigh: -90` sets both thighs."""

# How high a point's body line sits above the floor when that part rests on it.
REST_HEIGHT = {
    "hips": 0.06,
    "waist": 0.06,
    "shoulders": 0.06,
    "shoulder": 0.06,  # either shoulder joint, as the shoulders' middle
    "hip": 0.06,
    "head": HEAD / 2,  # the head is a circle around its centre
    "elbow": 0.025,
    "hand": 0.01,
    "knee": 0.03,
    "heel": 0.0,
    "toe": 0.0,
}
TRUNK_POINTS = ("hips", "waist", "shoulders", "head")
LIMB_POINTS = ("elbow", "hand", "knee", "heel", "toe")
POINTS = (*TRUNK_POINTS, *(f"{side}_{p}" for side in SIDES for p in LIMB_POINTS))
"""Every point a keyframe can name as resting on the floor."""
GIRDLE_POINTS = tuple(f"{side}_{joint}" for side in SIDES for joint in ("shoulder", "hip"))
"""Each shoulder and hip joint: apart only where the body's width shows (the top view), and
never below the floor."""

POINT_GROUPS = {
    **{f"{p}s": tuple(f"{side}_{p}" for side in SIDES) for p in LIMB_POINTS},
    "feet": ("near_heel", "near_toe", "far_heel", "far_toe"),
    "near_foot": ("near_heel", "near_toe"),
    "far_foot": ("far_heel", "far_toe"),
}
"""Names for several points at once: `knees`, `hands`, `feet` (both heels and toes)."""

CONTACT_TOLERANCE = 0.02
"""How far (in H, about 3.5 cm) a declared contact may be from the floor, and how far
anything may dip below it."""


def rest_height(point: str) -> float:
    return REST_HEIGHT[point.removeprefix("near_").removeprefix("far_")]


def expand_points(name: str) -> tuple[str, ...]:
    """The points a contact name stands for; empty when the name means nothing. A hip or
    shoulder joint rests on the floor where the body lies on its side (seen from the front)."""
    if name in POINTS or name in GIRDLE_POINTS:
        return (name,)
    return POINT_GROUPS.get(name, ())


# Joint ranges in degrees for each view: (joint, proximal segment, distal segment, lowest,
# highest, offset). A joint's angle is distal - proximal - offset, brought into (-180, 180];
# for a figure facing right, bending the knee and rounding the back count negative.
JOINTS = {
    "side": (
        ("knee", "thigh", "shin", -165.0, 5.0, 0.0),  # 5 degrees of give, never backwards
        ("hip", "lumbar", "thigh", -35.0, 150.0, 180.0),  # flexion: thigh forward
        ("ankle", "shin", "foot", -80.0, 40.0, 90.0),  # 0: foot at right angles to the shin
        ("elbow", "upper_arm", "forearm", -5.0, 165.0, 0.0),
        ("shoulder", "thoracic", "upper_arm", -80.0, 180.0, 180.0),
        ("spine", "lumbar", "thoracic", -60.0, 45.0, 0.0),  # rounding the back is negative
        ("neck", "thoracic", "head", -70.0, 60.0, 0.0),
    ),
    # Seen from the front, knees and the spine hardly bend sideways, and the hip opens only
    # so far; elbows, shoulders and ankles seen from the front can look any way.
    "front": (
        ("knee", "thigh", "shin", -15.0, 15.0, 0.0),
        ("hip", "lumbar", "thigh", -60.0, 60.0, 180.0),
        ("spine", "lumbar", "thoracic", -40.0, 40.0, 0.0),
        ("neck", "thoracic", "head", -50.0, 50.0, 0.0),
    ),
    # Seen along the body's long axis nearly every segment is turned out of the picture, so
    # each joint is measured in three dimensions, without a sign: how far it bends at most.
    # The twist is the shoulders' line against the hips' line, which the picture shows.
    "top": (
        ("knee", "thigh", "shin", 0.0, 165.0, 0.0),
        ("hip", "lumbar", "thigh", 0.0, 150.0, 180.0),
        ("elbow", "upper_arm", "forearm", 0.0, 165.0, 0.0),
        ("shoulder", "thoracic", "upper_arm", 0.0, 180.0, 180.0),
        ("spine", "lumbar", "thoracic", 0.0, 60.0, 0.0),
        ("neck", "thoracic", "head", 0.0, 70.0, 0.0),
        ("twist", "hip_line", "shoulder_line", -60.0, 60.0, 0.0),
    ),
}

SIDEWAYS = {"shoulder": 180.0, "hip": 45.0}
"""How far a ball joint lets its limb swing out to the side or across the body (abduction,
adduction), in degrees from hanging straight: where a limb turned out of the side view's
picture is checked, between its forward (flexion) and backward (extension) limits."""
