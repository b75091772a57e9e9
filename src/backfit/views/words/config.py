"""What `backfit config` says, and what is said about a settings file that cannot be used."""

from backfit.i18n import _

# The settings, in `backfit config`: each key's meaning.
MEANING = {
    "language": _("The language backfit speaks: en, or zh for Simplified Chinese (--lang)."),
    "figure": _("How figures are drawn: braille, blocks, ascii, words or none (--figure)."),
    "ascii": _("Plain ASCII output: no bullets, box edges or bars (--ascii)."),
    "accessible": _(
        "For a screen reader: figures in words, no boxes, the coach a line at a time "
        "(--accessible)."
    ),
    "sound": _("The coach's bell at each change (false: --quiet)."),
    "speak": _("The coach reads its cues aloud (--speak)."),
    "reduced_motion": _("The coach's figure keeps still instead of moving (--no-motion)."),
    "catalog": _("A catalog file to use instead of the built-in one (--catalog)."),
    "routine": _("The exercise or routine backfit start runs when given no NAME."),
}
HEADING = _("Settings, from {path}")
SOURCES = {
    "flag": _("flag"),
    "env": _("{env}"),
    "file": _("file"),
    "default": _("default"),
}
NO_VALUE = _("(none)")
VALUE_FROM = _("{value} ({source})")  # a setting's value and where it comes from
TRUE, FALSE = "true", "false"
HOW_TO_CHANGE = _(
    "Change one: backfit config set KEY VALUE; back to its default: backfit config unset KEY."
)

# `config set` and `config unset` say what they did.
SET = _("{key} = {value} (in {path})")
UNSET = _("{key}: back to its default, {value}")
WAS_NOT_SET = _("{key} was not set in {path}: it is at its default, {value}")

# Problems. A broken file: one line, and backfit runs on its defaults.
BROKEN = _("{problem}; backfit uses its default settings")
BAD_KEY = _("{file}: {key}: {problem}; backfit uses its default for it")
NOT_A_SWITCH = _("must be true or false, not '{given}'")
NOT_TEXT = _("must be a word or a file name in quotes")
UNKNOWN_KEY = _("there is no setting called '{key}'")
UNKNOWN_KEY_MEANT = _("there is no setting called '{key}'; did you mean '{meant}'?")
NO_FILE = _("no file at {path}")
REFUSE_BROKEN = _("{path} cannot be read, so it is left as it is: mend or remove it first")
CANNOT_WRITE = _("cannot write {path}: {error}")
CHANGED_UNSHOWN = _("your settings were changed, but saying so failed: {error}")

# Help.
HELP = _("Your settings, kept between runs: each one's value and where it came from.")
SET_HELP = _("Keep a setting: backfit config set figure blocks.")
UNSET_HELP = _("Forget a setting: it goes back to its default.")
KEY_HELP = _("The setting: {keys}.")
VALUE_HELP = _("Its value.")
