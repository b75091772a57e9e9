"""Which characters a terminal would act on rather than show: the one list that both the
catalog's checks (to refuse them) and the output (to escape them) use.

Refused: C0 and C1 control characters (escape sequences, OSC titles, clipboard and
hyperlink codes start with these), line and paragraph separators, surrogates, and the
bidirectional embeddings, overrides and isolates that can make text read differently
from what it holds. Accepted: everything real text in any script needs, including the
zero-width joiners of Persian, Indic scripts and emoji sequences, and the
left-to-right and right-to-left marks.
"""

import unicodedata

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
UNSAFE_CATEGORIES = frozenset(("Cc", "Cs", "Zl", "Zp"))


def is_unsafe(char: str) -> bool:
    return char in BIDI_CONTROLS or unicodedata.category(char) in UNSAFE_CATEGORIES


def first_unsafe(text: str, *, allowed: str = "") -> int | None:
    """The index of the first unsafe character of `text` not in `allowed`, or None."""
    if text.isprintable():  # the usual case, decided in C
        return None
    return next((i for i, char in enumerate(text) if char not in allowed and is_unsafe(char)), None)


def escaped(text: str) -> str:
    """`text` with every unsafe character shown as an escape such as \\u001b."""
    if text.isprintable():
        return text
    return "".join(f"\\u{ord(c):04x}" if is_unsafe(c) else c for c in text)
