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


def test_each_table_s_id_is_described_as_its_own():
    from newsledger.publish.datasette import datasette_metadata

    tables = datasette_metadata()["databases"]["newsledger"]["tables"]
    ids = {name: tables[name]["columns"]["id"] for name in
           ("figures", "events", "stories", "claims", "conflicts", "articles")}
    assert [name for name, text in ids.items() if name != "claims" and "Claim" in text] == []
    assert ids["figures"].startswith("Figure") and ids["events"].startswith("Event")
    assert ids["stories"].startswith("Story") and ids["conflicts"].startswith("Conflict")


def test_the_public_metadata_serves_no_text_nor_source_path():
    from newsledger.publish.datasette import public_metadata

    tables = public_metadata("public")["databases"]["public"]["tables"]
    columns = {column for record in tables.values() for column in record.get("columns", {})}
    assert not {"text", "source_path"} & columns
    assert not any("fts_table" in record for record in tables.values())
