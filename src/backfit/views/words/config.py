"""What `backfit config` says, and what is said about a settings file that cannot be used."""

# The settings, in `backfit config`: each key's meaning.
MEANING = {
    "language": "The language backfit speaks: en, or zh for Simplified Chinese (--lang).",
    "figure": "How figures are drawn: braille, blocks, ascii, words or none (--figure).",
    "ascii": "Plain ASCII output: no bullets, box edges or bars (--ascii).",
    "accessible": "For a screen reader: figures in words, no boxes, the coach a line at a time "
    "(--accessible).",
    "sound": "The coach's bell at each change (false: --quiet).",
    "speak": "The coach reads its cues aloud (--speak).",
    "reduced_motion": "The coach's figure keeps still instead of moving (--no-motion).",
    "catalog": "A catalog file to use instead of the built-in one (--catalog).",
    "routine": "The exercise or routine backfit start runs when given no NAME.",
}
HEADING = "Settings, from {path}"
SOURCES = {
    "flag": "flag",
    "env": "{env}",
    "file": "file",
    "default": "default",
}
NO_VALUE = "(none)"
TRUE, FALSE = "true", "false"
HOW_TO_CHANGE = (
    "Change one: backfit config set KEY VALUE; back to its default: backfit config unset KEY."
)

# `config set` and `config unset` say what they did.
SET = "{key} = {value} (in {path})"
UNSET = "{key}: back to its default, {value}"
WAS_NOT_SET = "{key} was not set in {path}: it is at its default, {value}"

# Problems. A broken file: one line, and backfit runs on its defaults.
BROKEN = "{problem}; backfit uses its default settings"
BAD_KEY = "{file}: {key}: {problem}; backfit uses its default for it"
NOT_A_SWITCH = "must be true or false, not '{given}'"
NOT_TEXT = "must be a word or a file name in quotes"
UNKNOWN_KEY = "there is no setting called '{key}'"
UNKNOWN_KEY_MEANT = "there is no setting called '{key}'; did you mean '{meant}'?"
NO_FILE = "no file at {path}"
REFUSE_BROKEN = "{path} cannot be read, so it is left as it is: mend or remove it first"
CANNOT_WRITE = "cannot write {path}: {error}"
CHANGED_UNSHOWN = "your settings were changed, but saying so failed: {error}"

# Help.
HELP = "Your settings, kept between runs: each one's value and where it came from."
SET_HELP = "Keep a setting: backfit config set figure blocks."
UNSET_HELP = "Forget a setting: it goes back to its default."
KEY_HELP = "The setting: {keys}."
VALUE_HELP = "Its value."
