"""Redaction scored on labelled persons: gates on the dev gold and the pool's held-aside split."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.publish.redaction_score import (
    PersonLabel,
    form_spans,
    gold_persons,
    pool_persons,
    score_redaction,
)

REPO = Path(__file__).resolve().parents[2]
TEXT = "Ozodbek Nurmatov, 31, a welder, said 2,000 men waited. Governor Radiy Khabirov spoke."


def test_a_private_mention_left_and_a_public_one_redacted_are_counted():
    private = PersonLabel("a", "private", tuple(form_spans(TEXT, ["Ozodbek Nurmatov"])))
    public = PersonLabel("a", "public", tuple(form_spans(TEXT, ["Radiy Khabirov"])))
    start = TEXT.index("Nurmatov")
    half = score_redaction({"a": (TEXT, "en")}, [private, public],
                           spans=lambda text, language: [(start, start + 8, "[x]")])
    assert [name for _, name in half.left] == ["Ozodbek Nurmatov"] and half.public_kept == 1.0
    everything = score_redaction({"a": (TEXT, "en")}, [private, public],
                                 spans=lambda text, language: [(0, len(text), "[x]")])
    assert everything.left == [] and everything.public_kept == 0.0


def test_forms_inside_a_longer_form_are_not_counted_twice():
    text = "Sergei Shoigu spoke. Sergei, 27, left."
    assert form_spans(text, ["Sergei Shoigu", "Sergei"]) == [(0, 13), (21, 27)]


def test_on_the_dev_gold_no_private_name_is_left(corpus_dir):
    texts, persons = gold_persons(corpus_dir)
    score = score_redaction(texts, persons)
    assert score.private == 21 and score.left == []
    assert score.public_kept >= 0.99, score.dropped  # measured: 102 of 102


@pytest.mark.parametrize(("split", "kept_at_least"), [
    ("test", 0.93),  # measured: 0 of 20 left, 86 of 92 kept (before: 8 left, 72 kept)
    ("train", 0.99),  # measured: 0 of 23 left, 92 of 92 kept (before: 8 left, 71 kept)
])
def test_on_the_pool_persons_labels(corpus_dir, split, kept_at_least):
    texts, persons = pool_persons(REPO / "labels" / "pool", corpus_dir / "pool", split)
    score = score_redaction(texts, persons)
    assert score.private >= 20
    assert score.left == []
    assert score.public_kept >= kept_at_least, score.dropped
