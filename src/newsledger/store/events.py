"""Event mentions in the store: date conditions, merged-event ids, and mentions per place."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from sqlalchemy import bindparam, func, select, update

from newsledger.store import corpus_state, schema
from newsledger.store.engine import locked


def event_conditions(*, type: str | None = None, since: str | None = None,
                     until: str | None = None) -> list:
    """WHERE terms on ``events`` for a type and a date range (YYYY[-MM[-DD]]) compared at the
    event date's own precision: a "2022-09" event is kept since 2022-09-21; undated events are
    left out by either bound."""
    e = schema.events
    conditions = []
    if type:
        conditions.append(e.c.type == type)
    if since:
        conditions.append(e.c.date >= func.substr(since, 1, func.length(e.c.date)))
    if until:
        conditions.append(func.substr(e.c.date, 1, len(until)) <= until)
    return conditions


def set_event_parts(ledger, parts, event_ids: Mapping[int, str],
                    articles: Mapping[str, set[str]]) -> None:
    """Write the merged event ids of the mentions of ``parts`` (None: every mention, the
    others' ids cleared) and keep each part's articles, in one transaction."""
    table = schema.events
    statement = update(table).where(table.c.id == bindparam("row")).values(
        event_id=bindparam("event"))
    rows = [{"row": row_id, "event": event_id} for row_id, event_id in event_ids.items()]
    with locked(ledger.engine) as connection:
        if parts is None:
            connection.execute(update(table).values(event_id=None))
        for start in range(0, len(rows), 1000):
            connection.execute(statement, rows[start:start + 1000])
        corpus_state.replace_parts(connection, "events", parts, None, {}, articles)


def story_by_article(ledger) -> dict[str, str]:
    """Article id -> story id for every article in ``story_members`` (the others are a story of
    their own, which callers express by falling back to the article id)."""
    m = schema.story_members
    with ledger.engine.connect() as connection:
        return {row.article: row.story
                for row in connection.execute(select(m.c.article, m.c.story))}


def place_rows(ledger) -> Iterator[dict]:
    """Figures and events per place name: place, place_id, kind, mentions."""
    for kind, table in (("figures", schema.figures), ("events", schema.events)):
        query = (select(table.c.place, func.max(table.c.place_id).label("place_id"),
                        func.count().label("mentions"))
                 .where(table.c.place.is_not(None)).group_by(table.c.place))
        with ledger.engine.connect() as connection:
            for row in connection.execute(query):
                yield {"kind": kind, **dict(row._mapping)}
