"""Typed read filters, paging and results: one meaning per filter, checked when it is made.

Every field is optional; ``None`` and "" mean "no filter" (an HTML form sends empty fields),
text is stripped of control characters. A value outside what a field allows raises
``InvalidFilter`` (NL320) naming the filter and its allowed values, so the CLI, the web app
and the exports refuse ``counted="left"`` or ``since="notadate"`` alike instead of finding
nothing. The fields that recur mean the same in every filter:

- ``counted``: a codebook category of a figure (``models.COUNTED``).
- ``type``: a codebook event type (``models.EVENT_TYPES``).
- ``place``: a gazetteer place id or a place name in any language the gazetteer knows
  ("Казахстан" is Kazakhstan); it matches records at that place or at a place inside it (a
  country's regions and cities, a region's cities, a city's landmarks), and records whose
  place as printed is the value (any case), which covers places the gazetteer lacks.
- ``language``: the article's language (declared, else detected), ISO 639-1/3 code.
- ``outlet``: the article's outlet (host name without www.), exactly.
- ``since``/``until``: the article's publication date, YYYY-MM-DD, both ends included; for
  events the event's own date, YYYY[-MM[-DD]], compared at that date's precision.
- ``article``: an article id; ``text``: words the article's title or text contains (all of
  them, as word prefixes where the database has full-text search); a word that names a place
  also matches the place's other names ("Kazakhstan" finds "Казахстан", ``places.search_terms``).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from datetime import date

from newsledger.errors import InvalidFilter
from newsledger.models import COUNTED, EVENT_TYPES

CONFLICT_KINDS = ("figure", "version", "reference")
MAX_TEXT = 255
_LANGUAGE = re.compile(r"[a-z]{2,3}")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YEAR_OR_MONTH = re.compile(r"[0-9]{4}(-(0[1-9]|1[0-2]))?")


def _allowed(name: str, allowed: str) -> InvalidFilter:
    return InvalidFilter(f"{name} must be {allowed}")


def _text(name: str, value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _allowed(name, f"text, not {value!r}")
    cleaned = "".join(ch for ch in value if ch.isprintable()).strip()
    if len(cleaned) > MAX_TEXT:
        raise _allowed(name, f"at most {MAX_TEXT} characters")
    return cleaned or None


def _choice(name: str, value, choices: tuple[str, ...]) -> str | None:
    value = _text(name, value)
    if value is not None and value not in choices:
        raise _allowed(name, f"one of {', '.join(choices)}; not {value!r}")
    return value


def _language(name: str, value) -> str | None:
    value = _text(name, value)
    if value is not None and not _LANGUAGE.fullmatch(value):
        raise _allowed(name, f"an ISO 639 code of 2 or 3 lower-case letters (en, ru); "
                             f"not {value!r}")
    return value


def _day(name: str, value) -> str | None:
    """A calendar date YYYY-MM-DD."""
    value = _text(name, value)
    if value is None:
        return None
    try:
        if _DAY.fullmatch(value):
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise _allowed(name, f"a calendar date YYYY-MM-DD; not {value!r}")


def event_day(name: str, value) -> str | None:
    """A year, a month or a calendar date: YYYY, YYYY-MM, YYYY-MM-DD."""
    value = _text(name, value)
    if value is not None and _YEAR_OR_MONTH.fullmatch(value):
        return value
    try:
        return _day(name, value)
    except InvalidFilter:
        raise _allowed(name, f"YYYY, YYYY-MM or a calendar date YYYY-MM-DD; not {value!r}"
                       ) from None


# How each field is checked, by name: the same name means the same everywhere.
CHECKS = {
    "article": _text, "text": _text, "outlet": _text, "place": _text,
    "language": _language,
    "counted": lambda name, value: _choice(name, value, COUNTED),
    "type": lambda name, value: _choice(name, value, EVENT_TYPES),
    "kind": lambda name, value: _choice(name, value, CONFLICT_KINDS),
    "since": _day, "until": _day,
}


class _Filter:
    """Checks and normalises every field when a filter is made (see the module docstring)."""

    _dates = _day

    def __post_init__(self) -> None:
        for spec in fields(self):
            check = type(self)._dates if spec.name in ("since", "until") else CHECKS[spec.name]
            object.__setattr__(self, spec.name, check(spec.name, getattr(self, spec.name)))
        since, until = getattr(self, "since", None), getattr(self, "until", None)
        if since and until and since > until[:len(since)] and since[:len(until)] > until:
            raise InvalidFilter(f"since {since} is after until {until}")

    def values(self) -> dict[str, str]:
        """The fields that are set."""
        return {key: value for key, value in asdict(self).items() if value}

    @property
    def terms(self) -> tuple[tuple[str, ...], ...]:
        """What ``text`` searches for: per word, the word and its alternatives (the store
        keeps the rows matching one alternative of every term)."""
        from newsledger.query.places import search_terms

        return search_terms(getattr(self, "text", None))


@dataclass(frozen=True)
class ArticleFilter(_Filter):
    """Articles; ``counted`` and ``place`` keep the articles with at least one such figure."""

    language: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    counted: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class FigureFilter(_Filter):
    """Figures, by their own fields and their article's."""

    article: str | None = None
    counted: str | None = None
    place: str | None = None
    language: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class EventFilter(_Filter):
    """Event mentions (and the merged events holding a matching mention); ``since`` and
    ``until`` are the event's own date, YYYY[-MM[-DD]], at that date's precision: a "2022-09"
    event is kept since 2022-09-21, an undated one by neither bound."""

    _dates = event_day

    article: str | None = None
    type: str | None = None
    place: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True)
class ClaimFilter(_Filter):
    """Claims; ``article`` keeps the claims with a mention in that article."""

    counted: str | None = None
    article: str | None = None


@dataclass(frozen=True)
class ConflictFilter(_Filter):
    """Conflicts; ``kind`` is figure, version or reference (a figure against an official one),
    ``article`` either side's article."""

    kind: str | None = None
    article: str | None = None


@dataclass(frozen=True)
class StoryFilter(_Filter):
    """Stories; ``article`` keeps the story holding that article."""

    article: str | None = None


def check_sort(sort: str | None, allowed: tuple[str, ...]) -> str:
    """``sort`` when it is one of ``allowed`` (the first when None)."""
    if sort is None or sort == "":
        return allowed[0]
    if sort not in allowed:
        raise _allowed("sort", f"one of {', '.join(allowed)}; not {sort!r}")
    return sort


@dataclass(frozen=True)
class Page:
    """Which rows of a list: ``limit`` rows (None: all) after skipping ``offset``."""

    limit: int | None = 50
    offset: int = 0

    def __post_init__(self) -> None:
        if self.limit is not None and (not isinstance(self.limit, int) or self.limit < 1):
            raise _allowed("limit", f"a whole number from 1 (none: every row); "
                                    f"not {self.limit!r}")
        if not isinstance(self.offset, int) or self.offset < 0:
            raise _allowed("offset", f"a whole number from 0; not {self.offset!r}")


@dataclass(frozen=True)
class Result:
    """One page of a list: its rows, how many rows the whole list has, and the page asked."""

    rows: list[dict]
    total: int
    page: Page

    @property
    def next(self) -> Page | None:
        """The page after this one, or None when this is the last."""
        end = self.page.offset + len(self.rows)
        return Page(self.page.limit, end) if end < self.total else None

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)
