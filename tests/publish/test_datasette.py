"""A SQLite ledger opens in Datasette with descriptions, facets, search and views."""

from __future__ import annotations

import asyncio

import pytest

from newsledger import api
from newsledger.models import Article, Figure
from newsledger.store import Ledger

datasette_app = pytest.importorskip("datasette.app")


def test_datasette_serves_the_ledger_with_its_metadata(tmp_path):
    path = str(tmp_path / "ledger.db")
    text = "About 3,000 men crossed the border at Verkhny Lars on Monday."
    with Ledger(path) as ledger:
        ledger.store_article(Article(id="a1", text=text, language="en", title="At the border",
                                     outlet="example.org"),
                             [Figure(article="a1", number_text="3,000", quote=text, low=3000,
                                     high=3000, qualifier="approx", counted="crossed_border",
                                     number_start=6, number_end=11, quote_start=0,
                                     quote_end=len(text))])
    metadata = api.datasette_metadata(path)
    tables = metadata["databases"]["ledger"]["tables"]
    assert tables["figures"]["columns"]["quote"].startswith("Exact span")
    assert tables["articles"]["label_column"] == "title"

    async def pages():
        ds = datasette_app.Datasette([path], metadata=metadata)
        figures = await ds.client.get("/ledger/figures.json?_shape=array&_facet=counted")
        search = await ds.client.get("/ledger/articles.json?_shape=array&_search=Lars")
        missing = await ds.client.get("/ledger/articles.json?_shape=array&_search=Tbilisi")
        view = await ds.client.get("/ledger/figure_evidence.json?_shape=array")
        html = await ds.client.get("/ledger/figures")
        return figures, search, missing, view, html

    figures, search, missing, view, html = asyncio.run(pages())
    assert figures.status_code == 200 and figures.json()[0]["number_text"] == "3,000"
    assert [row["id"] for row in search.json()] == ["a1"] and missing.json() == []
    assert view.json()[0]["outlet"] == "example.org"
    assert "Quantitative claims with their evidence span." in html.text
