"""Cite records: how to cite a figure, claim, event or conflict of the ledger.

``cite(kind, record, as_of, urls)`` gives the record's ledger id and permalink, the sources it
rests on (outlet, date, quote, URL) and when the ledger was retrieved: its as-of date, the
newest ingest, never the time of the request, so the same ledger always cites alike. Records
are mappings (figure and event rows) or records (``models.Claim``, ``models.Conflict``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from urllib.parse import quote as url_quote

from newsledger.errors import BadOption
from newsledger.publish.redact import PersonCache, redact_text

KINDS = ("figure", "claim", "event", "conflict")
PATHS = {"figure": "/figures/", "claim": "/claims/", "event": "/events/",
         "conflict": "/conflicts/"}


def _field(record, name: str):
    if isinstance(record, Mapping):
        return record.get(name)
    return getattr(record, name, None)


def _source(article, outlet, date, quote, urls: Mapping[str, str | None]) -> dict:
    return {"article": article, "outlet": outlet, "date": date, "quote": quote,
            "url": urls.get(article)}


def _mentioned(mention, urls) -> dict:
    return _source(_field(mention, "article"), _field(mention, "outlet"),
                   _field(mention, "published"), _field(mention, "quote"), urls)


def _earliest(mentions) -> list:
    """The first published mention (undated ones last), the one a citation names."""
    ordered = sorted(mentions, key=lambda m: (_field(m, "published") is None,
                                              _field(m, "published") or ""))
    return ordered[:1]


def _figure(record, urls) -> tuple[str, list[dict]]:
    return _field(record, "id"), [_mentioned(record, urls)]


def _claim(record, urls) -> tuple[str, list[dict]]:
    return _field(record, "id"), [_mentioned(m, urls)
                                  for m in _earliest(_field(record, "mentions") or [])]


def _event(record, urls) -> tuple[str, list[dict]]:
    mentions = _field(record, "mentions") or []
    return _field(record, "event_id"), [_mentioned(m, urls) for m in _earliest(mentions)]


def _conflict(record, urls) -> tuple[str, list[dict]]:
    outlets = _field(record, "outlets") or (None, None)
    dates = _field(record, "dates") or (None, None)
    sides = [(_field(record, "article_a"), _field(record, "a")),
             (_field(record, "article_b"), _field(record, "b"))]
    others = [_source(_field(o, "article"), _field(o, "outlet"), _field(o, "date"),
                      _field(o, "quote"), urls) for o in _field(record, "others") or []]
    return _field(record, "id"), [_source(article, outlets[i], dates[i], text, urls)
                                  for i, (article, text) in enumerate(sides)] + others


SOURCES: dict[str, Callable] = {"figure": _figure, "claim": _claim, "event": _event,
                                "conflict": _conflict}


def citation_text(kind: str, ledger_id: str, sources: list[dict], as_of: str | None) -> str:
    """The citation in one line: each source, then the ledger record and its date."""
    cited = " / ".join(
        f"{s['outlet'] or s['article']} ({s['date'] or 'undated'}): “{s['quote']}”"
        + (f" {s['url']}" if s["url"] else "") for s in sources)
    return f"{cited}. newsledger {kind} {ledger_id}, ledger as of {as_of or 'unknown'}."


def cite(kind: str, record, as_of: str | None,
         urls: Mapping[str, str | None] | None = None) -> dict:
    """The cite record of ``record`` (a ``kind`` of ``KINDS``); ``urls`` maps article ids to
    their URLs where the record does not carry them."""
    if kind not in SOURCES:
        raise ValueError(f"cite takes one of {', '.join(KINDS)}, not {kind!r}")
    known = dict(urls or {})
    url = _field(record, "url")
    if url and _field(record, "article"):
        known.setdefault(_field(record, "article"), url)
    for mention in _field(record, "mentions") or []:
        if _field(mention, "url"):
            known.setdefault(_field(mention, "article"), _field(mention, "url"))
    ledger_id, sources = SOURCES[kind](record, known)
    retrieved = as_of[:10] if as_of else None
    return {"kind": kind, "ledger_id": ledger_id,
            "permalink": PATHS[kind] + url_quote(str(ledger_id), safe=""),
            "retrieved_at": retrieved, "sources": sources,
            "citation": citation_text(kind, ledger_id, sources, retrieved)}


def article_ids(kind: str, record) -> list[str]:
    """The articles a cite of ``record`` names (to look up their URLs)."""
    return [source["article"] for source in SOURCES[kind](record, {})[1] if source["article"]]


def cite_with(reader, kind: str, record) -> dict:
    """The cite record of ``record`` read through ``reader`` (a ``query.Reader``): the URLs of
    the articles it names looked up, retrieved at the ledger's as-of date."""
    urls = {article: reader.article(article).get("url") for article in article_ids(kind, record)}
    return cite(kind, record, reader.as_of(), urls)


def cite_record(reader, kind: str, record_id: str, redact: bool = True) -> dict:
    """The cite record of the ledger's ``kind`` ``record_id`` (NotFound if none); ``redact``
    replaces private persons' names in its quotes (``publish.redact``), as a citation is
    shared."""
    if kind not in KINDS:
        raise BadOption(f"cite takes one of {', '.join(KINDS)}, not {kind!r}")
    record = cite_with(reader, kind, getattr(reader, kind)(record_id))  # Reader.figure...
    if not redact:
        return record
    persons = PersonCache(reader)
    sources = [{**source, "quote": redact_text(persons.index(source["article"]),
                                               source["quote"] or "")}
               for source in record["sources"]]
    return {**record, "sources": sources, "citation": citation_text(
        kind, record["ledger_id"], sources, record["retrieved_at"])}
