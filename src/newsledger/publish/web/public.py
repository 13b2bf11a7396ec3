"""The public edition of the web app (``serve --public``): every page and JSON twin with private
persons' names replaced by a role (``publish.redact``), figure quotes cut to their number's
clause, and no article text beyond each record's own quote.

``public_data`` walks a view's data: each string is redacted with the persons of the articles
its record names (``article``, ``article_a``/``article_b``, ``origin``, a merged event's
``article_ids``; an article row's ``id``) or the records around it. A string that no record ties
to an article is redacted with the persons it names itself, so a record without articles fails
closed. Article text, search snippets and source paths are dropped.
"""

from __future__ import annotations

from newsledger.errors import NotFound
from newsledger.publish.persons import PersonIndex
from newsledger.publish.redact import PersonCache, redact_text, trim_figure_quote

DROPPED = frozenset({"text", "snippet", "source_path", "content_hash", "evidence"})
# Codes, ids, dates and URLs: never a person's name, left as they are.
KEPT = frozenset({
    "id", "article", "article_a", "article_b", "origin", "story", "event_id", "kind",
    "counted", "qualifier", "type", "relation", "published", "date", "date_precision",
    "language", "language_a", "language_b", "detected_language", "outlet", "url", "permalink",
    "place_id", "period_start", "period_end", "period_precision", "first", "last", "as_of",
    "retrieved_at", "next", "rate", "ledger_id", "first_reported", "ingested_at",
    "article_ids", "outlets", "origins",  # origins: known sources only, never a person
})
ARTICLE_KEYS = ("article", "article_a", "article_b", "origin")


def _articles(record: dict, around: tuple[str, ...]) -> tuple[str, ...]:
    own = [record[key] for key in ARTICLE_KEYS if isinstance(record.get(key), str)]
    if isinstance(record.get("article_ids"), list):  # a merged event: its mentions' articles
        own += [article for article in record["article_ids"] if isinstance(article, str)]
    if isinstance(record.get("article"), dict):  # an article page: its record
        own.append(record["article"].get("id"))
    if not own and "title" in record and isinstance(record.get("id"), str):
        own.append(record["id"])  # an article row
    return tuple(dict.fromkeys([*own, *around]))


def _redacted(value: str, articles: tuple[str, ...], persons: PersonCache) -> str:
    if not articles:
        return redact_text(PersonIndex(value, None), value)
    for article in articles:
        try:
            value = redact_text(persons.index(article), value)
        except NotFound:
            continue
    return value


def _walk(value, articles: tuple[str, ...], persons: PersonCache, key: str | None = None):
    if isinstance(value, dict):
        if {"number_start", "quote_start", "number_text", "quote"} <= set(value):
            value = trim_figure_quote(value)
        inner = _articles(value, articles)
        return {k: _walk(v, inner, persons, k) for k, v in value.items() if k not in DROPPED}
    if isinstance(value, list | tuple):
        return [_walk(item, articles, persons, key) for item in value]
    if isinstance(value, str) and key not in KEPT:
        return _redacted(value, articles, persons)
    return value


def public_data(data, persons: PersonCache):
    """``data`` as the public edition shows it."""
    return _walk(data, (), persons)
