"""The questions and notes around a session (`backfit.live`): pain before and after, the
pain gate's choices, the answers each question takes, and the notes about sound."""

from backfit.i18n import _, pgettext

PAIN_BEFORE = _("Pain now, 0 to 10 (Enter to skip, q to leave): ")
PAIN_AFTER = _("Pain now, after the session, 0 to 10 (Enter to skip): ")
PAIN_STOPPED = _("Pain that stopped you, 0 to 10 (Enter to skip): ")
NOT_A_SCORE = _("Please type a whole number from 0 to 10, or just press Enter.")
NOT_A_SCORE_OR_LEAVE = _(
    "Please type a whole number from 0 to 10, or just press Enter, or q to leave."
)
ZONES = {  # the pain rule's bands by name: "Pain 7/10 is in the stop band"
    "go": pgettext("pain band", "go"),
    "caution": pgettext("pain band", "caution"),
    "stop": pgettext("pain band", "stop"),
}
# i18n: safety
GO_GENTLY = _("{band}: go gently today.")
START_ANYWAY = _("Start anyway? Type yes to start, or press Enter to leave: ")
CHOOSE_DOSE = _("Press Enter for the easier dose, or type p for the planned one (q to quit): ")
YES_ANSWERS = ("yes", "y")
FULL_ANSWERS = ("p", "planned", "f", "full")  # f: what it said before the dose was "planned"
QUIT_ANSWERS = ("q", "quit")
NO_VOICE_BELL = _(
    "no speech command found (say, espeak-ng, spd-say or espeak); carrying on with the bell"
)
NO_VOICE_QUIET = _(
    "no speech command found (say, espeak-ng, spd-say or espeak); "
    "carrying on without sound (--quiet)"
)
NOT_SAVED = _("this session was not saved: {error}")

# The pain gate before a session.
# i18n: safety
SEE_SAFETY = _("See 'backfit safety' for what pain means and when to get help.")
# i18n: safety
IN_BAND = _("Pain {score}/10 is in the {zone} band")
# i18n: safety
IN_BAND_RANGE = _("Pain {score}/10 is in the {zone} band ({range}/10)")
# i18n: safety
WILL_NOT_START = _("{band}: {name} will not start.")
# i18n: safety
ONLY_WHEN_LOW = _(
    "{band}: {name} is only for days when your pain is low ({low}/10), so it will not start."
)
# i18n: safety
ASKED_ANYWAY = _("{band}: you asked to start anyway.")
# i18n: safety
GENTLER = _("Something gentler, once it eases: {name} (backfit start {slug}).")
# i18n: safety
HOW_TO_START_ANYWAY = _("To start anyway, knowing this: backfit start {slug} --despite-pain")
# i18n: safety
EASIER_DEFAULT = _("{heading}: the easier dose is the default.")
# i18n: safety
GENTLY_HEADING = _("Go gently")
# The dose the session was to run, next to the easier one: "planned", not "full", as it may
# be a step of the build-up short of the catalog's full dose (`start NAME --full`).
EASIER_DOSE = _("The easier dose:  {dose}")
FULL_DOSE = _("The planned dose: {dose}")
EASIER_DOSES = _("The easier doses take {easier}, the planned ones {full}.")
