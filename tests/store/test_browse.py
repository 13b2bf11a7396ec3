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
