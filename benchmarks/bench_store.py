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
from itertools import cycle, islice
from pathlib import Path

from sqlalchemy import create_engine, text

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


def _postgres(count: int) -> float | str:
    admin_url = "postgresql+psycopg://" + POSTGRES.split("://", 1)[1]
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT",
                              connect_args={"connect_timeout": 3})
        with admin.connect() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
    except Exception as error:  # noqa: BLE001  (no server: report, do not fail the bench)
        return f"skipped: {str(error).splitlines()[0]}"
    try:
        return round(_throughput(f"{POSTGRES}?options=-csearch_path%3D{schema}", count))
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


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
