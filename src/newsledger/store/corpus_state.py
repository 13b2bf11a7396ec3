"""What the corpus stages keep between runs to update the ledger incrementally (schema 7).

- ``corpus_dirty``: articles the stages have not yet seen since they changed, written in the
  transaction that stored the article (stamp: its due token) or by the stories stage for the
  articles it moved to another story (stamp "story"); a run clears the rows it saw only when
  every stage finished, so a killed run is repeated over the same articles.
- the stories stage's state (``story_items``, ``story_bands``, ``story_anchors``,
  ``story_pairs``), read through ``StoryState`` and rewritten with the stories in one
  transaction;
- parts: the claims of one quantity, the figure conflicts of one quantity and the merged
  events of one merge key are computed from that part's figures or mentions alone;
  ``part_articles`` and ``part_rows`` say which articles and rows each part holds.

A meta key ``corpus_state:<stage>`` says a stage's state is complete (written by a full run);
without it the stage rebuilds everything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import delete, func, insert, select, tuple_

from newsledger.models import Story
from newsledger.store import schema
from newsledger.store.engine import locked

CHUNK = 500
STORY = "story"  # the stamp of rows the stories stage marks
STATE = "corpus_state:"


def chunks(values: Iterable) -> Iterator[list]:
    values = list(dict.fromkeys(values))
    for start in range(0, len(values), CHUNK):
        yield values[start:start + CHUNK]


def rows_in(connection, query, column, values: Iterable) -> list:
    """The rows of ``query`` whose ``column`` is one of ``values`` (read a chunk at a time)."""
    return [row for part in chunks(values)
            for row in connection.execute(query.where(column.in_(part)))]


def _insert(connection, table, rows: Sequence[dict]) -> None:
    for start in range(0, len(rows), CHUNK):
        connection.execute(insert(table), rows[start:start + CHUNK])


def _delete_in(connection, table, column, values: Iterable, *where) -> None:
    for part in chunks(values):
        connection.execute(delete(table).where(column.in_(part), *where))


# dirty articles and state flags ------------------------------------------------------------
def mark_dirty(connection, articles: Iterable[str], stamp: str) -> None:
    """Record that the corpus stages must see ``articles`` again."""
    table = schema.corpus_dirty
    new = sorted(set(articles))
    present = {row.article for row in rows_in(
        connection, select(table.c.article).where(table.c.stamp == stamp), table.c.article, new)}
    _insert(connection, table, [{"article": a, "stamp": stamp} for a in new if a not in present])


def dirty(ledger) -> list[tuple[str, str]]:
    """Every (article, stamp) the corpus stages have not yet seen."""
    table = schema.corpus_dirty
    with ledger.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(select(table.c.article, table.c.stamp))]


def clear_dirty(ledger, seen: Iterable[tuple[str, str]]) -> None:
    """Forget the rows a finished run saw, and the rows the stories stage marked in it."""
    table = schema.corpus_dirty
    with locked(ledger.engine) as connection:
        for part in chunks(seen):
            connection.execute(delete(table).where(
                tuple_(table.c.article, table.c.stamp).in_(part)))
        connection.execute(delete(table).where(table.c.stamp == STORY))


def state_ready(ledger, stage: str) -> bool:
    meta = schema.meta
    with ledger.engine.connect() as connection:
        return connection.execute(select(meta.c.value).where(
            meta.c.key == STATE + stage)).scalar() is not None


def _set_ready(connection, stage: str) -> None:
    meta = schema.meta
    connection.execute(delete(meta).where(meta.c.key == STATE + stage))
    connection.execute(insert(meta).values(key=STATE + stage, value="1"))


def forget_stage(connection, stage: str) -> None:
    """A table of ``stage`` was replaced from outside the stage: its next run rebuilds."""
    connection.execute(delete(schema.meta).where(schema.meta.c.key == STATE + stage))


def forget_state(ledger) -> None:
    """Make every corpus stage rebuild from scratch on its next run."""
    meta = schema.meta
    with locked(ledger.engine) as connection:
        connection.execute(delete(meta).where(meta.c.key.like(STATE + "%")))


# parts ---------------------------------------------------------------------------------------
def parts_of(ledger, stage: str, articles: Iterable[str]) -> set[str]:
    """The stored parts of ``stage`` that hold any of ``articles``."""
    return _part_lookup(ledger, stage, "part", "article", articles)


def part_members(ledger, stage: str, parts: Iterable[str]) -> set[str]:
    """The articles the stored ``parts`` hold."""
    return _part_lookup(ledger, stage, "article", "part", parts)


def _part_lookup(ledger, stage: str, wanted: str, given: str, values: Iterable[str]) -> set[str]:
    table = schema.part_articles
    with ledger.engine.connect() as connection:
        return {row[0] for row in rows_in(
            connection, select(table.c[wanted]).where(table.c.stage == stage), table.c[given],
            values)}


def replace_parts(connection, stage: str, parts: Iterable[str] | None, table,
                  rows: dict[str, list[dict]], articles: dict[str, set[str]]) -> None:
    """Replace the rows of ``table`` (None: the stage keeps no rows) and the articles of
    ``parts`` (None: every part; then every row of ``table`` goes)."""
    held, members = schema.part_rows, schema.part_articles
    if parts is None:
        for bookkeeping in (held, members):
            connection.execute(delete(bookkeeping).where(bookkeeping.c.stage == stage))
        if table is not None:
            connection.execute(delete(table))
        _set_ready(connection, stage)
    else:
        parts = list(parts)
        if table is not None:
            old = [row.row_id for row in rows_in(connection, select(held.c.row_id).where(
                held.c.stage == stage), held.c.part, parts)]
            _delete_in(connection, table, table.c.id, old)
        for bookkeeping in (held, members):
            _delete_in(connection, bookkeeping, bookkeeping.c.part, parts,
                       bookkeeping.c.stage == stage)
    if table is not None:
        _insert(connection, table, [row for found in rows.values() for row in found])
    _insert(connection, held, [{"stage": stage, "part": part, "row_id": row["id"]}
                               for part, found in rows.items() for row in found])
    _insert(connection, members, [{"stage": stage, "part": part, "article": article}
                                  for part, found in articles.items() for article in found])


# the stories stage ---------------------------------------------------------------------------
class StoryState:
    """Reads of the stories stage's state (``stories.incremental`` asks, this answers)."""

    def __init__(self, ledger) -> None:
        self.ledger = ledger

    def _rows(self, query, column, values) -> list:
        with self.ledger.engine.connect() as connection:
            return rows_in(connection, query, column, values)

    def ready(self) -> bool:
        return state_ready(self.ledger, "stories")

    def items(self, articles: Iterable[str]) -> dict[str, dict]:
        """Article -> its pass-1 row, with the article's date and language."""
        i, a = schema.story_items, schema.articles
        query = select(i, a.c.published, func.coalesce(a.c.language, a.c.detected_language)
                       .label("language")).join(a, a.c.id == i.c.article)
        return {row.article: dict(row._mapping) for row in self._rows(query, i.c.article,
                                                                       articles)}

    def members(self, leaders: Iterable[str]) -> dict[str, dict]:
        """Every article of the near-duplicate groups ``leaders`` lead, as ``items``."""
        i = schema.story_items
        ids = [row.article for row in self._rows(select(i.c.article), i.c.leader, leaders)]
        return self.items(ids)

    def last_order(self) -> int:
        with self.ledger.engine.connect() as connection:
            return connection.execute(select(func.coalesce(
                func.max(schema.story_items.c.ingest_order), 0))).scalar_one()

    def band_members(self, keys: Iterable[str]) -> dict[str, list[str]]:
        b = schema.story_bands
        found = defaultdict(list)
        for row in self._rows(select(b.c.band, b.c.article), b.c.band, keys):
            found[row.band].append(row.article)
        return found

    def indexed_counts(self, leaders: Iterable[str]) -> dict[str, int]:
        i = schema.story_items
        query = (select(i.c.leader, func.sum(i.c.indexed).label("n"))
                 .group_by(i.c.leader))
        return {row.leader: int(row.n) for row in self._rows(query, i.c.leader, leaders)}

    def anchor_counts(self, anchors: Iterable[int]) -> dict[int, int]:
        s = schema.story_anchors
        query = select(s.c.anchor, func.count().label("n")).group_by(s.c.anchor)
        return {row.anchor: row.n for row in self._rows(query, s.c.anchor, anchors)}

    def anchor_leaders(self, anchors: Iterable[int]) -> set[str]:
        s = schema.story_anchors
        return {row.leader for row in self._rows(select(s.c.leader), s.c.anchor, anchors)}

    def anchors_of(self, leaders: Iterable[str]) -> dict[str, tuple[int, ...]]:
        s = schema.story_anchors
        found = defaultdict(list)
        for row in self._rows(select(s.c.leader, s.c.anchor), s.c.leader, leaders):
            found[row.leader].append(row.anchor)
        return {leader: tuple(sorted(keys)) for leader, keys in found.items()}

    def pairs_touching(self, leaders: Iterable[str]) -> dict[tuple[str, str], dict]:
        """(a, b) -> the stored candidate pair, for the pairs with an end in ``leaders``."""
        p = schema.story_pairs
        leaders = list(leaders)
        rows = self._rows(select(p), p.c.a, leaders) + self._rows(select(p), p.c.b, leaders)
        return {(row.a, row.b): dict(row._mapping) for row in rows}

    def stories_of(self, articles: Iterable[str]) -> dict[str, str]:
        m = schema.story_members
        return {row.article: row.story for row in self._rows(
            select(m.c.article, m.c.story), m.c.article, articles)}

    def write(self, *, items: list[dict], bands: list[dict], anchors: list[dict],
              owners: list[str], pairs: list[dict], regrouped: list[str],
              stories: list[Story], full: bool) -> None:
        """Store the stage's new state and the stories of the ``regrouped`` articles (every
        story when ``full``), in one transaction; the articles whose story changed are
        marked dirty for the stages after."""
        with locked(self.ledger.engine) as connection:
            before = _story_map(connection, None if full else regrouped)
            tables = (schema.story_items, schema.story_bands, schema.story_anchors,
                      schema.story_pairs)
            if full:
                for table in (*tables, schema.story_members, schema.stories):
                    connection.execute(delete(table))
                _set_ready(connection, "stories")
            else:
                pairs_table, members = schema.story_pairs, schema.story_members
                _delete_in(connection, pairs_table, pairs_table.c.a, owners)
                old = {row.story for row in rows_in(connection, select(members.c.story),
                                                    members.c.article, regrouped)}
                _delete_in(connection, members, members.c.story, old)
                _delete_in(connection, schema.stories, schema.stories.c.id, old)
            for table, rows in zip(tables, (items, bands, anchors, pairs), strict=True):
                _insert(connection, table, rows)
            _insert(connection, schema.stories, [
                {"id": s.id, "origin": s.origin, "size": len(s.members)} for s in stories])
            _insert(connection, schema.story_members, [
                {"article": m.article, "story": s.id, "relation": m.relation,
                 "score": m.score, "evidence": m.evidence} for s in stories for m in s.members])
            after = {m.article: s.id for s in stories for m in s.members}
            moved = {a for a in set(before) | set(after) if before.get(a) != after.get(a)}
            mark_dirty(connection, moved, STORY)


def _story_map(connection, articles: list[str] | None) -> dict[str, str]:
    m = schema.story_members
    query = select(m.c.article, m.c.story)
    if articles is None:
        return {row.article: row.story for row in connection.execute(query)}
    return {row.article: row.story for row in rows_in(connection, query, m.c.article, articles)}
