"""Scores for stories and conflicts (pure functions over plain data).

Stories are scored as pairwise precision and recall over same-story article pairs (DESIGN.md);
conflicts by their kind and article pair against a ``conflicts.jsonl`` gold list. Labelled
story pairs (``labels/pool/story_pairs.jsonl``: relation ``copy``, ``rewrite`` or ``translation``
is one story, ``same_event`` or ``unrelated`` is not) are scored pair by pair.
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


SAME_STORY = frozenset({"copy", "rewrite", "translation"})


def _pair_counts(outcomes: list[tuple[bool, bool]]) -> dict:
    """P/R/F1 of (gold same, predicted same) outcomes, with their counts."""
    found = sum(gold and said for gold, said in outcomes)
    predicted = sum(said for _, said in outcomes)
    gold = sum(gold for gold, _ in outcomes)
    return {**{k: round(v, 4) for k, v in _prf(found, predicted, gold).items()},
            "pairs": len(outcomes), "same_story": gold, "predicted_same": predicted,
            "found": found}


def score_labelled_pairs(predicted_groups: Iterable[Iterable[str]], pairs: Iterable[Mapping],
                         languages: Mapping[str, str | None] | None = None) -> dict:
    """Pairwise scores of story groups over labelled pairs (``{"a", "b", "relation"}``): a
    pair is predicted one story when one group holds both articles. Overall P/R/F1, the share
    of each relation's pairs put in one story (recall for same-story relations, the false
    merge rate for the others), and P/R/F1 by language pair ("same" or "cross", and per
    sorted language pair) when ``languages`` maps article ids to their language."""
    group_of = {article: index for index, group in enumerate(predicted_groups)
                for article in group}
    outcomes: list[tuple[Mapping, bool, bool]] = []
    for pair in pairs:
        a, b = pair["a"], pair["b"]
        said = a in group_of and group_of.get(a) == group_of.get(b)
        outcomes.append((pair, pair["relation"] in SAME_STORY, said))
    by_relation: dict[str, list[bool]] = {}
    for pair, _, said in outcomes:
        by_relation.setdefault(pair["relation"], []).append(said)
    result = {**_pair_counts([(gold, said) for _, gold, said in outcomes]),
              "by_relation": {relation: {"pairs": len(said), "joined": sum(said),
                                         "joined_share": round(sum(said) / len(said), 4)}
                              for relation, said in sorted(by_relation.items())}}
    if languages is not None:
        groups: dict[str, list[tuple[bool, bool]]] = {}
        for pair, gold, said in outcomes:
            first, second = languages.get(pair["a"]), languages.get(pair["b"])
            kind = "same" if first == second else "cross"
            groups.setdefault(kind, []).append((gold, said))
            groups.setdefault("-".join(sorted((str(first), str(second)))), []).append(
                (gold, said))
        result["by_language_pair"] = {key: _pair_counts(value)
                                      for key, value in sorted(groups.items())}
    return result


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
