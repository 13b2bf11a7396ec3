"""Schema creation and upgrades: a store is never deleted to change its schema.

``MIGRATIONS[n]`` upgrades a version ``n - 1`` store to version ``n``; version 1 creates it.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, select

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


MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    1: _create, 2: _claims_and_conflicts, 3: _search_index, 4: _cache, 5: _reference_figures,
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
