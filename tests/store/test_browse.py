"""The ledger's version: a fingerprint that changes with every write, on every database."""

from __future__ import annotations

from dataclasses import replace

from newsledger.extract.figures import extract_figures
from newsledger.models import Article
from newsledger.store import browse

ARTICLE = Article(id="a", language="en", text="Border\n\nPolice detained 300 people in Moscow.")


def test_the_version_changes_when_a_rewrite_keeps_every_figure_id(ledger):
    figures = extract_figures(ARTICLE)
    assert figures
    ledger.store_article(ARTICLE, figures)
    before = browse.ledger_version(ledger)
    changed = [replace(f, counted="other") for f in figures]
    assert [f.id for f in changed] == [f.id for f in figures]
    ledger.replace_analysis(ARTICLE.id, changed)
    assert browse.ledger_version(ledger) != before


def test_the_conflicts_of_an_article_include_those_listing_it_among_the_others(ledger):
    from newsledger.models import Conflict, Counterpart
    from newsledger.query import ConflictFilter, Reader

    for article_id in ("hub", "first", "third"):
        ledger.store_article(Article(id=article_id, text=f"Text of {article_id}.",
                                     language="en"))
    ledger.replace_conflicts([Conflict(
        id="figure-1", kind="figure", article_a="hub", article_b="first", a="thousands left",
        b="300,000 left", why="why", others=(Counterpart("third", "200,000 left", "200,000",
                                                         200000, 200000),))])
    reader = Reader(ledger)
    for article_id in ("hub", "first", "third"):
        found = reader.conflicts(ConflictFilter(article=article_id)).rows
        assert [c.id for c in found] == ["figure-1"], article_id
        assert found[0].others[0].article == "third"
    assert reader.conflicts(ConflictFilter(article="thir")).rows == []
