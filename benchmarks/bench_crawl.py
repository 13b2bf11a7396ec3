"""The Dask path: dev and pool texts with small edits in JSONL shards, crawled on a 2-worker
LocalCluster into a fresh SQLite ledger."""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from benchmarks.bench_workers import CORPUS, edited_texts

from newsledger.pipeline.crawl import crawl
from newsledger.settings import Settings
from newsledger.store import Ledger


def run(scale: int = 400, shards: int = 4, workers: int = 2) -> dict:
    """Articles/s of the whole crawl, of the part before the last article was stored, and of
    one worker (articles over the seconds the workers spent in language id and the stages)."""
    if not (CORPUS / "dev" / "articles").is_dir():
        return {"name": "crawl", "skipped": "dev corpus not found"}
    records = edited_texts(scale)
    with tempfile.TemporaryDirectory(prefix="newsledger-bench-") as folder:
        names = []
        for index in range(shards):
            shard = Path(folder, f"shard-{index:03d}.jsonl")
            shard.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                     for r in records[index::shards]), encoding="utf-8")
            names.append(str(shard))
        started = time.perf_counter()
        last = [started]

        def mark(_status: str, _label: str) -> None:
            last[0] = time.perf_counter()

        with Ledger(str(Path(folder, "crawl.db"))) as ledger:
            report = crawl(names, ledger, Settings(workers=workers),
                           parquet=str(Path(folder, "parts")), on_item=mark)
        seconds = time.perf_counter() - started
    worker_seconds = sum(report.article_seconds.values())
    return {
        "name": "crawl", "articles": report.new, "shards": shards, "workers": workers,
        "seconds": round(seconds, 1), "articles/s": round(report.new / seconds, 1),
        "articles/s to the last stored article": round(report.new / (last[0] - started), 1),
        "article stages articles/s per worker": round(report.new / worker_seconds, 1),
        "corpus stages seconds": round(seconds - (last[0] - started), 1),
    }


if __name__ == "__main__":
    import sys

    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else 400), indent=2))
