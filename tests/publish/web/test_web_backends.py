"""What the web app does the same on SQLite and PostgreSQL: id routes (a NUL, a "/"), search by
a place's other names, and the figure downloads read in pages."""

from __future__ import annotations

import csv
import io
import re
from html import unescape
from urllib.parse import quote

import pytest

from newsledger import query
from newsledger.publish import exports
from newsledger.publish.web.downloads import download_options
from newsledger.query import FigureFilter, Page

ID_ROUTES = ("articles", "claims", "stories", "events")


@pytest.mark.parametrize("route", ID_ROUTES)
@pytest.mark.parametrize("api", ["/api", ""])
@pytest.mark.parametrize("odd", ["%00", "a%00b", "%00%2F"])
def test_an_id_with_a_nul_is_not_found_on_every_database(backend_client, route, api, odd):
    response = backend_client.get(f"{api}/{route}/{odd}")
    assert response.status_code == 404
    if api:
        assert response.json()["error"]["code"] == "NL301"
    else:
        assert "NL301" in response.text


def test_an_id_with_a_slash_or_url_delimiters_opens(backend_client, odd_ids):
    for odd in odd_ids:
        data = backend_client.get(f"/api/articles/{quote(odd, safe='')}").json()
        assert data["article"]["id"] == odd and data["figures"]
        page = backend_client.get(f"/articles/{quote(odd, safe='')}")
        assert page.status_code == 200 and "Odd id" in page.text
        json_link = re.search(r'href="(/api/articles/[^"]+)">JSON of this page', page.text)[1]
        assert backend_client.get(unescape(json_link)).json()["article"]["id"] == odd


def test_links_quote_ids_and_lead_to_their_pages(backend_client, odd_ids):
    html = backend_client.get("/search", params={"outlet": "odd.example.org"}).text
    links = re.findall(r'href="(/articles/[^"]+)"', html)
    assert sorted(links) == sorted(f"/articles/{quote(odd, safe='')}" for odd in odd_ids)
    for link in links:
        assert backend_client.get(unescape(link)).status_code == 200


def test_paged_figures_are_the_whole_list_in_its_order(backend_db):
    with query.open(backend_db) as reader:
        listed = reader.figures(page=Page(500)).rows
        pages = list(reader.each_figure_page(size=4))
        arrested = list(reader.each_figure(FigureFilter(counted="arrested")))
    assert len(listed) > 8 and [len(rows) for rows in pages[:-1]] == [4] * (len(pages) - 1)
    assert [row for rows in pages for row in rows] == listed
    assert arrested and {row["counted"] for row in arrested} == {"arrested"}


def test_a_download_holds_no_connection_between_chunks(backend_db, monkeypatch):
    monkeypatch.setattr(exports, "CHUNK_ROWS", 3)
    with query.open(backend_db) as reader:
        options = download_options(FigureFilter())
        chunks = exports.export_chunks(reader, "figures", "csv", options)
        first = next(chunks)
        assert reader.ledger.engine.pool.checkedout() == 0
        rest = b"".join(chunks)
        total = reader.figures().total
    table = list(csv.DictReader(io.StringIO((first + rest).decode("utf-8"))))
    assert len(table) == total and first.startswith(b"id,article,url,number_text")
    assert len(list(csv.reader(io.StringIO(first.decode("utf-8"))))) == 1 + 3


def test_downloads_match_the_list_on_every_database(backend_client):
    listed = backend_client.get("/api/figures", params={"limit": 500}).json()
    table = list(csv.DictReader(io.StringIO(backend_client.get("/api/figures.csv").text)))
    assert [(row["article"], row["quote"]) for row in table] == [
        (f["article"], f["quote"]) for f in listed["items"]]
    lines = backend_client.get("/api/figures.jsonl").text.splitlines()
    assert len(lines) == listed["total"]


def test_searching_a_place_finds_its_names_in_other_languages(backend_client):
    found = backend_client.get("/api/search", params={"q": "Kazakhstan"}).json()["items"]
    ids = {row["id"] for row in found}
    assert {"border-wire", "granitsa-ru"} <= ids  # "Kazakhstan" and "в Казахстан"
    html = backend_client.get("/search", params={"q": "Kazakhstan"}).text
    assert "<mark>Казахстан</mark>" in html and 'href="/articles/granitsa-ru"' in html
