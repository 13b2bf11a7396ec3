"""A trained judge of which event types a sentence states, with the trigger rules as features.

The trigger tables (``extract.events``) find a mention only where a listed verb or noun
stands, so most mentions in languages with thin tables, and surges stated without a verb
("Kazakhstan: 98,000 since 21 September"), go unfound. The judge reads the whole sentence:
its words and character n-grams, the types the rules found there, the categories of the
figures in it and the language. One logistic regression per event type (one-vs-rest),
trained by ``newsledger.training.events``; a rule mention whose type the judge finds
unlikely is dropped, and a type it finds likely that the rules missed gets a mention.
Inference is numpy only, like ``extract.judge``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from newsledger.extract.judge import (
    MODEL_DIR,
    feature_ids,
    gram_ids,
    linear_scores,
    read_model,
    words,
    write_model,
)
from newsledger.models import Article, Event, Figure

MODEL_NAME = "event_judge"
GRAM_SIZE = 4
MAX_CHARS = 400  # of a sentence whose words and n-grams are features


@dataclass(frozen=True)
class SentenceView:
    """A sentence as the judge sees it."""

    text: str
    language: str | None
    rule_types: tuple[str, ...]
    counted: tuple[str, ...]  # categories of the figures in it


def sentence_view(article: Article, span: tuple[int, int], found: Iterable[Event],
                  figures: Iterable[Figure]) -> SentenceView:
    start, end = span
    counted = tuple(sorted({f.counted for f in figures
                            if start <= f.number_start and f.number_end <= end}))
    return SentenceView(article.text[start:min(end, start + MAX_CHARS)], article.lang,
                        tuple(sorted({event.type for event in found})), counted)


def sentence_features(view: SentenceView) -> list[str]:
    found = ["bias", f"lang={view.language}"]
    found += [f"rule={kind}" for kind in view.rule_types] or ["rule=none"]
    found += [f"lang_rule={view.language}|{kind}" for kind in view.rule_types]
    found += [f"counted={name}" for name in view.counted]
    found += [f"w={word}" for word in words(view.text)]
    return found


def sentence_ids(view: SentenceView, dimensions: int) -> np.ndarray:
    """Every feature bucket of a sentence: named features and character n-grams."""
    return np.union1d(feature_ids(sentence_features(view), dimensions),
                      gram_ids(view.text, (GRAM_SIZE,), 3, dimensions))


@dataclass(frozen=True)
class EventJudge:
    """Weights per hashed feature bucket and event type, with the two decision thresholds."""

    types: tuple[str, ...]
    dimensions: int
    buckets: np.ndarray
    weights: np.ndarray  # (len(buckets), len(types))
    intercept: np.ndarray
    drop_below: float = 0.0  # a rule mention of a type less likely than this is dropped
    add_above: float = 1.0  # a type likelier than this that the rules missed is added

    def probabilities(self, view: SentenceView) -> np.ndarray:
        scores = linear_scores(self.buckets, self.weights, self.intercept,
                               sentence_ids(view, self.dimensions))
        return 1.0 / (1.0 + np.exp(-scores))

    def keeps(self, kind: str, probabilities: np.ndarray) -> bool:
        return kind not in self.types or probabilities[self.types.index(kind)] >= self.drop_below

    def added(self, probabilities: np.ndarray, present: set[str]) -> list[str]:
        return [kind for kind, p in zip(self.types, probabilities, strict=True)
                if p >= self.add_above and kind not in present]


def write_event_judge(judge: EventJudge, meta: dict, directory: Path = MODEL_DIR) -> None:
    write_model(directory, MODEL_NAME, {"buckets": judge.buckets, "weights": judge.weights,
                                        "intercept": judge.intercept},
                meta | {"types": list(judge.types), "dimensions": judge.dimensions,
                        "drop_below": judge.drop_below, "add_above": judge.add_above})


@lru_cache(maxsize=1)
def load_event_judge(directory: Path = MODEL_DIR) -> EventJudge | None:
    """The packaged event judge, loaded once; None when no model file ships."""
    found = read_model(directory, MODEL_NAME)
    if found is None:
        return None
    meta, arrays = found
    return EventJudge(tuple(meta["types"]), int(meta["dimensions"]), arrays["buckets"],
                      arrays["weights"], arrays["intercept"], float(meta["drop_below"]),
                      float(meta["add_above"]))


def types_of(spans: Sequence[tuple[int, int, str]], sentence: tuple[int, int]) -> set[str]:
    """The types of the labelled mentions whose quotes overlap a sentence."""
    return {kind for start, end, kind in spans if start < sentence[1] and sentence[0] < end}
