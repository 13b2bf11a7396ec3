"""The trained figure judge: packaged, deterministic, and up to date with its labels."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from newsledger.extract.figures import extract_figures, figure_candidates
from newsledger.extract.judge import (
    MODEL_DIR,
    MODEL_NAME,
    Judge,
    clause,
    context,
    features,
    load_judge,
    with_vectors,
    words,
)
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



def test_each_distinct_context_is_encoded_once():
    article = Article(id="t", text="Some 2,000 Russians and 300 Belarusians crossed into "
                      "Georgia.", language="en")
    candidates = [candidate for _, candidate in figure_candidates(article)]
    asked: list[list[str]] = []

    def encode(texts):
        asked.append(texts)
        return np.eye(len(texts), 4)

    found = with_vectors(candidates + candidates, encode)
    # a short sentence: one context, and the sentence is the clause of both numbers
    assert len(candidates) == 2 and asked == [[article.text]]
    assert all(c.vector is not None for c in found) and context(candidates[1]) == article.text


def test_the_clause_of_a_number_stops_at_the_clause_marks_around_it():
    article = Article(id="t", text="According to the ministry, 35 people died in the unrest, "
                      "and 1,200 were detained.", language="en")
    first, second = (candidate for _, candidate in figure_candidates(article))
    assert clause(first) == "35 people died in the unrest"
    assert clause(second) == "and 1,200 were detained."
    (found,) = with_vectors([first], lambda texts: np.eye(len(texts), 4))
    assert found.vector.shape == (8,)  # the context's vector, then the clause's


def test_words_of_unspaced_scripts_are_character_pairs():
    assert words("少なくとも1472人が拘束された Russians") == [
        "少な", "なく", "くと", "とも", "1472", "人が", "が拘", "拘束", "束さ", "され", "れた",
        "russians"]


def test_a_none_bias_lets_a_doubtful_number_through():
    labels = ("crossed_border", "none", "other")
    intercept = np.array([0.0, 1.0, 0.0])  # "none" likelier by a little
    article = Article(id="t", text="Some 2,000 Russians crossed into Georgia.", language="en")
    (_, candidate), = figure_candidates(article)
    plain = Judge(labels, 1 << 20, np.array([0]), np.zeros((1, 3), np.float32), intercept)
    biased = Judge(labels, 1 << 20, np.array([0]), np.zeros((1, 3), np.float32), intercept,
                   none_bias=1.5)
    assert plain.decide(candidate) is None and biased.decide(candidate) == "crossed_border"


def test_a_judge_with_vector_weights_reads_the_vector():
    labels = ("crossed_border", "none", "other")
    dense = np.zeros((8, 3))  # the context's vector, then the clause's
    dense[0, 1] = 50.0  # a context along the first axis reads as no figure
    judge = Judge(labels, 1 << 20, np.array([0]), np.zeros((1, 3), np.float32), np.zeros(3),
                  dense=dense)
    article = Article(id="t", text="Some 2,000 Russians crossed into Georgia.", language="en")
    (_, candidate), = figure_candidates(article)
    (near,) = with_vectors([candidate], lambda texts: np.array([[1.0, 0, 0, 0]]))
    (far,) = with_vectors([candidate], lambda texts: np.array([[0, 1.0, 0, 0]]))
    assert judge.decide(near) is None and judge.decide(far) == "crossed_border"


def test_the_shipped_judge_reads_sentence_vectors():
    judge = load_judge()
    # the vectors of the number's context and of its clause
    assert judge.reads_vectors and judge.dense.shape == (2 * 512, len(judge.labels))


def test_the_model_record_matches_the_labels(corpus_dir):
    from newsledger.training.figures import inputs_checksum

    meta = json.loads((MODEL_DIR / f"{MODEL_NAME}.json").read_text())
    assert meta["inputs_sha256"] == inputs_checksum(REPO, corpus_dir), "run make train"
