"""Score flagged conflicts against a ``conflicts.jsonl`` gold list (seeds).

A predicted conflict matches a gold one when it has its kind and article pair and, where the
gold gives the two quotes, quotes contained in them (or containing them) in either order. A
conflict of one figure against several reports (``others``: more ``{"article", "quote"}`` on
b's side) matches a gold conflict of that figure with any of them, and counts as one
prediction. Each gold conflict matches at most one prediction (a maximum matching), so a
conflict flagged twice counts once. Pure functions over plain data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from newsledger.evaluation.matching import maximum_matching
from newsledger.evaluation.prf import prf


def _conflict_key(conflict: Mapping) -> tuple[str, tuple[str, ...]]:
    return conflict["kind"], tuple(sorted(conflict["articles"]))


def _overlaps(a: str | None, b: str | None) -> bool:
    return not a or not b or a in b or b in a


def conflicts_match(predicted: Mapping, gold: Mapping) -> bool:
    """Whether a predicted conflict (or one of its pairs with ``others``) is the gold one:
    kind, articles and quotes."""
    pairs = [predicted] + [{"kind": predicted["kind"], "a": predicted.get("a"),
                            "articles": [predicted["articles"][0], other["article"]],
                            "b": other["quote"]} for other in predicted.get("others", ())]
    return any(_pair_matches(pair, gold) for pair in pairs)


def _pair_matches(predicted: Mapping, gold: Mapping) -> bool:
    if _conflict_key(predicted) != _conflict_key(gold):
        return False
    pa, pb = predicted.get("a"), predicted.get("b")
    ga, gb = gold.get("a"), gold.get("b")
    return (_overlaps(pa, ga) and _overlaps(pb, gb)) or (_overlaps(pa, gb) and _overlaps(pb, ga))


def score_conflicts(found: Iterable[Mapping], gold_conflicts: Iterable[Mapping]) -> dict:
    """P/R/F1 of predicted conflicts (``{"kind", "articles", "a", "b"}``), the gold ones found
    and the predictions that match no gold conflict (``extra``)."""
    gold, predicted = list(gold_conflicts), list(found)
    edges = {g: [p for p, one in enumerate(predicted) if conflicts_match(one, record)]
             for g, record in enumerate(gold)}
    pairs = maximum_matching(edges)
    extra = sum(not any(conflicts_match(p, g) for g in gold) for p in predicted)
    return {**prf(len(pairs), len(predicted), len(gold)).as_dict(),
            "found": len(pairs), "gold": len(gold), "predicted": len(predicted), "extra": extra}
