"""The built-in exports: figures, articles, events and stories (see docs/exports.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import fields
from itertools import groupby
from typing import BinaryIO

from newsledger.publish.exports import Column, Exporter, register
from newsledger.publish.redact import trim_figure_quote
from newsledger.query import ArticleFilter, EventFilter, FigureFilter, Reader

_ARTICLE = Column("article", "string", "Id of the article the record comes from")
_OUTLET = Column("outlet", "string", "Host name of the article's URL, without www.")
_PUBLISHED = Column("published", "string", "Publication date of the article, YYYY-MM-DD")
_LANGUAGE = Column("language", "string", "Language of the article (declared, else detected)")


def _filters(kind: type) -> tuple[str, ...]:
    return tuple(spec.name for spec in fields(kind))


def _figures(reader: Reader, **filters) -> Iterator[dict]:
    for row in reader.each_figure(FigureFilter(**filters)):
        yield {**row, "id": str(row["id"]), "start": row["period_start"],
               "end": row["period_end"]}


register(Exporter(
    table="figures",
    description="Figures: quantitative claims about people, each with the quote it came from.",
    columns=(
        Column("id", "string", "Figure id (the ledger's id of this record, to cite it)"),
        _ARTICLE,
        Column("url", "string", "URL of the article"),
        Column("number_text", "string", "The number expression as printed"),
        Column("quote", "string", "The span saying what is counted (public: the number's "
                                  "clause, private names replaced by a role)"),
        Column("low", "integer", "Low end of the value's interval (empty: open)"),
        Column("high", "integer", "High end of the value's interval (empty: open)"),
        Column("qualifier", "string", "exact, approx, at_least, more_than, at_most, "
                                      "less_than, range or vague"),
        Column("counted", "string", "Codebook category of what is counted"),
        Column("who", "string", "The people counted, as printed"),
        Column("place", "string", "Where, as printed"),
        Column("period", "string", "When, as printed"),
        Column("attributed_to", "string", "Who states the figure, as printed"),
        Column("rate", "string", "per_day, per_week... when the figure is a rate"),
        Column("start", "string", "First day of the period's interval, YYYY-MM-DD"),
        Column("end", "string", "Last day of the period's interval, YYYY-MM-DD"),
        Column("period_precision", "string", "Unit of the period: day, week, month, year"),
        Column("place_id", "string", "Gazetteer id of the place"),
        Column("number_start", "integer", "Character offset of the number in the article"),
        Column("number_end", "integer", "Character offset after the number"),
        Column("quote_start", "integer", "Character offset of the quote in the article"),
        Column("quote_end", "integer", "Character offset after the quote"),
        _OUTLET, _PUBLISHED, _LANGUAGE,
    ),
    rows=_figures,
    filters=_filters(FigureFilter), query_filter=FigureFilter,
    redact={"quote": "article", "who": "article", "attributed_to": "article"},
    public=trim_figure_quote,
))


def _articles(reader: Reader, **filters) -> Iterator[dict]:
    for article in reader.each_article(ArticleFilter(**filters)):
        yield {
            "id": article.id, "url": article.url, "outlet": article.outlet,
            "published": article.published, "language": article.lang,
            "declared_language": article.language,
            "detected_language": article.detected_language,
            "language_confidence": article.language_confidence, "title": article.title,
            "content_hash": article.content_hash, "text": article.text,
        }


register(Exporter(
    table="articles",
    description="Articles: metadata of every stored article; the text only in private exports.",
    columns=(
        Column("id", "string", "Article id (json id, file stem or URL slug)"),
        Column("url", "string", "Original URL"),
        _OUTLET, _PUBLISHED, _LANGUAGE,
        Column("declared_language", "string", "Language declared by the source"),
        Column("detected_language", "string", "Language detected from the text"),
        Column("language_confidence", "float", "Detector confidence, 0..1"),
        Column("title", "string", "Title"),
        Column("content_hash", "string", "sha256 of the text (to check a copy of it)"),
        Column("text", "string", "Text exactly as ingested (private exports only)"),
    ),
    rows=_articles,
    filters=_filters(ArticleFilter), query_filter=ArticleFilter,
    redact={"title": "id", "text": "id"},
    public_omit=("text",),
))


register(Exporter(
    table="events",
    description="Event mentions: protests, detentions, border closures... with their quote.",
    columns=(
        _ARTICLE,
        Column("type", "string", "Codebook event type"),
        Column("quote", "string", "The span reporting the event (private names replaced)"),
        Column("date", "string", "YYYY, YYYY-MM or YYYY-MM-DD"),
        Column("date_precision", "string", "day, week, month or year"),
        Column("place", "string", "Where, as printed"),
        Column("country", "string", "Country of the place"),
        Column("actors", "json", "JSON list of the institutions and groups involved"),
        Column("figure", "string", "Participants or fatalities as printed"),
        Column("place_id", "string", "Gazetteer id of the place"),
        Column("event_id", "string", "The merged real-world event"),
        Column("quote_start", "integer", "Character offset of the quote in the article"),
        Column("quote_end", "integer", "Character offset after the quote"),
        _OUTLET, _PUBLISHED,
    ),
    rows=lambda reader, **filters: reader.each("event_mentions", EventFilter(**filters)),
    filters=_filters(EventFilter), query_filter=EventFilter,
    redact={"quote": "article", "actors": "article", "figure": "article"},
))


def _story_members(reader: Reader) -> Iterator[dict]:
    for story in reader.each("stories", sort="id"):
        for member in story["members"]:
            yield {"story": story["id"], "origin": story["origin"], "size": story["size"],
                   "article": member["article"], "relation": member["relation"],
                   "score": member["score"], "evidence": member["evidence"]}


def write_story_groups(stream: BinaryIO, columns, records: Iterable[dict]) -> int:
    """Stories as JSON: a list of lists of article ids, one list per story, origin first."""
    groups = [[row["article"] for row in members]
              for _story, members in groupby(records, key=lambda row: row["story"])]
    stream.write(json.dumps(groups, ensure_ascii=False, indent=1).encode("utf-8") + b"\n")
    return len(groups)


register(Exporter(
    table="stories",
    description="Stories: one row per article in a story (copies, near-duplicates, "
                "translations of one text), origin first.",
    columns=(
        Column("story", "string", "Story id"),
        Column("origin", "string", "Id of the story's original article"),
        Column("size", "integer", "Articles in the story"),
        _ARTICLE,
        Column("relation", "string", "origin, copy, near_duplicate or translation"),
        Column("score", "float", "Similarity to the member it was joined to"),
        Column("evidence", "json", "The signals that joined it"),
    ),
    rows=_story_members,
    formats={"json": write_story_groups},
))
