"""Permalinks with cite blocks, the article list, and categories named in words."""

from __future__ import annotations

from newsledger import query
from newsledger.base.codebook import codebook


def test_a_figure_has_a_permalink_page_and_twin_with_its_cite(client, web_db):
    figure = client.get("/api/figures").json()["items"][0]
    twin = client.get(f"/api/figures/{figure['id']}").json()
    assert twin["id"] == figure["id"] and twin["quote"] == figure["quote"]
    with query.open(web_db) as reader:
        as_of = reader.as_of()[:10]
    cite = twin["cite"]
    assert cite["ledger_id"] == figure["id"] and cite["retrieved_at"] == as_of
    assert cite["sources"][0]["outlet"] == figure["outlet"]
    assert cite["sources"][0]["url"] == figure["url"]
    html = client.get(f"/figures/{figure['id']}").text
    assert cite["citation"].split(":")[0] in html and "Cite" in html
    assert client.get("/api/figures/fig-000000000000").status_code == 404
    listing = client.get("/figures").text
    assert f'href="/figures/{figure["id"]}"' in listing


def test_claims_events_and_conflicts_carry_a_cite(client):
    claim = client.get("/api/claims").json()["items"][0]["id"]
    event = client.get("/api/events").json()["items"][0]["event_id"]
    conflicts = client.get("/api/conflicts").json()["items"]
    assert conflicts and all(c["cite"]["ledger_id"] == c["id"] for c in conflicts)
    conflict = conflicts[0]["id"]
    for kind, path in (("claim", f"/claims/{claim}"), ("event", f"/events/{event}"),
                       ("conflict", f"/conflicts/{conflict}")):
        cite = client.get("/api" + path).json()["cite"]
        assert cite["kind"] == kind and cite["permalink"] == path
        assert all(s["quote"] and s["url"] for s in cite["sources"]), path
        assert 'aria-label="Cite this record"' in client.get(path).text


def test_the_article_list_and_its_twin(client, web_db):
    data = client.get("/api/articles", params={"limit": 500}).json()
    with query.open(web_db) as reader:
        assert data["total"] == reader.totals()["articles"] == len(data["items"])
    assert {"id", "title", "outlet", "published", "figures"} <= set(data["items"][0])
    html = client.get("/articles").text
    assert 'href="/articles/border-wire"' in html
    assert client.get("/articles", params={"language": "ru"}).text.count("granitsa-ru") >= 1


def test_a_figure_category_is_shown_in_words(client):
    label = codebook().label("entered_country")
    assert label != "entered country"
    html = client.get("/figures", params={"counted": "entered_country"}).text
    assert label in html and ">entered country<" not in html
    assert label in client.get("/articles/border-wire").text
