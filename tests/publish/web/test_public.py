"""``serve --public``: every JSON twin of the public edition is redacted and holds no article
text beyond each record's own quote; the private view stays on this machine."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.publish.web import create_app

from .conftest import PRIVATE_NAMES

# list -> (the item field holding its id, the id's name in the item route)
LISTS = {"articles": ("id", "article_id"), "figures": ("id", "figure_id"),
         "claims": ("id", "claim_id"), "stories": ("id", "story_id"),
         "conflicts": ("id", "conflict_id"), "events": ("event_id", "event_id")}
ONLY_IN_TEXT = "Subscribe to our newsletter"  # a sentence no record quotes


@pytest.fixture(scope="module")
def public_client(public_db) -> Iterator[TestClient]:
    with TestClient(create_app(public_db, public=True)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def private_client(public_db) -> Iterator[TestClient]:
    with TestClient(create_app(public_db)) as test_client:
        yield test_client


def every_twin(client: TestClient) -> dict[str, str]:
    """URL -> body of every JSON twin: each list, each item of each list, the downloads."""
    bodies, routes = {}, set()
    for name in ["", "search", *LISTS]:
        url = f"/api/{name}"
        bodies[url] = client.get(url, params={"limit": 500}).text
        routes.add(url)
    for name, (key, parameter) in LISTS.items():
        items = client.get(f"/api/{name}", params={"limit": 500}).json()["items"]
        assert items, name
        for item in items:
            bodies[f"/api/{name}/{item[key]}"] = client.get(f"/api/{name}/{item[key]}").text
        routes.add(f"/api/{name}/{{{parameter}}}")
    for counted in ("arrested", "crossed_border", "summoned", "mobilized"):
        url = f"/api/series?counted={counted}&reported=true"
        bodies[url] = client.get(url).text
    routes.add("/api/series")
    for kind in ("csv", "jsonl"):
        bodies[f"/api/figures.{kind}"] = client.get(f"/api/figures.{kind}").text
    routes.add("/api/figures.{kind}")
    paths = set(client.get("/openapi.json").json()["paths"])
    assert paths <= routes | {"/api/"}, "a JSON route this test does not walk"
    return bodies


def test_no_json_twin_of_the_public_edition_names_a_private_person(public_client,
                                                                   private_client):
    private = every_twin(private_client)
    assert any(name in body for body in private.values() for name in PRIVATE_NAMES)
    assert any(ONLY_IN_TEXT in body for body in private.values())
    bodies = every_twin(public_client)
    assert len(bodies) > 20
    for url, body in bodies.items():
        assert public_client.get(url).status_code == 200, url
        found = [name for name in PRIVATE_NAMES if name in body]
        assert found == [], (url, found)
        assert ONLY_IN_TEXT not in body and "source_path" not in body, url
    assert "[a programmer]" in "".join(bodies.values())  # a name gives way to a role


def test_the_public_article_shows_its_records_quotes_not_its_text(public_client):
    article = public_client.get("/api/articles/volkov-border").json()
    assert "text" not in article["article"] and article["figures"]
    html = public_client.get("/articles/volkov-border").text
    assert "Public edition" in html and "Private ledger view" not in html
    assert "We waited nine hours" not in html and "[a programmer]" in html


def test_the_public_edition_has_no_text_search(public_client):
    response = public_client.get("/api/search", params={"q": "Volkov"})
    assert response.status_code == 400 and response.json()["error"]["code"] == "NL302"
    assert 'name="q"' not in public_client.get("/articles").text


def test_the_private_view_refuses_a_host_beyond_this_machine(public_db):
    result = CliRunner().invoke(app, ["serve", "--db", public_db, "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "NL350" in result.output and "--public" in result.output
    html = TestClient(create_app(public_db)).get("/").text
    assert "served only to this machine" in html


def test_a_merged_event_is_redacted_with_the_persons_of_its_articles(public_db):
    from newsledger import query
    from newsledger.publish.redact import PersonCache
    from newsledger.publish.web.public import public_data

    event = {"event_id": "e1", "type": "border_crossing", "articles": 2,
             "actors": ["Volkov", "border guards"], "figures": ["Volkov and 40 men"],
             "article_ids": ["volkov-border", "volkov-border-copy"]}
    with query.open(public_db) as reader:
        shown = public_data(event, PersonCache(reader))
    assert "Volkov" not in repr(shown) and "border guards" in shown["actors"]
    assert shown["article_ids"] == event["article_ids"] and shown["articles"] == 2


def test_a_string_tied_to_no_article_is_redacted_by_the_names_it_holds(public_db):
    from newsledger import query
    from newsledger.publish.redact import PersonCache
    from newsledger.publish.web.public import public_data

    with query.open(public_db) as reader:
        shown = public_data({"actors": ["Andrei Volkov, a programmer from Tver, said"]},
                            PersonCache(reader))
    assert "Volkov" not in repr(shown), shown
