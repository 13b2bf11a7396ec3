"""Scores for stories and conflicts (pure functions over plain data).

Stories are scored as pairwise precision and recall over same-story article pairs (DESIGN.md);
conflicts by their kind and article pair against a ``conflicts.jsonl`` gold list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import combinations


def _pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    return {pair for group in groups for pair in combinations(sorted(set(group)), 2)}


def _prf(found: int, predicted: int, gold: int) -> dict:
    precision = found / predicted if predicted else 1.0
    recall = found / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def score_stories(predicted_groups: Iterable[Iterable[str]],
                  gold_groups: Iterable[Iterable[str]]) -> dict:
    """Pairwise precision, recall and F1 of predicted story groups against gold groups."""
    predicted, gold = _pairs(predicted_groups), _pairs(gold_groups)
    return {**_prf(len(predicted & gold), len(predicted), len(gold)),
            "predicted_pairs": len(predicted), "gold_pairs": len(gold)}


def _conflict_key(conflict: Mapping) -> tuple[str, tuple[str, ...]]:
    return conflict["kind"], tuple(sorted(conflict["articles"]))


def score_conflicts(found: Iterable[Mapping], gold_conflicts: Iterable[Mapping]) -> dict:
    """Gold conflicts found (same kind and article pair) and the extra ones predicted.

    A gold conflict is found when a predicted one has its kind and articles and, where the
    gold gives the two quotes, quotes overlapping them in either order.
    """
    gold = list(gold_conflicts)
    predicted = list(found)
    matched = sum(any(_matches(p, g) for p in predicted) for g in gold)
    extra = sum(not any(_matches(p, g) for g in gold) for p in predicted)
    return {**_prf(len(predicted) - extra, len(predicted), len(gold)),
            "found": matched, "gold": len(gold), "predicted": len(predicted), "extra": extra}


def _overlaps(a: str | None, b: str | None) -> bool:
    return not a or not b or a in b or b in a


def _matches(predicted: Mapping, gold: Mapping) -> bool:
    if _conflict_key(predicted) != _conflict_key(gold):
        return False
    pa, pb = predicted.get("a"), predicted.get("b")
    ga, gb = gold.get("a"), gold.get("b")
    return (_overlaps(pa, ga) and _overlaps(pb, gb)) or (_overlaps(pa, gb) and _overlaps(pb, ga))
