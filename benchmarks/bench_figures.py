"""Figure extraction speed over the dev corpus texts (words per second, one core).

Each round extracts the figures of every dev article once, after a warm-up pass that compiles
the tables. Both clocks are reported, best and median round: wall time, and the CPU time of
this process, which other processes loading the machine do not inflate.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from newsledger.evaluation.gold import iter_corpus_articles
from newsledger.extract.figures import extract_figures

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev"


def run(rounds: int = 7) -> dict:
    """Words per second of ``extract_figures`` (best and median of ``rounds`` rounds)."""
    articles = list(iter_corpus_articles(CORPUS))
    if not articles:
        return {"name": "figures", "skipped": "dev corpus not found"}
    words = sum(len(article.text.split()) for article in articles)
    figures = sum(len(extract_figures(article)) for article in articles)
    wall, cpu = [], []
    for _ in range(rounds):
        started, started_cpu = time.perf_counter(), time.process_time()
        for article in articles:
            extract_figures(article)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return {"name": "figures", "articles": len(articles), "words": words, "figures": figures,
            "rounds": rounds,
            "words_per_second": round(words / min(wall)),
            "words_per_second_median": round(words / statistics.median(wall)),
            "cpu_words_per_second": round(words / min(cpu)),
            "cpu_words_per_second_median": round(words / statistics.median(cpu))}


if __name__ == "__main__":
    print(run())
