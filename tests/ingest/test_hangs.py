"""Inputs that could hang a run: FIFOs are never opened, a trickling URL meets a deadline."""

from __future__ import annotations

import os
import socket
import threading
import time

import pytest

from newsledger.errors import FetchFailed, NotRegularFile
from newsledger.ingest import read_articles
from newsledger.ingest.web import fetch_url
from newsledger.settings import Settings

GOOD = "Queues at the border\n\nSome 500 people crossed the border on Monday, officials said.\n"


def in_thread(target, *args) -> list:
    """Run ``target`` in a daemon thread for at most 20 s; its result (a hang fails)."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(target(*args)), daemon=True)
    thread.start()
    thread.join(20)
    assert not thread.is_alive(), "the call hung"
    return result[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_or_in_a_folder_is_skipped_with_a_coded_line(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text(GOOD)
    settings = Settings(analyze=False)
    named = in_thread(lambda: list(read_articles([str(tmp_path / "good.txt"),
                                                  str(tmp_path / "pipe.txt")], settings)))
    walked = in_thread(lambda: list(read_articles([str(tmp_path)], settings)))
    for good, fifo in (named, walked):
        assert good.id == "good"
        assert isinstance(fifo, NotRegularFile)
        assert str(fifo).startswith(f"{tmp_path / 'pipe.txt'}: NL118 ")


def trickling_server(stop: threading.Event, head: bytes, trickle: bytes, every: float) -> int:
    """A server on 127.0.0.1 that sends ``head``, then ``trickle`` one byte every ``every`` s
    (for at most 15 s); its port."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(15)

    def serve() -> None:
        with listener:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            with connection:
                connection.recv(65536)
                deadline = time.monotonic() + 15
                try:
                    connection.sendall(head)
                    for byte in trickle:
                        if stop.is_set() or time.monotonic() > deadline:
                            return
                        connection.sendall(bytes([byte]))
                        time.sleep(every)
                except OSError:
                    return

    threading.Thread(target=serve, daemon=True).start()
    return listener.getsockname()[1]


@pytest.mark.parametrize("length", [b"Content-Length: 1000\r\n", b"Connection: close\r\n"])
def test_a_url_that_trickles_its_body_stops_at_the_deadline(length):
    """With no length, the body cut off at the deadline must not pass for the whole page."""
    stop = threading.Event()
    port = trickling_server(stop, b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" + length
                            + b"\r\n", b"x" * 1000, 0.2)
    started = time.monotonic()
    try:
        with pytest.raises(FetchFailed) as raised:
            fetch_url(f"http://127.0.0.1:{port}/slow", 1_000_000, timeout=1.0)
    finally:
        stop.set()
    assert time.monotonic() - started < 3
    assert "within 1 s" in str(raised.value)


def test_a_url_that_trickles_its_headers_is_one_coded_line_at_the_deadline():
    stop = threading.Event()
    port = trickling_server(stop, b"", b"HTTP/1.1 200 OK\r\nX-Pad: " + b"a" * 1000, 0.3)
    url = f"http://127.0.0.1:{port}/slow"
    started = time.monotonic()
    try:
        [error] = in_thread(lambda: list(read_articles([url], Settings(analyze=False,
                                                                       url_timeout=1.0))))
    finally:
        stop.set()
    assert time.monotonic() - started < 3
    assert isinstance(error, FetchFailed)
    assert str(error) == f"{url}: NL109 not downloaded within 1 s"
