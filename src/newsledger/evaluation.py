"""Score what the pipeline stored against a gold corpus folder: figures, stories, events.

The pure scorers live beside their stages (``evaluate.score_figures``, ...); this module
only gathers the stored records and the gold files and puts the scores in one report.
"""

from __future__ import annotations

from pathlib import Path

from newsledger.evaluate import load_gold, score_figures
from newsledger.store import Ledger


def stored_figure_records(ledger: Ledger) -> list[dict]:
    """Every stored figure as a scorable record with its quote span."""
    keep = ("article", "number_text", "quote", "low", "high", "qualifier", "counted", "who",
            "place", "period", "attributed_to", "rate", "quote_start", "quote_end")
    return [{name: row[name] for name in keep} for row in ledger.figures()]


def evaluate_ledger(ledger: Ledger, corpus_dir: str | Path, seconds: float = 0.0) -> dict:
    """Scores of the stored analysis against the gold files found in ``corpus_dir``."""
    gold = load_gold(corpus_dir)
    texts = {article.id: article.text for article in ledger.articles()}
    languages = {article.id: article.lang for article in ledger.articles()}
    score = score_figures(stored_figure_records(ledger), gold.figures, texts, languages)
    words = sum(len(text.split()) for text in texts.values())
    return {
        "corpus": str(corpus_dir), "articles": len(texts), "words": words, "seconds": seconds,
        "figures": score,
    }
