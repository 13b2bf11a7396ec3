"""Schema creation and upgrades: a store is never deleted to change its schema.

``MIGRATIONS[n]`` upgrades a version ``n - 1`` store to version ``n``; version 1 creates it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import Connection, String, insert, inspect, select, update

from newsledger.errors import SchemaTooNew
from newsledger.store.schema import SCHEMA_VERSION, meta, metadata


def _create(connection: Connection) -> None:
    metadata.create_all(connection)


def _claims_and_conflicts(connection: Connection) -> None:
    from newsledger.store.schema import claims, conflicts

    metadata.create_all(connection, tables=[claims, conflicts], checkfirst=True)


def _search_index(connection: Connection) -> None:
    from newsledger.store.search import create_search_index

    create_search_index(connection)


def _cache(connection: Connection) -> None:
    from newsledger.store.schema import cache

    metadata.create_all(connection, tables=[cache], checkfirst=True)


def _reference_figures(connection: Connection) -> None:
    from newsledger.store.schema import reference_figures

    metadata.create_all(connection, tables=[reference_figures], checkfirst=True)


def _figure_ids(connection: Connection) -> None:
    """Figure ids become content hashes (``models.figure_id``): the figures table is rebuilt
    with them, and claims' mentions and reference conflicts point at the new ids."""
    from newsledger.models import figure_id
    from newsledger.store.schema import figures
    from newsledger.store.views import create_views

    stored = {c["name"]: c["type"] for c in inspect(connection).get_columns("figures")}
    if isinstance(stored["id"], String):  # created at this version
        return
    renamed, rows = {}, {}
    for row in connection.execute(select(figures)):
        record = dict(row._mapping)
        record["id"] = figure_id(record["article"], record["number_start"],
                                 record["number_end"], record["number_text"])
        renamed[str(row.id)] = record["id"]
        rows.setdefault(record["id"], record)
    view = "figure_evidence" in inspect(connection).get_view_names()
    if view:
        connection.exec_driver_sql("DROP VIEW figure_evidence")
    figures.drop(connection)
    metadata.create_all(connection, tables=[figures])
    values = list(rows.values())
    for start in range(0, len(values), 500):
        connection.execute(insert(figures), values[start:start + 500])
    if view:
        create_views(connection)
    _repoint_figures(connection, renamed)


def _repoint_figures(connection: Connection, renamed: dict[str, str]) -> None:
    """Claims' mentions and reference conflicts given the figures' new ids."""
    from newsledger.store.schema import claims, conflicts

    for table, where in ((claims, True), (conflicts, conflicts.c.kind == "reference")):
        for row_id, data in connection.execute(
                select(table.c.id, table.c.data).where(where)).all():
            record = json.loads(data)
            for holder in [record, *record.get("mentions", [])]:
                if holder.get("figure") is not None:
                    holder["figure"] = renamed.get(str(holder["figure"]), holder["figure"])
            connection.execute(update(table).where(table.c.id == row_id)
                               .values(data=json.dumps(record, ensure_ascii=False)))


def _corpus_state(connection: Connection) -> None:
    """The tables the corpus stages update incrementally; the first run after fills them."""
    from newsledger.store import schema

    metadata.create_all(connection, checkfirst=True, tables=[
        schema.corpus_dirty, schema.story_items, schema.story_bands, schema.story_anchors,
        schema.story_pairs, schema.part_articles, schema.part_rows])


MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    1: _create, 2: _claims_and_conflicts, 3: _search_index, 4: _cache, 5: _reference_figures,
    6: _figure_ids, 7: _corpus_state,
}


def stored_version(connection: Connection) -> int:
    """The schema version of the store (0 for an empty database)."""
    if not connection.dialect.has_table(connection, "meta"):
        return 0
    value = connection.execute(select(meta.c.value).where(meta.c.key == "schema_version"))
    row = value.first()
    return int(row[0]) if row else 0


def upgrade(connection: Connection) -> int:
    """Bring the store to ``SCHEMA_VERSION``; returns the version it had before."""
    before = stored_version(connection)
    if before > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"store has schema version {before}, this newsledger knows {SCHEMA_VERSION}; upgrade"
        )
    for version in range(before + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[version](connection)
        connection.execute(meta.delete().where(meta.c.key == "schema_version"))
        connection.execute(meta.insert().values(key="schema_version", value=str(version)))
    return before
