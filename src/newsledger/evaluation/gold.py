"""Reading a gold corpus folder: its articles and its gold files.

A folder holds ``articles/*.json`` (dev) or ``*.txt`` (seeds) and any of
``gold_figures.jsonl``, ``events_gold.jsonl``, ``stories.json``, ``conflicts.jsonl`` and
``persons_gold.jsonl`` (DESIGN.md "Gold files"). The runner scores what the pipeline stores;
these readers serve training and the tests that read a gold set without ingesting it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from newsledger.errors import InputNotFound, MalformedJSON
from newsledger.labels import read_jsonl
from newsledger.models import Article

FIGURES = "gold_figures.jsonl"
EVENTS = "events_gold.jsonl"
STORIES = "stories.json"
CONFLICTS = "conflicts.jsonl"
PERSONS = "persons_gold.jsonl"


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
    """The article with a detected language where it declares none, as ingest detects it."""
    if article.lang is not None:
        return article
    from newsledger.ingest.language import detect_language
    from newsledger.settings import Settings

    language, confidence = detect_language(article.text, Settings().languages)
    return replace(article, detected_language=language, language_confidence=confidence)


def iter_corpus_articles(corpus_dir: Path | str) -> Iterator[Article]:
    """The articles of a gold corpus: ``articles/*.json`` (dev) or ``*.txt`` (seeds)."""
    corpus_dir = Path(corpus_dir)
    for path in sorted(corpus_dir.glob("articles/*.json")):
        yield with_language(_read_json_article(path))
    for path in sorted(corpus_dir.glob("*.txt")):
        yield with_language(Article(id=path.stem, text=path.read_text(encoding="utf-8"),
                                    source_path=str(path)))


def load_gold(corpus_dir: Path | str) -> GoldCorpus:
    """Read ``gold_figures.jsonl`` and the articles of a corpus folder."""
    corpus_dir = Path(corpus_dir)
    gold_path = corpus_dir / FIGURES
    if not gold_path.is_file():
        raise InputNotFound(f"no {FIGURES}", source=str(corpus_dir))
    return GoldCorpus(tuple(iter_corpus_articles(corpus_dir)), tuple(read_jsonl(gold_path)))


def read_json(path: Path | str):
    """A JSON gold file (``stories.json``)."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise MalformedJSON(f"malformed JSON at line {error.lineno}", source=str(path)) from error
