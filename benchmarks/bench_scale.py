"""A ledger of ``N`` articles (``make bench BENCH=scale N=1000000``; 1,000 by default):
a synthetic corpus from the dev and pool texts, ingested with every core on SQLite and on
PostgreSQL, then an incremental batch of 200 more and the web app's response times on it.

Each synthetic article is one of the real texts under a new id, its date shifted by up to 30
days: one in ten an exact copy, the others edited (a line of its own added; every other one
with two paragraphs swapped), so copies and rewrites form stories as a feed's do. The corpus
is written as JSON Lines shards of ``SHARD`` articles, read as one folder.
"""

from __future__ import annotations

import json
import os
import resource
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from benchmarks.bench_store import NoServer, postgres_schema
from benchmarks.bench_web import _percentile, _urls
from sqlalchemy import text

from newsledger import pipeline
from newsledger.settings import Settings
from newsledger.store import Ledger

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
SHARD = 10_000
BATCH = 200  # the incremental batch
ROUNDS = 5  # requests per URL timed


def originals() -> list[dict]:
    """The dev and pool articles, in a fixed order."""
    paths = sorted((CORPUS / "dev" / "articles").glob("*.json"))
    paths += sorted((CORPUS / "pool" / "articles").glob("*.json"))
    return [json.loads(path.read_text(encoding="utf-8")) for path in paths]


def synthetic(record: dict, number: int) -> dict:
    """The ``number``-th synthetic article made of ``record``."""
    copy = {**record, "id": f"{record['id']}-{number:07d}"}
    if copy.get("published"):
        day = date.fromisoformat(copy["published"][:10]) + timedelta(days=number % 30)
        copy["published"] = day.isoformat()
    if number % 10:
        paragraphs = copy["text"].split("\n\n")
        if number % 2 and len(paragraphs) > 3:
            paragraphs[1], paragraphs[2] = paragraphs[2], paragraphs[1]
        copy["text"] = "\n\n".join(paragraphs) + f"\n\nReport {number} of the monitoring desk."
    return copy


def write_corpus(folder: Path, start: int, count: int, texts: list[dict]) -> int:
    """Write synthetic articles ``start`` .. ``start + count`` as shards; their bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for first in range(start, start + count, SHARD):
        path = folder / f"shard-{first:08d}.jsonl"
        with path.open("w", encoding="utf-8") as stream:
            for number in range(first, min(first + SHARD, start + count)):
                stream.write(json.dumps(synthetic(texts[number % len(texts)], number),
                                        ensure_ascii=False) + "\n")
        size += path.stat().st_size
    return size


def _peak_mb() -> float:
    """The largest resident set of this process or any finished worker, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)


def _web(db: str, scale: int) -> dict:
    from fastapi.testclient import TestClient

    from newsledger.publish.web import create_app

    result = {}
    with TestClient(create_app(db)) as client:
        for kind, urls in _urls(client, scale // 2).items():
            samples = []
            for url in urls:
                client.get(url)
                for _ in range(ROUNDS):
                    begun = time.perf_counter()
                    client.get(url)
                    samples.append((time.perf_counter() - begun) * 1000)
            result[f"{kind}_p50_ms"] = round(_percentile(samples, 0.5), 1)
            result[f"{kind}_p95_ms"] = round(_percentile(samples, 0.95), 1)
    return result


def measure(db: str, folder: Path, scale: int, size_of) -> dict:
    """Ingest the corpus into ``db``, then the batch; the rates, sizes and response times."""
    settings = Settings(db=db, analyze=True, workers=os.cpu_count() or 1)
    started = time.perf_counter()
    with Ledger(db) as ledger:
        report = pipeline.ingest([str(folder / "corpus")], ledger, settings)
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    with Ledger(db) as ledger:
        batch = pipeline.ingest([str(folder / "batch")], ledger, settings)
    batch_seconds = time.perf_counter() - started
    return {"articles": report.new, "failed": report.failed, "seconds": round(seconds, 1),
            "articles_per_second": round(report.new / seconds, 1),
            "batch_articles": batch.new, "batch_seconds": round(batch_seconds, 1),
            "store_mb": round(size_of() / 1e6, 1), "peak_rss_mb": _peak_mb(),
            **_web(db, scale)}


def _postgres(folder: Path, scale: int) -> dict | str:
    try:
        with postgres_schema() as (url, admin):
            schema = url.rsplit("%3D", 1)[1]

            def size() -> int:
                with admin.connect() as connection:
                    return int(connection.execute(text(
                        "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                        "JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "WHERE n.nspname = :schema AND c.relkind = 'r'"),
                        {"schema": schema}).scalar())

            return measure(url, folder, scale, size)
    except NoServer as reason:
        return str(reason)


def run(scale: int | None = None) -> dict:
    """Ingest rate, batch time, store size, peak memory and web/API p50/p95 at ``scale``."""
    scale = scale or int(os.environ.get("NEWSLEDGER_BENCH_N") or 1000)
    if not (CORPUS / "dev" / "articles").is_dir():
        return {"name": "scale", "skipped": "corpus not found"}
    texts = originals()
    with tempfile.TemporaryDirectory(prefix="newsledger-bench-scale-") as name:
        folder = Path(name)
        corpus_bytes = write_corpus(folder / "corpus", 0, scale, texts)
        write_corpus(folder / "batch", scale, BATCH, texts)
        sqlite = folder / "scale.db"
        result = {"name": "scale", "articles": scale, "corpus_mb": round(corpus_bytes / 1e6, 1),
                  "sqlite": measure(str(sqlite), folder, scale, lambda: sum(
                      path.stat().st_size for path in folder.glob("scale.db*")))}
        result["postgresql"] = _postgres(folder, scale)
    return result


if __name__ == "__main__":
    import sys

    print(run(int(sys.argv[1]) if len(sys.argv) > 1 else None))
