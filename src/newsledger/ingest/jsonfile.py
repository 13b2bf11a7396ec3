"""Our JSON article format (DESIGN.md): one article per ``.json``, one per line in ``.jsonl``.

``{"id", "url", "outlet", "published", "language", "title", "text"}``; only ``text`` is required.
A ``.json`` holding a list reads each element; a Telegram Desktop export and a JSON Feed are
handed to their readers.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from newsledger.errors import InputError, MalformedJSON, MissingText, NotArticleData
from newsledger.ingest.feed import read_json_feed
from newsledger.ingest.registry import READERS, Source, register
from newsledger.ingest.urls import outlet_of, slug_of
from newsledger.models import Article

_FIELDS = ("url", "outlet", "published", "language", "title")
_JSON_FEED = "https://jsonfeed.org/version/"


def _looks_like_article(record: object) -> bool:
    return isinstance(record, dict) and bool({"text", "id", "title"} & record.keys())


def _refuse_other_data(record: object, source: Source) -> None:
    """In a folder walk, data files that hold no articles (gold files, indexes) are skipped."""
    if source.in_folder and not _looks_like_article(record):
        raise NotArticleData("holds no articles; skipped", source=source.name)


def article_from_record(record: object, source: Source, where: str = "") -> Article:
    """One JSON record to an Article, or a coded error naming the input (and line)."""
    name = f"{source.name}{where}"
    if not isinstance(record, dict):
        raise MalformedJSON("expected a JSON object for an article", source=name)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise MissingText("article has no text", source=name)
    # other types are kept for ingest to coerce or drop with a warning (NL116, NL117)
    values = {key: record.get(key) for key in _FIELDS}
    url = values["url"] if isinstance(values["url"], str) else None
    article_id = record.get("id")
    if not isinstance(article_id, str | int) or not str(article_id).strip():
        fallback = source.stem + where.replace(":", "-")
        article_id = slug_of(url) if url else fallback
    values["outlet"] = values["outlet"] or outlet_of(url)
    return Article(id=str(article_id), text=text, source_path=source.name, **values)


def parse_json(text: str, name: str, line: int | None = None) -> object:
    """Parsed JSON, or ``MalformedJSON`` saying the line (``line``: the JSONL line number)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        where = line if line is not None else error.lineno
        raise MalformedJSON(f"malformed JSON at line {where}: {error.msg}",
                            source=name) from error
    except RecursionError as error:
        where = f" at line {line}" if line is not None else ""
        raise MalformedJSON(f"JSON nested too deeply{where}", source=name) from error


def load_json(source: Source) -> object:
    """The parsed JSON document of a source, or ``MalformedJSON`` saying the line."""
    return parse_json(source.text, source.name)


@register(".json", "json")
def read_json(source: Source) -> Iterator[Article | InputError]:
    document = load_json(source)
    if (isinstance(document, dict)
            and ("messages" in document or isinstance(document.get("chats"), dict))
            and "telegram" in READERS):
        yield from READERS["telegram"](source)
        return
    if isinstance(document, dict) and str(document.get("version")).startswith(_JSON_FEED):
        yield from read_json_feed(document, source)
        return
    _refuse_other_data(document[0] if isinstance(document, list) and document else document,
                       source)
    if not isinstance(document, dict | list):
        raise MalformedJSON(f"expected a JSON object or a list of them, not a "
                            f"{type(document).__name__}", source=source.name)
    if isinstance(document, list):
        for index, record in enumerate(document):
            try:
                yield article_from_record(record, source, f"[{index}]")
            except InputError as error:
                yield error
        return
    if isinstance(document, dict) and "text" not in document and "id" not in document:
        raise MalformedJSON("not a newsledger article (no \"text\")", source=source.name)
    record = dict(document)
    record.setdefault("id", source.stem)
    yield article_from_record(record, source)


@register(".jsonl", ".ndjson", "jsonl")
def read_jsonl(source: Source) -> Iterator[Article | InputError]:
    for number, line in enumerate(source.text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = parse_json(line, source.name, number)
            if number == 1:
                _refuse_other_data(record, source)
            yield article_from_record(record, source, f":{number}")
        except NotArticleData:
            raise
        except InputError as error:
            yield error
