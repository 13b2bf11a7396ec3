"""Ingest: files, folders, URLs and feeds to articles with a detected language.

``read_articles`` streams ``Article`` objects (or coded errors, one per bad input) from what the
user named; the formats live one per module and register in ``registry.READERS``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path

from newsledger.errors import InputError
from newsledger.ingest import (  # noqa: F401  (register the formats)
    feed,
    html,
    jsonfile,
    telegram,
    text,
    warc,
)
from newsledger.ingest.language import detect_language
from newsledger.ingest.registry import READERS, Source
from newsledger.ingest.sources import iter_sources, reader_key
from newsledger.ingest.urls import slug_of
from newsledger.ingest.web import fetch_url
from newsledger.models import Article
from newsledger.settings import Settings


def _reader_for(source: Source):
    if source.content_type:
        return READERS[source.content_type]
    return READERS[reader_key(Path(source.name))]


def _finish(article: Article, source: Source, settings: Settings) -> Article:
    """Fill what every format shares: an id, the detected language."""
    article_id = article.id or (slug_of(article.url) if article.url else slug_of(source.name))
    language, confidence = detect_language(article.text, settings.languages)
    return replace(article, id=article_id, detected_language=language,
                   language_confidence=confidence)


def read_articles(names: Iterable[str], settings: Settings | None = None,
                  fetch=None) -> Iterator[Article | InputError]:
    """Stream the articles in the named inputs, and a coded error for each bad one.

    ``fetch(url, max_bytes) -> Source`` downloads URLs; the default is ``web.fetch_url`` with
    ``settings.url_timeout``.
    """
    settings = settings or Settings()
    fetch = fetch or partial(fetch_url, timeout=settings.url_timeout)
    for source in iter_sources(names, settings.max_input_bytes, fetch=fetch):
        if isinstance(source, InputError):
            yield source
            continue
        try:
            for item in _reader_for(source)(source):
                yield item if isinstance(item, InputError) else _finish(item, source, settings)
        except InputError as error:
            yield error
