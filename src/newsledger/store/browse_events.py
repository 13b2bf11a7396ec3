"""Read queries for browsing merged events (the web app's events pages): a filtered,
paginated list of real-world events, one event with every mention, an article's mentions.

Mentions are grouped by the ``event_id`` the events stage stored (``resolve.event_merge``); a
mention the stage has not seen yet is an event of its own (``mention-<row id>``). A filter
keeps the events with at least one matching mention, and their counts cover all mentions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import String, and_, cast, distinct, func, literal, or_, select

from newsledger.errors import NotFound
from newsledger.store import schema
from newsledger.store.browse import LANGUAGE, Page, grouped
from newsledger.store.events import event_conditions

E, A, M = schema.events, schema.articles, schema.story_members
EVENT_KEY = func.coalesce(E.c.event_id, literal("mention-") + cast(E.c.id, String))
STORY_KEY = func.coalesce(M.c.story, E.c.article)
MENTIONS = E.join(A, A.c.id == E.c.article).outerjoin(M, M.c.article == E.c.article)


@dataclass(frozen=True)
class EventFilters:
    """What the events list filters on; every field is optional."""

    type: str | None = None  # codebook event type
    place: str | None = None  # the place as printed (any case) or its gazetteer id
    since: str | None = None  # YYYY[-MM[-DD]], compared at the event date's precision
    until: str | None = None


def _mention_conditions(filters: EventFilters) -> list:
    conditions = event_conditions(type=filters.type, since=filters.since, until=filters.until)
    if filters.place:
        conditions.append(or_(func.lower(E.c.place) == filters.place.lower(),
                              E.c.place_id == filters.place))
    return conditions


def _summary_query(*conditions):
    """One row per event among the mentions meeting ``conditions``."""
    return (select(EVENT_KEY.label("event_id"), func.max(E.c.type).label("type"),
                   func.max(E.c.date).label("date"), func.max(E.c.place).label("place"),
                   func.max(E.c.country).label("country"),
                   func.max(E.c.place_id).label("place_id"),
                   func.count().label("mention_count"),
                   func.count(distinct(E.c.article)).label("articles"),
                   func.count(distinct(STORY_KEY)).label("stories"),
                   func.min(A.c.published).label("first_reported"))
            .select_from(MENTIONS).where(and_(True, *conditions)).group_by(EVENT_KEY))


def _details(connection, keys: list[str]) -> dict[str, dict]:
    """Actors, figures and outlets of each event (sorted, without repeats)."""
    found: dict[str, dict] = {key: {"actors": set(), "figures": set(), "outlets": set()}
                              for key in keys}
    query = (select(EVENT_KEY.label("key"), E.c.actors, E.c.figure, A.c.outlet)
             .select_from(MENTIONS).where(EVENT_KEY.in_(keys)))
    for row in connection.execute(query):
        entry = found[row.key]
        entry["actors"].update(json.loads(row.actors or "[]"))
        entry["figures"].update([row.figure] if row.figure else [])
        entry["outlets"].update([row.outlet] if row.outlet else [])
    return {key: {name: sorted(values) for name, values in entry.items()}
            for key, entry in found.items()}


def merged_events(ledger, filters: EventFilters, offset: int = 0, limit: int = 50) -> Page:
    """Events with a mention matching the filters, latest event date first (undated last),
    then most independent stories."""
    conditions = _mention_conditions(filters)
    matching = select(EVENT_KEY).select_from(E).where(and_(True, *conditions))
    query = _summary_query(*([EVENT_KEY.in_(matching)] if conditions else [])).subquery()
    order = [query.c.date.desc().nulls_last(), query.c.stories.desc(), query.c.event_id]
    with ledger.engine.connect() as connection:
        total = connection.execute(select(func.count(distinct(EVENT_KEY))).select_from(E)
                                   .where(and_(True, *conditions))).scalar_one()
        rows = [dict(row._mapping) for row in connection.execute(
            select(query).order_by(*order).offset(offset).limit(limit))]
        details = _details(connection, [row["event_id"] for row in rows])
    for row in rows:
        row.update(details[row["event_id"]])
    return Page(rows, total, offset, limit)


def merged_event(ledger, event_id: str) -> dict:
    """One event: its summary and every mention with quote, outlet, date, language, story."""
    with ledger.engine.connect() as connection:
        summary = connection.execute(_summary_query(EVENT_KEY == event_id)).first()
        if summary is None:
            raise NotFound(f"no event with id {event_id!r}")
        query = (select(E.c.id, E.c.article, E.c.quote, E.c.quote_start, E.c.quote_end,
                        E.c.date, E.c.date_precision, E.c.place, E.c.figure, E.c.actors,
                        A.c.title, A.c.outlet, A.c.published, LANGUAGE,
                        STORY_KEY.label("story"), M.c.relation)
                 .select_from(MENTIONS).where(EVENT_KEY == event_id)
                 .order_by(A.c.published.nulls_last(), A.c.ingest_order, E.c.quote_start))
        mentions = [dict(row._mapping) for row in connection.execute(query)]
        event = {**dict(summary._mapping), **_details(connection, [event_id])[event_id]}
    for mention in mentions:
        mention["actors"] = json.loads(mention["actors"] or "[]")
    return {**event, "mentions": mentions}


def events_of_article(ledger, article_id: str) -> list[dict]:
    """The article's event mentions in text order, each with its event id."""
    query = (select(E.c.id, EVENT_KEY.label("event_id"), E.c.type, E.c.quote, E.c.quote_start,
                    E.c.quote_end, E.c.date, E.c.place, E.c.figure)
             .where(E.c.article == article_id).order_by(E.c.quote_start, E.c.id))
    with ledger.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def event_facets(ledger, places: int = 300) -> dict[str, list[tuple[str, int]]]:
    """Event types and places to filter on, with their mention counts."""
    with ledger.engine.connect() as connection:
        return {"type": grouped(connection, E.c.type),
                "place": grouped(connection, E.c.place, places)}
