"""HTML pages: trafilatura extracts the main text and the page's metadata.

A date trafilatura can only have taken from a copyright year (1 January of it, with the year
printed after a © or "copyright") is dropped rather than kept as a publication date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import trafilatura

from newsledger.errors import MalformedHTML
from newsledger.ingest.registry import Source, register
from newsledger.ingest.urls import outlet_of
from newsledger.models import Article

_COPYRIGHT = re.compile(r"(?:©|&copy;|copyright)\s*(?:\d{4}\s*[-–]\s*)?(\d{4})", re.IGNORECASE)


def _published(date: str | None, html: str) -> str | None:
    if not date:
        return None
    if date.endswith("-01-01") and date[:4] in _COPYRIGHT.findall(html):
        return None
    return date[:10]


@register(".html", ".htm", "html")
def read_html(source: Source) -> Iterator[Article]:
    html = source.text
    if "<" not in html:
        raise MalformedHTML("no HTML markup found", source=source.name)
    document = trafilatura.bare_extraction(
        html, url=source.url, with_metadata=True, include_comments=False, favor_precision=True,
        deduplicate=False,
    )
    text = document.text if document is not None else None
    if not text or not text.strip():
        raise MalformedHTML("no article text found in the page", source=source.name)
    url = source.url or document.url
    title = document.title
    if title and title not in text:
        text = f"{title}\n\n{text}"
    yield Article(
        id=source.stem, text=text, url=url, outlet=outlet_of(url) or document.sitename,
        published=_published(document.date, html), language=document.language,
        title=title, source_path=source.name,
    )
