"""Ingest speed: the dev corpus replicated to ``scale`` articles (ids suffixed) as one JSON Lines
file, ingested into a fresh SQLite store with every analysis stage on."""

from __future__ import annotations

import json
import resource
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

from newsledger import pipeline
from newsledger.settings import Settings
from newsledger.store import Ledger

ARTICLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev" / "articles"


def write_replicas(target: Path, scale: int) -> int:
    """Write ``scale`` dev articles, cycling through the corpus, one JSON object a line."""
    paths = sorted(ARTICLES.glob("*.json"))
    with target.open("w", encoding="utf-8") as stream:
        for number, path in enumerate(islice(cycle(paths), scale)):
            record = json.loads(path.read_text(encoding="utf-8"))
            record["id"] = f"{record['id']}-{number:06d}"
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return target.stat().st_size


def run(scale: int = 10_000) -> dict:
    """Articles per second through ingest with analysis on (in all, and per article and corpus
    stage), the part spent in the corpus stages after the last article, and the peak RSS."""
    if not ARTICLES.is_dir():
        return {"name": "ingest", "skipped": "dev corpus not found"}
    with tempfile.TemporaryDirectory(prefix="newsledger-bench-") as folder:
        source = Path(folder, "replicas.jsonl")
        size = write_replicas(source, scale)
        settings = Settings(db=str(Path(folder, "bench.db")), analyze=True,
                            max_input_bytes=size + 1)
        started = time.perf_counter()
        last_article = [started]

        def mark(_status: str, _label: str) -> None:
            last_article[0] = time.perf_counter()

        with Ledger(settings.db) as ledger:
            report = pipeline.ingest([str(source)], ledger, settings, on_item=mark)
        seconds = time.perf_counter() - started
    article_seconds = last_article[0] - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "name": "ingest", "articles": report.new, "failed": report.failed,
        "seconds": round(seconds, 1), "articles_per_second": round(report.new / seconds, 1),
        "article_stages_per_second": round(report.new / article_seconds, 1),
        **_rates("article", report.new, report.article_seconds),
        "corpus_stages_seconds": round(seconds - article_seconds, 1),
        **_rates("corpus", report.new, report.corpus_seconds),
        "peak_rss_mb": round(peak_kb / 1024, 1),
    }


def _rates(kind: str, articles: int, seconds: dict[str, float]) -> dict[str, float]:
    """Seconds and articles per second of each stage of one kind."""
    rates = {}
    for name, spent in seconds.items():
        rates[f"{kind} {name} seconds"] = round(spent, 1)
        rates[f"{kind} {name} articles/s"] = round(articles / max(spent, 1e-6), 1)
    return rates


if __name__ == "__main__":
    import sys

    print(run(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
