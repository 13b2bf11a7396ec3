"""The overview's heavy queries are cached per ledger version and read afresh after a write."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient

from newsledger import api, query
from newsledger.publish.web import create_app
from newsledger.publish.web import result_cache as web_cache
from newsledger.publish.web import routes as web_routes
from newsledger.settings import Settings


def _article(number: int) -> dict:
    return {"id": f"cache-{number}", "outlet": "cache.example.org", "language": "en",
            "published": f"2022-09-{20 + number}", "title": f"Report {number}",
            "text": f"Report {number}\n\nPolice detained {100 + number} people at a protest "
                    "in Moscow, the monitors said."}


def _ingest(folder, db: str, number: int) -> None:
    path = folder / f"{number}.json"
    path.write_text(json.dumps(_article(number)), "utf-8")
    api.ingest([str(path)], db=db, settings=Settings(db=db))


def test_overview_is_computed_once_per_ledger_version(tmp_path, monkeypatch):
    db = str(tmp_path / "cache.db")
    _ingest(tmp_path, db, 1)
    calls = []
    compute = web_routes._overview
    monkeypatch.setattr(web_routes, "_overview", lambda reader: calls.append(1) or
                        compute(reader))
    with TestClient(create_app(db)) as client:
        first = client.get("/api/").json()
        assert client.get("/").status_code == 200 and client.get("/api/").json() == first
        assert len(calls) == 1
        _ingest(tmp_path, db, 2)
        second = client.get("/api/").json()
        assert len(calls) == 2
        assert second["totals"]["articles"] == first["totals"]["articles"] + 1


def test_the_ledger_version_changes_with_any_write(tmp_path):
    db = str(tmp_path / "version.db")
    _ingest(tmp_path, db, 1)
    with query.open(db) as reader, query.open(db, read_only=False) as writer:
        before = reader.version()
        assert reader.version() == before
        row = reader.figures().rows[0]
        writer.ledger.replace_analysis(row["article"], [])
        assert reader.version() != before


class CountingReader:
    """A reader whose ``version`` counts the requests that have reached the cache (each asks
    for the ledger version first); ``arrived.n`` is their number."""

    def __init__(self) -> None:
        self.arrived = threading.Condition()
        self.arrived.n = 0

    def version(self) -> tuple:
        with self.arrived:
            self.arrived.n += 1
            self.arrived.notify_all()
        return (1,)


def test_concurrent_requests_for_one_result_compute_it_once():
    clients = 20
    reader = CountingReader()
    arrived = reader.arrived
    cache, calls = web_cache.LedgerCache(reader), []

    def compute() -> list[int]:
        calls.append(1)
        with arrived:  # hold the computation until every client has asked for the result
            assert arrived.wait_for(lambda: arrived.n == clients, timeout=30)
        return [42]

    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(lambda _: cache.get("events", compute), range(clients)))
    assert len(calls) == 1
    assert all(result is results[0] for result in results) and results[0] == [42]


def test_a_failed_computation_reaches_its_waiters_and_is_not_cached():
    clients = 5
    reader = CountingReader()
    arrived = reader.arrived
    cache, calls = web_cache.LedgerCache(reader), []

    def fail() -> None:
        calls.append(1)
        with arrived:
            assert arrived.wait_for(lambda: arrived.n == clients, timeout=30)
        raise RuntimeError("database gone")

    def ask(_) -> str:
        try:
            cache.get("events", fail)
        except RuntimeError as error:
            return str(error)
        return "no error"

    with ThreadPoolExecutor(clients) as pool:
        assert list(pool.map(ask, range(clients))) == ["database gone"] * clients
    assert len(calls) == 1
    assert cache.get("events", lambda: "fresh") == "fresh"
