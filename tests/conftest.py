"""Shared fixtures: the shared corpus (skipped when absent), a fresh ledger, a local web server."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsledger.settings import Settings
from newsledger.store import Ledger

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPUS = (REPO / ".." / "shared" / "corpus").resolve()


@pytest.fixture
def corpus_dir() -> Path:
    """``../shared/corpus`` (with ``dev/`` and ``seeds/``); the test is skipped without it."""
    if not (SHARED_CORPUS / "dev" / "articles").is_dir():
        pytest.skip("../shared/corpus is not present")
    return SHARED_CORPUS


@pytest.fixture
def quick_settings() -> Settings:
    """Settings for tests that only ingest: no analysis stages, the default limits."""
    return Settings(analyze=False)


@pytest.fixture
def ledger(tmp_path) -> Iterator[Ledger]:
    """A fresh SQLite ledger in the test's temporary folder."""
    store = Ledger(str(tmp_path / "ledger.db"))
    yield store
    store.close()


@dataclass
class WebServer:
    """A local HTTP server on 127.0.0.1; ``add`` a path with its body and content type."""

    base: str
    pages: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)

    def add(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8",
            status: int = 200) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.pages[path] = (status, content_type, data)
        return self.base + path


@pytest.fixture
def web_server() -> Iterator[WebServer]:
    """Serve pages from memory in a thread; unknown paths answer 404."""
    pages: dict[str, tuple[int, str, bytes]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802  (http.server's naming)
            status, content_type, data = pages.get(self.path, (404, "text/plain", b"not found"))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield WebServer(f"http://127.0.0.1:{server.server_address[1]}", pages)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (connection refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/nothing"
