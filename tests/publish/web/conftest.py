"""Fixtures for the web app: a ledger built once per session from articles written for these
tests (plus ``demo/`` when it exists), a TestClient, and a live server for the browser; and a
smaller ledger on SQLite and on PostgreSQL for what depends on the database.

PostgreSQL is the local server (``make postgres``); unreachable, its tests are skipped, except
under CI=true where that is a failure (as in tests/store/conftest.py)."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from newsledger import api
from newsledger.publish.web import create_app
from newsledger.settings import Settings

REPO = Path(__file__).resolve().parents[3]
DEMO = REPO / "demo"
XSS_ID = "xss-probe"
POSTGRES = os.environ.get("NEWSLEDGER_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
# Ids a route must open: a path below an ingested folder, and URL delimiters.
ODD_IDS = ("reports/2022/kazakh border.txt", "what?#100%;a=b")

# Our own sentences (never corpus text): copies, a translation, a conflict, and hostile markup.
ARTICLES = [
    {"id": "border-wire", "url": "https://wire.example.org/2022/09/27/border",
     "outlet": "wire.example.org", "published": "2022-09-27", "language": "en",
     "title": "Queues grow at the Kazakh border",
     "text": "Queues grow at the Kazakh border\n\nMore than 98,000 Russians have entered "
             "Kazakhstan since September 21, the Kazakh interior ministry said on Tuesday.\n\n"
             "About 10,000 people a day crossed into Georgia, officials in Tbilisi said."},
    {"id": "border-wire-copy", "url": "https://daily.example.com/news/border-queues",
     "outlet": "daily.example.com", "published": "2022-09-28", "language": "en",
     "title": "Queues grow at the Kazakh border",
     "text": "Queues grow at the Kazakh border\n\nMore than 98,000 Russians have entered "
             "Kazakhstan since September 21, the Kazakh interior ministry said on Tuesday.\n\n"
             "About 10,000 people a day crossed into Georgia, officials in Tbilisi said. "
             "Subscribe to our newsletter."},
    {"id": "protests-detained", "url": "https://monitor.example.net/protests",
     "outlet": "monitor.example.net", "published": "2022-09-22", "language": "en",
     "title": "Hundreds detained at protests",
     "text": "Hundreds detained at protests\n\nPolice detained at least 1,300 people at "
             "protests against the mobilization in 38 Russian cities, according to OVD-Info. "
             "Tens of thousands of men received summonses in the following days."},
    {"id": "protests-low-count", "url": "https://other.example.net/protests-count",
     "outlet": "other.example.net", "published": "2022-10-02", "language": "en",
     "title": "A smaller count of detentions",
     "text": "A smaller count of detentions\n\nPolice detained 300 people at protests in "
             "Russia, the interior ministry said. Around 700,000 Russians have left the "
             "country since the mobilization began."},
    {"id": "granitsa-ru", "url": "https://novosti.example.ru/granitsa",
     "outlet": "novosti.example.ru", "published": "2022-10-04", "language": "ru",
     "title": "Очереди на границе",
     "text": "Очереди на границе\n\nС 21 сентября в Казахстан въехали более 200 тысяч "
             "россиян, сообщило МВД республики. Ещё сотни тысяч человек покинули Россию."},
    {"id": XSS_ID, "url": "javascript:window.__xss=3", "outlet": "hostile.example.org",
     "published": "2022-10-05", "language": "en",
     "title": "<img src=x onerror=\"window.__xss=1\">Border news",
     "text": "<img src=x onerror=\"window.__xss=1\">Border news\n\n"
             "<script>window.__xss = 2</script> Some 2,000 people crossed the border "
             "into Finland <b onmouseover=\"window.__xss=4\">on Saturday</b>, the guard said."},
]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    """A ledger with the test articles (and the demo corpus when ``demo/`` has files)."""
    folder = tmp_path_factory.mktemp("web-articles")
    (folder / "articles.jsonl").write_text(
        "\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", "utf-8")
    db = str(folder.parent / "web.db")
    names = [str(folder)]
    if DEMO.is_dir() and any(p.is_file() for p in DEMO.rglob("*")):
        names.append(str(DEMO))
    report = api.ingest(names, db=db, settings=Settings(db=db))
    assert report.new >= len(ARTICLES), report.errors
    return db


@pytest.fixture(scope="session")
def web_source_folder(web_db) -> str:
    """The folder the test articles were read from (must never appear in a response)."""
    return str(Path(web_db).parent)


@pytest.fixture(scope="session")
def client(web_db) -> Iterator[TestClient]:
    with TestClient(create_app(web_db)) as test_client:
        yield test_client


@contextmanager
def serving(db: str, public: bool = False) -> Iterator[str]:
    """The app over ``db`` (its public edition when ``public``) served by uvicorn on 127.0.0.1
    and a free port, in a background thread; its base URL."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db, public), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web app did not start within 20 seconds")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(web_db) -> Iterator[str]:
    """The test ledger served on 127.0.0.1 (for the browser)."""
    with serving(web_db) as base:
        yield base

# Our own sentences naming private people (an interviewee, a pseudonymous mother) beside
# officials, for the public edition: none of PRIVATE_NAMES may appear in it.
PRIVATE_NAMES = ("Andrei", "Volkov", "Galina", "Orlova")
INTERVIEW = ("Andrei Volkov, 27, a programmer from Kazan, said more than 5,000 people waited at "
             "the Verkhny Lars crossing on Tuesday. \"We waited nine hours,\" Volkov said. "
             "Volkov's brother stayed behind. Kremlin spokesman Dmitry Peskov said 300,000 "
             "reservists would be called up.")
PUBLIC_ARTICLES = [
    {"id": "volkov-border", "url": "https://wire.example.org/volkov",
     "outlet": "wire.example.org", "published": "2022-09-27", "language": "en",
     "title": "Andrei Volkov waited nine hours at the border",
     "text": "Andrei Volkov waited nine hours at the border\n\n" + INTERVIEW},
    {"id": "volkov-border-copy", "url": "https://daily.example.com/volkov",
     "outlet": "daily.example.com", "published": "2022-09-28", "language": "en",
     "title": "Andrei Volkov waited nine hours at the border",
     "text": "Andrei Volkov waited nine hours at the border\n\n" + INTERVIEW
             + " Subscribe to our newsletter."},
    {"id": "orlova-dacha", "url": "https://monitor.example.net/orlova",
     "outlet": "monitor.example.net", "published": "2022-09-25", "language": "en",
     "title": "Galina Orlova's son hides",
     "text": "Galina Orlova's son hides\n\nGalina Orlova (name changed), a mother of two, "
             "says her son hides at a dacha with 20 other men. Orlova said police detained at "
             "least 1,300 people at protests against the mobilization in Russia, according to "
             "OVD-Info. Regional governor Mikhail Sokolov said 2,000 men "
             "had been summoned in the region."},
    {"id": "lars-count", "url": "https://other.example.net/lars",
     "outlet": "other.example.net", "published": "2022-10-04", "language": "en",
     "title": "A smaller count at Verkhny Lars",
     "text": "A smaller count at Verkhny Lars\n\nAbout 500 people waited at the Verkhny Lars "
             "crossing on Tuesday, border officials said. Police detained 300 people at "
             "protests in Russia, the interior ministry said."},
]


@pytest.fixture(scope="session")
def public_db(tmp_path_factory) -> str:
    """A ledger of ``PUBLIC_ARTICLES``, whose texts name private people."""
    folder = tmp_path_factory.mktemp("web-public")
    (folder / "articles.jsonl").write_text(
        "\n".join(json.dumps(a, ensure_ascii=False) for a in PUBLIC_ARTICLES) + "\n", "utf-8")
    db = str(folder / "public.db")
    report = api.ingest([str(folder)], db=db, settings=Settings(db=db))
    assert report.new == len(PUBLIC_ARTICLES), report.errors
    return db


@pytest.fixture(scope="session")
def public_server(public_db) -> Iterator[str]:
    """The public edition of ``public_db`` served on 127.0.0.1."""
    with serving(public_db, public=True) as base:
        yield base


def _odd_articles() -> list[dict]:
    return [{"id": odd, "outlet": "odd.example.org", "published": "2022-09-30", "language": "en",
             "title": f"Odd id {number}",
             "text": f"Odd id {number}\n\nPolice detained {40 + number} people at a protest in "
                     "Moscow on Friday, the monitors said."}
            for number, odd in enumerate(ODD_IDS)]


def _postgres_schema(request) -> str:
    """A fresh schema on the test server, dropped when the session ends; its URL."""
    admin_url = "postgresql+psycopg://" + POSTGRES.split("://", 1)[1]
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT",
                              connect_args={"connect_timeout": 3})
        with admin.connect() as connection:
            name = f"t_web_{uuid.uuid4().hex[:12]}"
            connection.execute(text(f"CREATE SCHEMA {name}"))
    except Exception as error:  # noqa: BLE001  (any failure means: no server)
        problem = str(error).splitlines()[0]
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"PostgreSQL is unreachable under CI: {problem}")
        pytest.skip(f"PostgreSQL is not reachable: {problem}")

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(text(f"DROP SCHEMA {name} CASCADE"))
        admin.dispose()

    request.addfinalizer(drop)
    return f"{POSTGRES}?options=-csearch_path%3D{name}"


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend_db(request, tmp_path_factory) -> str:
    """A ledger of the test articles and articles with ``ODD_IDS``, on each database."""
    folder = tmp_path_factory.mktemp(f"web-{request.param}")
    (folder / "articles.jsonl").write_text("\n".join(
        json.dumps(a, ensure_ascii=False) for a in ARTICLES + _odd_articles()) + "\n", "utf-8")
    if request.param == "sqlite":
        db = str(folder / "web.db")
    else:
        db = _postgres_schema(request)
    report = api.ingest([str(folder)], db=db, settings=Settings(db=db))
    assert report.new == len(ARTICLES) + len(ODD_IDS), report.errors
    return db


@pytest.fixture(scope="session")
def odd_ids() -> tuple[str, ...]:
    """The ids with "/" and URL delimiters that ``backend_db`` holds."""
    return ODD_IDS


@pytest.fixture(scope="session")
def backend_client(backend_db) -> Iterator[TestClient]:
    with TestClient(create_app(backend_db)) as test_client:
        yield test_client


@pytest.fixture
def backend_server(backend_db) -> Iterator[str]:
    """``backend_db`` served on 127.0.0.1; its base URL."""
    with serving(backend_db) as base:
        yield base
