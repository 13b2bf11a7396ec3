"""Train the event judge (``extract.event_judge``) from labelled mentions: ``make train``.

Training data: our event labels of dev articles (``tests/gold/events_dev*.jsonl``) and the
*train* split of our pool event labels. Every sentence the extractor reads is one sample per
event type: positive when a labelled mention of that type overlaps it. The regularisation and
the two thresholds (drop a rule mention, add a missed type) are chosen on a quarter of the
pool's train split, whole story groups (copies of one story on one side, as in the held-aside
split), and the seeds, with the judge fitted on the rest; the pool's test split is only scored.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from newsledger.evaluation.events import score_events
from newsledger.evaluation.gold import iter_corpus_articles
from newsledger.extract.event_judge import (
    EventJudge,
    sentence_ids,
    sentence_view,
    types_of,
    write_event_judge,
)
from newsledger.extract.event_tables import EVENT_TYPES
from newsledger.extract.events import extract_events, sentence_events
from newsledger.extract.figures import extract_figures
from newsledger.labels import labelled_split, pool_groups, read_jsonl, resolve_quotes
from newsledger.models import Article, Figure
from newsledger.training.matrix import compact, design_matrix

DIMENSIONS = 1 << 20
REGULARISATIONS = (0.125, 0.25, 0.5, 1.0, 2.0)  # the C values tried; the validation score picks one
DROP_BELOW = (0.0, 0.02, 0.05, 0.1, 0.2)
ADD_ABOVE = (0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.01)


@dataclass(frozen=True)
class Source:
    """Articles with their figures and their labelled mentions."""

    name: str
    articles: tuple[Article, ...]
    figures: dict[str, list[Figure]]
    gold: tuple[dict, ...]

    def subset(self, keep) -> Source:
        return replace(self, articles=tuple(a for a in self.articles if keep(a.id)),
                       gold=tuple(g for g in self.gold if keep(g["article"])))


def source(name: str, articles: Iterable[Article], gold: list[dict]) -> Source:
    labelled = {record["article"] for record in gold}
    chosen = tuple(article for article in articles if article.id in labelled)
    return Source(name, chosen, {a.id: extract_figures(a) for a in chosen}, tuple(gold))


def _spans(article: Article, gold: Iterable[dict]) -> list[tuple[int, int, str]]:
    spans = []
    for record in gold:
        start = article.text.find(record["quote"])
        if start >= 0:
            spans.append((start, start + len(record["quote"]), record["type"]))
    return spans


def samples(data: Source) -> Iterator[tuple[np.ndarray, set[str]]]:
    by_article: dict[str, list[dict]] = {}
    for record in data.gold:
        by_article.setdefault(record["article"], []).append(record)
    for article in data.articles:
        spans = _spans(article, by_article.get(article.id, []))
        figures = data.figures[article.id]
        for context, span, found in sentence_events(article, figures):
            view = sentence_view(article, span, found, context.figures)
            yield sentence_ids(view, DIMENSIONS), types_of(spans, span)


def fit(sources: Iterable[Source], regularisation: float) -> tuple[EventJudge, dict]:
    from sklearn.linear_model import LogisticRegression

    rows, targets, digest = [], [], hashlib.sha256()
    for data in sources:
        for ids, kinds in samples(data):
            rows.append(ids)
            targets.append(kinds)
            digest.update(ids.tobytes() + ",".join(sorted(kinds)).encode() + b"\n")
    used, matrix = design_matrix(rows)
    weights = np.zeros((len(used), len(EVENT_TYPES)), np.float32)
    intercept = np.full(len(EVENT_TYPES), -10.0)
    positives = {}
    for index, kind in enumerate(EVENT_TYPES):
        target = np.array([kind in kinds for kinds in targets])
        positives[kind] = int(target.sum())
        if 0 < target.sum() < len(target):
            model = LogisticRegression(C=regularisation, max_iter=3000).fit(matrix, target)
            weights[:, index], intercept[index] = model.coef_[0], model.intercept_[0]
    buckets, weights = compact(used, weights)
    judge = EventJudge(tuple(EVENT_TYPES), DIMENSIONS, buckets, weights, intercept)
    return judge, {"sentences": len(rows), "positives": positives, "features_kept": len(buckets),
                   "regularisation": regularisation, "training_data_sha256": digest.hexdigest()}


def score(data: Source, judge: EventJudge | None) -> dict:
    predicted = [event.record() | {"quote_start": event.quote_start,
                                   "quote_end": event.quote_end}
                 for article in data.articles
                 for event in extract_events(article, data.figures[article.id], judge=judge)]
    result = score_events(predicted, data.gold, {a.id: a.text for a in data.articles})
    return {"f1": round(result.f1, 4), "precision": round(result.precision, 4),
            "recall": round(result.recall, 4), "mentions": result.gold}


def validation(groups: list[set[str]]):
    """Whether an article is in the validation quarter: decided per story group."""
    key_of = {article: min(group) for group in groups for article in group}

    def held(article: str) -> bool:
        key = key_of.get(article, article)
        return hashlib.sha256(f"validation:{key}".encode()).digest()[0] % 4 == 0
    return held


def choose_settings(train: list[Source], held: Source, is_held
                    ) -> tuple[tuple[float, float, float], dict]:
    """The (regularisation, drop, add) that score best on ``held``, the judge fitted on the
    training sources without the articles ``is_held`` keeps aside."""
    scores = {}
    for regularisation in REGULARISATIONS:
        judge, _ = fit((data.subset(lambda article: not is_held(article)) for data in train),
                       regularisation)
        scores |= {(regularisation, drop, add): score(
            held, replace(judge, drop_below=drop, add_above=add))["f1"]
            for drop in DROP_BELOW for add in ADD_ABOVE}
    best = max(scores, key=lambda key: (scores[key], -key[0], -key[1], key[2]))
    return best, {"/".join(map(str, key)): value for key, value in scores.items()}


def _gold_source(name: str, corpus: Path, gold_files: Iterable[Path]) -> Source:
    articles = list(iter_corpus_articles(corpus))
    gold = resolve_quotes([record for path in gold_files for record in read_jsonl(path)],
                          {article.id: article.text for article in articles})
    return source(name, articles, gold)


def main(repo: Path, shared: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="newsledger-train-events-") as folder:
        splits = {name: labelled_split(repo / "labels/pool", shared / "pool", name,
                                       Path(folder, name)) for name in ("train", "test")}
        pool = {name: _gold_source(f"pool_{name}", path, [path / "events_gold.jsonl"])
                for name, path in splits.items()}
    dev = _gold_source("dev", shared / "dev", sorted((repo / "tests/gold").glob("events_*.jsonl")))
    seeds = _gold_source("seeds", shared / "seeds", [shared / "seeds/events_gold.jsonl"])
    is_held = validation(pool_groups(shared / "pool", repo / "labels/pool"))
    held = pool["train"].subset(is_held)
    held = replace(held, name="validation", articles=held.articles + seeds.articles,
                   figures=held.figures | seeds.figures, gold=held.gold + seeds.gold)
    (regularisation, drop, add), grid = choose_settings([dev, pool["train"]], held, is_held)
    judge, meta = fit([dev, pool["train"]], regularisation)
    judge = replace(judge, drop_below=drop, add_above=add)
    meta |= {"validation_f1_by_regularisation_drop_add": grid,
             "held_aside_pool_test": score(pool["test"], judge),
             "held_aside_pool_test_rules_only": score(pool["test"], _rules_only()),
             "seeds (chose the thresholds)": score(seeds, judge),
             "dev (trained on)": score(dev, judge)}
    write_event_judge(judge, meta)
    return meta


def _rules_only() -> EventJudge:
    """A judge that keeps every rule mention and adds none."""
    return EventJudge((), 1, np.zeros(1, np.int64), np.zeros((1, 0), np.float32), np.zeros(0),
                      0.0, 2.0)


if __name__ == "__main__":  # python -m newsledger.training.events [REPO [SHARED_CORPUS]]
    repo_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    shared_dir = Path(sys.argv[2]) if len(sys.argv) > 2 else repo_dir / ".." / "shared/corpus"
    print(json.dumps(main(repo_dir, shared_dir.resolve()), indent=1))
