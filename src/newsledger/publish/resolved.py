"""Exports of the resolve stages: claims (figures of one quantity) and conflicts."""

from __future__ import annotations

from collections.abc import Iterator

from newsledger.models import plain
from newsledger.publish.exports import Column, Exporter, register
from newsledger.query import ClaimFilter, ConflictFilter, Reader


def _claims(reader: Reader, **filters) -> Iterator[dict]:
    for claim in reader.each("claims", ClaimFilter(**filters)):
        yield {**{k: getattr(claim, k) for k in ("id", "counted", "place", "period", "as_of", "low",
                                                 "high", "stories", "sources", "articles",
                                                 "first", "last", "rate")},
               "origins": list(claim.origins),
               "basis": "estimate" if claim.estimate else "count",
               "outlets": list(claim.outlets),
               "mentions": [{"article": m.article, "figure": m.figure,
                             "number_text": m.number_text, "quote": m.quote}
                            for m in claim.mentions]}


register(Exporter(
    table="claims",
    description="Claims: figures stating one quantity, corroboration counted in stories.",
    columns=(
        Column("id", "string", "Claim id"),
        Column("counted", "string", "Codebook category"),
        Column("place", "string", "Place, as printed in its first mention"),
        Column("period", "string", "Period, as printed in its first mention"),
        Column("as_of", "string", "The day its figures count up to, where their periods resolve"),
        Column("low", "integer", "Smallest low end of its figures"),
        Column("high", "integer", "Largest high end of its figures"),
        Column("stories", "integer", "Independent stories stating it"),
        Column("sources", "integer", "Originating sources: stories citing one body count once"),
        Column("articles", "integer", "Articles stating it"),
        Column("first", "string", "Earliest publication date"),
        Column("last", "string", "Latest publication date"),
        Column("rate", "string", "per_day etc. where the figures are rates"),
        Column("basis", "string", "estimate where its quotes call it one, else count"),
        Column("outlets", "json", "Outlets stating it"),
        Column("origins", "json", "The known originating sources named, most cited first"),
        Column("mentions", "json", "Each mention: article, figure id, number and quote"),
    ),
    rows=_claims,
    filters=("counted", "article"), query_filter=ClaimFilter,
    redact={"mentions": ""},
))


def _conflicts(reader: Reader, **filters) -> Iterator[dict]:
    for conflict in reader.each("conflicts", ConflictFilter(**filters), sort="kind"):
        yield {"kind": conflict.kind, "articles": [conflict.article_a, conflict.article_b],
               "article_a": conflict.article_a, "article_b": conflict.article_b,
               "a": conflict.a, "b": conflict.b, "why": conflict.why,
               "outlets": list(conflict.outlets), "dates": list(conflict.dates),
               "others": plain(conflict.others)}


register(Exporter(
    table="conflicts",
    description="Conflicts: figures of one quantity that cannot both be true, and versions of "
                "one story whose aligned sentences disagree; both quotes and why.",
    columns=(
        Column("kind", "string", "figure or version"),
        Column("articles", "json", "The two article ids [a, b]"),
        Column("article_a", "string", "Article of quote a"),
        Column("article_b", "string", "Article of quote b"),
        Column("a", "string", "Quote from the first article"),
        Column("b", "string", "Quote from the second article"),
        Column("why", "string", "Why they disagree"),
        Column("outlets", "json", "Outlets of a and b"),
        Column("dates", "json", "Publication dates of a and b"),
        Column("others", "json", "More reports a disagrees with besides b: article, quote, "
                                 "number, low, high, outlet, date"),
    ),
    rows=_conflicts,
    filters=("kind", "article"), query_filter=ConflictFilter,
    redact={"a": "article_a", "b": "article_b", "why": "articles", "others": ""},
))
