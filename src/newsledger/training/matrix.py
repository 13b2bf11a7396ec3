"""The sparse design matrix both judges train on, and the compact form their weights ship in."""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix

SMALLEST_WEIGHT = 0.01  # a feature bucket whose weights all stay below this is not shipped


def design_matrix(rows: list[np.ndarray]) -> tuple[np.ndarray, csr_matrix]:
    """The feature buckets used (sorted) and a 0/1 sample × bucket matrix over them."""
    used = np.unique(np.concatenate(rows))
    indptr = np.cumsum([0] + [len(row) for row in rows])
    indices = np.searchsorted(used, np.concatenate(rows))
    matrix = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(used)))
    return used.astype(np.int64), matrix


def compact(buckets: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Only the buckets with a weight that matters, weights as float16 (the model file stays
    a few MB; predictions of the shipped model are what the tests pin)."""
    keep = np.abs(weights).max(axis=1) >= SMALLEST_WEIGHT
    return buckets[keep], weights[keep].astype(np.float16)
