"""Two empty ledgers on one database (SQLite, or PostgreSQL schemas of the store suite's
server), for comparing two ways of filling a ledger."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "newsledger_store_conftest", Path(__file__).parents[1] / "store" / "conftest.py")
_store = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_store)

postgres_available = _store.postgres_available


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_urls(request, tmp_path) -> Iterator[tuple[str, str]]:
    if request.param == "sqlite":
        yield tuple(f"sqlite:///{tmp_path / name}" for name in ("one.db", "two.db"))
        return
    if not request.getfixturevalue("postgres_available"):
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    with _store.fresh_schema() as one, _store.fresh_schema() as two:
        yield one, two
