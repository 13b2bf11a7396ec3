"""Query parameters shared by a page and its JSON twin, validated into store filters.

HTML forms send empty fields, so an empty value means "no filter". Anything else malformed is
a coded 4xx error, never a server error.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from fastapi import Query

from newsledger.errors import BadOption
from newsledger.models import COUNTED, EVENT_TYPES
from newsledger.store.browse import Filters
from newsledger.store.browse_events import EventFilters

_DATE = r"^(\d{4}-\d{2}-\d{2})?$"
_LANGUAGE = r"^([a-z]{2,3})?$"
_PARTIAL_DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
MAX_LIMIT = 500


def _date(name: str, value: str | None) -> str | None:
    """A calendar date YYYY-MM-DD, or a year or month (YYYY, YYYY-MM) as event dates allow."""
    if not value:
        return None
    try:
        date.fromisoformat(value + "-01-01"[len(value) - 4:] if len(value) < 10 else value)
    except ValueError as error:
        raise BadOption(f"{name} must be a calendar date YYYY-MM-DD, not {value!r}") from error
    return value


def _date_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    since, until = _date("since", since), _date("until", until)
    if since and until and since > until:
        raise BadOption(f"since {since} is after until {until}")
    return since, until


def _text(value: str | None) -> str | None:
    """Strip a free-text value; control characters are dropped, empty means no filter."""
    if value is None:
        return None
    cleaned = "".join(ch for ch in value if ch.isprintable()).strip()
    return cleaned or None


def counted_option(counted: str | None) -> str | None:
    """A codebook category, or None for an empty value."""
    if not counted:
        return None
    if counted not in COUNTED:
        raise BadOption(f"counted must be one of {', '.join(COUNTED)}; not {counted!r}")
    return counted


def filters(
    q: str | None = Query(None, max_length=200, description="Words the article text contains."),
    language: str | None = Query(None, pattern=_LANGUAGE, description="ISO 639-1 language."),
    outlet: str | None = Query(None, max_length=255, description="Outlet host name."),
    counted: str | None = Query(None, max_length=40, description="Figure category (codebook)."),
    place: str | None = Query(None, max_length=200, description="Figure place or gazetteer id."),
    since: str | None = Query(None, pattern=_DATE, description="Published on or after."),
    until: str | None = Query(None, pattern=_DATE, description="Published on or before."),
) -> Filters:
    """The search and figure filters of a request."""
    since, until = _date_range(since, until)
    return Filters(q=_text(q), language=language or None, outlet=_text(outlet),
                   counted=counted_option(counted), place=_text(place), since=since, until=until)


def event_filters(
    type: str | None = Query(None, max_length=40, description="Event type (codebook)."),
    place: str | None = Query(None, max_length=200, description="Event place or gazetteer id."),
    since: str | None = Query(None, pattern=_PARTIAL_DATE,
                              description="Event date on or after (YYYY[-MM[-DD]])."),
    until: str | None = Query(None, pattern=_PARTIAL_DATE,
                              description="Event date on or before (YYYY[-MM[-DD]])."),
) -> EventFilters:
    """The events list filters of a request."""
    if type and type not in EVENT_TYPES:
        raise BadOption(f"type must be one of {', '.join(EVENT_TYPES)}; not {type!r}")
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
