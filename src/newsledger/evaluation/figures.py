"""Score figure records against gold (DESIGN.md "How a run is scored").

A predicted figure matches a gold figure when the article ids are equal, ``number_text`` is
equal after case-folding and collapsing whitespace, and the quotes overlap
(``matching.quotes_overlap``). Each gold figure matches at most one prediction and each
prediction at most one gold figure: a maximum bipartite matching built first over the *strict*
pairs (low, high, qualifier and counted all equal), then extended over the others, so no match
is lost and strict pairs are preferred. Pure: records and texts in, scores out.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from newsledger.evaluation.matching import maximum_matching, normalise, quotes_overlap
from newsledger.evaluation.prf import PRF, Detection, prf, share
from newsledger.models import Figure

STRICT_FIELDS = ("low", "high", "qualifier", "counted")
TEXT_FIELDS = ("place", "attributed_to", "who", "period")
FIELD_NAMES = ("low/high", "qualifier", "counted", "rate", *TEXT_FIELDS)
_SPACE = re.compile(r"\s+")


def is_strict(predicted: Mapping, gold: Mapping) -> bool:
    """Whether a matched pair also agrees on low, high, qualifier and counted."""
    return all(predicted.get(name) == gold.get(name) for name in STRICT_FIELDS)


def match_figures(predicted: list[dict], gold: list[dict],
                  texts: Mapping[str, str]) -> list[tuple[int, int]]:
    """Pairs (predicted index, gold index) of a maximum matching that prefers strict pairs."""
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for index, record in enumerate(predicted):
        by_key[(record.get("article"), normalise(record.get("number_text")))].append(index)
    strict_edges: dict[int, list[int]] = defaultdict(list)
    all_edges: dict[int, list[int]] = defaultdict(list)
    for gold_index, record in enumerate(gold):
        text = texts.get(record.get("article"), "")
        key = (record.get("article"), normalise(record.get("number_text")))
        for predicted_index in by_key.get(key, ()):
            if quotes_overlap(predicted[predicted_index], record, text):
                all_edges[gold_index].append(predicted_index)
                if is_strict(predicted[predicted_index], record):
                    strict_edges[gold_index].append(predicted_index)
    return maximum_matching(strict_edges, all_edges)


@dataclass(frozen=True)
class FigureScore(Detection):
    """Detection and strict scores, per-field accuracy over matches, and the misses."""

    predicted: int
    gold: int
    matched: int
    strict: int
    field_accuracy: dict[str, float] = field(default_factory=dict)
    recall_by_language: dict[str, tuple[int, int]] = field(default_factory=dict)
    recall_by_category: dict[str, tuple[int, int]] = field(default_factory=dict)
    missed: tuple[dict, ...] = ()
    spurious: tuple[dict, ...] = ()
    wrong: tuple[tuple[dict, dict], ...] = ()  # (predicted, gold) matched but not strict

    @property
    def strict_detection(self) -> PRF:
        return prf(self.strict, self.predicted, self.gold)

    @property
    def strict_precision(self) -> float:
        return self.strict_detection.precision

    @property
    def strict_recall(self) -> float:
        return self.strict_detection.recall

    @property
    def strict_f1(self) -> float:
        return self.strict_detection.f1

    def as_dict(self) -> dict:
        return {
            "strict_f1": self.strict_f1, "f1": self.f1, "precision": self.precision,
            "recall": self.recall, "predicted": self.predicted, "gold": self.gold,
            "matched": self.matched, "strict": self.strict,
            "field_accuracy": self.field_accuracy,
            "recall_by_language": self.recall_by_language,
            "recall_by_category": self.recall_by_category,
        }

    def summary_line(self) -> str:
        return (f"figures strict_f1={self.strict_f1:.3f} f1={self.f1:.3f} "
                f"P={self.precision:.3f} R={self.recall:.3f}")


def _field_equal(name: str, predicted: Mapping, gold: Mapping) -> bool:
    if name in TEXT_FIELDS:
        return normalise(predicted.get(name)) == normalise(gold.get(name))
    if name == "low/high":
        return (predicted.get("low"), predicted.get("high")) == (gold.get("low"), gold.get("high"))
    return predicted.get(name) == gold.get(name)


def _recall_table(gold: list[dict], found: set[int], key: Callable[[dict], str]) -> dict:
    totals, hits = Counter(), Counter()
    for index, record in enumerate(gold):
        totals[key(record)] += 1
        hits[key(record)] += index in found
    return {name: (hits[name], totals[name]) for name in sorted(totals)}


def score_figures(predicted: Iterable[dict], gold: Iterable[dict], texts: Mapping[str, str],
                  languages: Mapping[str, str | None] | None = None) -> FigureScore:
    """Score predicted figure records against gold records over the same article texts."""
    predicted, gold = list(predicted), list(gold)
    pairs = match_figures(predicted, gold, texts)
    strict_pairs = [(p, g) for p, g in pairs if is_strict(predicted[p], gold[g])]
    accuracy = {
        name: share(sum(_field_equal(name, predicted[p], gold[g]) for p, g in pairs), len(pairs))
        for name in FIELD_NAMES
    }
    found_gold = {g for _, g in pairs}
    found_predicted = {p for p, _ in pairs}
    languages = languages or {}
    return FigureScore(
        predicted=len(predicted), gold=len(gold), matched=len(pairs), strict=len(strict_pairs),
        field_accuracy=accuracy,
        recall_by_language=_recall_table(
            gold, found_gold, lambda r: languages.get(r.get("article")) or "?"),
        recall_by_category=_recall_table(gold, found_gold, lambda r: r.get("counted") or "?"),
        missed=tuple(r for i, r in enumerate(gold) if i not in found_gold),
        spurious=tuple(r for i, r in enumerate(predicted) if i not in found_predicted),
        wrong=tuple((predicted[p], gold[g]) for p, g in pairs if (p, g) not in strict_pairs),
    )


def figure_to_record(figure: Figure) -> dict:
    """A figure as a scorable record, with its quote span so overlap is exact."""
    return {**figure.record(), "quote_start": figure.quote_start, "quote_end": figure.quote_end}


def describe(record: Mapping) -> str:
    """One line for a figure or event record in a report: article, number, what, quote."""
    quote = _SPACE.sub(" ", record.get("quote") or "")[:90]
    return (f"{record.get('article', '')[:30]:30} {record.get('number_text')!r:26} "
            f"{record.get('counted')!s:16} | {quote}")


def report_lines(score: FigureScore, limit: int = 15) -> list[str]:
    """The figure part of a text report: counts, field accuracy, recall tables, the misses."""
    lines = [
        f"predicted={score.predicted} gold={score.gold} matched={score.matched} "
        f"strict={score.strict} strict_P={score.strict_precision:.3f} "
        f"strict_R={score.strict_recall:.3f}",
        "field accuracy over matches: " + ", ".join(
            f"{name}={value:.2f}" for name, value in score.field_accuracy.items()),
        "recall by language: " + ", ".join(
            f"{name} {hit}/{total}" for name, (hit, total) in score.recall_by_language.items()),
        "recall by category: " + ", ".join(
            f"{name} {hit}/{total}" for name, (hit, total) in score.recall_by_category.items()),
    ]
    sections = (
        ("missed gold", [describe(r) for r in score.missed]),
        ("predictions without gold", [describe(r) for r in score.spurious]),
        ("matched, not strict (predicted / gold)", [
            f"{describe(p)}\n    pred low={p.get('low')} high={p.get('high')} "
            f"q={p.get('qualifier')} | gold low={g.get('low')} high={g.get('high')} "
            f"q={g.get('qualifier')} counted={g.get('counted')}"
            for p, g in score.wrong]),
    )
    for title, rows in sections:
        lines.append(f"{title}: {len(rows)}")
        lines.extend("  " + row for row in rows[:limit])
    return lines
