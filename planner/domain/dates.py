"""Reading dates as people in the UK type them, and writing them back in words.

Pure functions, so the date field of every dialog and table understands the same text.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_NUMBERS = {name: i for i, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBERS.update({name[:3]: i for i, name in enumerate(MONTHS, start=1)})
_MONTH_NUMBERS["sept"] = 9
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Day first, as the UK writes it: 15/01/2027, 15-1-27, 15.01.2027.
_NUMERIC = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# 15 Jan 2027, 15th January 2027, 15-Jan-2027, Fri 15 Jan 2027, 15 Jan (this year).
_DAY_MONTH = re.compile(
    r"(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s\-/]*([a-z]+)\.?(?:[\s\-/,]+(\d{2}|\d{4}))?"
)
# Jan 15 2027, January 15th, 2027.
_MONTH_DAY = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{2}|\d{4}))?")
_RELATIVE = {"today": 0, "tomorrow": 1, "yesterday": -1}


class DateTextError(ValueError):
    """Text that is not a date; the message says what would be understood."""


def _year(text: str | None, today: dt.date) -> int:
    if text is None:
        return today.year
    year = int(text)
    # Two-digit years are this century: 27 means 2027.
    return 2000 + year if len(text) == 2 else year


def _make(year: int, month: int, day: int, text: str) -> dt.date:
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise DateTextError(f"“{text}” has no year I can use. Try a date such as 15/01/2027.")
    if not 1 <= month <= 12:
        raise DateTextError(f"“{text}” has no month {month}. Try a date such as 15/01/2027.")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateTextError(
            f"{MONTHS[month - 1].capitalize()} {year} has no day {day}."
        ) from None


def parse_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """Reads a date typed by a person in the UK.

    Understands ``15/01/2027`` (day first), ``15-1-27``, ``15 Jan 2027``,
    ``15th January 2027``, ``Jan 15 2027``, ``2027-01-15``, ``15 Jan`` (this year),
    and ``today``, ``tomorrow`` and ``yesterday``. Blank text means no date.

    Args:
        text: what was typed.
        today: the day ``today`` means (defaults to the system's date).

    Returns:
        The date, or None for blank text.

    Raises:
        DateTextError: the text is not a date; its message explains why.
    """
    today = today or dt.date.today()
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        return None
    if cleaned in _RELATIVE:
        return today + dt.timedelta(days=_RELATIVE[cleaned])
    if match := _ISO.fullmatch(cleaned):
        year, month, day = (int(g) for g in match.groups())
        return _make(year, month, day, text.strip())
    if match := _NUMERIC.fullmatch(cleaned):
        day, month = int(match[1]), int(match[2])
        return _make(_year(match[3], today), month, day, text.strip())
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        match = pattern.fullmatch(cleaned)
        if match and match[month_group] in _MONTH_NUMBERS:
            month = _MONTH_NUMBERS[match[month_group]]
            return _make(_year(match[3], today), month, int(match[day_group]), text.strip())
    raise DateTextError(
        f"“{text.strip()}” is not a date I understand. Try 15/01/2027, 15 Jan 2027 or today."
    )


def describe_date(day: dt.date) -> str:
    """The date in full words, e.g. ``Friday 15 January 2027``, to confirm a reading."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1].capitalize()} {day.year}"


def short_date(day: dt.date | None) -> str:
    """The date as the app shows it in lists, e.g. ``15 Jan 2027``; blank for None."""
    if day is None:
        return ""
    return f"{day.day} {MONTHS[day.month - 1][:3].capitalize()} {day.year}"
