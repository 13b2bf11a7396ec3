"""Official reference figures in the store: one file's rows replaced at a time, read in order."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator

from sqlalchemy import insert, select

from newsledger.store import schema
from newsledger.store.engine import locked

_COLUMNS = tuple(column.name for column in schema.reference_figures.columns)


def replace_file(ledger, file: str, rows: Iterable[dict]) -> dict[str, int]:
    """Make the rows imported from ``file`` (a file name) exactly ``rows``: new ones added,
    changed ones updated, those no longer in the file removed. Importing the same file again
    changes nothing. Returns how many rows were new, updated, unchanged and removed."""
    table = schema.reference_figures
    rows = {row["id"]: {name: row[name] for name in _COLUMNS} for row in rows}
    counts = {"new": 0, "updated": 0, "unchanged": 0, "removed": 0}
    with locked(ledger.engine) as connection:
        stored = {row.id: dict(row._mapping) for row in connection.execute(
            select(table).where((table.c.file == file) | table.c.id.in_(list(rows))))}
        gone = [key for key, row in stored.items() if key not in rows and row["file"] == file]
        if gone:
            connection.execute(table.delete().where(table.c.id.in_(gone)))
        counts["removed"] = len(gone)
        for key, row in rows.items():
            if key not in stored:
                connection.execute(insert(table).values(**row))
                counts["new"] += 1
            elif stored[key] != row:
                connection.execute(table.update().where(table.c.id == key).values(**row))
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
        if counts["new"] or counts["updated"] or counts["removed"]:
            _mark_written(connection)
    return counts


def _mark_written(connection) -> None:
    """A new ``WRITTEN`` token, so ``browse.ledger_version`` (and the web app's cached results,
    the series among them) sees the changed official figures."""
    from newsledger.store.ledger import WRITTEN  # the ledger module imports this one

    meta = schema.meta
    connection.execute(meta.delete().where(meta.c.key == WRITTEN))
    connection.execute(meta.insert().values(key=WRITTEN, value=uuid.uuid4().hex))


def references(ledger, counted: str | None = None) -> Iterator[dict]:
    """Reference figures by quantity, place and day."""
    table = schema.reference_figures
    query = select(table).order_by(table.c.counted, table.c.place_id, table.c.as_of, table.c.id)
    if counted:
        query = query.where(table.c.counted == counted)
    with ledger.engine.connect() as connection:
        for row in connection.execute(query):
            yield dict(row._mapping)
