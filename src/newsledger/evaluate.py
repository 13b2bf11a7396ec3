"""Score extracted figures against a gold corpus (DESIGN.md "How a run is scored").

Matching rule. A predicted figure matches a gold figure when

* the article ids are equal,
* ``number_text`` is equal after case-folding and collapsing whitespace runs to one space, and
* the quotes overlap in the article text: the predicted quote's character span (its
  ``quote_start``/``quote_end`` when the record carries them, else every occurrence of its
  quote in the text) shares at least one character with some occurrence of the gold quote.

Each gold figure matches at most one prediction and each prediction at most one gold figure.
The matching is a maximum bipartite matching (augmenting paths), built first over the *strict*
pairs (low, high, qualifier and counted all equal) and then extended over the remaining pairs,
so no match is lost and strict pairs are preferred.

Everything here is pure: the functions take records and texts and return scores.
``evaluate_corpus`` is the one entry point that reads files (a corpus folder) and runs an
extractor over it.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsledger.errors import InputNotFound, MalformedJSON
from newsledger.models import Article, Figure

STRICT_FIELDS = ("low", "high", "qualifier", "counted")
TEXT_FIELDS = ("place", "attributed_to", "who", "period")
_SPACE = re.compile(r"\s+")


def normalise(value: object) -> str | None:
    """Case-folded text with whitespace runs collapsed; None stays None."""
    if value is None:
        return None
    return _SPACE.sub(" ", str(value)).strip().casefold()


# --- reading a corpus -------------------------------------------------------------------------

@dataclass(frozen=True)
class GoldCorpus:
    """A gold corpus folder: its articles (in file order) and gold figure records."""

    articles: tuple[Article, ...]
    figures: tuple[dict, ...]

    @property
    def texts(self) -> dict[str, str]:
        return {article.id: article.text for article in self.articles}

    @property
    def languages(self) -> dict[str, str | None]:
        return {article.id: article.lang for article in self.articles}


def _read_json_article(path: Path) -> Article:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise MalformedJSON(f"malformed JSON at line {error.lineno}", source=str(path)) from error
    return Article(
        id=data["id"], text=data["text"], url=data.get("url"), outlet=data.get("outlet"),
        published=data.get("published"), language=data.get("language"), title=data.get("title"),
        source_path=str(path),
    )


def with_language(article: Article) -> Article:
    """The article as ingest analyses it: a text with no declared language gets the detected
    one, so a gold set of plain text files is scored as the pipeline would read it."""
    if article.lang is not None:
        return article
    from newsledger.ingest.language import detect_language
    from newsledger.settings import Settings

    language, confidence = detect_language(article.text, Settings().languages)
    return replace(article, detected_language=language, language_confidence=confidence)


def iter_corpus_articles(corpus_dir: Path) -> Iterator[Article]:
    """The articles of a gold corpus: ``articles/*.json`` (dev) or ``*.txt`` (seeds)."""
    for path in sorted(corpus_dir.glob("articles/*.json")):
        yield with_language(_read_json_article(path))
    for path in sorted(corpus_dir.glob("*.txt")):
        yield with_language(Article(id=path.stem, text=path.read_text(encoding="utf-8"),
                                    source_path=str(path)))


def read_jsonl(path: Path) -> list[dict]:
    """The records of a JSON Lines file (blank lines skipped)."""
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise MalformedJSON(f"malformed JSON at line {number}", source=str(path)) from error
    return records


def load_gold(corpus_dir: Path | str) -> GoldCorpus:
    """Read ``gold_figures.jsonl`` and the articles of a corpus folder."""
    corpus_dir = Path(corpus_dir)
    gold_path = corpus_dir / "gold_figures.jsonl"
    if not gold_path.is_file():
        raise InputNotFound("no gold_figures.jsonl", source=str(corpus_dir))
    return GoldCorpus(tuple(iter_corpus_articles(corpus_dir)), tuple(read_jsonl(gold_path)))


# --- matching ---------------------------------------------------------------------------------

def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
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
    return _occurrences(text, record.get("quote") or "")


def quotes_overlap(predicted: Mapping, gold: Mapping, text: str) -> bool:
    """Whether the predicted quote span shares a character with an occurrence of the gold quote."""
    gold_spans = _occurrences(text, gold.get("quote") or "")
    return any(
        max(p_start, g_start) < min(p_end, g_end)
        for p_start, p_end in _predicted_spans(predicted, text)
        for g_start, g_end in gold_spans
    )


def is_strict(predicted: Mapping, gold: Mapping) -> bool:
    """Whether a matched pair also agrees on low, high, qualifier and counted."""
    return all(predicted.get(name) == gold.get(name) for name in STRICT_FIELDS)


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
    owner: dict[int, int] = {}
    for edges in (strict_edges, all_edges):
        matched = set(owner.values())
        for gold_index in list(edges):
            if gold_index not in matched and augment_matching(gold_index, edges, owner, set()):
                matched = set(owner.values())
    return sorted(owner.items())


# --- scores -----------------------------------------------------------------------------------

def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True)
class FigureScore:
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
    def precision(self) -> float:
        return _ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def strict_precision(self) -> float:
        return _ratio(self.strict, self.predicted)

    @property
    def strict_recall(self) -> float:
        return _ratio(self.strict, self.gold)

    @property
    def strict_f1(self) -> float:
        return _f1(self.strict_precision, self.strict_recall)

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
    field_names = ("low/high", "qualifier", "counted", "rate", *TEXT_FIELDS)
    accuracy = {
        name: _ratio(sum(_field_equal(name, predicted[p], gold[g]) for p, g in pairs), len(pairs))
        for name in field_names
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


# --- running an extractor over a corpus -------------------------------------------------------

@dataclass(frozen=True)
class EvaluationReport:
    """The score of one extractor over one corpus folder, with its speed."""

    corpus: str
    articles: int
    words: int
    seconds: float
    figures: FigureScore


def figure_to_record(figure: Figure) -> dict:
    """A figure as a scorable record, with its quote span so overlap is exact."""
    return {**figure.record(), "quote_start": figure.quote_start, "quote_end": figure.quote_end}


def evaluate_corpus(corpus_dir: Path | str,
                    extract: Callable[[Article], list[Figure]] | None = None) -> EvaluationReport:
    """Extract figures from every article of a gold corpus folder and score them."""
    if extract is None:
        from newsledger.extract.figures import extract_figures as extract
    corpus = load_gold(corpus_dir)
    predicted, words, started = [], 0, time.perf_counter()
    for article in corpus.articles:
        words += len(article.text.split())
        predicted.extend(figure_to_record(figure) for figure in extract(article))
    seconds = time.perf_counter() - started
    score = score_figures(predicted, corpus.figures, corpus.texts, corpus.languages)
    return EvaluationReport(str(corpus_dir), len(corpus.articles), words, seconds, score)


def _describe(record: Mapping) -> str:
    quote = _SPACE.sub(" ", record.get("quote") or "")[:90]
    return (f"{record.get('article', '')[:30]:30} {record.get('number_text')!r:26} "
            f"{record.get('counted')!s:16} | {quote}")


def format_report(report: EvaluationReport, limit: int = 15) -> str:
    """A multi-line text report; the last line is the summary the CLI prints."""
    score = report.figures
    rate = report.words / report.seconds if report.seconds else 0.0
    lines = [
        f"corpus {report.corpus}: {report.articles} articles, {report.words} words, "
        f"{rate:,.0f} words/s",
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
        ("missed gold", [_describe(r) for r in score.missed]),
        ("predictions without gold", [_describe(r) for r in score.spurious]),
        ("matched, not strict (predicted / gold)", [
            f"{_describe(p)}\n    pred low={p.get('low')} high={p.get('high')} "
            f"q={p.get('qualifier')} | gold low={g.get('low')} high={g.get('high')} "
            f"q={g.get('qualifier')} counted={g.get('counted')}"
            for p, g in score.wrong]),
    )
    for title, rows in sections:
        lines.append(f"{title}: {len(rows)}")
        lines.extend("  " + row for row in rows[:limit])
    lines.append(score.summary_line())
    return "\n".join(lines)


if __name__ == "__main__":  # python -m newsledger.evaluate CORPUS_DIR [LIMIT]
    print(format_report(evaluate_corpus(sys.argv[1]),
                        int(sys.argv[2]) if len(sys.argv) > 2 else 15))
