"""Query parameters shared by a page and its JSON twin, validated into store filters.

HTML forms send empty fields, so an empty value means "no filter", and the OpenAPI document
says so: every query choice is an enum that includes "", every date a ``format: date``
string or "" (event dates also YYYY and YYYY-MM).
A value outside its declared schema is a 422; the one rule OpenAPI cannot state, ``since``
after ``until``, is a 400. Both in the one error shape, never a server error.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from datetime import date
from typing import Annotated, Literal

from fastapi import Query
from pydantic import AfterValidator, WithJsonSchema

from newsledger.errors import BadOption
from newsledger.models import COUNTED, EVENT_TYPES
from newsledger.store.browse import Filters
from newsledger.store.browse_events import EventFilters

_LANGUAGE = r"^([a-z]{2,3})?$"
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YEAR_OR_MONTH = r"[0-9]{4}(-(0[1-9]|1[0-2]))?"
_EMPTY = {"type": "string", "enum": [""]}
MAX_LIMIT = 500


def _calendar_date(value: str | None) -> str | None:
    """A calendar date YYYY-MM-DD, or None for an empty value."""
    if not value:
        return None
    try:
        if _DAY.fullmatch(value):
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise ValueError(f"must be a calendar date YYYY-MM-DD, not {value!r}")


def _event_date(value: str | None) -> str | None:
    """A year or month (YYYY, YYYY-MM) as event dates allow, or a calendar date."""
    if value and re.fullmatch(_YEAR_OR_MONTH, value):
        return value
    try:
        return _calendar_date(value)
    except ValueError:
        raise ValueError(f"must be YYYY, YYYY-MM or a calendar date YYYY-MM-DD, not {value!r}"
                         ) from None


Day = Annotated[str | None, AfterValidator(_calendar_date), WithJsonSchema(
    {"anyOf": [{"type": "string", "format": "date"}, _EMPTY]})]
EventDay = Annotated[str | None, AfterValidator(_event_date), WithJsonSchema(
    {"anyOf": [{"type": "string", "pattern": f"^{_YEAR_OR_MONTH}$"},
               {"type": "string", "format": "date"}, _EMPTY]})]
Counted = Literal[("", *COUNTED)]
EventType = Literal[("", *EVENT_TYPES)]
ConflictKind = Literal["", "figure", "version"]


def _date_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    if since and until and since > until:
        raise BadOption(f"since {since} is after until {until}")
    return since, until


def _text(value: str | None) -> str | None:
    """Strip a free-text value; control characters are dropped, empty means no filter."""
    if value is None:
        return None
    cleaned = "".join(ch for ch in value if ch.isprintable()).strip()
    return cleaned or None


def filters(
    q: Annotated[str | None, Query(max_length=200,
                                   description="Words the article text contains.")] = None,
    language: Annotated[str | None, Query(pattern=_LANGUAGE,
                                          description="ISO 639-1 language.")] = None,
    outlet: Annotated[str | None, Query(max_length=255, description="Outlet host name.")] = None,
    counted: Annotated[Counted | None, Query(description="Figure category (codebook).")] = None,
    place: Annotated[str | None, Query(max_length=200,
                                       description="Figure place or gazetteer id.")] = None,
    since: Annotated[Day, Query(description="Published on or after (not after until).")] = None,
    until: Annotated[Day, Query(description="Published on or before.")] = None,
) -> Filters:
    """The search and figure filters of a request."""
    since, until = _date_range(since, until)
    return Filters(q=_text(q), language=language or None, outlet=_text(outlet),
                   counted=counted or None, place=_text(place), since=since, until=until)


def event_filters(
    type: Annotated[EventType | None, Query(description="Event type (codebook).")] = None,
    place: Annotated[str | None, Query(max_length=200,
                                       description="Event place or gazetteer id.")] = None,
    since: Annotated[EventDay, Query(
        description="Event date on or after (YYYY[-MM[-DD]], not after until).")] = None,
    until: Annotated[EventDay, Query(
        description="Event date on or before (YYYY[-MM[-DD]]).")] = None,
) -> EventFilters:
    """The events list filters of a request."""
    since, until = _date_range(since, until)
    return EventFilters(type=type or None, place=_text(place), since=since, until=until)


def filter_values(chosen: Filters | EventFilters) -> dict[str, str]:
    """The filters that are set, as query parameters."""
    return {key: value for key, value in asdict(chosen).items() if value}


class Paging:
    """``offset`` and ``limit`` of a list request."""

    def __init__(
        self,
        offset: int = Query(0, ge=0, le=10_000_000, description="Rows to skip."),
        limit: int = Query(50, ge=1, le=MAX_LIMIT, description="Rows per page."),
    ) -> None:
        self.offset, self.limit = offset, limit
