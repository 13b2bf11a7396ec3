"""Copy a ledger between databases (SQLite file to PostgreSQL and back).

Every table is copied in foreign-key order, streamed in batches, into an empty ledger of the
same schema version; row counts are compared afterwards.
"""

from __future__ import annotations

from sqlalchemy import func, insert, select

from newsledger.errors import MigrationFailed
from newsledger.store import schema
from newsledger.store.engine import locked, reset_sequences
from newsledger.store.ledger import Ledger


def _tables():
    return [table for table in schema.metadata.sorted_tables if table.name != "meta"]


def copy_ledger(source_db: str, target_db: str, batch_size: int = 1000) -> dict[str, int]:
    """Copy every row of ``source_db`` into the empty ledger ``target_db``; returns rows per
    table. Raises MigrationFailed when the target holds articles or counts differ after."""
    with Ledger(source_db, mode="read") as source, Ledger(target_db) as target:
        if target.count("articles"):
            raise MigrationFailed(f"{target.display_name()} is not empty; copy into a new ledger")
        counts = {}
        with source.engine.connect() as reading, locked(target.engine) as writing:
            for table in _tables():
                order = list(table.primary_key.columns)
                rows = reading.execution_options(yield_per=batch_size).execute(
                    select(table).order_by(*order))
                copied = 0
                for part in rows.partitions(batch_size):
                    writing.execute(insert(table), [dict(row._mapping) for row in part])
                    copied += len(part)
                counts[table.name] = copied
                reset_sequences(writing, table)
        for table in _tables():
            stored = target.count(table.name)
            if stored != counts[table.name]:
                raise MigrationFailed(
                    f"{table.name}: copied {counts[table.name]} rows, target holds {stored}")
        return counts


def table_counts(db: str) -> dict[str, int]:
    """Rows per table of a ledger (to compare two copies)."""
    with Ledger(db, mode="read") as ledger, ledger.engine.connect() as connection:
        return {table.name: connection.execute(
            select(func.count()).select_from(table)).scalar_one() for table in _tables()}
