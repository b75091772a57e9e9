"""backfit's typography and its plain-ASCII stand-ins, and escapes for what has none.

The one table of glyphs: the views take their bullets, arrows and sparkline bars from
here, and the output turns them into ASCII with the same table when the stream cannot
carry them (an ASCII or `C` locale, `--ascii`, `BACKFIT_ASCII=1`). A character with no
stand-in is shown escaped (`\\u00e9`), never dropped.
"""

from __future__ import annotations

import codecs
import functools
import unicodedata

ESCAPE = "backfit-escape"  # the codecs error handler registered below

# The typography backfit's views use. Box drawing and block elements (rules, panels,
# bars, big digits) are worked out from their Unicode names by `_ascii_table`.
TYPOGRAPHY = {
    "•": "*", "·": "-", "–": "-", "—": "--", "×": "x", "→": "->", "←": "<-", "↑": "^",
    "↓": "v", "≤": "<=", "≥": ">=", "…": "...", "‘": "'", "’": "'", "“": '"', "”": '"',
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "✓": "v", "✗": "x",
}  # fmt: skip
# A sparkline's bars from lowest to highest, each with its ASCII stand-in.
SPARKS = dict(zip("▁▂▃▄▅▆▇█", "_.-:=+*#", strict=True))
SPARK_BARS = "".join(SPARKS)


def _escape_error(error: UnicodeError) -> tuple[str, int]:
    """Characters a stream cannot encode, as JSON-compatible escapes (`\\u00e9`, and a
    surrogate pair beyond the first plane), so JSON stays valid and text stays legible."""
    assert isinstance(error, UnicodeEncodeError)
    out = []
    for char in error.object[error.start : error.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), error.end


codecs.register_error(ESCAPE, _escape_error)


def encodable(text: str, encoding: str) -> str:
    """`text` as it is, but with what `encoding` cannot carry escaped."""
    if text.isascii():
        return text
    return text.encode(encoding, ESCAPE).decode(encoding)


def to_ascii(text: str) -> str:
    """`text` in ASCII: typography replaced, accents dropped (Thomeé is Thomee), anything
    else escaped (`\\u4f60`)."""
    if text.isascii():
        return text
    text = "".join(_unaccented(char) for char in text.translate(_ascii_table()))
    return text.encode("ascii", ESCAPE).decode("ascii")


def _unaccented(char: str) -> str:
    """`char` without its accents ('é' -> 'e'), or itself when that leaves no ASCII."""
    if char.isascii():
        return char
    bare = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return bare if bare and bare.isascii() else char


@functools.cache
def _ascii_table() -> dict[int, str]:
    """The translation table, made on first use: naming 160 characters costs a little."""
    table = {ord(k): v for k, v in {**TYPOGRAPHY, **SPARKS}.items()}
    for code in range(0x2500, 0x25A0):  # box drawing and block elements
        if code in table:
            continue
        words = set(unicodedata.name(chr(code), "").split())
        across = bool(words & {"HORIZONTAL", "LEFT", "RIGHT"})
        down = bool(words & {"VERTICAL", "UP", "DOWN"})
        if words & {"BLOCK", "SHADE", "QUADRANT"}:
            table[code] = "#"
        elif across and not down:
            table[code] = "=" if "DOUBLE" in words else "-"
        elif down and not across:
            table[code] = "|"
        else:
            table[code] = "+"
    return table
