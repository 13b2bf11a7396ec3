"""Sentence vectors: each distinct sentence encoded once, and once ever with a ledger."""

from __future__ import annotations

import numpy as np

from newsledger.base.vectors import Vectors, encoder
from newsledger.store import Ledger

SENTENCES = ["The river ferry carried 240 passengers across before the ice closed the route.",
             "Snow closed the mountain road for a third day, the regional office said."]


def test_repeated_sentences_are_encoded_once_and_match_the_encoder():
    vectors = Vectors()
    rows = vectors.encode([SENTENCES[0], SENTENCES[1], SENTENCES[0]])
    assert vectors.encoded == 2
    assert np.array_equal(rows[0], rows[2])
    direct = np.asarray(encoder().encode(SENTENCES), dtype=np.float32)
    assert np.allclose(rows[:2], direct, atol=1e-5)
    assert vectors.encode([]).shape == (0, rows.shape[1])


def test_a_ledger_keeps_vectors_so_a_second_run_encodes_nothing(tmp_path):
    with Ledger(str(tmp_path / "ledger.db")) as ledger:
        first = Vectors(ledger)
        rows = first.encode(SENTENCES)
        first.flush()
        first.flush()  # nothing new: nothing written twice
        second = Vectors(ledger)
        again = second.encode(list(reversed(SENTENCES)))
        assert second.encoded == 0
        assert np.array_equal(again, rows[::-1])
