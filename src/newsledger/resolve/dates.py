"""Time expressions to calendar intervals, relative to the article's publication date.

`find_time_expressions` finds dates ("21 сентября", "06.10.2022"), weekdays, relative words
("yesterday", "на прошлой неделе"), periods ("over the past week", "since September 21",
"с начала мобилизации") in text; `resolve_period` turns one expression into a `DateInterval`.
Every language's words are data (lang/dates_<language>.toml); one engine reads them. A label
follows the gold convention: the smallest calendar unit (day, month, year) that contains the
whole interval, or "" when none does or an end is open. Nothing is resolved against today's date:
without a publication date, relative expressions and day-months without a year give None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

LANG_DIR = Path(__file__).with_name("lang")
DEFAULT_LANGUAGES = ("en",)
Day = dt.date


@dataclass(frozen=True, slots=True)
class DateInterval:
    """A closed calendar interval; `label`/`precision` render it as the gold `date` fields."""

    start: str | None  # YYYY-MM-DD
    end: str | None  # YYYY-MM-DD
    precision: str | None  # day, month, year: the unit of `label` (weeks render as month/year)
    label: str  # "2022-09-27", "2022-09", "2022", or "" when no calendar unit contains it


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
        return Day(self.year, self.month, self.day or _month_length(self.year, self.month))


@dataclass(frozen=True, slots=True)
class Match:
    """One expression found in text: its span, kind and the captured groups."""

    start: int
    end: int
    kind: str
    groups: dict[str, str | None]
    parts: tuple[Match, ...] = ()


# --- tables -------------------------------------------------------------------------------


@cache
def _common() -> dict:
    with (LANG_DIR / "dates_common.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def available_languages() -> tuple[str, ...]:
    """Languages with a date table."""
    names = sorted(path.stem.removeprefix("dates_") for path in LANG_DIR.glob("dates_*.toml"))
    return tuple(name for name in names if name != "common")


@cache
def _table(language: str) -> dict:
    with (LANG_DIR / f"dates_{language}.toml").open("rb") as handle:
        return tomllib.load(handle)


def _alternation(forms: list[str], escape: bool = True) -> str:
    ordered = sorted(forms, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(f) if escape else f for f in ordered) + ")"


def _spaced(pattern: str) -> str:
    return pattern.replace(" ", r"\s+")


@dataclass(frozen=True)
class Grammar:
    """The compiled patterns of one language and the lookup tables their groups need."""

    language: str
    month_of: dict[str, int]
    weekday_of: dict[str, int]
    ambiguous_months: frozenset[str]
    abbreviations: frozenset[str]  # month forms that may take a full stop ("Sept.")
    numbers: dict[str, int]
    unit_of: list[tuple[re.Pattern, str]]
    anchor_of: list[tuple[re.Pattern, str]]
    atoms: list[tuple[str, re.Pattern]]
    since: re.Pattern
    range_from: re.Pattern
    range_to: re.Pattern
    preposition: re.Pattern


@cache
def grammar(language: str) -> Grammar:
    """Compile a language's date table (cached)."""
    table = _table(language)
    month_of = {form.lower(): index + 1 for index, forms in enumerate(table["months"])
                for form in forms}
    weekday_of = {form.lower(): index for index, forms in enumerate(table["weekdays"])
                  for form in forms}
    numbers = {word.lower(): value for word, value in table.get("numbers", {}).items()}
    month = f"(?P<month>{_alternation(list(month_of))})\\.?"
    day_suffix = table.get("day_suffix", "")
    of = _alternation(table.get("of", []) or ["\x00"])
    year_words = table.get("year_words", [])
    year_tail = rf"(?:\s*{_alternation(year_words, escape=False)})?" if year_words else ""
    year = rf"(?P<year>(?:19|20)\d\d)(?!\d){year_tail}"
    day = rf"(?P<day>[0-3]?\d){day_suffix}"
    number = rf"(?:\d+|{_alternation(list(numbers))})" if numbers else r"\d+"
    units = table.get("units", {})
    anchors = table.get("anchors", {})
    placeholders = {
        "{N}": f"(?P<n>{number})", "{N2}": f"(?P<n2>{number})",
        "{UNIT}": f"(?P<unit>{'|'.join(units.values()) or 'x^'})",
        "{ANCHOR}": f"(?P<anchor>{'|'.join(anchors.values()) or 'x^'})",
    }
    to = _alternation(table.get("range_to", []) + ["-", "–", "—"])
    atoms: list[tuple[str, re.Pattern]] = []

    def add(kind: str, pattern: str) -> None:
        for key, value in placeholders.items():
            pattern = pattern.replace(key, value)
        atoms.append((kind, re.compile(rf"(?<!\w){_spaced(pattern)}(?!\w)", re.IGNORECASE)))

    for kind, templates in table.get("patterns", {}).items():
        for template in templates:
            add(kind, template)
    for meaning, phrases in table.get("relative", {}).items():
        add(f"relative:{meaning}", _alternation(phrases, escape=False))
    add("iso", r"(?P<year>\d{4})-(?P<month_number>\d\d)-(?P<day>\d\d)")
    add("numeric", r"(?P<day>[0-3]?\d)[./](?P<month_number>[01]?\d)[./](?P<year>(?:19|20)\d\d)")
    add("day_range", rf"(?P<first_day>[0-3]?\d){day_suffix}\s*{to}\s*{day}\s*(?:{of}\s+)?"
        rf"{month}(?:,?\s*(?:{of}\s+)?{year})?")
    add("day_range", rf"{month}\s+(?P<first_day>[0-3]?\d){day_suffix}\s*[-–—]\s*{day}"
        rf"(?:,?\s*{year})?")
    add("date", rf"{day}\s*(?:{of}\s+)?{month}(?:,?\s*(?:{of}\s+)?{year})?")
    add("date", rf"{month}\s+{day}(?:,?\s*{year})?")
    add("month_year", rf"{month}\s*,?\s*(?:{of}\s+)?{year}")
    add("month", month)
    add("weekday", f"(?P<weekday>{_alternation(list(weekday_of))})")
    year_prepositions = table.get("year_prepositions", [])
    if year_prepositions:
        add("year", rf"(?P<lead>{_alternation(year_prepositions, escape=False)}\s+){year}")
    if year_words:
        atoms.append(("year", re.compile(rf"(?<![\d.,]){year}", re.IGNORECASE)))

    def keyed(mapping: dict[str, str]) -> list[tuple[re.Pattern, str]]:
        return [(re.compile(_spaced(p), re.IGNORECASE), key) for key, p in mapping.items()]

    def leading(words: list[str]) -> re.Pattern:
        return re.compile(rf"(?<!\w){_spaced(_alternation(words or ['x^'], False))}\s+$",
                          re.IGNORECASE)

    abbreviations = frozenset(
        form.lower() for forms in table["months"] for form in forms
        if any(other != form and other.startswith(form) for other in forms)
    )
    return Grammar(
        language, month_of, weekday_of, frozenset(table.get("ambiguous_months", [])),
        abbreviations, numbers,
        keyed(units), keyed(anchors), atoms, leading(table.get("since", [])),
        leading(table.get("range_from", [])),
        re.compile(rf"^\s*{_spaced(to)}\s*$", re.IGNORECASE),
        leading(table.get("prepositions", [])),
    )


# --- finding ------------------------------------------------------------------------------


def _grammars(language: str | None) -> list[Grammar]:
    if language in available_languages():
        return [grammar(language)] + ([] if language == "en" else [grammar("en")])
    return [grammar(code) for code in available_languages()]


def _atoms(text: str, grammar_: Grammar) -> Iterator[Match]:
    for kind, pattern in grammar_.atoms:
        for found in pattern.finditer(text):
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


def _combine(text: str, atoms: list[Match], grammar_: Grammar) -> list[Match]:
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


def _with_lead(text: str, match: Match, grammar_: Grammar) -> Match | None:
    """Add a leading preposition and a "since" (an open period); drop a lone ambiguous month."""
    if match.kind in OPEN_KINDS:
        return match
    lead = grammar_.preposition.search(text[max(0, match.start - 30):match.start])
    if lead:
        match = replace(_sure(match), start=match.start - len(lead.group(0)))
    lead = grammar_.since.search(text[max(0, match.start - 30):match.start])
    if lead:
        return Match(match.start - len(lead.group(0)), match.end, "since", {}, (_sure(match),))
    return None if match.kind == AMBIGUOUS_MONTH else match


def _sure(match: Match) -> Match:
    return replace(match, kind="month") if match.kind == AMBIGUOUS_MONTH else match


def _find(text: str, language: str | None) -> list[tuple[Match, Grammar]]:
    found: list[tuple[Match, Grammar]] = []
    for grammar_ in _grammars(language):
        atoms = _longest_first(list(_atoms(text, grammar_)))
        found.extend((match, grammar_) for match in _combine(text, atoms, grammar_))
    chosen = _longest_first([match for match, _ in found])
    owner = {id(match): grammar_ for match, grammar_ in found}
    return [(match, owner[id(match)]) for match in chosen]


def parse_time_expressions(text: str, language: str | None = None) -> list[tuple[Match, Grammar]]:
    """The time expressions of `text` as parsed matches (kind, groups) with their grammar."""
    return _find(text, language)


def find_time_expressions(text: str, language: str | None = None) -> list[tuple[int, int, str]]:
    """Spans of time expressions in `text`, non-overlapping, left to right, with their text."""
    return [(m.start, m.end, text[m.start:m.end]) for m, _ in _find(text, language)]


# --- resolving ----------------------------------------------------------------------------

DATED_KINDS = frozenset({"iso", "numeric", "date", "day_range", "month_year", "month", "year"})
# Kinds that already state their own start ("since ...", "over the past week").
OPEN_KINDS = frozenset({"since", "since_anchor", "past", "first"})
AMBIGUOUS_MONTH = "ambiguous_month"  # "May": a month only after a preposition


def resolve_period(expression: str, published: str | None,
                   language: str | None = None) -> DateInterval | None:
    """The calendar interval an expression means, relative to `published` (YYYY-MM[-DD]).

    Returns None when the expression is not a time expression or cannot be resolved (a relative
    expression or a day-month without a publication date, an unknown anchor).
    """
    found = _find(expression, language)
    if not found:
        return None
    match, grammar_ = max(found, key=lambda item: item[0].end - item[0].start)
    interval = _resolve(match, grammar_, _parse_published(published))
    return _render(*interval) if interval else None


def _parse_published(published: str | None) -> Published | None:
    if not published:
        return None
    found = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", published.strip())
    if not found:
        return None
    year, month, day = found.groups()
    return Published(int(year), int(month), int(day) if day else None)


Interval = tuple[Day, Day]


def _resolve(match: Match, grammar_: Grammar, published: Published | None) -> Interval | None:
    if match.kind == "range":
        return _resolve_range(match, grammar_, published)
    if match.kind == "since":
        inner = _resolve(match.parts[0], grammar_, published)
        return (inner[0], published.latest) if inner and published else None
    if match.kind in DATED_KINDS:
        return _resolve_dated(match.groups, grammar_, published)
    resolver = RESOLVERS.get(match.kind.split(":")[0])
    return resolver(match, grammar_, published) if resolver and published else None


def _resolve_range(match: Match, grammar_: Grammar, published: Published | None) -> Interval | None:
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


def _resolve_dated(groups: dict, grammar_: Grammar, published: Published | None) -> Interval | None:
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
    try:
        if day is None:
            return Day(year, month, 1), Day(year, month, _month_length(year, month))
        return Day(year, month, first_day), Day(year, month, day)
    except ValueError:
        return None


def _month_number(groups: dict, grammar_: Grammar) -> int | None:
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


def _month_length(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


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


# --- relative expressions (need a publication day or month) ----------------------------------


def _count(value: str | None, grammar_: Grammar) -> int:
    if not value:
        return 1
    return int(value) if value.isdigit() else grammar_.numbers.get(value.lower(), 1)


def _unit(value: str, grammar_: Grammar) -> str:
    return next((unit for pattern, unit in grammar_.unit_of if pattern.fullmatch(value)), "day")


def _shift(day: Day, count: int, unit: str) -> Day:
    """`day` moved back by `count` units (months and years keep the day where possible)."""
    if unit in ("hour", "day", "week"):
        return day - dt.timedelta(days=count * {"hour": 1 / 24, "day": 1, "week": 7}[unit])
    months = count * (12 if unit == "year" else 1)
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return Day(year, month + 1, min(day.day, _month_length(year, month + 1)))


def _resolve_weekday(match: Match, grammar_: Grammar, published: Published) -> Interval | None:
    if published.date is None:
        return None
    weekday = grammar_.weekday_of[match.groups["weekday"].lower()]
    day = published.date - dt.timedelta(days=(published.date.weekday() - weekday) % 7)
    return day, day


def _resolve_past(match: Match, grammar_: Grammar, published: Published) -> Interval | None:
    if published.date is None:
        return None
    count = _count(match.groups.get("n"), grammar_)
    return _shift(published.date, count, _unit(match.groups["unit"], grammar_)), published.date


def _resolve_ago(match: Match, grammar_: Grammar, published: Published) -> Interval | None:
    if published.date is None:
        return None
    unit = _unit(match.groups["unit"], grammar_)
    near = _count(match.groups.get("n"), grammar_)
    far = _count(match.groups.get("n2"), grammar_) if match.groups.get("n2") else near
    return _shift(published.date, far, unit), _shift(published.date, near, unit)


def _anchor(match: Match, grammar_: Grammar) -> Day | None:
    text = match.groups.get("anchor") or ""
    name = next((key for pattern, key in grammar_.anchor_of if pattern.fullmatch(text)), None)
    return Day.fromisoformat(_common()["anchors"][name]) if name else None


def _resolve_since_anchor(match: Match, grammar_: Grammar,
                          published: Published) -> Interval | None:
    start = _anchor(match, grammar_)
    return (start, published.latest) if start and start <= published.latest else None


def _resolve_first(match: Match, grammar_: Grammar, published: Published) -> Interval | None:
    start = _anchor(match, grammar_)
    if start is None:
        return None
    count = _count(match.groups.get("n"), grammar_)
    unit = _unit(match.groups["unit"], grammar_)
    end = start + (start - _shift(start, count, unit)) - dt.timedelta(days=1)
    return start, end


def _month_interval(year: int, month: int) -> Interval:
    return Day(year, month, 1), Day(year, month, _month_length(year, month))


def _resolve_relative(match: Match, grammar_: Grammar, published: Published) -> Interval | None:
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


RESOLVERS: dict[str, Callable[[Match, Grammar, Published], Interval | None]] = {
    "weekday": _resolve_weekday,
    "past": _resolve_past,
    "ago": _resolve_ago,
    "since_anchor": _resolve_since_anchor,
    "first": _resolve_first,
    "relative": _resolve_relative,
}
