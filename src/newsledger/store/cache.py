"""The cache table: derived bytes (sentence vectors, MinHash signatures) by kind and input hash.

Entries are never stale: a key is a hash of the exact input, so a changed text or sentence gets
a new key (the old entry stays, unused).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import insert, select

from newsledger.store import schema
from newsledger.store.engine import locked

_CHUNK = 500


def load_cached(ledger, kind: str, keys: Iterable[str]) -> dict[str, bytes]:
    """The cached values of ``keys`` that exist (key -> bytes)."""
    table = schema.cache
    keys = list(dict.fromkeys(keys))
    found: dict[str, bytes] = {}
    with ledger.engine.connect() as connection:
        for start in range(0, len(keys), _CHUNK):
            query = select(table.c.key, table.c.value).where(
                table.c.kind == kind, table.c.key.in_(keys[start:start + _CHUNK]))
            found.update((row.key, bytes(row.value)) for row in connection.execute(query))
    return found


def save_cached(ledger, kind: str, values: Mapping[str, bytes]) -> None:
    """Store ``values`` (key -> bytes) under ``kind``; keys already cached are left as they are."""
    if not values:
        return
    table = schema.cache
    keys = list(values)
    with locked(ledger.engine) as connection:
        present = set()
        for start in range(0, len(keys), _CHUNK):
            present.update(connection.execute(select(table.c.key).where(
                table.c.kind == kind, table.c.key.in_(keys[start:start + _CHUNK]))).scalars())
        rows = [{"kind": kind, "key": key, "value": value}
                for key, value in values.items() if key not in present]
        for start in range(0, len(rows), _CHUNK):
            connection.execute(insert(schema.cache), rows[start:start + _CHUNK])
