"""Every store test runs on SQLite and on PostgreSQL (a fresh schema per test, dropped after).

PostgreSQL is the local server (``make postgres``); unreachable, its tests are skipped, except
under CI=true where that is a failure. The session ends by saying which databases ran.
"""

from __future__ import annotations

import importlib.util
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from newsledger.store import Ledger

POSTGRES = os.environ.get("NEWSLEDGER_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
_RAN: set[str] = set()


def _admin_url() -> str:
    return "postgresql+psycopg://" + POSTGRES.split("://", 1)[1]


def _postgres_ready() -> str | None:
    """None when the server answers, else why not."""
    try:
        engine = create_engine(_admin_url(), connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
        return None
    except Exception as error:  # noqa: BLE001  (any failure means: no server)
        return str(error).splitlines()[0]


@pytest.fixture(scope="session")
def postgres_available() -> bool:
    problem = _postgres_ready()
    if problem and os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL is unreachable under CI: {problem}")
    return problem is None


@pytest.fixture
def postgres_schema_url(postgres_available) -> Iterator[str]:
    """A URL of the test server whose search path is a fresh schema (dropped afterwards)."""
    if not postgres_available:
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    with fresh_schema() as url:
        yield url


@contextmanager
def fresh_schema() -> Iterator[str]:
    """A URL of the test server whose search path is a new schema, dropped at the end."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE SCHEMA {name}"))
    try:
        yield f"{POSTGRES}?options=-csearch_path%3D{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP SCHEMA {name} CASCADE"))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request, tmp_path) -> str:
    """The URL of an empty ledger on each database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'ledger.db'}"
    else:
        url = request.getfixturevalue("postgres_schema_url")
    _RAN.add(request.param)
    return url


@pytest.fixture
def ledger(ledger_url) -> Iterator[Ledger]:
    """A fresh ledger on each database."""
    store = Ledger(ledger_url)
    yield store
    store.close()


@pytest.fixture(scope="session")
def synthetic():
    """The helper module ``synthetic.py`` beside this file (test modules are imported by path,
    so it is loaded here)."""
    spec = importlib.util.spec_from_file_location(
        "newsledger_store_synthetic", Path(__file__).with_name("synthetic.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SYNTHETIC_ARTICLES = 200


@pytest.fixture(scope="session")
def synthetic_corpus(synthetic, tmp_path_factory):
    """A JSONL file of ``SYNTHETIC_ARTICLES`` synthetic reports, the records, and the snapshot
    of a clean ingest of it (analysis on, in this process)."""
    from newsledger import pipeline
    from newsledger.settings import Settings

    folder = tmp_path_factory.mktemp("synthetic")
    records = synthetic.articles(SYNTHETIC_ARTICLES)
    path = synthetic.write_jsonl(folder / "reports.jsonl", records)
    clean = str(folder / "clean.db")
    with Ledger(clean) as ledger:
        assert pipeline.ingest([str(path)], ledger, Settings()).new == len(records)
    return path, records, synthetic.snapshot(clean)


def pytest_terminal_summary(terminalreporter) -> None:
    if _RAN:
        terminalreporter.write_line(f"store suite ran on: {', '.join(sorted(_RAN))}")
