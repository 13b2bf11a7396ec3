"""Word shingles and their MinHash signatures: near-duplicates within one language."""

from __future__ import annotations

import re
from functools import cache

from datasketch import LeanMinHash, MinHash

_TOKEN = re.compile(r"\w+")


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
