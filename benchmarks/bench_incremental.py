"""Incremental corpus stages: ingesting 200 new articles into a ledger of 2,000 and of 20,000
(NEWSLEDGER_BENCH_INCREMENTAL_BASE sets the larger base) costs about the same.

Articles are dev texts with a line of their own appended and suffixed ids (so every text is
distinct and its figures keep their offsets). A base ledger is stored with each dev text's
analysis made once, then its corpus stages run in full (untimed); the 200 new articles go
through ``pipeline.ingest`` with every stage on, timed in all (wall and CPU seconds: on a
shared machine the CPU ratio is the steadier one) and per corpus stage.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import replace
from itertools import cycle, islice
from pathlib import Path

from newsledger import pipeline
from newsledger.models import Article
from newsledger.settings import Settings
from newsledger.store import Ledger

ARTICLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev" / "articles"
NEW = 200


def _originals() -> list[Article]:
    return [Article(**{key: record.get(key) for key in (
        "id", "text", "url", "outlet", "published", "language", "title")})
        for record in (json.loads(path.read_text(encoding="utf-8"))
                       for path in sorted(ARTICLES.glob("*.json")))]


def _copy(original: Article, number: int) -> Article:
    return replace(original, id=f"{original.id}-{number:06d}",
                   text=f"{original.text}\n\nCopy {number} of the report.")


def _base(db: str, count: int, originals: list[Article]) -> float:
    """Store ``count`` copies with the analysis of their original, then run the corpus stages
    in full; returns the seconds those took."""
    analyses = {a.id: pipeline.analyze_article(a) for a in originals}
    with Ledger(db) as ledger:
        for number, original in enumerate(islice(cycle(originals), count)):
            article = _copy(original, number)
            analysis = analyses[original.id]
            ledger.store_article(article, [replace(f, article=article.id)
                                           for f in analysis.figures],
                                 [replace(e, article=article.id) for e in analysis.events])
        started = time.perf_counter()
        pipeline.run_corpus_stages(ledger, Settings(db=db))
        return time.perf_counter() - started


def measure(count: int, originals: list[Article], folder: str) -> dict:
    """Seconds to ingest ``NEW`` articles into a ledger of ``count`` (and per corpus stage)."""
    db = str(Path(folder, f"base-{count}.db"))
    started = time.perf_counter()
    full = _base(db, count, originals)
    built = time.perf_counter() - started
    source = Path(folder, f"new-{count}.jsonl")
    with source.open("w", encoding="utf-8") as stream:
        for number, original in enumerate(islice(cycle(originals), NEW)):
            article = _copy(original, count + number)
            stream.write(json.dumps({key: getattr(article, key) for key in (
                "id", "text", "url", "outlet", "published", "language", "title")},
                ensure_ascii=False) + "\n")
    with Ledger(db) as ledger:
        started, cpu = time.perf_counter(), time.process_time()
        report = pipeline.ingest([str(source)], ledger, Settings(db=db))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    corpus = sum(report.corpus_seconds.values())
    return {"base": count, "base_build_seconds": round(built, 1),
            "base_full_corpus_stages_seconds": round(full, 1), "new": report.new,
            "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "corpus_stages_seconds": round(corpus, 2),
            **{f"corpus {name} seconds": round(spent, 2)
               for name, spent in report.corpus_seconds.items()}}


def run() -> dict:
    if not ARTICLES.is_dir():
        return {"name": "incremental", "skipped": "dev corpus not found"}
    large = int(os.environ.get("NEWSLEDGER_BENCH_INCREMENTAL_BASE", "20000"))
    originals = _originals()
    with tempfile.TemporaryDirectory(prefix="newsledger-bench-") as folder:
        small = measure(2_000, originals, folder)
        big = measure(large, originals, folder)
    return {"name": "incremental", "2k": small, f"{large // 1000}k": big,
            "ratio": round(big["seconds"] / small["seconds"], 2),
            "cpu_ratio": round(big["cpu_seconds"] / small["cpu_seconds"], 2),
            "corpus_stages_ratio": round(big["corpus_stages_seconds"]
                                         / max(small["corpus_stages_seconds"], 1e-6), 2)}


if __name__ == "__main__":
    print(run())
