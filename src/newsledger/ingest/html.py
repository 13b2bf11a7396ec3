"""HTML pages: trafilatura extracts the main text and the page's metadata.

A date trafilatura can only have taken from a copyright year (1 January of it, with the year
printed after a © or "copyright") is dropped rather than kept as a publication date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import trafilatura

from newsledger.errors import MalformedHTML
from newsledger.ingest.registry import Source, register
from newsledger.ingest.urls import outlet_of
from newsledger.models import Article

_COPYRIGHT = re.compile(r"(?:©|&copy;|copyright)\s*(?:\d{4}\s*[-–]\s*)?(\d{4})", re.IGNORECASE)


_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
               "blockquote", "section", "article", "figcaption", "pre", "hr", "table"}
_HIDDEN_TAGS = {"script", "style", "template", "noscript"}


class _FragmentText(HTMLParser):
    """Collects the visible text of an HTML fragment, a line break at each block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        self.hidden += tag in _HIDDEN_TAGS
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in _HIDDEN_TAGS and self.hidden > 0
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data.replace("\n", " "))


def fragment_text(fragment: str) -> str:
    """Plain text of a short HTML fragment (a feed item's summary): tags dropped, one
    paragraph per line, scripts and styles left out."""
    parser = _FragmentText()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n\n".join(line for line in lines if line)


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
