"""Relative time expressions resolved against the publication date.

"yesterday", "last week", "over the past two weeks", "three days ago", "on Sunday", "since the
mobilization", "the first week after the invasion", "the second year of the war": each kind of
expression has a resolver that needs the publication day (or month, for "this month" and "last
year"); `RESOLVERS` maps the kind of a parsed `Match` to its resolver.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from newsledger.base.codebook import codebook
from newsledger.base.date_grammar import DateGrammar, Match

Day = dt.date
Interval = tuple[Day, Day]


@dataclass(frozen=True, slots=True)
class Published:
    """The publication date; `day` is None when only the year and month are known."""

    year: int
    month: int
    day: int | None

    @property
    def date(self) -> Day | None:
        return Day(self.year, self.month, self.day) if self.day else None

    @property
    def latest(self) -> Day:
        """The last day the publication can fall on."""
        return Day(self.year, self.month, self.day or month_length(self.year, self.month))


def month_length(year: int, month: int) -> int:
    """The number of days of a month."""
    return calendar.monthrange(year, month)[1]


def _count(value: str | None, grammar_: DateGrammar) -> int:
    if not value:
        return 1
    return int(value) if value.isdigit() else grammar_.numbers.get(value.lower(), 1)


def _unit(value: str, grammar_: DateGrammar) -> str:
    return next((unit for pattern, unit in grammar_.unit_of if pattern.fullmatch(value)), "day")


def _shift(day: Day, count: int, unit: str) -> Day:
    """`day` moved back by `count` units (months and years keep the day where possible)."""
    if unit in ("hour", "day", "week"):
        return day - dt.timedelta(days=count * {"hour": 1 / 24, "day": 1, "week": 7}[unit])
    months = count * (12 if unit == "year" else 1)
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return Day(year, month + 1, min(day.day, month_length(year, month + 1)))


def _resolve_weekday(match: Match, grammar_: DateGrammar, published: Published) -> Interval | None:
    if published.date is None:
        return None
    weekday = grammar_.weekday_of[match.groups["weekday"].lower()]
    day = published.date - dt.timedelta(days=(published.date.weekday() - weekday) % 7)
    return day, day


def _resolve_past(match: Match, grammar_: DateGrammar, published: Published) -> Interval | None:
    if published.date is None:
        return None
    count = _count(match.groups.get("n"), grammar_)
    return _shift(published.date, count, _unit(match.groups["unit"], grammar_)), published.date


def _resolve_ago(match: Match, grammar_: DateGrammar, published: Published) -> Interval | None:
    if published.date is None:
        return None
    unit = _unit(match.groups["unit"], grammar_)
    near = _count(match.groups.get("n"), grammar_)
    far = _count(match.groups.get("n2"), grammar_) if match.groups.get("n2") else near
    return _shift(published.date, far, unit), _shift(published.date, near, unit)


def _anchor(match: Match, grammar_: DateGrammar) -> Day | None:
    text = match.groups.get("anchor") or ""
    name = next((key for pattern, key in grammar_.anchor_of if pattern.fullmatch(text)), None)
    anchors = codebook().anchors
    return Day.fromisoformat(anchors[name].day) if name in anchors else None


def _resolve_since_anchor(match: Match, grammar_: DateGrammar,
                          published: Published) -> Interval | None:
    start = _anchor(match, grammar_)
    return (start, published.latest) if start and start <= published.latest else None


def _resolve_first(match: Match, grammar_: DateGrammar, published: Published) -> Interval | None:
    start = _anchor(match, grammar_)
    if start is None:
        return None
    count = _count(match.groups.get("n"), grammar_)
    unit = _unit(match.groups["unit"], grammar_)
    end = start + (start - _shift(start, count, unit)) - dt.timedelta(days=1)
    return start, end


def _resolve_nth(match: Match, grammar_: DateGrammar, published: Published) -> Interval | None:
    """"the second year of the war": the anchor's day moved on by one unit less than the
    ordinal, for one unit."""
    start = _anchor(match, grammar_)
    ordinal = grammar_.ordinals.get((match.groups.get("ordinal") or "").lower())
    if start is None or ordinal is None:
        return None
    unit = _unit(match.groups["unit"], grammar_)
    first = _shift(start, 1 - ordinal, unit)
    return first, _shift(start, -ordinal, unit) - dt.timedelta(days=1)


def _month_interval(year: int, month: int) -> Interval:
    return Day(year, month, 1), Day(year, month, month_length(year, month))


def _resolve_relative(match: Match, grammar_: DateGrammar, published: Published) -> Interval | None:
    meaning = match.kind.split(":", 1)[1]
    day = published.date
    year, month = published.year, published.month
    if meaning == "this_month":
        return Day(year, month, 1), published.latest
    if meaning == "last_month":
        previous = Day(year, month, 1) - dt.timedelta(days=1)
        return _month_interval(previous.year, previous.month)
    if meaning in ("this_year", "last_year"):
        target = year if meaning == "this_year" else year - 1
        return Day(target, 1, 1), (published.latest if meaning == "this_year"
                                    else Day(target, 12, 31))
    if day is None:
        return None
    monday = day - dt.timedelta(days=day.weekday())
    saturday = day - dt.timedelta(days=(day.weekday() - 5) % 7 or 7)
    intervals = {
        "today": (day, day),
        "yesterday": (day - dt.timedelta(days=1),) * 2,
        "day_before_yesterday": (day - dt.timedelta(days=2),) * 2,
        "this_week": (monday, day),
        "last_week": (monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)),
        "last_weekend": (saturday, saturday + dt.timedelta(days=1)),
    }
    return intervals.get(meaning)


RESOLVERS: dict[str, Callable[[Match, DateGrammar, Published], Interval | None]] = {
    "weekday": _resolve_weekday,
    "past": _resolve_past,
    "ago": _resolve_ago,
    "since_anchor": _resolve_since_anchor,
    "first": _resolve_first,
    "nth": _resolve_nth,
    "relative": _resolve_relative,
}
