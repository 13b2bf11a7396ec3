"""What the scorers share: text normalisation, quote overlap and maximum one-to-one matching.

A predicted quote overlaps a gold one when its character span (``quote_start``/``quote_end``
when the record carries them, else every occurrence of its quote in the article text) shares at
least one character with some occurrence of the gold quote.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_SPACE = re.compile(r"\s+")


def normalise(value: object) -> str | None:
    """Case-folded text with whitespace runs collapsed; None stays None."""
    if value is None:
        return None
    return _SPACE.sub(" ", str(value)).strip().casefold()


def occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    """Every (start, end) span of ``quote`` in ``text``, overlapping ones included."""
    if not quote:
        return []
    spans, start = [], text.find(quote)
    while start >= 0:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


def _predicted_spans(record: Mapping, text: str) -> list[tuple[int, int]]:
    start, end = record.get("quote_start"), record.get("quote_end")
    if isinstance(start, int) and isinstance(end, int):
        return [(start, end)]
    return occurrences(text, record.get("quote") or "")


def quotes_overlap(predicted: Mapping, gold: Mapping, text: str) -> bool:
    """Whether the predicted quote span shares a character with an occurrence of the gold quote."""
    gold_spans = occurrences(text, gold.get("quote") or "")
    return any(
        max(p_start, g_start) < min(p_end, g_end)
        for p_start, p_end in _predicted_spans(predicted, text)
        for g_start, g_end in gold_spans
    )


def augment_matching(gold_index: int, edges: Mapping[int, list[int]], owner: dict[int, int],
                     seen: set[int]) -> bool:
    """One augmenting-path step of a maximum bipartite matching (gold → predicted edges)."""
    for predicted_index in edges.get(gold_index, ()):
        if predicted_index in seen:
            continue
        seen.add(predicted_index)
        holder = owner.get(predicted_index)
        if holder is None or augment_matching(holder, edges, owner, seen):
            owner[predicted_index] = gold_index
            return True
    return False


def maximum_matching(*edge_sets: Mapping[int, list[int]]) -> list[tuple[int, int]]:
    """Pairs (predicted index, gold index) of a maximum matching, each gold and each prediction
    used once. With several edge sets (each a superset of the one before), the matching is
    built over the first and extended over the next, so pairs of earlier sets are preferred and
    no match is lost; within a set, a gold's edges are tried in their order."""
    owner: dict[int, int] = {}
    for edges in edge_sets:
        matched = set(owner.values())
        for gold_index in list(edges):
            if gold_index not in matched and augment_matching(gold_index, edges, owner, set()):
                matched = set(owner.values())
    return sorted(owner.items())

