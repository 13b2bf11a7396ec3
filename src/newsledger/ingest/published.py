"""Publication dates at ingest: every stored ``published`` is a calendar day, YYYY-MM-DD.

An ISO date is checked (``2022-02-30`` is no day); an ISO datetime keeps its date as written
(``2022-09-21T23:30:00-05:00`` is 21 September, the day the source printed); any other value
("yesterday", "3 days ago", "21 September 2022") is read by dateparser against the time the
input was written (a file's modification time) and kept when it names one day no later than
that. Anything else is no date: the caller stores the article without it and warns (NL116).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\S*)?")
# Longer values are no date a source would print.
_LONGEST = 64


@lru_cache(maxsize=8)
def _known(languages: tuple[str, ...]) -> list[str] | None:
    from dateparser.languages.loader import default_loader

    known = default_loader.get_locale_map().keys()
    return [code for code in languages if code in known] or None


def _iso_day(value: str) -> str | None:
    match = _ISO.fullmatch(value)
    if match is None:
        return None
    try:
        return date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None


def _spelled_day(value: str, written: datetime, languages: tuple[str, ...]) -> str | None:
    if not any(char.isalpha() for char in value) and not re.search(r"\d{4}", value):
        return None
    from dateparser.date import DateDataParser

    parser = DateDataParser(languages=_known(languages), settings={
        "RELATIVE_BASE": written, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False})
    try:
        data = parser.get_date_data(value)
    except (ValueError, OverflowError, ArithmeticError):
        return None
    if data.date_obj is None or data.period != "day":
        return None
    if data.date_obj.date() > written.date() + timedelta(days=1):
        return None
    return data.date_obj.date().isoformat()


def normalise_published(value: object, written: float | None,
                        languages: tuple[str, ...] = ("en",)) -> tuple[str | None, bool]:
    """``(YYYY-MM-DD or None, whether a value was given that is no date)``; ``written`` is
    the POSIX time relative dates count from (None: now)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, False
    if not isinstance(value, str) or len(value) > _LONGEST:
        return None, True
    value = value.strip()
    if _ISO.match(value):
        day = _iso_day(value)
        return day, day is None
    base = datetime.fromtimestamp(written) if written is not None else datetime.now()
    day = _spelled_day(value, base, languages)
    return day, day is None
