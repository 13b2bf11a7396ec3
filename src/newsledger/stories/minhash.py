"""Word shingles and their MinHash signatures: near-duplicates within one language.

Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese)
count each character as a word, so their shingles are character trigrams rather than whole
clauses."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import numpy as np
from datasketch import LeanMinHash, MinHash

from newsledger.base.scripts import WITHOUT_SPACES
from newsledger.models import Article

_TOKEN = re.compile(f"[{WITHOUT_SPACES}]|[^\\W{WITHOUT_SPACES}]+")
SCHEME = 2  # of the tokens above: a signature cached under another scheme is not reused


def shingles(text: str, size: int = 3) -> set[bytes]:
    """Overlapping word ``size``-grams of the case-folded text, as UTF-8 bytes."""
    words = _TOKEN.findall(text.casefold())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def jaccard(a: str, b: str, size: int = 3) -> float:
    """The exact Jaccard similarity of two texts' word shingles."""
    first, second = shingles(a, size), shingles(b, size)
    return len(first & second) / len(first | second) if first or second else 0.0


def signature(text: str, num_perm: int = 64, size: int = 3, seed: int = 1) -> LeanMinHash:
    """The MinHash signature of a text's word shingles (deterministic: fixed seed)."""
    sketch = _template(num_perm, seed).copy()
    grams = shingles(text, size)
    if grams:
        sketch.update_batch(list(grams))
    return LeanMinHash(sketch)


@cache
def _template(num_perm: int, seed: int) -> MinHash:
    """An empty sketch whose random permutations are made once, then copied per text."""
    return MinHash(num_perm=num_perm, seed=seed)


class Signatures:
    """Signatures of article texts, each text's computed once: with ``ledger``, kept in its cache
    table by the text's hash (``flush`` writes the new ones), so re-running the stories stage
    over a ledger only signs new or changed texts."""

    def __init__(self, num_perm: int = 64, size: int = 3, ledger=None, seed: int = 1,
                 limit: int = 5_000) -> None:
        self.num_perm, self.size, self.seed = num_perm, size, seed
        self.ledger = ledger
        self.kind = f"minhash{SCHEME}/{num_perm}/{size}/{seed}"
        self.limit = limit  # new signatures held before they are written
        self.new: dict[str, bytes] = {}

    def of(self, articles: Sequence[Article]) -> list[LeanMinHash]:
        """The signature of each article's text."""
        keys = [article.content_hash for article in articles]
        stored = {}
        if self.ledger is not None:
            stored = self.ledger.load_cached(self.kind, keys)
        scheme = _template(self.num_perm, self.seed).scheme
        found = []
        for key, article in zip(keys, articles, strict=True):
            value = stored.get(key) or self.new.get(key)
            if value is None:
                sketch = signature(article.text, self.num_perm, self.size, self.seed)
                value = self.new[key] = np.asarray(sketch.hashvalues, np.uint64).tobytes()
            found.append(LeanMinHash(seed=self.seed, scheme=scheme,
                                     hashvalues=np.frombuffer(value, dtype=np.uint64)))
        if len(self.new) >= self.limit:
            self.flush()
        return found

    def flush(self) -> None:
        """Keep the signatures made since the last flush in the ledger."""
        if self.ledger is not None:
            self.ledger.save_cached(self.kind, self.new)
        self.new.clear()
