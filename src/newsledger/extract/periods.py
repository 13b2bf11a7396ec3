"""The time reference of a figure: the time expression of its sentence, as the gold states it.

``period`` is the expression nearest the number in its sentence (``resolve.dates`` finds and
parses it), written as stated in English texts ("since September 21", "last weekend") and
rendered in English from its parsed meaning for other languages ("с 21 сентября" → "since
September 21", "вчера" → "yesterday"). The calendar interval (``period_start``, ``period_end``,
``period_precision``) is the expression resolved against the publication date.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from functools import lru_cache

from newsledger.base.codebook import codebook
from newsledger.base.dates import (
    DateGrammar,
    DateInterval,
    Match,
    parse_time_expressions,
    resolve_period,
)

ENGLISH = "en"


@dataclass(frozen=True)
class Period:
    """One time expression of a sentence: its span, its English rendering and its interval."""

    start: int
    end: int
    label: str | None
    interval_start: str | None = None
    interval_end: str | None = None
    precision: str | None = None


def _month(grammar: DateGrammar, word: str | None) -> str | None:
    number = grammar.month_of.get((word or "").lower().rstrip("."))
    return calendar.month_name[number] if number else None


def _day_month(grammar: DateGrammar, groups: dict) -> str | None:
    month = _month(grammar, groups.get("month"))
    if month is None or not groups.get("day"):
        return month
    year = f", {groups['year']}" if groups.get("year") else ""
    return f"{month} {int(groups['day'])}{year}"


def _count(grammar: DateGrammar, groups: dict) -> str:
    word = (groups.get("n") or "").lower()
    return word if word.isdigit() else str(grammar.numbers[word]) if word in grammar.numbers else ""


def _unit(grammar: DateGrammar, groups: dict) -> str | None:
    text = groups.get("unit") or ""
    return next((unit for pattern, unit in grammar.unit_of if pattern.fullmatch(text)), None)


def _render(match: Match, grammar: DateGrammar) -> str | None:
    """An English rendering of a parsed expression of another language."""
    kind, groups = match.kind, match.groups
    if kind == "since" and match.parts:
        inner = _render(match.parts[0], grammar)
        return f"since {inner.removeprefix('on ').removeprefix('in ')}" if inner else None
    if kind == "since_anchor":
        anchor = next((key for pattern, key in grammar.anchor_of
                       if pattern.fullmatch(groups.get("anchor") or "")), None)
        anchors = codebook().anchors
        return f"since {anchors[anchor].english}" if anchor in anchors else None
    if kind == "date":
        rendered = _day_month(grammar, groups)
        return f"on {rendered}" if rendered else None
    if kind in ("month", "month_year"):
        month = _month(grammar, groups.get("month"))
        year = f" {groups['year']}" if groups.get("year") else ""
        return f"in {month}{year}" if month else None
    if kind == "weekday":
        index = grammar.weekday_of.get((groups.get("weekday") or "").lower())
        return f"on {calendar.day_name[index]}" if index is not None else None
    if kind.startswith("relative:"):
        return kind.removeprefix("relative:").replace("_", " ")
    if kind in ("past", "ago"):
        unit, count = _unit(grammar, groups), _count(grammar, groups)
        if unit is None:
            return None
        amount = f"{count} {unit}s" if count and count != "1" else unit
        return f"in the past {amount}" if kind == "past" else f"{amount} ago"
    return None


def _as_stated(text: str, grammar: DateGrammar) -> str:
    """An English expression as written, lower-cased at the start of a sentence ("On Sunday")
    unless it begins with a name (a month or weekday)."""
    first = text.split()[0].lower().rstrip(".,")
    if first in grammar.month_of or first in grammar.weekday_of:
        return text
    return text[:1].lower() + text[1:]


@lru_cache(maxsize=4096)
def _resolved(expression: str, published: str | None, language: str) -> DateInterval | None:
    return resolve_period(expression, published, language)


def find_periods(text: str, start: int, end: int, language: str | None,
                 published: str | None) -> list[Period]:
    """The time expressions of ``text[start:end]`` with their English label and interval."""
    periods = []
    for match, grammar in parse_time_expressions(text[start:end], language):
        stated = text[start + match.start:start + match.end]
        label = _as_stated(stated, grammar) if grammar.language == ENGLISH else _render(
            match, grammar)
        interval = _resolved(stated, published, grammar.language)
        periods.append(Period(
            start + match.start, start + match.end, label,
            interval.start if interval else None, interval.end if interval else None,
            interval.precision if interval else None))
    return periods
