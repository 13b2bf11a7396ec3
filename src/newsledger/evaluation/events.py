"""Score event mentions against gold (seeds README): same article, same type, overlapping quotes.

Each gold mention matches at most one prediction (a maximum bipartite matching; of several
predictions whose quotes overlap a gold one, one with the same figure is tried first). Over the
matched pairs, the date agrees when ``date`` is equal, the place when the place names are equal
after case-folding and dropping dots and spaces ("St. Petersburg" = "St Petersburg").
Pure: records and texts in, scores out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newsledger.evaluation.matching import maximum_matching, quotes_overlap
from newsledger.evaluation.prf import Detection, share

_LOOSE = re.compile(r"[\s.]+")


def _place_key(value: str | None) -> str | None:
    return _LOOSE.sub("", value).casefold() if value else None


def match_events(predicted: list[dict], gold: list[dict],
                 texts: Mapping[str, str]) -> list[tuple[int, int]]:
    """Pairs (predicted index, gold index) of a maximum matching."""
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for index, record in enumerate(predicted):
        by_key[(record.get("article"), record.get("type"))].append(index)
    edges: dict[int, list[int]] = defaultdict(list)
    for gold_index, record in enumerate(gold):
        text = texts.get(record.get("article"), "")
        for predicted_index in by_key.get((record.get("article"), record.get("type")), ()):
            if quotes_overlap(predicted[predicted_index], record, text):
                edges[gold_index].append(predicted_index)
        # among overlapping quotes, the mention with the gold's figure is tried first
        edges[gold_index].sort(key=lambda i: predicted[i].get("figure") != record.get("figure"))
    return maximum_matching(edges)


@dataclass(frozen=True)
class EventScore(Detection):
    """Detection scores, date/place agreement over matches, and the misses."""

    predicted: int
    gold: int
    matched: int
    date_agree: int
    place_agree: int
    missed: tuple[dict, ...] = ()
    spurious: tuple[dict, ...] = ()
    disagreeing: tuple[tuple[dict, dict], ...] = ()  # (predicted, gold)

    @property
    def date_agreement(self) -> float:
        return share(self.date_agree, self.matched)

    @property
    def place_agreement(self) -> float:
        return share(self.place_agree, self.matched)

    def as_dict(self) -> dict:
        return {"f1": self.f1, "precision": self.precision, "recall": self.recall,
                "predicted": self.predicted, "gold": self.gold, "matched": self.matched,
                "date_agreement": self.date_agreement, "place_agreement": self.place_agreement}

    def summary_line(self) -> str:
        return (f"events f1={self.f1:.3f} P={self.precision:.3f} R={self.recall:.3f} "
                f"date={self.date_agreement:.3f} place={self.place_agreement:.3f}")


def score_events(predicted: Iterable[dict], gold: Iterable[dict],
                 texts: Mapping[str, str]) -> EventScore:
    """Score predicted event records against gold over the gold's articles only."""
    gold = list(gold)
    labelled = {record["article"] for record in gold}
    predicted = [record for record in predicted if record.get("article") in labelled]
    pairs = match_events(predicted, gold, texts)
    dates = [(p, g) for p, g in pairs if predicted[p].get("date") == gold[g].get("date")]
    places = [(p, g) for p, g in pairs
              if _place_key(predicted[p].get("place")) == _place_key(gold[g].get("place"))]
    agreeing = set(dates) & set(places)
    found_gold, found_predicted = {g for _, g in pairs}, {p for p, _ in pairs}
    return EventScore(
        predicted=len(predicted), gold=len(gold), matched=len(pairs),
        date_agree=len(dates), place_agree=len(places),
        missed=tuple(r for i, r in enumerate(gold) if i not in found_gold),
        spurious=tuple(r for i, r in enumerate(predicted) if i not in found_predicted),
        disagreeing=tuple((predicted[p], gold[g]) for p, g in pairs if (p, g) not in agreeing),
    )
