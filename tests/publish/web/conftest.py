"""Fixtures for the web app: a ledger built once per session from articles written for these
tests (plus ``demo/`` when it exists), a TestClient, and a live server for the browser."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsledger import api
from newsledger.publish.web import create_app
from newsledger.settings import Settings

REPO = Path(__file__).resolve().parents[3]
DEMO = REPO / "demo"
XSS_ID = "xss-probe"

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


@pytest.fixture(scope="session")
def live_server(web_db) -> Iterator[str]:
    """The app served by uvicorn on 127.0.0.1 and a free port, in a background thread."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the web app did not start within 20 seconds")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
