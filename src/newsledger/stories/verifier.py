"""The pair verifier: the probability that two articles are one story (copies, rewrites and
translations of one source text), not two reports of one event.

Each article is reduced once to a ``Profile`` (word shingles, character n-grams of its text
folded to Latin letters, numbers in text order, names folded across scripts, named sources);
a pair's features compare two profiles and, through ``align.py``, their sentences. Most
features do not depend on the language, because the sentence encoder covers many languages
poorly (``lang/encoder.toml`` lists the languages it covers, and sentence similarities count
as evidence mostly between those): numbers shared in the same order, sentences sharing
numbers and names in the same order, names transliterated to Latin, character n-grams.
"Same language" compares analysis languages (``base.languages.analysis_language``), so
Croatian, Bosnian and Serbian are one language group on purpose: their texts share words and
shingles like one language does, and Cyrillic Serbian meets Latin Croatian on folded letters.

The model is a small ensemble of gradient-boosted trees, trained on labelled pairs
(``newsledger.training.stories``) and shipped as arrays in ``models/story_verifier.npz`` with
its metadata (``.json``: features, training pair checksum, held-aside scores). Inference walks
the trees in numpy; scikit-learn is needed only to train.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
import zlib
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from newsledger.base.align import Sentences, align
from newsledger.base.languages import analysis_language
from newsledger.base.places import find_places
from newsledger.base.sentences import sentence_spans
from newsledger.base.transliteration import latin_key
from newsledger.stories.anchors import (
    cites_outlet,
    name_keys,
    number_keys,
    outlet_stem,
    source_keys,
)
from newsledger.stories.minhash import shingles

MODEL_DIR = Path(__file__).parent / "models"
MODEL_NAME = "story_verifier"
GRAM = 4  # characters per n-gram of the folded text
SIMILARITY = 0.7  # sentence cosine similarity that aligns two sentences
QUOTATION_MARKS = "\"“”«»„‟‹›「」"
_DIGITS = re.compile(r"\d(?:[\d.,'\u00a0\u202f ]*\d)?")
_LETTERS = re.compile(r"[^\W\d_]+")
_YEAR = re.compile(r"(19|20)\d\d")

FEATURES = (
    "word_jaccard", "word_containment", "char_jaccard", "char_containment",
    "numbers_shared", "numbers_jaccard", "numbers_containment", "numbers_order",
    "anchored_sentences",
    "names_shared", "names_jaccard", "names_containment", "names_in_words",
    "sources_shared", "agency_shared", "cites_outlet", "quote_aligned",
    "aligned_count", "aligned_share", "aligned_similarity", "best_similarity",
    "same_language", "encoder_covers", "covered_aligned_share", "rule_vote", "length_ratio",
    "date_gap", "date_missing", "rare_numbers_shared", "places_shared", "places_jaccard",
    "same_outlet",
)


@dataclass(frozen=True, slots=True)
class Profile:
    """What the verifier compares of one article (made once per article)."""

    text: str
    language: str | None
    published: str | None
    outlet: str | None
    shingles: frozenset[bytes]
    grams: frozenset[int]
    numbers: tuple[str, ...]  # digit sequences in text order, years and dates included
    names: frozenset[str]
    words: frozenset[str]  # every folded word prefix (names of caseless scripts meet here)
    sources: frozenset[str]
    wires: frozenset[str]
    sentences: tuple[_Anchored, ...]  # the anchors of each sentence that has some
    places: frozenset[str]  # gazetteer ids of the places named (the same in every language)


@dataclass(frozen=True, slots=True)
class _Anchored:
    """One sentence's numbers, names and folded word prefixes."""

    numbers: frozenset[str]
    names: frozenset[str]
    words: frozenset[str]


def _folded_words(text: str) -> list[str]:
    return [latin_key(word) for word in _LETTERS.findall(text)]


def _anchored(text: str, prefix: int) -> tuple[_Anchored, ...]:
    found = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        numbers = frozenset(n for n in number_keys(sentence))
        names = frozenset(name_keys(sentence))
        if numbers or names:
            words = frozenset(w[:prefix] for w in _folded_words(sentence) if len(w) >= 3)
            found.append(_Anchored(numbers, names, words))
    return tuple(found)


def _sentence_match(a: _Anchored, b: _Anchored) -> bool:
    """Two sentences share at least two anchors (numbers, or a name met among the words)."""
    names = max(len(a.names & b.words), len(b.names & a.words))
    return len(a.numbers & b.numbers) + names >= 2


def _anchored_order(a: tuple[_Anchored, ...], b: tuple[_Anchored, ...]) -> float:
    """Sentences matched on shared anchors in the same order (a longest common subsequence),
    over the fewer anchored sentences: translations keep their sentences' order and details."""
    if not a or not b:
        return 0.0
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, 1):
            current = row[j]
            row[j] = previous + 1 if _sentence_match(x, y) else max(row[j], row[j - 1])
            previous = current
    return row[-1] / min(len(a), len(b))


def profile(text: str, language: str | None = None, published: str | None = None,
            outlet: str | None = None, wires: frozenset[str] = frozenset()) -> Profile:
    """The profile of an article; ``wires`` are the names of relaying news agencies."""
    from newsledger.stories.anchors import anchor_spec

    prefix = anchor_spec().prefix
    words = _folded_words(text)
    flat = " ".join(words)
    grams = frozenset(zlib.crc32(flat[i:i + GRAM].encode()) for i in range(len(flat) - GRAM + 1))
    numbers = tuple(re.sub(r"\D", "", found.group()).rstrip("0") or "0"
                    for found in _DIGITS.finditer(text))
    sources = frozenset(source_keys(text))
    return Profile(text, analysis_language(language), published, outlet,
                   frozenset(shingles(text)), grams, numbers, frozenset(name_keys(text)),
                   frozenset(word[:prefix] for word in words if len(word) >= 3), sources,
                   frozenset(key for key in sources if key[1:] in wires),
                   _anchored(text, prefix),
                   frozenset(place.id for _, _, place in find_places(text, language)))


def _overlaps(a: frozenset | set, b: frozenset | set) -> tuple[int, float, float]:
    """Shared count, Jaccard and containment (shared / the smaller set)."""
    shared = len(a & b)
    if not shared:
        return 0, 0.0, 0.0
    return shared, shared / len(a | b), shared / min(len(a), len(b))


def _common_order(a: tuple[str, ...], b: tuple[str, ...], limit: int = 200) -> float:
    """Longest common subsequence of two number sequences over the shorter one's length."""
    a, b = a[:limit], b[:limit]
    if not a or not b:
        return 0.0
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, 1):
            current = row[j]
            row[j] = previous + 1 if x == y else max(row[j], row[j - 1])
            previous = current
    return row[-1] / min(len(a), len(b))


def _days(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


@cache
def encoder_languages() -> frozenset[str]:
    """The languages the sentence encoder covers (``lang/encoder.toml``)."""
    path = resources.files(__package__).joinpath("lang/encoder.toml")
    return frozenset(tomllib.loads(path.read_text("utf-8"))["covered"])


def _quoted(sentence: str) -> bool:
    return any(mark in sentence for mark in QUOTATION_MARKS)


def cheap_features(a: Profile, b: Profile) -> dict[str, float]:
    """The features that need no sentence vectors."""
    _, word_jaccard, word_containment = _overlaps(a.shingles, b.shingles)
    _, char_jaccard, char_containment = _overlaps(a.grams, b.grams)
    counted_a = {n for n in a.numbers if len(n) >= 2 and not _YEAR.fullmatch(n)}
    counted_b = {n for n in b.numbers if len(n) >= 2 and not _YEAR.fullmatch(n)}
    numbers = _overlaps(counted_a, counted_b)
    names = _overlaps(a.names, b.names)
    in_words = max(len(a.names & b.words) / max(len(a.names), 1),
                   len(b.names & a.words) / max(len(b.names), 1))
    first, second = _days(a.published), _days(b.published)
    gap = abs((first - second).days) if first and second else 0
    places = _overlaps(a.places, b.places)
    stem = outlet_stem(a.outlet)
    return {
        "word_jaccard": word_jaccard, "word_containment": word_containment,
        "char_jaccard": char_jaccard, "char_containment": char_containment,
        "numbers_shared": math.log1p(numbers[0]), "numbers_jaccard": numbers[1],
        "numbers_containment": numbers[2], "numbers_order": _common_order(a.numbers, b.numbers),
        "anchored_sentences": _anchored_order(a.sentences, b.sentences),
        "names_shared": math.log1p(names[0]), "names_jaccard": names[1],
        "names_containment": names[2], "names_in_words": in_words,
        "sources_shared": math.log1p(len(a.sources & b.sources)),
        "agency_shared": float(bool(a.wires & b.wires)),
        "cites_outlet": float(cites_outlet(a.text, b.outlet) or cites_outlet(b.text, a.outlet)),
        "same_language": float(a.language is not None and a.language == b.language),
        "encoder_covers": float(a.language in encoder_languages()
                                and b.language in encoder_languages()),
        "length_ratio": min(len(a.text), len(b.text)) / max(len(a.text), len(b.text), 1),
        "date_gap": math.log1p(gap), "date_missing": float(not (first and second)),
        "rare_numbers_shared": math.log1p(len(_rare(counted_a) & _rare(counted_b))),
        "places_shared": math.log1p(places[0]), "places_jaccard": places[1],
        "same_outlet": float(stem is not None and stem == outlet_stem(b.outlet)),
    }


def _rare(numbers: set[str]) -> set[str]:
    """Numbers of three or more significant digits (425, 1532 for 153,200): seldom shared by
    chance, unlike round counts."""
    return {n for n in numbers if len(n) >= 3}


def sentence_features(first: Sentences, second: Sentences) -> dict[str, float]:
    """The features of the two articles' aligned sentences."""
    matches = align(first, second, SIMILARITY)
    shorter = max(min(len(first.spans), len(second.spans)), 1)
    best = 0.0
    if first.spans and second.spans:
        scores = first.vectors @ second.vectors.T
        axis = 1 if len(first.spans) <= len(second.spans) else 0
        best = float(scores.max(axis=axis).mean())
    return {
        "aligned_count": math.log1p(len(matches)), "aligned_share": len(matches) / shorter,
        "aligned_similarity": float(np.mean([m.score for m in matches])) if matches else 0.0,
        "best_similarity": best,
        "quote_aligned": float(any(_quoted(first.sentence(m.a)) and _quoted(second.sentence(m.b))
                                   for m in matches)),
    }


def pair_features(cheap: dict[str, float], sentences: dict[str, float]) -> dict[str, float]:
    """Every feature of a pair from its cheap and its sentence features; ``rule_vote`` is
    the hand-tuned decision this verifier replaced (many aligned sentences, or a few with a
    citation of the other's outlet or a shared agency credit and quoted speech)."""
    aligned = round(math.expm1(sentences["aligned_count"]))
    vote = ((sentences["aligned_share"] >= 0.3 and aligned >= 2)
            or (aligned >= 1 and (cheap["cites_outlet"] or (
                cheap["agency_shared"] and sentences["quote_aligned"]))))
    return {**cheap, **sentences, "rule_vote": float(vote),
            "covered_aligned_share": cheap["encoder_covers"] * sentences["aligned_share"]}


@dataclass(frozen=True)
class Verifier:
    """Gradient-boosted trees as arrays (one row per tree, nodes padded; a leaf has
    ``left == -1`` and its ``value`` already scaled by the learning rate): ``probability`` of
    one story. ``join`` and ``split`` are the probabilities above which a pair is one story and
    below which two articles are kept apart even when other verified pairs would join them."""

    features: tuple[str, ...]
    feature: np.ndarray  # (trees, nodes) feature index of each split
    threshold: np.ndarray  # go left when the value is at most this
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    init: float
    join: float = 0.5
    split: float = 0.2

    def score(self, row: np.ndarray) -> float:
        """The log-odds of one feature row (in ``features`` order; compared in float32, as the
        trees were fitted)."""
        row, total = np.asarray(row, dtype=np.float32), self.init
        for tree in range(len(self.feature)):
            node = 0
            while self.left[tree, node] >= 0:
                go_left = row[self.feature[tree, node]] <= self.threshold[tree, node]
                node = self.left[tree, node] if go_left else self.right[tree, node]
            total += self.value[tree, node]
        return float(total)

    def probability(self, values: dict[str, float]) -> float:
        score = self.score(np.array([values[name] for name in self.features]))
        return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))


ARRAYS = ("feature", "threshold", "left", "right", "value")


def write(verifier: Verifier, meta: dict, directory: Path = MODEL_DIR) -> None:
    """Save a verifier and its metadata record."""
    directory.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(directory / f"{MODEL_NAME}.npz",
                        **{name: getattr(verifier, name) for name in ARRAYS},
                        init=np.array([verifier.init]),
                        thresholds=np.array([verifier.join, verifier.split]))
    record = {**meta, "features": list(verifier.features)}
    (directory / f"{MODEL_NAME}.json").write_text(
        json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + "\n", "utf-8")


@cache
def load(directory: Path = MODEL_DIR) -> Verifier:
    """The shipped verifier."""
    meta = json.loads((directory / f"{MODEL_NAME}.json").read_text("utf-8"))
    with np.load(directory / f"{MODEL_NAME}.npz") as data:
        join, split = (float(x) for x in data["thresholds"])
        return Verifier(tuple(meta["features"]), *(data[name] for name in ARRAYS),
                        float(data["init"][0]), join, split)
