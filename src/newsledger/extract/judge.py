"""A trained judge of what a number counts, with the rules' decision as one of its features.

The cue rules (``extract.figures``) generalise poorly: they were tuned on the texts at hand. The
judge is a multinomial logistic regression over sparse features of each candidate number —
the rules' category and cue, the words and character n-grams around the number, its
qualifier, magnitude and unit, the language — and dense features: the multilingual sentence
vectors (``base.vectors``) of the text around the number and of the number's own clause, which
carry what is said in any language the encoder reads (the clause's: of the number's head noun
and verb), where the sparse words only carry the languages we labelled (words of unspaced
scripts are pairs of characters). It is trained on labelled real text
(``make train``, ``newsledger.training.figures``). Its classes are the codebook categories
plus ``none`` (not a figure), whose score is lowered by ``none_bias`` (chosen by
cross-validation: a doubtful number is more often a figure than not). Hand-written inference,
because it is one sparse dot product over a few hundred features plus one 1024 × labels
product: numpy only, deterministic, no scikit-learn at run time.

The model is a file in the package (``models/figure_judge.npz`` plus its ``.json`` metadata:
label set, feature count, training data checksum, held-aside score). Without the file the
rules decide alone.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from newsledger.base.numbers_grammar import UNSPACED

MODEL_DIR = Path(__file__).parent / "models"
MODEL_NAME = "figure_judge"
_WORD = re.compile(r"\w+", re.UNICODE)
_UNSPACED_RUN = re.compile(f"([{UNSPACED}]+)")
_CLAUSE_MARK = re.compile(r",(?!\d)|[;:()\[\]«»“”\"—–、，；：（）]")  # not "2,000"
WORDS_AROUND = 5  # words on each side that are features by position
BAG_CHARS = 90  # characters on each side whose words are a bag of features
GRAM_CHARS = 24  # characters on each side whose character n-grams are features
GRAM_SIZES = (3, 4)
VECTOR_CHARS = 80  # characters on each side of the number, within its sentence, that are encoded


@dataclass(frozen=True)
class Candidate:
    """One number as the judge sees it: where it stands and what the rules made of it."""

    text: str
    start: int
    end: int
    sentence: tuple[int, int]
    language: str | None
    qualifier: str
    low: int | None
    high: int | None
    kind: str
    unit: str
    rule: str | None  # the rules' category, None when they found no figure
    cue: str | None  # the label of the cue the rules used, "head" for a head noun only
    cue_distance: int | None
    vector: np.ndarray | None = field(default=None, compare=False, repr=False)  # with_vectors


def context(candidate: Candidate) -> str:
    """The text whose sentence vector the judge reads: the number and up to ``VECTOR_CHARS``
    characters on each side, within its sentence."""
    first, last = candidate.sentence
    return candidate.text[max(first, candidate.start - VECTOR_CHARS):
                          min(last, candidate.end + VECTOR_CHARS)]


def clause(candidate: Candidate) -> str:
    """The number's own clause: its context cut at the clause marks nearest to the number
    ("Selon le média, | 35 personnes ont perdu la vie | ..."), what the number's head noun
    and verb stand in when its sentence also speaks of other things."""
    text, (first, last) = candidate.text, candidate.sentence
    low, high = max(first, candidate.start - VECTOR_CHARS), min(last, candidate.end + VECTOR_CHARS)
    start = max((mark.end() for mark in _CLAUSE_MARK.finditer(text, low, candidate.start)),
                default=low)
    after = _CLAUSE_MARK.search(text, candidate.end, high)
    return text[start:after.start() if after else high].strip()


def with_vectors(candidates: Sequence[Candidate],
                 encode: Callable[[list[str]], np.ndarray]) -> list[Candidate]:
    """The candidates with the vectors of their contexts and of their clauses side by side,
    each distinct text encoded once."""
    pairs = [(context(candidate), clause(candidate)) for candidate in candidates]
    texts = list(dict.fromkeys(text for pair in pairs for text in pair))
    if not texts:
        return list(candidates)
    rows = dict(zip(texts, np.asarray(encode(texts), dtype=np.float32), strict=True))
    return [replace(candidate, vector=np.concatenate([rows[around], rows[own]]))
            for candidate, (around, own) in zip(candidates, pairs, strict=True)]


def encode_contexts(texts: list[str]) -> np.ndarray:
    """Sentence vectors of the packaged encoder (``base.vectors``), one row per text."""
    from newsledger.base.vectors import encoder

    return encoder().encode(texts)


def words(text: str) -> list[str]:
    """The case-folded words of a text; a run of a script written without spaces (kana,
    ideographs, Hangul) is one word per pair of adjacent characters ("拘束された" -> "拘束",
    "束さ", ...), since it holds several words and no boundary says where."""
    found = []
    for word in _WORD.findall(text):
        for part in _UNSPACED_RUN.split(word.casefold()):
            if not part:
                continue
            if _UNSPACED_RUN.fullmatch(part) and len(part) > 2:
                found += [part[i:i + 2] for i in range(len(part) - 1)]
            else:
                found.append(part)
    return found


def _magnitude(candidate: Candidate) -> str:
    value = candidate.low if candidate.low is not None else candidate.high
    return "none" if not value else str(min(int(math.log10(value)), 9))


def features(candidate: Candidate) -> list[str]:
    """The candidate's named features (its character n-grams are hashed apart, by
    ``candidate_ids``)."""
    text, (first, last) = candidate.text, candidate.sentence
    left = text[max(first, candidate.start - BAG_CHARS):candidate.start]
    right = text[candidate.end:min(last, candidate.end + BAG_CHARS)]
    rule = candidate.rule or "none"
    found = [
        "bias", f"rule={rule}", f"cue={candidate.cue}", f"q={candidate.qualifier}",
        f"mag={_magnitude(candidate)}", f"kind={candidate.kind}", f"unit={candidate.unit}",
        f"lang={candidate.language}", f"lang_rule={candidate.language}|{rule}",
        f"near={rule}|{_distance_bucket(candidate.cue_distance)}",
    ]
    left_words, right_words = words(left), words(right)
    found += [f"L{i}={word}" for i, word in enumerate(reversed(left_words[-WORDS_AROUND:]))]
    found += [f"R{i}={word}" for i, word in enumerate(right_words[:WORDS_AROUND])]
    found += [f"l={word}" for word in left_words] + [f"r={word}" for word in right_words]
    return found


def candidate_ids(candidate: Candidate, dimensions: int) -> np.ndarray:
    """Every feature bucket of a candidate: its named features and the character n-grams
    of the few characters on each side of the number."""
    text, (first, last) = candidate.text, candidate.sentence
    left = text[max(first, candidate.start - GRAM_CHARS):candidate.start]
    right = text[candidate.end:min(last, candidate.end + GRAM_CHARS)]
    return np.union1d(feature_ids(features(candidate), dimensions), np.concatenate([
        gram_ids(left, GRAM_SIZES, 1, dimensions), gram_ids(right, GRAM_SIZES, 2, dimensions)]))


_PRIME = np.uint64(1_000_003)


def gram_ids(text: str, sizes: tuple[int, ...], salt: int, dimensions: int) -> np.ndarray:
    """Buckets of the case-folded character n-grams of ``text``: a polynomial hash over code
    points in numpy (the same on every machine; no Python loop per n-gram)."""
    codes = np.frombuffer(text.casefold().encode("utf-32-le", "surrogatepass"),
                          dtype=np.uint32).astype(np.uint64)
    found = [np.zeros(0, np.int64)]
    for size in sizes:
        count = len(codes) - size + 1
        if count <= 0:
            continue
        hashed = np.full(count, salt * 131 + size, dtype=np.uint64)
        for offset in range(size):
            hashed = hashed * _PRIME ^ codes[offset:offset + count]
        found.append((hashed % np.uint64(dimensions)).astype(np.int64))
    return np.concatenate(found)


def _distance_bucket(distance: int | None) -> str:
    if distance is None:
        return "none"
    return "0" if distance < 10 else "1" if distance < 40 else "2" if distance < 100 else "3"


def feature_ids(names: list[str], dimensions: int) -> np.ndarray:
    """Stable hashes of feature names into ``dimensions`` buckets (crc32: the same on every
    machine and run, unlike ``hash``)."""
    return np.array(sorted({zlib.crc32(name.encode("utf-8", "surrogatepass")) % dimensions
                            for name in names}), dtype=np.int64)


@dataclass(frozen=True)
class Judge:
    """A trained model: the labels, and a weight row per hashed feature bucket it kept."""

    labels: tuple[str, ...]
    dimensions: int
    buckets: np.ndarray  # sorted bucket ids that have weights
    weights: np.ndarray  # (len(buckets), len(labels))
    intercept: np.ndarray  # (len(labels),)
    margin: float = 0.0  # how much likelier its own answer must be to overrule the rules
    dense: np.ndarray | None = None  # (vector dimensions, len(labels)), None: no vector read
    none_bias: float = 0.0  # subtracted from the score of ``none``: trades precision for recall

    @property
    def reads_vectors(self) -> bool:
        return self.dense is not None

    def scores(self, candidate: Candidate) -> np.ndarray:
        scores = linear_scores(self.buckets, self.weights, self.intercept,
                               candidate_ids(candidate, self.dimensions))
        if self.dense is not None and candidate.vector is not None:
            scores = scores + candidate.vector.astype(np.float64) @ self.dense
        if "none" in self.labels:
            scores[self.labels.index("none")] -= self.none_bias
        return scores

    def probabilities(self, candidate: Candidate) -> np.ndarray:
        scores = self.scores(candidate)
        exp = np.exp(scores - scores.max())
        return exp / exp.sum()

    def decide(self, candidate: Candidate) -> str | None:
        """The category, or None when the judge says it is no figure. Where the rules found
        a category, the judge overrules them only when its answer is ``margin`` likelier."""
        probabilities = self.probabilities(candidate)
        best = int(np.argmax(probabilities))
        rule = candidate.rule or "none"
        if rule in self.labels and best != self.labels.index(rule) and \
                probabilities[best] - probabilities[self.labels.index(rule)] < self.margin:
            best = self.labels.index(rule)
        label = self.labels[best]
        return None if label == "none" else label


def linear_scores(buckets: np.ndarray, weights: np.ndarray, intercept: np.ndarray,
                  ids: np.ndarray) -> np.ndarray:
    """The intercept plus the weight rows of the feature buckets a model kept."""
    rows = np.minimum(np.searchsorted(buckets, ids), len(buckets) - 1)
    return intercept + weights[rows[buckets[rows] == ids]].astype(np.float64).sum(axis=0)


def write_model(directory: Path, name: str, arrays: dict[str, np.ndarray], meta: dict) -> None:
    """A model as ``NAME.npz`` (its arrays) and ``NAME.json`` (its metadata record)."""
    directory.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(directory / f"{name}.npz", **arrays)
    (directory / f"{name}.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n",
                                            encoding="utf-8")


def read_model(directory: Path, name: str) -> tuple[dict, dict] | None:
    """A shipped model's metadata and arrays (``NAME.json``, ``NAME.npz``); None when absent."""
    weights_path = directory / f"{name}.npz"
    if not weights_path.exists():
        return None
    meta = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
    with np.load(weights_path) as data:
        return meta, {key: data[key] for key in data.files}


@lru_cache(maxsize=1)
def load_judge(directory: Path = MODEL_DIR) -> Judge | None:
    """The packaged judge, loaded once; None when no model file ships."""
    found = read_model(directory, MODEL_NAME)
    if found is None:
        return None
    meta, arrays = found
    dense = arrays.get("dense")
    return Judge(tuple(meta["labels"]), int(meta["dimensions"]), arrays["buckets"],
                 arrays["weights"], arrays["intercept"], float(meta["margin"]),
                 None if dense is None else dense.astype(np.float64),
                 float(meta.get("none_bias", 0.0)))
