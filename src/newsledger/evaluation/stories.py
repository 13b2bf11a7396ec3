"""Score story groups: pairwise over same-story article pairs (DESIGN.md), or pair by pair
against labelled story pairs (``labels/pool/story_pairs.jsonl``: relation ``copy``,
``rewrite`` or ``translation`` is one story, ``same_event`` or ``unrelated`` is not).
Pure functions over plain data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import combinations

from newsledger.evaluation.prf import prf

SAME_STORY = frozenset({"copy", "rewrite", "translation"})


def _pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    return {pair for group in groups for pair in combinations(sorted(set(group)), 2)}


def score_stories(predicted_groups: Iterable[Iterable[str]],
                  gold_groups: Iterable[Iterable[str]]) -> dict:
    """Pairwise precision, recall and F1 of predicted story groups against gold groups."""
    predicted, gold = _pairs(predicted_groups), _pairs(gold_groups)
    return {**prf(len(predicted & gold), len(predicted), len(gold)).as_dict(),
            "predicted_pairs": len(predicted), "gold_pairs": len(gold)}


def pair_counts(outcomes: Iterable[tuple[bool, bool]]) -> dict:
    """P/R/F1 of (gold same, predicted same) outcomes, with their counts."""
    outcomes = list(outcomes)
    found = sum(gold and said for gold, said in outcomes)
    predicted = sum(said for _, said in outcomes)
    gold = sum(gold for gold, _ in outcomes)
    return {**prf(found, predicted, gold).as_dict(4),
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
    result = {**pair_counts((gold, said) for _, gold, said in outcomes),
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
        result["by_language_pair"] = {key: pair_counts(value)
                                      for key, value in sorted(groups.items())}
    return result
