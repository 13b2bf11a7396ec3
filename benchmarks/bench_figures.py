"""Figure extraction speed over the dev corpus texts (words per second, one core)."""

from __future__ import annotations

import time
from pathlib import Path

from newsledger.evaluate import iter_corpus_articles
from newsledger.extract.figures import extract_figures

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev"


def run(rounds: int = 5) -> dict:
    """Words per second of ``extract_figures`` after one warm-up pass (tables compiled)."""
    articles = list(iter_corpus_articles(CORPUS))
    words = sum(len(article.text.split()) for article in articles)
    for article in articles:
        extract_figures(article)
    started = time.perf_counter()
    for _ in range(rounds):
        for article in articles:
            extract_figures(article)
    seconds = time.perf_counter() - started
    return {"articles": len(articles), "words": words * rounds, "seconds": round(seconds, 3),
            "words_per_second": round(words * rounds / seconds)}


if __name__ == "__main__":
    print(run())
