"""Store throughput: articles written per second on SQLite and on PostgreSQL.

The dev corpus is replicated to ``count`` articles (ids and first lines made unique) and each is
stored in its own transaction, as ingest does. PostgreSQL is the local server (a fresh schema,
dropped afterwards); it is skipped when unreachable.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import cycle, islice
from pathlib import Path

from sqlalchemy import Engine, create_engine, text

from newsledger.models import Article
from newsledger.store import Ledger

ARTICLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev" / "articles"
POSTGRES = os.environ.get("NEWSLEDGER_BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


def _articles(count: int):
    originals = [json.loads(path.read_text(encoding="utf-8"))
                 for path in sorted(ARTICLES.glob("*.json"))]
    for number, item in enumerate(islice(cycle(originals), count)):
        yield Article(id=f"{item['id']}-{number}", text=f"Copy {number}.\n{item['text']}",
                      language=item.get("language"), url=item.get("url"),
                      published=item.get("published"), title=item.get("title"))


def _throughput(db: str, count: int) -> float:
    with Ledger(db) as ledger:
        started = time.perf_counter()
        for article in _articles(count):
            ledger.store_article(article)
        return count / (time.perf_counter() - started)


class NoServer(Exception):
    """The PostgreSQL server is unreachable (a benchmark reports it and goes on)."""


@contextmanager
def postgres_schema() -> Iterator[tuple[str, Engine]]:
    """A fresh schema on the local server: its URL and an admin engine; dropped afterwards."""
    admin_url = "postgresql+psycopg://" + POSTGRES.split("://", 1)[1]
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT",
                              connect_args={"connect_timeout": 3})
        with admin.connect() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
    except Exception as error:  # noqa: BLE001  (any failure means: no server)
        raise NoServer(f"skipped: {str(error).splitlines()[0]}") from error
    try:
        yield f"{POSTGRES}?options=-csearch_path%3D{schema}", admin
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def _postgres(count: int) -> float | str:
    try:
        with postgres_schema() as (url, _admin):
            return round(_throughput(url, count))
    except NoServer as reason:
        return str(reason)


def run(count: int = 2000) -> dict:
    """Articles per second stored on SQLite and PostgreSQL."""
    if not any(ARTICLES.glob("*.json")):
        return {"name": "store", "skipped": "dev corpus not found"}
    with tempfile.TemporaryDirectory() as folder:
        sqlite = round(_throughput(str(Path(folder) / "bench.db"), count))
    return {"name": "store", "articles": count, "sqlite_articles_per_second": sqlite,
            "postgresql_articles_per_second": _postgres(count)}


if __name__ == "__main__":
    print(run())
