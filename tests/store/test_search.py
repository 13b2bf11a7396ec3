"""Text search on every database: every term must match, one of its alternatives is enough;
through the read API a place's name finds the place's other names."""

from __future__ import annotations

from dataclasses import asdict
from types import SimpleNamespace

from newsledger.models import Article
from newsledger.query import ArticleFilter, Page, Reader
from newsledger.store import browse
from newsledger.store.search import as_terms

# Our own sentences: one place named in English, Russian, Kazakh and German, and one not named.
ARTICLES = [
    Article(id="en", language="en", title="Queues",
            text="Queues\n\nMore Russians crossed into Kazakhstan at dawn."),
    Article(id="ru", language="ru", title="Очереди",
            text="Очереди\n\nБольше россиян въехали в Казахстан на рассвете."),
    Article(id="kk", language="kk", title="Кезек",
            text="Кезек\n\nҚазақстанға ресейліктер көп келді."),
    Article(id="de", language="de", title="Schlangen",
            text="Schlangen\n\nMehr Russen reisten nach Kasachstan ein, sagte die Behörde."),
    Article(id="fi", language="en", title="Queues elsewhere",
            text="Queues elsewhere\n\nMore Russians crossed into Finland at dawn."),
]


def _filter(text: str | None = None, terms=None) -> SimpleNamespace:
    """An article filter as the store reads it: ``text`` alone (its words), or ``terms``."""
    extra = {} if terms is None else {"terms": terms}
    return SimpleNamespace(**asdict(ArticleFilter(text=text)), **extra)


def _stored(ledger) -> None:
    for article in ARTICLES:
        ledger.store_article(article, [])


def _ids(ledger, filters) -> set[str]:
    rows, _total = browse.articles(ledger, filters, frozenset(), "ledger").page(0, 100)
    return {row["id"] for row in rows}


def test_a_term_matches_any_of_its_alternatives_and_every_term_must_match(ledger):
    _stored(ledger)
    assert _ids(ledger, _filter("Kazakhstan")) == {"en"}
    assert _ids(ledger, _filter(terms=[("Kazakhstan", "казахстан")])) == {"en", "ru"}
    assert _ids(ledger, _filter(terms=[("Kazakhstan", "казахстан"), ("dawn",)])) == {"en"}
    assert _ids(ledger, _filter(terms=as_terms(["crossed", "dawn"]))) == {"en", "fi"}


def test_a_place_name_finds_the_articles_naming_the_place_in_any_language(ledger):
    _stored(ledger)
    reader = Reader(ledger)
    for query in ("Kazakhstan", "kazakhstan", "Казахстан", "Қазақстан"):
        found = {row["id"] for row in reader.articles(text=query, page=Page(None)).rows}
        assert found == {"en", "ru", "kk", "de"}, query
    both = reader.articles(text="Kazakhstan dawn", page=Page(None)).rows
    assert {row["id"] for row in both} == {"en"}
    snippets = {row["id"]: row["snippet"] for row in reader.articles(text="Kazakhstan").rows}
    assert "\x02Казахстан\x03" in snippets["ru"]
