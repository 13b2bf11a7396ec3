"""Precision, recall and F1: the one definition every scorer uses.

The empty-set rule: a ratio over nothing is 1.0. No prediction is no wrong prediction
(precision 1.0 when nothing was predicted); nothing to find is nothing missed (recall 1.0 when
the gold is empty). F1 is the harmonic mean, 0.0 when precision and recall are both 0.0. So a
run that predicts nothing against a non-empty gold scores P=1, R=0, F1=0, and a run that
predicts nothing where the gold has nothing scores 1, 1, 1.

Shares over matched pairs (field accuracy, date and place agreement) are not P/R/F1:
``share`` of no pairs is 0.0, since nothing agreed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PRF:
    """Counts of one comparison: ``found`` of ``predicted`` were right, of ``gold`` to find."""

    found: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.found / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def as_dict(self, digits: int | None = None) -> dict[str, float]:
        """``precision``, ``recall`` and ``f1``, rounded to ``digits`` when given."""
        values = {"precision": self.precision, "recall": self.recall, "f1": self.f1}
        return values if digits is None else {k: round(v, digits) for k, v in values.items()}


def prf(found: int, predicted: int, gold: int) -> PRF:
    """Precision, recall and F1 of ``found`` right out of ``predicted``, against ``gold``."""
    if not 0 <= found <= min(predicted, gold):
        raise ValueError(f"found={found} must lie in 0..min(predicted={predicted}, gold={gold})")
    return PRF(found, predicted, gold)


class Detection:
    """Precision, recall and F1 of a score record with ``matched``, ``predicted`` and ``gold``
    counts (mixed into the figure and event scores)."""

    matched: int
    predicted: int
    gold: int

    @property
    def detection(self) -> PRF:
        return prf(self.matched, self.predicted, self.gold)

    @property
    def precision(self) -> float:
        return self.detection.precision

    @property
    def recall(self) -> float:
        return self.detection.recall

    @property
    def f1(self) -> float:
        return self.detection.f1


def share(part: int, whole: int) -> float:
    """``part / whole``, 0.0 over nothing (agreement over matched pairs)."""
    return part / whole if whole else 0.0
