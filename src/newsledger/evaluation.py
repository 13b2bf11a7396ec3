"""Score what the pipeline stored against a gold corpus folder: figures, stories, events.

The pure scorers live beside their stages (``evaluate.score_figures``, ...); this module
only gathers the stored records and the gold files and puts the scores in one report.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsledger.evaluate import load_gold, read_jsonl, score_figures
from newsledger.extract.events_evaluate import score_events
from newsledger.labels import resolve_quotes
from newsledger.store import Ledger
from newsledger.store import claims as claim_store
from newsledger.stories.evaluate import score_conflicts, score_stories


def stored_figure_records(ledger: Ledger) -> list[dict]:
    """Every stored figure as a scorable record with its quote span."""
    keep = ("article", "number_text", "quote", "low", "high", "qualifier", "counted", "who",
            "place", "period", "attributed_to", "rate", "quote_start", "quote_end")
    return [{name: row[name] for name in keep} for row in ledger.figures()]


def stored_event_records(ledger: Ledger) -> list[dict]:
    """Every stored event mention as a scorable record with its quote span."""
    keep = ("article", "type", "quote", "date", "date_precision", "place", "country", "actors",
            "figure", "quote_start", "quote_end")
    return [{name: row[name] for name in keep} for row in ledger.events()]


def evaluate_ledger(ledger: Ledger, corpus_dir: str | Path, seconds: float = 0.0,
                    events_gold: str | Path | None = None) -> dict:
    """Scores of the stored analysis against the gold files found in ``corpus_dir``.

    Event mentions are scored against ``events_gold`` (default: the folder's
    ``events_gold.jsonl`` where there is one)."""
    gold = load_gold(corpus_dir)
    articles = list(ledger.articles())
    texts = {article.id: article.text for article in articles}
    languages = {article.id: article.lang for article in articles}
    score = score_figures(stored_figure_records(ledger), gold.figures, texts, languages)
    words = sum(len(text.split()) for text in texts.values())
    result = {
        "corpus": str(corpus_dir), "articles": len(texts), "words": words, "seconds": seconds,
        "figures": score,
    }
    folder = Path(corpus_dir)
    if (folder / "stories.json").exists():
        gold_groups = json.loads((folder / "stories.json").read_text(encoding="utf-8"))
        stored = [[m["article"] for m in story["members"]] for story in ledger.stories()]
        result["stories"] = score_stories(stored, gold_groups)
    if (folder / "conflicts.jsonl").exists():
        found = [{"kind": c["kind"], "articles": [c["article_a"], c["article_b"]],
                  "a": c["a"], "b": c["b"]} for c in claim_store.conflicts(ledger)]
        result["conflicts"] = score_conflicts(found, read_jsonl(folder / "conflicts.jsonl"))
    events_gold = Path(events_gold) if events_gold else folder / "events_gold.jsonl"
    if events_gold.exists():
        gold = resolve_quotes(read_jsonl(events_gold), texts)
        score = score_events(stored_event_records(ledger), gold, texts)
        result["events"] = score.as_dict() | {"summary": score.summary_line()}
    return result


def summary_line(result: dict) -> str:
    """The evaluation's last line: figure scores, then stories and events where scored."""
    line = result["figures"].summary_line()
    if "stories" in result:
        line += f" stories_f1={result['stories']['f1']:.3f}"
    if "events" in result:
        line += f" events_f1={result['events']['f1']:.3f}"
    return line
