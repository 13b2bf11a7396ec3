"""RSS and Atom feeds (feedparser): each item is an article.

An item gives its title, its link as url, its published (else updated) date and its content or
summary, whose HTML is reduced to plain text; the title opens the text, as on a web page.
feedparser reads the raw bytes (it knows the encodings feeds declare). Items without any text
are no articles: one line per feed says how many there were. Two items of one feed with the
same link stay two articles (the later ones' ids end in their place in the feed). A JSON Feed
(jsonfeed.org, a ``.json`` file) is read the same way, item by item.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import feedparser

from newsledger.errors import EmptyInput, InputError, MalformedFeed, MissingText, NotArticleData
from newsledger.ingest.html import fragment_text
from newsledger.ingest.registry import Source, register
from newsledger.ingest.urls import outlet_of, slug_of
from newsledger.models import Article


def _date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return entry.get("published")  # a JSON Feed's RFC 3339 date, checked at ingest


def _body(entry) -> str:
    contents = [_text(part.get("value")) for part in entry.get("content") or []
                if isinstance(part, dict)]
    longest = max([*contents, _text(entry.get("summary"))], key=len)
    return fragment_text(longest)


def _language(feed, entry) -> str | None:
    for detail in ((entry.get("content") or [{}])[0], entry.get("summary_detail", {}), feed):
        language = detail.get("language") if isinstance(detail, dict) else None
        language = language[:2].lower() if isinstance(language, str) else ""
        if language.isalpha() and len(language) == 2:
            return language
    return None


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def article_from_entry(entry, feed, source: Source, index: int) -> Article:
    """One feed item as an Article; ``MissingText`` when it has neither title nor body."""
    title = fragment_text(_text(entry.get("title"))) or None
    body = _body(entry)
    if not body and not title:
        raise MissingText("feed item has no text", source=f"{source.name}[{index}]")
    text = body if title is None or title in body else f"{title}\n\n{body}".strip()
    url = _text(entry.get("link")) or None
    key = url or _text(entry.get("id"))
    article_id = slug_of(key) if key else f"{source.stem or slug_of(source.name)}-{index}"
    return Article(
        id=article_id, text=text, url=url, outlet=outlet_of(url) or outlet_of(source.url),
        published=_date(entry), language=_language(feed, entry), title=title,
        source_path=source.name,
    )


def _json_feed_entry(item: dict) -> dict:
    """A JSON Feed item in feedparser's entry keys."""
    html, text = item.get("content_html"), item.get("content_text")
    content = [{"value": value} for value in (html, text) if isinstance(value, str)]
    return {"title": item.get("title"), "link": item.get("url"), "id": item.get("id"),
            "content": content, "summary": item.get("summary"),
            "published": item.get("date_published") or item.get("date_modified"),
            "language": item.get("language")}


def _items(source: Source, entries: list, feed) -> Iterator[Article | InputError]:
    seen: set[str] = set()
    textless = 0
    for index, entry in enumerate(entries):
        try:
            article = article_from_entry(entry, feed, source, index)
        except MissingText:
            textless += 1
            continue
        if article.id in seen:
            article = replace(article, id=f"{article.id}-{index}")
        seen.add(article.id)
        yield article
    if textless:
        raise MissingText(f"{textless} of {len(entries)} feed items have no text",
                          source=source.name)


def read_json_feed(document: dict, source: Source) -> Iterator[Article | InputError]:
    """The items of a parsed JSON Feed document."""
    listed = document.get("items")
    items = [item for item in listed if isinstance(item, dict)] if isinstance(listed, list) else []
    if not items:
        raise MalformedFeed("JSON Feed without items", source=source.name)
    yield from _items(source, [_json_feed_entry(item) for item in items],
                      {"language": document.get("language")})


def _parse(source: Source):
    try:
        return feedparser.parse(source.data if source.data is not None else source.text)
    except Exception as error:  # noqa: BLE001  (feedparser's parsers raise anything)
        raise MalformedFeed(f"feedparser failed ({type(error).__name__}: {error})",
                            source=source.name) from error


@register(".rss", ".atom", ".xml", "feed")
def read_feed(source: Source) -> Iterator[Article | InputError]:
    if source.data is not None and not source.data.strip():
        raise EmptyInput("empty input", source=source.name)
    parsed = _parse(source)
    if not parsed.entries:
        if source.in_folder:
            raise NotArticleData("XML without feed items; skipped", source=source.name)
        problem = parsed.get("bozo_exception")
        detail = f": {problem}" if parsed.bozo and problem else ""
        raise MalformedFeed(f"not an RSS or Atom feed with items{detail}", source=source.name)
    yield from _items(source, parsed.entries, parsed.feed)
