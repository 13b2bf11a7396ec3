"""Query parameters shared by a page and its JSON twin, made into the read API's filters.

HTML forms send empty fields, so an empty value means "no filter", and the OpenAPI document
says so: every query choice is an enum that includes "", every date a ``format: date``
string or "" (event dates also YYYY and YYYY-MM).
A value outside its declared schema is a 422 (NL302); what OpenAPI cannot state, such as
``since`` after ``until``, the filter refuses (NL320, a 400). Both in the one error shape.
The values mean what ``query.filters`` says; only ``q`` is the filters' ``text``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Depends, Query
from pydantic import AfterValidator, WithJsonSchema

from newsledger.errors import InvalidFilter
from newsledger.models import COUNTED, EVENT_TYPES
from newsledger.query import (
    CONFLICT_KINDS,
    ArticleFilter,
    EventFilter,
    FigureFilter,
    Page,
)
from newsledger.query.filters import CHECKS, MAX_TEXT, event_day

_LANGUAGE = r"^([a-z]{2,3})?$"
_YEAR_OR_MONTH = r"[0-9]{4}(-(0[1-9]|1[0-2]))?"
_EMPTY = {"type": "string", "enum": [""]}
MAX_LIMIT = 500


def _checked(check):
    """A pydantic validator from a filter check (its error a ValueError, so a 422)."""
    def validate(value: str | None) -> str | None:
        try:
            return check("value", value)
        except InvalidFilter as error:
            raise ValueError(error.message.removeprefix("value ")) from None

    return validate


Day = Annotated[str | None, AfterValidator(_checked(CHECKS["since"])), WithJsonSchema(
    {"anyOf": [{"type": "string", "format": "date"}, _EMPTY]})]
EventDay = Annotated[str | None, AfterValidator(_checked(event_day)), WithJsonSchema(
    {"anyOf": [{"type": "string", "pattern": f"^{_YEAR_OR_MONTH}$"},
               {"type": "string", "format": "date"}, _EMPTY]})]
Counted = Literal[("", *COUNTED)]
EventType = Literal[("", *EVENT_TYPES)]
ConflictKind = Literal[("", *CONFLICT_KINDS)]


def _values(
    q: Annotated[str | None, Query(max_length=200,
                                   description="Words the article text contains.")] = None,
    language: Annotated[str | None, Query(pattern=_LANGUAGE,
                                          description="ISO 639-1 language.")] = None,
    outlet: Annotated[str | None, Query(max_length=MAX_TEXT,
                                        description="Outlet host name.")] = None,
    counted: Annotated[Counted | None, Query(description="Figure category (codebook).")] = None,
    place: Annotated[str | None, Query(
        max_length=200, description="Gazetteer place id or name in any language; places "
                                    "inside it included.")] = None,
    since: Annotated[Day, Query(description="Published on or after (not after until).")] = None,
    until: Annotated[Day, Query(description="Published on or before.")] = None,
) -> dict:
    return {"text": q, "language": language, "outlet": outlet, "counted": counted,
            "place": place, "since": since, "until": until}


def article_filter(values: dict = Depends(_values)) -> ArticleFilter:
    """The search page's filters."""
    return ArticleFilter(**values)


def figure_filter(values: dict = Depends(_values)) -> FigureFilter:
    """The figure list's filters (and its downloads')."""
    return FigureFilter(**values)


def event_filter(
    type: Annotated[EventType | None, Query(description="Event type (codebook).")] = None,
    place: Annotated[str | None, Query(
        max_length=200, description="Gazetteer place id or name in any language; places "
                                    "inside it included.")] = None,
    since: Annotated[EventDay, Query(
        description="Event date on or after (YYYY[-MM[-DD]], not after until).")] = None,
    until: Annotated[EventDay, Query(
        description="Event date on or before (YYYY[-MM[-DD]]).")] = None,
) -> EventFilter:
    """The events list filters of a request."""
    return EventFilter(type=type, place=place, since=since, until=until)


def filter_values(chosen) -> dict[str, str]:
    """The filters that are set, as query parameters (``text`` is ``q``)."""
    return {("q" if key == "text" else key): value for key, value in chosen.values().items()}


def paging(
    offset: int = Query(0, ge=0, le=10_000_000, description="Rows to skip."),
    limit: int = Query(50, ge=1, le=MAX_LIMIT, description="Rows per page."),
) -> Page:
    """``offset`` and ``limit`` of a list request."""
    return Page(limit, offset)
