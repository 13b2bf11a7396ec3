"""Claims and conflicts in the store: replaced whole by their corpus stages, read in order."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from sqlalchemy import Table, insert, select

from newsledger.store import schema
from newsledger.store.engine import locked


def _replace(ledger, table: Table, rows: Iterable[dict], where=None) -> int:
    """Replace every row of ``table`` (those matching ``where``) in one transaction; ``data`` is
    stored as JSON. The rows are computed before the write lock is taken, so other writers
    never wait for the stage."""
    prepared = [{**row, "data": json.dumps(row["data"], ensure_ascii=False)} for row in rows]
    with locked(ledger.engine) as connection:
        connection.execute(table.delete() if where is None else table.delete().where(where))
        for start in range(0, len(prepared), 500):
            connection.execute(insert(table), prepared[start:start + 500])
    return len(prepared)


def _read(ledger, query) -> Iterator[dict]:
    with ledger.engine.connect() as connection:
        for row in connection.execution_options(yield_per=500).execute(query):
            record = dict(row._mapping)
            record["data"] = json.loads(record["data"])
            yield record


def replace_claims(ledger, claims: Iterable[dict]) -> int:
    return _replace(ledger, schema.claims, claims)


def claims(ledger) -> Iterator[dict]:
    """Every claim, most independent stories first (filtered reads: ``newsledger.query``)."""
    table = schema.claims
    return _read(ledger, select(table).order_by(table.c.stories.desc(), table.c.articles.desc(),
                                                table.c.id))


def replace_conflicts(ledger, conflicts: Iterable[dict], kind: str | None = None) -> int:
    """Replace every conflict, or with ``kind`` only those of that kind."""
    where = None if kind is None else schema.conflicts.c.kind == kind
    return _replace(ledger, schema.conflicts, conflicts, where)


def conflicts(ledger) -> Iterator[dict]:
    """Every conflict by kind and id."""
    table = schema.conflicts
    return _read(ledger, select(table).order_by(table.c.kind, table.c.id))
