"""RSS and Atom feeds (feedparser): each item is an article.

An item gives its title, its link as url, its published (else updated) date and its content or
summary, whose HTML is reduced to plain text; the title opens the text, as on a web page.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import feedparser

from newsledger.errors import InputError, MalformedFeed, MissingText, NotArticleData
from newsledger.ingest.html import fragment_text
from newsledger.ingest.registry import Source, register
from newsledger.ingest.urls import outlet_of, slug_of
from newsledger.models import Article


def _date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _body(entry) -> str:
    contents = [part.get("value", "") for part in entry.get("content", [])]
    longest = max([*contents, entry.get("summary", "")], key=len)
    return fragment_text(longest)


def _language(feed, entry) -> str | None:
    for detail in ((entry.get("content") or [{}])[0], entry.get("summary_detail", {}), feed):
        language = (detail.get("language") or "")[:2].lower()
        if language.isalpha() and len(language) == 2:
            return language
    return None


def article_from_entry(entry, feed, source: Source, index: int) -> Article:
    """One feed item as an Article; ``MissingText`` when it has neither title nor body."""
    title = fragment_text(entry.get("title", "")) or None
    body = _body(entry)
    if not body and not title:
        raise MissingText("feed item has no text", source=f"{source.name}[{index}]")
    text = body if title is None or title in body else f"{title}\n\n{body}".strip()
    url = entry.get("link") or None
    key = url or entry.get("id")
    article_id = slug_of(key) if key else f"{source.stem or slug_of(source.name)}-{index}"
    return Article(
        id=article_id, text=text, url=url, outlet=outlet_of(url) or outlet_of(source.url),
        published=_date(entry), language=_language(feed, entry), title=title,
        source_path=source.name,
    )


@register(".rss", ".atom", ".xml", "feed")
def read_feed(source: Source) -> Iterator[Article | InputError]:
    parsed = feedparser.parse(source.text)
    if not parsed.entries:
        if source.in_folder:
            raise NotArticleData("XML without feed items; skipped", source=source.name)
        problem = parsed.get("bozo_exception")
        detail = f": {problem}" if parsed.bozo and problem else ""
        raise MalformedFeed(f"not an RSS or Atom feed with items{detail}", source=source.name)
    for index, entry in enumerate(parsed.entries):
        try:
            yield article_from_entry(entry, parsed.feed, source, index)
        except InputError as error:
            yield error
