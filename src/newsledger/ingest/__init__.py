"""Ingest: files, folders, URLs and feeds to articles with a detected language.

``read_articles`` streams ``Article`` objects (or coded errors, one per bad input, and coded
warnings for fields dropped from a stored article) from what the user named; the formats live
one per module and register in ``registry.READERS``. An unexpected exception in a reader is one
``InternalError`` line for that input, and the other inputs go on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path

from newsledger.errors import (
    InputError,
    InternalError,
    InvalidDate,
    InvalidField,
    MissingText,
    NewsledgerError,
)
from newsledger.ingest import (  # noqa: F401  (register the formats)
    feed,
    html,
    jsonfile,
    telegram,
    text,
    warc,
)
from newsledger.ingest.language import detect_language
from newsledger.ingest.published import normalise_published
from newsledger.ingest.registry import READERS, Source
from newsledger.ingest.sources import iter_sources, reader_key
from newsledger.ingest.urls import slug_of
from newsledger.ingest.web import fetch_url
from newsledger.models import Article, normalised
from newsledger.settings import Settings


def _reader_for(source: Source):
    if source.content_type:
        return READERS[source.content_type]
    return READERS[reader_key(Path(source.name))]


class _Finisher:
    """Fills what every format shares (an id, a checked date, clean fields, the detected
    language) and keeps ids unique in a run: an id another input of the run already gave
    gets a hash of this input's path (stable from run to run)."""

    def __init__(self, settings: Settings, detect: bool = True) -> None:
        self.settings = settings
        self.detect = detect
        self.owners: dict[str, str] = {}

    def _unique(self, article_id: str, source: Source) -> str:
        owner = source.key or source.name
        if self.owners.setdefault(article_id, owner) != owner:
            digest = hashlib.sha256(owner.encode("utf-8", "surrogatepass")).hexdigest()[:8]
            article_id = f"{article_id}-{digest}"
            self.owners.setdefault(article_id, owner)
        return article_id

    def __call__(self, article: Article, source: Source) -> list[Article | InputError]:
        name = article.source_path or source.name
        article_id = article.id or (slug_of(article.url) if isinstance(article.url, str)
                                    and article.url else slug_of(source.name))
        published, bad_date = normalise_published(article.published, source.mtime,
                                                  self.settings.languages)
        warnings: list[Article | InputError] = []
        if bad_date:
            shown = repr(article.published)[:40]
            warnings.append(InvalidDate(f"published {shown} is no date; stored without it",
                                        source=name))
        article, notes = normalised(replace(article, id=article_id, published=published))
        warnings += [InvalidField(note, source=name) for note in notes]
        if not article.text.strip():
            raise MissingText("article has no text", source=name)
        article = replace(article, id=self._unique(article.id, source))
        return [*warnings, with_language(article, self.settings) if self.detect else article]


def with_language(article: Article, settings: Settings) -> Article:
    """``article`` with its detected language and the detector's confidence."""
    language, confidence = detect_language(article.text, settings.languages)
    return replace(article, detected_language=language, language_confidence=confidence)


def read_articles(names: Iterable[str], settings: Settings | None = None,
                  fetch=None, detect: bool = True) -> Iterator[Article | NewsledgerError]:
    """Stream the articles in the named inputs, and a coded error for each bad one.

    ``fetch(url, max_bytes) -> Source`` downloads URLs; the default is ``web.fetch_url`` with
    ``settings.url_timeout``. Without ``detect`` the language is left for ``with_language``
    (which worker processes run).
    """
    settings = settings or Settings()
    fetch = fetch or partial(fetch_url, timeout=settings.url_timeout)
    finish = _Finisher(settings, detect)
    for source in iter_sources(names, settings.max_input_bytes, fetch=fetch):
        if isinstance(source, NewsledgerError):
            yield source
            continue
        try:
            for item in _reader_for(source)(source):
                if isinstance(item, InputError):
                    yield item
                    continue
                try:
                    yield from finish(item, source)
                except InputError as error:
                    yield error
        except InputError as error:
            yield error
        except Exception as error:  # noqa: BLE001  (one input's crash never stops the others)
            yield InternalError.of(error, source.name)
