"""Time expressions to calendar intervals, relative to the article's publication date.

`find_time_expressions` finds dates ("21 сентября", "06.10.2022"), weekdays, relative words
("yesterday", "на прошлой неделе"), periods ("over the past week", "since September 21",
"с начала мобилизации") in text; `time_expressions` adds what each one reads as (`KINDS`: a
point in time, a period, an open period since a day, the day a tally stands at); `resolve_period`
turns one expression into a `DateInterval`.
Every language's words are data (lang/dates_<language>.toml, compiled by `date_grammar`);
one engine reads them, and `relative_dates` resolves relative expressions. A label
follows the gold convention: the smallest calendar unit (day, month, year) that contains the
whole interval, or "" when none does or an end is open. Nothing is resolved against today's date:
without a publication date, relative expressions and day-months without a year give None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from newsledger.base.date_grammar import (
    DateGrammar,
    Match,
    available_languages,
    grammar,
)
from newsledger.base.folding import fold
from newsledger.base.quoted import in_quoted_speech
from newsledger.base.relative_dates import (
    RESOLVERS,
    Day,
    Interval,
    Published,
    month_length,
)

__all__ = ["DateInterval", "DateGrammar", "KINDS", "Match", "TimeExpression", "available_languages",
           "expression_kind", "find_time_expressions", "grammar", "in_quoted_speech",
           "parse_time_expressions", "resolve_period", "time_expressions"]

# What an expression reads as: a point in time ("on 21 September", "yesterday", "in
# September"), a period with both ends ("from 21 to 23 September", "over the past week"), an
# open period from a day up to publication ("since 21 September") or the day a running tally
# stands at ("as of 25 September", "по состоянию на 25 сентября"), which is not when it happened.
KINDS = ("point", "period", "since", "as_of")


@dataclass(frozen=True, slots=True)
class DateInterval:
    """A closed calendar interval; `label`/`precision` render it as the gold `date` fields."""

    start: str | None  # YYYY-MM-DD
    end: str | None  # YYYY-MM-DD
    precision: str | None  # day, month, year: the unit of `label` (weeks render as month/year)
    label: str  # "2022-09-27", "2022-09", "2022", or "" when no calendar unit contains it
    kind: str = "point"  # one of KINDS


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression found in text: its span, its text, its kind (one of KINDS) and whether
    it stands inside quoted speech (whose own time the text may not state)."""

    start: int
    end: int
    text: str
    kind: str
    quoted: bool


# --- finding ------------------------------------------------------------------------------


def _grammars(language: str | None) -> list[DateGrammar]:
    if language in available_languages():
        return [grammar(language)] + ([] if language == "en" else [grammar("en")])
    return [grammar(code) for code in available_languages()]


def names_anchor(text: str, anchor: str, language: str | None = None) -> bool:
    """True when ``text`` names the anchor event ``anchor`` ("the mobilization") in its
    language's words (in every table's words when the language has none)."""
    return any(key == anchor and pattern.search(text)
               for grammar_ in _grammars(language) for pattern, key in grammar_.anchor_of)


def _atoms(text: str, folded: str | None, grammar_: DateGrammar) -> Iterator[Match]:
    for kind, found in grammar_.atom_matches(text, folded):
        groups = found.groupdict()
        month = (groups.get("month") or "").lower()
        if kind == "month" and month in grammar_.ambiguous_months:
            if not groups["month"][0].isupper():
                continue
            kind = AMBIGUOUS_MONTH
        start = found.start() + len(groups.get("lead") or "")
        end = found.end()
        if month and month not in grammar_.abbreviations and end == found.end("month") + 1:
            end -= 1  # a sentence's full stop, not an abbreviation's
        yield Match(start, end, kind, groups)


def _longest_first(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, longest first, returned left to right."""
    chosen: list[Match] = []
    for match in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        if all(match.end <= other.start or match.start >= other.end for other in chosen):
            chosen.append(match)
    return sorted(chosen, key=lambda m: m.start)


def _combine(text: str, atoms: list[Match], grammar_: DateGrammar) -> list[Match]:
    """Join "X to Y" into ranges, then extend with a leading "since"/"from" or preposition."""
    joined: list[Match] = []
    for atom in atoms:
        previous = joined[-1] if joined else None
        if (previous and previous.kind in DATED_KINDS and atom.kind in DATED_KINDS
                and grammar_.range_to.match(text[previous.end:atom.start])):
            start = previous.start
            lead = grammar_.range_from.search(text[max(0, start - 30):start])
            start -= len(lead.group(0)) if lead else 0
            joined[-1] = Match(start, atom.end, "range", {}, (previous, atom))
            continue
        joined.append(atom)
    extended = (_with_lead(text, match, grammar_) for match in joined)
    return [match for match in extended if match is not None]


def _with_lead(text: str, match: Match, grammar_: DateGrammar) -> Match | None:
    """Add a leading "between" of a day range, an "as of", a preposition, a "since" before or
    after (an open period); drop a lone ambiguous month."""
    if match.kind in OPEN_KINDS:
        return match
    window = text[max(0, match.start - LEAD_WINDOW):match.start]
    if match.kind == "day_range" and (lead := grammar_.range_from.search(window)):
        return _sure(match, start=match.start - len(lead.group(0)))
    if lead := grammar_.as_of.search(window):
        return replace(_sure(match), start=match.start - len(lead.group(0)), role="as_of")
    if lead := grammar_.preposition.search(window):
        match = _sure(match, start=match.start - len(lead.group(0)))
    lead = grammar_.since.search(text[max(0, match.start - LEAD_WINDOW):match.start])
    if lead:
        return Match(match.start - len(lead.group(0)), match.end, "since", {}, (_sure(match),))
    if tail := grammar_.since_after.match(text, match.end):
        return Match(match.start, tail.end(), "since", {}, (_sure(match),))
    return None if match.kind == AMBIGUOUS_MONTH else match


def _sure(match: Match, start: int | None = None) -> Match:
    """The match (from ``start``), an ambiguous month taken as a month."""
    kind = "month" if match.kind == AMBIGUOUS_MONTH else match.kind
    if start is None and kind == match.kind:
        return match
    return Match(match.start if start is None else start, match.end, kind, match.groups,
                 match.parts)


def _find(text: str, language: str | None) -> list[tuple[Match, DateGrammar]]:
    found: list[tuple[Match, DateGrammar]] = []
    folded = fold(text)
    for grammar_ in _grammars(language):
        atoms = _longest_first(list(_atoms(text, folded, grammar_)))
        found.extend((match, grammar_) for match in _combine(text, atoms, grammar_))
    chosen = _longest_first([match for match, _ in found])
    owner = {id(match): grammar_ for match, grammar_ in found}
    return [(match, owner[id(match)]) for match in chosen]


def parse_time_expressions(text: str, language: str | None = None) -> list[tuple[Match,
                           DateGrammar]]:
    """The time expressions of `text` as parsed matches (kind, groups) with their grammar."""
    return _find(text, language)


def find_time_expressions(text: str, language: str | None = None) -> list[tuple[int, int, str]]:
    """Spans of time expressions in `text`, non-overlapping, left to right, with their text."""
    return [(m.start, m.end, text[m.start:m.end]) for m, _ in _find(text, language)]


def time_expressions(text: str, language: str | None = None) -> list[TimeExpression]:
    """The time expressions of `text` (as `find_time_expressions`) with their kind and whether
    they stand in quoted speech."""
    return [TimeExpression(m.start, m.end, text[m.start:m.end], expression_kind(m),
                           in_quoted_speech(text, m.start)) for m, _ in _find(text, language)]


def expression_kind(match: Match) -> str:
    """What a parsed expression reads as: one of `KINDS`."""
    if match.role:
        return match.role
    if match.kind in SINCE_KINDS:
        return "since"
    return "period" if match.kind in PERIOD_KINDS else "point"


# --- resolving ----------------------------------------------------------------------------

DATED_KINDS = frozenset({"iso", "numeric", "date", "day_range", "month_year", "month", "year"})
# Kinds that already state their own start ("since ...", "over the past week").
OPEN_KINDS = frozenset({"since", "since_anchor", "past", "first", "nth"})
SINCE_KINDS = frozenset({"since", "since_anchor"})
PERIOD_KINDS = frozenset({"range", "day_range", "past", "first", "nth"})
# Kinds counted from the publication date: in quoted speech, whose day is often not stated,
# they give no interval when the caller says so.
RELATIVE_KINDS = frozenset({"weekday", "past", "ago", "relative"})
LEAD_WINDOW = 30  # characters before an expression searched for its preposition
AMBIGUOUS_MONTH = "ambiguous_month"  # "May": a month only after a preposition


def resolve_period(expression: str, published: str | None, language: str | None = None,
                   quoted: bool = False) -> DateInterval | None:
    """The calendar interval an expression means, relative to `published` (YYYY-MM[-DD]).

    Returns None when the expression is not a time expression or cannot be resolved (a relative
    expression or a day-month without a publication date, an unknown anchor). With `quoted`
    (the expression stands in quoted speech, see `in_quoted_speech`) a relative expression
    gives None too: "yesterday" in a quote counts from a day the text does not state.
    """
    found = _find(expression, language)
    if not found:
        return None
    match, grammar_ = max(found, key=lambda item: item[0].end - item[0].start)
    if quoted and _relative(match):
        return None
    try:
        interval = _resolve(match, grammar_, _parse_published(published))
    except (ValueError, OverflowError):  # a day outside the calendar ("2023 years ago")
        return None
    return replace(_render(*interval), kind=expression_kind(match)) if interval else None


def _relative(match: Match) -> bool:
    return match.kind.split(":")[0] in RELATIVE_KINDS or any(map(_relative, match.parts))


def _parse_published(published: str | None) -> Published | None:
    """The publication date of a YYYY-MM[-DD] string; None when it is no calendar day."""
    found = re.match(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?", published.strip()) if isinstance(
        published, str) else None
    if not found:
        return None
    year, month, day = (int(group) if group else None for group in found.groups())
    try:
        Day(year, month, day or 1)
    except ValueError:
        return None
    return Published(year, month, day)


def _resolve(match: Match, grammar_: DateGrammar, published: Published | None) -> Interval | None:
    if match.kind == "range":
        return _resolve_range(match, grammar_, published)
    if match.kind == "since":
        inner = _resolve(match.parts[0], grammar_, published)
        return (inner[0], published.latest) if inner and published else None
    if match.kind in DATED_KINDS:
        return _resolve_dated(match.groups, grammar_, published)
    resolver = RESOLVERS.get(match.kind.split(":")[0])
    return resolver(match, grammar_, published) if resolver and published else None


def _resolve_range(match: Match, grammar_: DateGrammar,
                   published: Published | None) -> Interval | None:
    """"21 September to 4 October": the end takes the start's year, or the next one."""
    first, last = (part.parts[0] if part.kind == "since" else part for part in match.parts)
    start = _resolve(first, grammar_, published)
    if start is None:
        return None
    groups = dict(last.groups)
    if last.kind in DATED_KINDS and not groups.get("year"):
        groups["year"] = str(start[0].year)
        end = _resolve_dated(groups, grammar_, published)
        if end and end[1] < start[0]:
            groups["year"] = str(start[0].year + 1)
            end = _resolve_dated(groups, grammar_, published)
    else:
        end = _resolve(last, grammar_, published)
    return (start[0], end[1]) if end and start[0] <= end[1] else None


def _resolve_dated(groups: dict, grammar_: DateGrammar,
                   published: Published | None) -> Interval | None:
    month = _month_number(groups, grammar_)
    day = int(groups["day"]) if groups.get("day") else None
    first_day = int(groups["first_day"]) if groups.get("first_day") else day
    year = int(groups["year"]) if groups.get("year") else None
    if month is None:
        return (Day(year, 1, 1), Day(year, 12, 31)) if year else None
    if year is None:
        year = _infer_year(month, first_day, published)
        if year is None:
            return None
        if month == 2 and month_length(year, 2) == 28:  # "29 February" in a common year
            day, first_day = (28 if value == 29 else value for value in (day, first_day))
    try:
        if day is None:
            return Day(year, month, 1), Day(year, month, month_length(year, month))
        return Day(year, month, first_day), Day(year, month, day)
    except ValueError:
        return None


def _month_number(groups: dict, grammar_: DateGrammar) -> int | None:
    if groups.get("month_number"):
        return int(groups["month_number"])
    name = (groups.get("month") or "").lower().rstrip(".")
    return grammar_.month_of.get(name) if name else None


def _infer_year(month: int, day: int | None, published: Published | None) -> int | None:
    """The publication year, or the year before when the date would fall after publication."""
    if published is None:
        return None
    if (month, day or 1) > (published.month, published.day or 31):
        return published.year - 1
    return published.year


def _render(start: Day, end: Day) -> DateInterval:
    if start == end:
        label, precision = start.isoformat(), "day"
    elif (start.year, start.month) == (end.year, end.month):
        label, precision = start.isoformat()[:7], "month"
    elif start.year == end.year:
        label, precision = str(start.year), "year"
    else:
        label, precision = "", None
    return DateInterval(start.isoformat(), end.isoformat(), precision, label)
