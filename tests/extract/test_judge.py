"""The trained figure judge: packaged, deterministic, and up to date with its labels."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from newsledger.extract.figures import extract_figures, figure_candidates
from newsledger.extract.judge import MODEL_DIR, MODEL_NAME, Judge, features, load_judge
from newsledger.models import Article

REPO = Path(__file__).resolve().parents[2]


def test_the_model_ships_small_and_loads():
    judge = load_judge()
    assert judge is not None and "none" in judge.labels
    assert (MODEL_DIR / f"{MODEL_NAME}.npz").stat().st_size < 6_000_000


def test_features_are_the_same_for_the_same_text():
    article = Article(id="t", text="Some 2,000 Russians crossed into Georgia.", language="en")
    (_, first), = figure_candidates(article)
    (_, again), = figure_candidates(article)
    assert features(first) == features(again)
    assert "rule=crossed_border" in features(first)


def test_a_zero_judge_leaves_the_rules_decision():
    labels = ("crossed_border", "none", "other")
    zero = Judge(labels, 1 << 20, np.array([0]), np.zeros((1, 3), np.float32), np.zeros(3),
                 margin=0.5)
    article = Article(id="t", text="Some 2,000 Russians crossed into Georgia.", language="en")
    assert [f.counted for f in extract_figures(article, judge=zero)] == ["crossed_border"]




def test_the_model_record_matches_the_labels(corpus_dir):
    from newsledger.training.figures import inputs_checksum

    meta = json.loads((MODEL_DIR / f"{MODEL_NAME}.json").read_text())
    assert meta["inputs_sha256"] == inputs_checksum(REPO, corpus_dir), "run make train"
