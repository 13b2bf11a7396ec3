"""HTML pages: trafilatura extracts the main text and the page's metadata.

A page whose text is no article (a login form, a cookie notice, a footer: no run of sentences)
is refused with a coded line. A date on the first of a month is what trafilatura and htmldate
make of a year or a month alone ("© 2024", a namespace URL with a year in it): it is kept only
when the page states that day, so a publication date is always a day the page names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import trafilatura

from newsledger.errors import MalformedHTML, NoArticle, UnparsableHTML
from newsledger.ingest.registry import Source, register
from newsledger.ingest.urls import outlet_of
from newsledger.models import Article

# A page is an article when its lines of at least _SENTENCE_WORDS words hold _ARTICLE_WORDS.
_SENTENCE_WORDS = 6
_ARTICLE_WORDS = 15


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


def _states_day(day: str, html: str) -> bool:
    """True when the page writes the day ``YYYY-MM-DD`` out: in numbers, or as the day, a
    month word and the year ("1 October 2022", "October 1, 2022")."""
    year, month, number = day.split("-")
    m, d = month.lstrip("0"), number.lstrip("0")
    numeric = (rf"{year}[-/.]?{month}[-/.]?{number}|0?{d}[./]0?{m}[./]{year}"
               rf"|0?{m}/0?{d}/{year}")
    worded = (rf"\b0?{d}(?:st|nd|rd|th|er|\.)?\s+\w+\.?,?\s+{year}"
              rf"|\w+\s+0?{d}(?:st|nd|rd|th)?,?\s+{year}")
    return re.search(rf"(?<!\d)(?:{numeric})(?!\d)|{worded}\b", html) is not None


def _published(date: str | None, html: str) -> str | None:
    if not date or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date[:10]):
        return None
    day = date[:10]
    if day.endswith("-01") and not _states_day(day, html):
        return None
    return day


def _is_article(text: str, title: str | None) -> bool:
    words = sum(len(line.split()) for line in text.splitlines()
                if line.strip() != (title or "").strip() and len(line.split()) >= _SENTENCE_WORDS)
    return words >= _ARTICLE_WORDS


def _extract(html: str, source: Source):
    """trafilatura's document, or ``UnparsableHTML`` when lxml or htmldate fail on the page."""
    try:
        return trafilatura.bare_extraction(
            html, url=source.url, with_metadata=True, include_comments=False,
            favor_precision=True, deduplicate=False,
        )
    except Exception as error:  # noqa: BLE001  (lxml and htmldate raise anything on odd pages)
        raise UnparsableHTML(f"the HTML parser failed ({type(error).__name__}: {error})",
                             source=source.name) from error


@register(".html", ".htm", "html")
def read_html(source: Source) -> Iterator[Article]:
    html = source.text
    if "<" not in html:
        raise MalformedHTML("no HTML markup found", source=source.name)
    document = _extract(html, source)
    text = document.text if document is not None else None
    if not text or not text.strip():
        raise MalformedHTML("no article text found in the page", source=source.name)
    title = document.title
    if not _is_article(text, title):
        raise NoArticle("the page's text is no article (a form, links or a notice); skipped",
                        source=source.name)
    url = source.url or document.url
    if title and title not in text:
        text = f"{title}\n\n{text}"
    yield Article(
        id=source.stem, text=text, url=url, outlet=outlet_of(url) or document.sitename,
        published=_published(document.date, html), language=document.language,
        title=title, source_path=source.name,
    )
