"""Claims and conflicts in the store: replaced whole by their corpus stages, read in order."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from sqlalchemy import Table, insert, select

from newsledger.errors import NotFound
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


def claims(ledger, counted: str | None = None) -> Iterator[dict]:
    """Claims, most independent stories first."""
    table = schema.claims
    query = select(table).order_by(table.c.stories.desc(), table.c.articles.desc(), table.c.id)
    if counted:
        query = query.where(table.c.counted == counted)
    return _read(ledger, query)


def claim(ledger, claim_id: str) -> dict:
    for record in _read(ledger, select(schema.claims).where(schema.claims.c.id == claim_id)):
        return record
    raise NotFound(f"no claim with id {claim_id!r}")


def replace_conflicts(ledger, conflicts: Iterable[dict], kind: str | None = None) -> int:
    """Replace every conflict, or with ``kind`` only those of that kind."""
    where = None if kind is None else schema.conflicts.c.kind == kind
    return _replace(ledger, schema.conflicts, conflicts, where)


def conflicts(ledger, kind: str | None = None) -> Iterator[dict]:
    table = schema.conflicts
    query = select(table).order_by(table.c.kind, table.c.id)
    if kind:
        query = query.where(table.c.kind == kind)
    return _read(ledger, query)
