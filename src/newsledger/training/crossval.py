"""Cross-validation of the figure judge over story groups of the pool's train split.

``python -m newsledger.training.crossval [REPO [SHARED_CORPUS]]`` splits the pool's *train*
split into ``FOLDS`` parts (story groups kept whole, by a hash of the group's first id), and
scores extraction on each part with a judge trained on everything else that ``make train``
reads (dev, our gold sets, the other parts), for each ``none_bias`` in ``BIASES``. This is how
the constants of ``training.figures`` are chosen; the held-aside test split is never read.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from newsledger.base.vectors import Vectors
from newsledger.evaluation.figures import FigureScore, figure_to_record, score_figures
from newsledger.extract.figures import extract_figures
from newsledger.labels import labelled_split, pool_groups
from newsledger.training import figures as training

FOLDS = 4
BIASES = (0.0, 0.5, 1.0, 1.5, 2.0)


def fold_of(article: str, groups: list[set[str]], folds: int = FOLDS) -> int:
    """The part an article is scored in: one per story group."""
    key = next((min(group) for group in groups if article in group), article)
    return int(hashlib.sha256(f"cv{key}".encode()).hexdigest(), 16) % folds


def _subset(source: training.Source, keep: set[str]) -> training.Source:
    return replace(source, articles=tuple(a for a in source.articles if a.id in keep),
                   gold=tuple(r for r in source.gold if r["article"] in keep))


def cross_validate(repo: Path, shared: Path, biases: tuple[float, ...] = BIASES,
                   folds: int = FOLDS) -> dict[float, FigureScore]:
    """The scores over all parts of the pool's train split, for each ``none_bias``."""
    vectors = Vectors()
    with tempfile.TemporaryDirectory(prefix="newsledger-cv-") as folder:
        pool = training.gold_folder("pool_train", labelled_split(
            repo / "labels/pool", shared / "pool", "train", Path(folder, "train")),
            training.POOL_WEIGHT)
    others = [source for source in training.training_sources(repo, shared, pool)
              if source is not pool]
    groups = pool_groups(shared / "pool", repo / "labels/pool")
    part = {article.id: fold_of(article.id, groups, folds) for article in pool.articles}
    predicted: dict[float, list[dict]] = {bias: [] for bias in biases}
    gold: list[dict] = []
    for index in range(folds):
        rest = _subset(pool, {a for a, p in part.items() if p != index})
        held = _subset(pool, {a for a, p in part.items() if p == index})
        judge, _ = training.fit([*others, rest], vectors)
        judge = replace(judge, margin=training.MARGIN)
        gold += held.gold
        for bias in biases:
            predicted[bias] += [
                figure_to_record(figure) for article in held.articles
                for figure in extract_figures(article, judge=replace(judge, none_bias=bias),
                                              encode=vectors.encode)]
    texts = {article.id: article.text for article in pool.articles}
    return {bias: score_figures(predicted[bias], gold, texts) for bias in biases}


def main(repo: Path, shared: Path) -> dict:
    return {str(bias): {"strict_f1": round(score.strict_f1, 4), "f1": round(score.f1, 4),
                        "precision": round(score.precision, 4),
                        "recall": round(score.recall, 4),
                        "counted": round(score.field_accuracy["counted"], 4)}
            for bias, score in cross_validate(repo, shared).items()}


if __name__ == "__main__":  # python -m newsledger.training.crossval [REPO [SHARED_CORPUS]]
    repo_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    shared_dir = Path(sys.argv[2]) if len(sys.argv) > 2 else repo_dir / ".." / "shared/corpus"
    print(json.dumps(main(repo_dir, shared_dir.resolve()), indent=1))
