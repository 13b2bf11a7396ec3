"""Fetch ``http(s)://`` inputs with httpx: a time limit, a size limit, one coded error per failure.

The time limit is a deadline for the whole request: at the deadline a watchdog shuts the
request's sockets down, so a server that trickles its status line, headers or body is cut off
there and not one read timeout later.

The response's content type (or, failing that, its first bytes) picks the reader: an HTML page,
an RSS/Atom feed, our JSON article format or plain text.
"""

from __future__ import annotations

import socket
import threading
import time
from contextlib import suppress

import httpx

from newsledger.errors import FetchFailed, InputTooLarge
from newsledger.ingest.decode import decode_bytes
from newsledger.ingest.registry import Source

# Media type (without parameters) -> reader kind registered in ``registry.READERS``.
CONTENT_KINDS = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": "feed", "text/xml": "feed", "application/feed+json": "json",
    "application/json": "json", "application/x-ndjson": "jsonl", "text/plain": "text",
    "text/markdown": "text",
}
_FEED_STARTS = (b"<rss", b"<feed", b"<rdf:rdf")
_USER_AGENT = "newsledger/0.1"


def sniff_kind(content_type: str, data: bytes) -> str:
    """The reader kind for a response: by media type, else by the document's first tag."""
    head = data[:1024].lstrip().lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2:].lstrip()
    if head.startswith(_FEED_STARTS):
        return "feed"
    kind = CONTENT_KINDS.get(content_type.split(";")[0].strip().lower())
    if kind:
        return kind
    return "html" if head.startswith((b"<!doctype html", b"<html")) else "text"


class _Watchdog:
    """Shuts down the sockets of one request when its time is up (a blocked read then ends)."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def trace(self, event: str, info: dict) -> None:
        """httpx's ``trace`` extension: note each new connection's socket."""
        if event == "connection.connect_tcp.complete":
            sock = info["return_value"].get_extra_info("socket")
            with self._lock:
                self._sockets.append(sock)
                expired = self.expired
            if expired:
                self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._timer.cancel()


def _read_limited(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputTooLarge(f"{declared} bytes is above the limit of {max_bytes}", source=url)
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputTooLarge(f"more than {max_bytes} bytes (the limit)", source=url)
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(response: httpx.Response, data: bytes, url: str) -> str:
    if response.charset_encoding:
        try:
            return data.decode(response.charset_encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, url)


def fetch_url(url: str, max_bytes: int, timeout: float = 20.0) -> Source:
    """Download one URL into a Source, or raise ``FetchFailed``/``InputTooLarge`` naming it."""
    fetched = time.time()
    late = f"not downloaded within {timeout:g} s"
    try:
        with (_Watchdog(timeout) as watchdog,
              httpx.Client(timeout=timeout, follow_redirects=True,
                           headers={"User-Agent": _USER_AGENT}) as client,
              client.stream("GET", url, extensions={"trace": watchdog.trace}) as response):
            if response.status_code >= 400:
                raise FetchFailed(f"HTTP {response.status_code} {response.reason_phrase}",
                                  source=url)
            data = _read_limited(response, url, max_bytes)
            kind = sniff_kind(response.headers.get("content-type", ""), data)
            text = "" if kind == "feed" else _decode(response, data, url)
            final_url = str(response.url)
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as error:
        if watchdog.expired:
            raise FetchFailed(late, source=url) from error
        if isinstance(error, httpx.TimeoutException):
            raise FetchFailed(f"no answer within {timeout:g} s", source=url) from error
        raise FetchFailed(f"cannot fetch: {error or type(error).__name__}", source=url) from error
    if watchdog.expired:  # a body without a length ends where it was cut off: not all of it
        raise FetchFailed(late, source=url)
    return Source(name=url, stem="", text=text, url=final_url, content_type=kind,
                  data=data if kind == "feed" else None, key=url, mtime=fetched,
                  max_bytes=max_bytes)
