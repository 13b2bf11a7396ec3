"""Fetch ``http(s)://`` inputs with httpx: a time limit, a size limit, one coded error per failure.

The time limit is a deadline for the whole download, so a server that trickles bytes is cut
off too (at the first read after the deadline).

The response's content type (or, failing that, its first bytes) picks the reader: an HTML page,
an RSS/Atom feed, our JSON article format or plain text.
"""

from __future__ import annotations

import time

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


def _read_limited(response: httpx.Response, url: str, max_bytes: int, deadline: float,
                  timeout: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputTooLarge(f"{declared} bytes is above the limit of {max_bytes}", source=url)
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        if time.monotonic() > deadline:
            raise FetchFailed(f"not downloaded within {timeout:g} s", source=url)
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
    deadline = time.monotonic() + timeout
    fetched = time.time()
    try:
        with httpx.Client(timeout=timeout, follow_redirects=True,
                          headers={"User-Agent": _USER_AGENT}) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise FetchFailed(f"HTTP {response.status_code} {response.reason_phrase}",
                                      source=url)
                data = _read_limited(response, url, max_bytes, deadline, timeout)
                kind = sniff_kind(response.headers.get("content-type", ""), data)
                text = "" if kind == "feed" else _decode(response, data, url)
                final_url = str(response.url)
    except httpx.TimeoutException as error:
        raise FetchFailed(f"no answer within {timeout:g} s", source=url) from error
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as error:
        raise FetchFailed(f"cannot fetch: {error or type(error).__name__}", source=url) from error
    return Source(name=url, stem="", text=text, url=final_url, content_type=kind,
                  data=data if kind == "feed" else None, key=url, mtime=fetched,
                  max_bytes=max_bytes)
