"""Agreement between our labellers, scored with the same scorers as a run: one labeller's
figures (or event mentions) against the other's over the articles both finished, and a blind
re-label of gold articles against their gold."""

from __future__ import annotations

from pathlib import Path

from newsledger.evaluation.events import score_events
from newsledger.evaluation.figures import FigureScore, score_figures
from newsledger.evaluation.gold import load_gold
from newsledger.labels import LabelSet, labeller_pairs, load_figure_labels, read_texts


def agreement(labels: LabelSet, corpus_dir: Path | str) -> dict[str, dict]:
    """Agreement between every two labellers over the articles both finished, scored as
    one labeller's figures against the other's (detection F1 and per-field agreement)."""
    texts = {key: value["text"] for key, value in read_texts(corpus_dir).items()}
    return {name: _agreement_row(score_figures(first, second, texts), len(common))
            for name, first, second, common in labeller_pairs(labels)}


def event_agreement(events: LabelSet, corpus_dir: Path | str) -> dict[str, dict]:
    """Agreement of event labellers over the articles both finished: mention F1 (same type,
    overlapping quotes), and date and place agreement over matched mentions."""
    texts = {key: value["text"] for key, value in read_texts(corpus_dir).items()}
    result = {}
    for name, first, second, common in labeller_pairs(events):
        score = score_events(first, second, texts).as_dict()
        result[name] = {"articles": len(common), **{
            key: round(value, 3) if isinstance(value, float) else value
            for key, value in score.items()}}
    return result


def _agreement_row(score: FigureScore, articles: int) -> dict:
    return {"articles": articles, "figures": [score.predicted, score.gold],
            "detection_f1": round(score.f1, 3), "strict_f1": round(score.strict_f1, 3),
            **{name: round(value, 3) for name, value in score.field_accuracy.items()}}


def relabel_agreement(labels_dir: Path | str, corpus_dir: Path | str) -> dict:
    """A blind re-label of gold articles against their gold figures."""
    labels = load_figure_labels(labels_dir, corpus_dir)
    gold = load_gold(corpus_dir)
    chosen = set(labels.labelled)
    score = score_figures(labels.records, [r for r in gold.figures if r["article"] in chosen],
                          {a.id: a.text for a in gold.articles if a.id in chosen})
    return _agreement_row(score, len(chosen))
