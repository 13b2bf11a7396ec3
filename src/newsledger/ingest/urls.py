"""URL helpers: the outlet of a URL and a stable article id made from it."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def outlet_of(url: str | None) -> str | None:
    """Host name without a leading ``www.`` or ``m.`` (the corpus's ``outlet``)."""
    if not url or not isinstance(url, str):
        return None
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:  # "http://[::1": an unclosed IPv6 bracket
        return None
    for prefix in ("www.", "m."):
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host or None


def slug_of(url: str) -> str:
    """A readable, stable id for an article known only by its URL."""
    try:
        path = urlsplit(url).path
    except ValueError:
        path = url
    readable = _NON_SLUG.sub("-", f"{outlet_of(url) or ''} {path}".lower()).strip("-")
    digest = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{readable[:80].rstrip('-')}-{digest}"
