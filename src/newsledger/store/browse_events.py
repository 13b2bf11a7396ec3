"""Read queries of the read API over events (``query.Reader`` calls them): event mentions,
real-world events (mentions merged) filtered and sorted, and one event with every mention.

Mentions are grouped by the ``event_id`` the events stage stored (``resolve.event_merge``); a
mention the stage has not seen yet is an event of its own (``mention-<row id>``). A filter
keeps the events with at least one matching mention, and their counts cover all mentions.
"""

from __future__ import annotations

import json

from sqlalchemy import String, and_, cast, distinct, func, literal, select

from newsledger.errors import NotFound
from newsledger.store import schema
from newsledger.store.browse import LANGUAGE, Listing, grouped, place_condition
from newsledger.store.events import event_conditions

E, A, M = schema.events, schema.articles, schema.story_members
EVENT_KEY = func.coalesce(E.c.event_id, literal("mention-") + cast(E.c.id, String))
STORY_KEY = func.coalesce(M.c.story, E.c.article)
MENTIONS = E.join(A, A.c.id == E.c.article).outerjoin(M, M.c.article == E.c.article)


def mention_conditions(filters, places: frozenset[str]) -> list:
    """WHERE terms on ``events`` for an event filter (see ``event_conditions`` for dates)."""
    conditions = event_conditions(type=filters.type, since=filters.since, until=filters.until)
    if filters.article:
        conditions.append(E.c.article == filters.article)
    placed = place_condition(E, filters.place, places)
    return conditions if placed is None else [*conditions, placed]


MENTION_SORTS = {"ledger": (A.c.ingest_order, E.c.quote_start, E.c.id),
                 "date": (E.c.date.desc().nulls_last(), A.c.ingest_order, E.c.quote_start,
                          E.c.id)}


def _actors(row: dict) -> dict:
    row["actors"] = json.loads(row["actors"] or "[]")
    return row


def mentions(ledger, filters, places: frozenset[str], sort: str) -> Listing:
    """Event mentions with their article's outlet and date, ``event_id`` the event holding
    them (the one ``merged_event`` opens)."""
    columns = [EVENT_KEY.label("event_id") if c.name == "event_id" else c for c in E.c]
    query = (select(*columns, A.c.outlet, A.c.published).join(A, A.c.id == E.c.article)
             .where(and_(True, *mention_conditions(filters, places))))
    return Listing(ledger, query, MENTION_SORTS[sort], _actors)


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
    """Actors, figures, outlets and articles of each event (sorted, without repeats)."""
    found: dict[str, dict] = {key: {"actors": set(), "figures": set(), "outlets": set(),
                                    "article_ids": set()} for key in keys}
    query = (select(EVENT_KEY.label("key"), E.c.actors, E.c.figure, A.c.outlet, E.c.article)
             .select_from(MENTIONS).where(EVENT_KEY.in_(keys)))
    for row in connection.execute(query):
        entry = found[row.key]
        entry["actors"].update(json.loads(row.actors or "[]"))
        entry["figures"].update([row.figure] if row.figure else [])
        entry["outlets"].update([row.outlet] if row.outlet else [])
        entry["article_ids"].add(row.article)
    return {key: {name: sorted(values) for name, values in entry.items()}
            for key, entry in found.items()}


EVENT_SORTS = ("date", "stories")


def merged_events(ledger, filters, places: frozenset[str], sort: str, offset: int = 0,
                  limit: int | None = 50) -> tuple[list[dict], int]:
    """Events with a mention matching the filters and the total: latest event date first
    (undated last), then most independent stories ("date"), or most stories first
    ("stories")."""
    conditions = mention_conditions(filters, places)
    matching = select(EVENT_KEY).select_from(E).where(and_(True, *conditions))
    query = _summary_query(*([EVENT_KEY.in_(matching)] if conditions else [])).subquery()
    date, stories = query.c.date.desc().nulls_last(), query.c.stories.desc()
    order = [date, stories] if sort == "date" else [stories, date]
    with ledger.engine.connect() as connection:
        total = connection.execute(select(func.count(distinct(EVENT_KEY))).select_from(E)
                                   .where(and_(True, *conditions))).scalar_one()
        rows = [dict(row._mapping) for row in connection.execute(
            select(query).order_by(*order, query.c.event_id).offset(offset or None)
            .limit(limit))]
        details = _details(connection, [row["event_id"] for row in rows])
    for row in rows:
        row.update(details[row["event_id"]])
    return rows, total


def merged_event(ledger, event_id: str) -> dict:
    """One event: its summary and every mention with quote, outlet, date, language, story."""
    with ledger.engine.connect() as connection:
        summary = connection.execute(_summary_query(EVENT_KEY == event_id)).first()
        if summary is None:
            raise NotFound(f"no event with id {event_id!r}")
        query = (select(E.c.id, E.c.article, E.c.quote, E.c.quote_start, E.c.quote_end,
                        E.c.date, E.c.date_precision, E.c.place, E.c.figure, E.c.actors,
                        A.c.title, A.c.outlet, A.c.published, LANGUAGE, A.c.url,
                        STORY_KEY.label("story"), M.c.relation)
                 .select_from(MENTIONS).where(EVENT_KEY == event_id)
                 .order_by(A.c.published.nulls_last(), A.c.ingest_order, E.c.quote_start))
        mentions = [dict(row._mapping) for row in connection.execute(query)]
        event = {**dict(summary._mapping), **_details(connection, [event_id])[event_id]}
    for mention in mentions:
        mention["actors"] = json.loads(mention["actors"] or "[]")
    return {**event, "mentions": mentions}


def event_facets(ledger, places: int = 300) -> dict[str, list[tuple[str, int]]]:
    """Event types and places to filter on, with their mention counts."""
    with ledger.engine.connect() as connection:
        return {"type": grouped(connection, E.c.type),
                "place": grouped(connection, E.c.place, places)}
