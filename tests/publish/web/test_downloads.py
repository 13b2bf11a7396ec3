"""Figure downloads are written by the figures export: the same bytes as ``newsledger export
figures --private``, private persons' names replaced, the list's filters applied."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.models import Article, Figure
from newsledger.publish.web import create_app
from newsledger.store import Ledger

TEXT = ("Border queues\n\nOzodbek Nurmatov, 31, a welder, said about 2,000 men crossed the "
        "border at night; Nurmatov waited nine hours. Officials counted 500 more on Tuesday.")


def _figure(number: str, low: int, counted: str, quote: str, who: str | None) -> Figure:
    start = TEXT.index(number)
    return Figure(article="planted", number_text=number, quote=quote, low=low, high=low,
                  qualifier="exact", counted=counted, number_start=start,
                  number_end=start + len(number), quote_start=TEXT.index(quote),
                  quote_end=TEXT.index(quote) + len(quote), who=who)


@pytest.fixture(scope="module")
def planted_db(tmp_path_factory) -> str:
    """A ledger whose figure quote and ``who`` name a private person."""
    db = str(tmp_path_factory.mktemp("downloads") / "planted.db")
    named = TEXT[TEXT.index("Ozodbek"):TEXT.index(" waited")]
    with Ledger(db) as ledger:
        ledger.store_article(
            Article(id="planted", text=TEXT, language="en", outlet="example.org",
                    published="2022-09-27", title="Border queues"),
            [_figure("2,000", 2000, "crossed_border", named, "men like Ozodbek Nurmatov"),
             _figure("500", 500, "other", "Officials counted 500 more", None)])
    return db


@pytest.fixture(scope="module")
def planted(planted_db):
    with TestClient(create_app(planted_db)) as client:
        yield client


def test_the_private_view_names_the_person_and_its_downloads_do_not(planted):
    listed = json.dumps(planted.get("/api/figures").json(), ensure_ascii=False)
    assert "Nurmatov" in listed  # the private view shows the quote whole
    for kind in ("csv", "jsonl"):
        body = planted.get(f"/api/figures.{kind}").text
        assert "Nurmatov" not in body and "Ozodbek" not in body, kind
        assert "[a man who fled]" in body and "crossed the border" in body, kind


def test_a_download_is_the_private_redacted_export_of_the_same_filter(planted, planted_db,
                                                                         tmp_path):
    out = tmp_path / "figures.csv"
    result = CliRunner().invoke(app, ["export", "figures", "--private", "--redact", "--db",
                                      planted_db, "--where", "counted=crossed_border", "-o",
                                      str(out)])
    assert result.exit_code == 0, result.output
    downloaded = planted.get("/api/figures.csv", params={"counted": "crossed_border"})
    assert downloaded.content == out.read_bytes()
    rows = list(csv.DictReader(io.StringIO(downloaded.text)))
    assert [row["counted"] for row in rows] == ["crossed_border"]


def test_a_bad_download_filter_is_coded_before_any_byte(planted):
    response = planted.get("/api/figures.csv", params={"since": "2022-10-01",
                                                       "until": "2022-09-01"})
    assert response.status_code == 400 and response.json()["error"]["code"] == "NL320"
