"""Days as this run's language writes them: English as backfit has always written them
('Wed 7 Jan', 'Wednesday 7 January'); any other language by Babel's patterns for its
locale ('1月7日周三', '2026年1月7日周三'), Babel being read only then. (A moment in a
message is written by the message's own format, which a translation may change.)"""

from __future__ import annotations

from datetime import date

from backfit.i18n import ENGLISH, language


def day_short(day: date) -> str:
    """'Wed 7 Jan': a day in a list."""
    return f"{day:%a} {day.day} {day:%b}" if _english() else _skeleton("MMMEd", day)


def day_short_year(day: date) -> str:
    """'Wed 7 Jan 2026': a day that may be in another year."""
    return f"{day:%a} {day.day} {day:%b} {day.year}" if _english() else _skeleton("yMMMEd", day)


def day_long(day: date) -> str:
    """'Wednesday 7 January': the heading of a day."""
    return f"{day:%A} {day.day} {day:%B}" if _english() else _skeleton("MMMMEEEEd", day)


def _english() -> bool:
    return language() == ENGLISH


def _skeleton(skeleton: str, when: date) -> str:
    from babel.dates import format_skeleton  # only for a language other than English

    return format_skeleton(skeleton, when, locale=language())
