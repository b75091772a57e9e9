"""What a person types about a session, read and checked: a day (`--date`), a period
(`--since`), a note, where it hurts. Light on purpose: the command line checks these
while it parses options, before any record or catalog is loaded."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

from backfit.i18n import N_, Said

MAX_NOTE = 500
MAX_WHERE = 100
DAYS_AGO = {"today": 0, "yesterday": 1}
BAD_WHEN = N_("'{given}' is not a day: give today, yesterday, -2d, 2026-01-31 or 2026-01-31T07:30")
BAD_SINCE = N_(
    "'{given}' is neither a period such as 30d, 8w, 6m or 1y nor a day such as today, "
    "yesterday, -3d or 2026-01-01"
)
TOO_EARLY = N_("{given} is before {year}: a mistyped year?")
IN_FUTURE = N_("{given} is in the future")
LONG_NOTE = N_("a note must be one line of at most {most} printable characters")
LONG_WHERE = N_("say where in one line of at most {most} printable characters")
PERIODS = {"d": 1, "w": 7, "m": 30, "y": 365}


class Unreadable(Said, ValueError):
    """What was typed cannot be read (said in the run's language where shown)."""


def check_note(note: str) -> str:
    """A note is one line of printable text, not too long."""
    if len(note) > MAX_NOTE or not note.isprintable():
        raise Unreadable(LONG_NOTE, most=MAX_NOTE)
    return note


def check_where(where: str) -> str:
    """Where it hurts: a few words on one line."""
    if len(where) > MAX_WHERE or not where.isprintable():
        raise Unreadable(LONG_WHERE, most=MAX_WHERE)
    return where


# Earlier dates are mistyped years; before 1970, some systems cannot even place a date in
# the local time zone (Windows raises an error).
FIRST_YEAR = 2000


def parse_when(text: str | None, *, now: datetime) -> datetime:
    """When something was done: today, yesterday, -2d (two days ago), an ISO date or an
    ISO date and time (local unless it has an offset); never in the future.

    A day alone means that day: now if it is today, otherwise noon local time, so the
    session falls on that day in the person's own calendar whatever their time zone.
    """
    if text is None:
        return now
    today = now.astimezone().date()
    day = _named_day(text.strip().lower(), today)
    if day is None:
        try:
            moment = datetime.fromisoformat(text.strip())
        except ValueError:
            raise Unreadable(BAD_WHEN, given=text) from None
    if (day or moment).year < FIRST_YEAR:
        raise Unreadable(TOO_EARLY, given=text, year=FIRST_YEAR)
    if day is None:
        moment = moment if moment.tzinfo else moment.astimezone()  # the person's own time
    else:
        moment = now if day == today else datetime.combine(day, time(12)).astimezone()
    if moment > now:
        raise Unreadable(IN_FUTURE, given=text)
    return moment


def _named_day(word: str, today: date) -> date | None:
    """The day `word` names, or None for a date and time."""
    if word in DAYS_AGO:
        return today - timedelta(days=DAYS_AGO[word])
    if ago := re.fullmatch(r"-(\d{1,4})d", word):
        return today - timedelta(days=int(ago[1]))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", word):
        try:
            return date.fromisoformat(word)
        except ValueError:
            raise Unreadable(BAD_WHEN, given=word) from None
    return None


def parse_since(text: str, *, now: datetime) -> datetime:
    """The start of a period: '30d', '8w', '6m', '1y', or a day as `log --date` names it
    (today, yesterday, -3d, an ISO date), from its start, local time."""
    match = re.fullmatch(r"(\d{1,5})([dwmy])", text.strip().lower())
    if match:
        return now - timedelta(days=int(match[1]) * PERIODS[match[2]])
    try:
        day = _named_day(text.strip().lower(), now.astimezone().date())
        if day is None:
            day = datetime.fromisoformat(text).date()
    except ValueError:
        raise Unreadable(BAD_SINCE, given=text) from None
    return datetime.combine(day, time(0)).astimezone()


def utc_now() -> datetime:
    return datetime.now(UTC)
