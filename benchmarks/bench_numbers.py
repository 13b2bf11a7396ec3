"""Throughput of number-expression finding on the dev corpus texts."""

from __future__ import annotations

import json
import time
from pathlib import Path

from newsledger.base.numbers import find_number_expressions

ARTICLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev" / "articles"


def run(repeat: int = 5) -> dict:
    """Words per second of ``find_number_expressions`` over the dev articles (tables compiled
    beforehand, so the figure is the steady-state scan speed)."""
    articles = [json.loads(path.read_text(encoding="utf-8")) for path in ARTICLES.glob("*.json")]
    if not articles:
        return {"name": "numbers", "skipped": "dev corpus not found"}
    for article in articles:
        find_number_expressions(article["text"], article["language"])
    words = sum(len(article["text"].split()) for article in articles) * repeat
    started = time.perf_counter()
    found = 0
    for _ in range(repeat):
        for article in articles:
            found += len(find_number_expressions(article["text"], article["language"]))
    seconds = time.perf_counter() - started
    return {"name": "numbers", "words_per_second": round(words / seconds),
            "expressions": found // repeat, "articles": len(articles)}


if __name__ == "__main__":
    print(run())
