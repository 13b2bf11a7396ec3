"""The series page and its JSON twin: the same series as ``api.series``, drawn and listed
with the official figures beside it; an unknown category is a coded error."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from newsledger import api
from newsledger.publish.web import create_app

OFFICIAL = ("source,as_of,since,counted,place,value,url,note\n"
            "Border Service,2022-09-30,2022-09-21,entered_country,Kazakhstan,150000,"
            "https://official.example.org/arrivals,our own test row\n")


@pytest.fixture(scope="module")
def series_db(web_db, tmp_path_factory) -> str:
    """The web test ledger with one official figure of arrivals in Kazakhstan."""
    folder = tmp_path_factory.mktemp("web-series")
    db = str(folder / "series.db")
    shutil.copyfile(web_db, db)
    (folder / "official.csv").write_text(OFFICIAL, encoding="utf-8")
    assert not api.import_reference(str(folder / "official.csv"), db)["errors"]
    return db


@pytest.fixture(scope="module")
def series_client(series_db) -> Iterator[TestClient]:
    with TestClient(create_app(series_db)) as test_client:
        yield test_client


def test_the_twin_is_the_series_of_the_api(series_client, series_db):
    for params in ({"counted": "entered_country"},
                   {"counted": "entered_country", "place": "Kazakhstan"},
                   {"counted": "crossed_border", "rate": "per_day"},
                   {"counted": "arrested", "reported": True}):
        twin = series_client.get("/api/series", params=params)
        assert twin.status_code == 200, params
        expected = api.series(params["counted"], params.get("place"), series_db,
                              rate=params.get("rate"), reported=params.get("reported", False))
        assert twin.json() == expected, params
    kazakhstan = series_client.get("/api/series", params={"counted": "entered_country",
                                                          "place": "Казахстан"}).json()
    assert kazakhstan["points"] and [r["low"] for r in kazakhstan["references"]] == [150000]


def test_the_page_draws_points_and_official_figures_and_lists_them(series_client):
    data = series_client.get("/api/series", params={"counted": "entered_country"}).json()
    html = series_client.get("/series", params={"counted": "entered_country"}).text
    assert data["points"] and data["references"]
    assert html.count('class="diamond"') == len(data["references"])
    rows = html.count("<tr>") - html.count("<thead><tr>")
    assert rows == len(data["points"]) + len(data["references"])
    for point in data["points"]:
        assert f'href="/figures/{point["figure"]}"' in html
        assert point["claim"] is None or f'href="/claims/{point["claim"]}"' in html
        assert point["as_of"] in html and point["source"] in html
    assert 'href="https://official.example.org/arrivals"' in html and "Border Service" in html
    assert 'class="key-item src-0"' in html and 'value="entered_country" selected' in html
    assert 'href="/series"' in series_client.get("/").text  # the nav link


def test_the_page_says_what_was_left_out_and_places_reported_figures_on_request(series_client):
    data = series_client.get("/api/series", params={"counted": "arrested"}).json()
    html = series_client.get("/series", params={"counted": "arrested"}).text
    assert data["left_out"]["reasons"]
    for reason in data["left_out"]["reasons"]:
        assert reason["why"].split(" (")[0] in html.replace("&#34;", '"')
    reported = series_client.get("/series", params={"counted": "arrested", "reported": "true"})
    assert "(reported)" in reported.text and "(reported)" not in html
    assert 'name="reported" value="true" checked' in reported.text


@pytest.mark.parametrize("params", [{"counted": "left"}, {"counted": "arrested",
                                                          "rate": "per_week"}])
def test_an_unknown_category_or_rate_is_a_coded_error(series_client, params):
    response = series_client.get("/api/series", params=params)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "NL302"
    assert set(response.json()) == {"error"}
