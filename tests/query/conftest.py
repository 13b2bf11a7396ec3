"""A small ledger for the read API's tests, ingested (with analysis) from articles written for
them: figures in Kazakhstan told in English and Russian, detentions in two Russian cities, and
a private person named in a figure's quote."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from newsledger import api, query
from newsledger.publish.web import create_app
from newsledger.settings import Settings

PRIVATE = "Nurmatov"
ARTICLES = [
    {"id": "arrivals-en", "url": "https://wire.example.org/arrivals", "outlet": "wire.example.org",
     "published": "2022-09-27", "language": "en", "title": "Arrivals in Kazakhstan",
     "text": "Arrivals in Kazakhstan\n\nMore than 98,000 Russians have entered Kazakhstan since "
             "September 21, the Kazakh interior ministry said. Ozodbek Nurmatov, 31, a welder, "
             "said about 2,000 men crossed the border at night; Nurmatov waited nine hours."},
    {"id": "arrivals-ru", "url": "https://novosti.example.ru/arrivals",
     "outlet": "novosti.example.ru", "published": "2022-10-04", "language": "ru",
     "title": "Въезд в Казахстан",
     "text": "Въезд в Казахстан\n\nС 21 сентября в Казахстан въехали более 200 тысяч "
             "россиян, сообщило МВД республики."},
    {"id": "omsk-detained", "url": "https://monitor.example.net/omsk",
     "outlet": "monitor.example.net", "published": "2022-09-22", "language": "en",
     "title": "Detentions in Omsk",
     "text": "Detentions in Omsk\n\nPolice detained at least 1,300 people at protests in Omsk "
             "on Saturday, according to the monitors."},
    {"id": "moscow-detained", "url": "https://other.example.net/moscow",
     "outlet": "other.example.net", "published": "2022-10-02", "language": "en",
     "title": "Detentions in Moscow",
     "text": "Detentions in Moscow\n\nPolice detained 300 people at protests in Moscow on "
             "Sunday, the interior ministry said."},
]


@pytest.fixture(scope="session")
def reader_db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("query-articles")
    (folder / "articles.jsonl").write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), "utf-8")
    db = str(folder.parent / "query.db")
    report = api.ingest([str(folder)], db=db, settings=Settings(db=db))
    assert report.new == len(ARTICLES), report.errors
    return db


@pytest.fixture
def reader(reader_db) -> Iterator[query.Reader]:
    with query.open(reader_db) as opened:
        yield opened


@pytest.fixture(scope="session")
def web(reader_db) -> Iterator[TestClient]:
    with TestClient(create_app(reader_db)) as client:
        yield client
