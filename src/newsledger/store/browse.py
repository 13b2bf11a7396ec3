"""Read queries of the read API (``newsledger.query.Reader`` calls them; nothing else should):
articles and figures filtered and sorted, chart marks, facets, totals and the ledger's version.

Filters arrive checked (``query.filters``): any object with the filter's attributes, and the
``place`` filter's gazetteer ids resolved (``places``). ``source_path`` is never selected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select, tuple_

from newsledger.errors import NotFound
from newsledger.store import schema, search
from newsledger.store.ledger import CORPUS_DUE, WRITTEN

A, F = schema.articles, schema.figures
LANGUAGE = func.coalesce(A.c.language, A.c.detected_language).label("language")
ARTICLE_COLUMNS = (A.c.id, A.c.title, A.c.outlet, A.c.published, LANGUAGE, A.c.url)


def _same(row: dict) -> dict:
    return row


@dataclass(frozen=True)
class Listing:
    """A read query and its order: read one page of it with the total, or stream all of it.
    ``finish`` turns a row into the record returned (JSON decoded, a snippet cut)."""

    ledger: object
    query: Select
    order: tuple
    finish: Callable[[dict], Any] = field(default=_same)

    def page(self, offset: int = 0, limit: int | None = None) -> tuple[list[dict], int]:
        """The rows from ``offset`` (``limit`` of them, all when None) and the list's total."""
        with self.ledger.engine.connect() as connection:
            total = connection.execute(select(func.count()).select_from(
                self.query.order_by(None).subquery())).scalar_one()
            query = self.query.order_by(*self.order).offset(offset or None).limit(limit)
            return [self.finish(dict(row._mapping)) for row in connection.execute(query)], total

    def stream(self) -> Iterator[dict]:
        """Every row in order, read through one connection."""
        with self.ledger.engine.connect() as connection:
            rows = connection.execution_options(yield_per=500).execute(
                self.query.order_by(*self.order))
            for row in rows:
                yield self.finish(dict(row._mapping))


def place_condition(table, value: str | None, places: frozenset[str]):
    """The ``place`` filter on a table with ``place`` and ``place_id``: the printed place is
    the value (any case) or the place id is one of ``places``."""
    if not value:
        return None
    printed = func.lower(table.c.place) == value.lower()
    return or_(printed, table.c.place_id.in_(sorted(places))) if places else printed


def article_conditions(filters) -> list:
    language, outlet = getattr(filters, "language", None), getattr(filters, "outlet", None)
    since, until = getattr(filters, "since", None), getattr(filters, "until", None)
    conditions = []
    if language:
        conditions.append(func.coalesce(A.c.language, A.c.detected_language) == language)
    if outlet:
        conditions.append(A.c.outlet == outlet)
    if since:
        conditions.append(A.c.published >= since)
    if until:
        conditions.append(A.c.published <= until)
    return conditions


def figure_conditions(filters, places: frozenset[str]) -> list:
    conditions = []
    if getattr(filters, "article", None):
        conditions.append(F.c.article == filters.article)
    if filters.counted:
        conditions.append(F.c.counted == filters.counted)
    placed = place_condition(F, filters.place, places)
    return conditions if placed is None else [*conditions, placed]


@dataclass(frozen=True)
class _Every:
    """No filter: every figure."""

    counted: None = None
    place: None = None


EVERY_FIGURE = _Every()


def _dialect(ledger) -> str:
    return ledger.engine.dialect.name


def _terms(filters) -> list[tuple[str, ...]]:
    """A filter's search terms: its ``terms`` (the query layer's, with a place's other
    names), else the words of its ``text``."""
    terms = getattr(filters, "terms", None)
    if terms is not None:
        return list(terms)
    return search.as_terms(search.query_words(getattr(filters, "text", None)))


FIGURE_ORDER = (A.c.ingest_order, F.c.number_start, F.c.id)
_ORDER = "article_ingest_order"  # the first key of FIGURE_ORDER, read for paging only
FIGURE_SORTS = {
    "ledger": FIGURE_ORDER,
    "published": (A.c.published.asc().nulls_last(), *FIGURE_ORDER),
    "-published": (A.c.published.desc().nulls_last(), *FIGURE_ORDER),
}
ARTICLE_SORTS = {
    "ledger": (A.c.ingest_order,),
    "published": (A.c.published.asc().nulls_last(), A.c.ingest_order),
    "-published": (A.c.published.desc().nulls_last(), A.c.ingest_order),
}


def articles(ledger, filters, places: frozenset[str], sort: str, full: bool = False
             ) -> Listing:
    """Articles with their figure count and a snippet around the searched words (best
    matches first when searching in the "ledger" order), or (``full``) every stored column
    but the source path; a figure filter keeps articles with at least one such figure."""
    terms = _terms(filters)
    conditions = article_conditions(filters)
    if filters.counted or filters.place:
        conditions.append(exists().where(F.c.article == A.c.id,
                                         *figure_conditions(filters, places)))
    figures = select(func.count()).where(F.c.article == A.c.id).scalar_subquery()
    columns = ([c for c in A.c if c.name != "source_path"] if full
               else [*ARTICLE_COLUMNS, figures.label("figures"), A.c.text])
    query = select(*columns).where(and_(True, *conditions))
    query = search.apply_search(query, _dialect(ledger), terms)
    ranked = search.rank_order(_dialect(ledger), terms) if sort == "ledger" else []
    words = [word for term in terms for word in term]

    def finish(row: dict) -> dict:
        row["snippet"] = search.snippet(row.pop("text"), words)
        return row

    return Listing(ledger, query, (*ranked, *ARTICLE_SORTS[sort]), _same if full else finish)


def _figures_query(ledger, filters, places: frozenset[str]) -> Select:
    query = (
        select(F, A.c.outlet, A.c.published, LANGUAGE, A.c.title, A.c.url)
        .join(A, A.c.id == F.c.article)
        .where(and_(True, *article_conditions(filters), *figure_conditions(filters, places)))
    )
    return search.apply_search(query, _dialect(ledger), _terms(filters))


def figures(ledger, filters, places: frozenset[str], sort: str) -> Listing:
    """Figures with their article's outlet, date, language, title and URL."""
    return Listing(ledger, _figures_query(ledger, filters, places), FIGURE_SORTS[sort])


def figure(ledger, figure_id: str) -> dict:
    """One figure with its article's outlet, date, language, title and URL; NotFound if none."""
    query = _figures_query(ledger, EVERY_FIGURE, frozenset()).where(F.c.id == figure_id)
    with ledger.engine.connect() as connection:
        row = connection.execute(query).first()
    if row is None:
        raise NotFound(f"no figure with id {figure_id!r}")
    return dict(row._mapping)


def figure_pages(ledger, filters, places: frozenset[str], size: int = 1000
                 ) -> Iterator[list[dict]]:
    """Every matching figure in the "ledger" order, ``size`` at a time. Each page is read on
    its own short connection, continuing after the last row of the one before, so a slow
    reader (a download) holds no database connection between pages."""
    key = tuple_(*FIGURE_ORDER)
    query = (_figures_query(ledger, filters, places)
             .add_columns(A.c.ingest_order.label(_ORDER)).order_by(*FIGURE_ORDER).limit(size))
    after = None
    while True:
        with ledger.engine.connect() as connection:
            rows = [dict(row._mapping) for row in connection.execute(
                query if after is None else query.where(key > tuple_(*after)))]
        if not rows:
            return
        last = rows[-1]
        after = (last[_ORDER], last["number_start"], last["id"])
        for row in rows:
            del row[_ORDER]
        yield rows
        if len(rows) < size:
            return


def chart_marks(ledger, filters, places: frozenset[str], limit: int = 1500
                ) -> tuple[list[dict], int]:
    """Dated figures grouped by (category, date, interval, qualifier) with their count, the
    most frequent ``limit`` groups; and how many matching figures have no date."""
    base = _figures_query(ledger, filters, places).subquery()
    columns = (base.c.counted, base.c.published, base.c.low, base.c.high, base.c.qualifier)
    query = (select(*columns, func.count().label("n")).where(base.c.published.is_not(None))
             .group_by(*columns).order_by(func.count().desc(), *columns).limit(limit))
    undated = select(func.count()).select_from(base).where(base.c.published.is_(None))
    with ledger.engine.connect() as connection:
        marks = [dict(row._mapping) for row in connection.execute(query)]
        return marks, connection.execute(undated).scalar_one()


def grouped(connection, column, limit: int | None = None) -> list[tuple[str, int]]:
    """A column's values with their row counts, most frequent first (a facet)."""
    query = (select(column, func.count()).where(column.is_not(None)).group_by(column)
             .order_by(func.count().desc(), column).limit(limit))
    return [(value, n) for value, n in connection.execute(query)]


def facets(ledger, places: int = 300) -> dict[str, list[tuple[str, int]]]:
    """Values to filter on with their counts: languages, outlets, categories, places."""
    language = func.coalesce(A.c.language, A.c.detected_language)

    with ledger.engine.connect() as connection:
        return {
            "language": grouped(connection, language),
            "outlet": grouped(connection, A.c.outlet),
            "counted": grouped(connection, F.c.counted),
            "place": grouped(connection, F.c.place, places),
        }


VERSIONED = ("articles", "figures", "events", "stories", "story_members", "claims", "conflicts")


def ledger_version(ledger) -> tuple:
    """A cheap fingerprint of the ledger's contents that changes whenever an ingest, analysis
    or corpus stage writes. A SQLite file: the modification times and sizes of the file and
    its write-ahead log (microseconds). Other databases: the newest ingest time, the row count
    of every table the pages read, the tokens each analysis write and corpus run change
    (``ledger.WRITTEN``, ``ledger.CORPUS_DUE``) and the highest event row id."""
    url = ledger.engine.url
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        files = [Path(url.database), Path(url.database + "-wal")]
        return tuple((f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.exists())
    tables = schema.metadata.tables
    counts = [select(func.count()).select_from(tables[name]).scalar_subquery()
              for name in VERSIONED]
    tokens = [select(schema.meta.c.value).where(schema.meta.c.key == key).scalar_subquery()
              for key in (WRITTEN, CORPUS_DUE)]
    query = select(select(func.max(A.c.ingested_at)).scalar_subquery(), *counts, *tokens,
                   select(func.max(schema.events.c.id)).scalar_subquery())
    with ledger.engine.connect() as connection:
        return tuple(connection.execute(query).one())


def totals(ledger) -> dict[str, int]:
    """How many articles, figures, stories, claims, conflicts, languages and outlets."""
    def count(query) -> int:
        return connection.execute(query).scalar_one()

    with ledger.engine.connect() as connection:
        result = {name: count(select(func.count()).select_from(schema.metadata.tables[name]))
                  for name in ("articles", "figures", "stories", "claims", "conflicts")}
        result["languages"] = count(select(func.count(func.distinct(
            func.coalesce(A.c.language, A.c.detected_language)))))
        result["outlets"] = count(select(func.count(func.distinct(A.c.outlet))))
        return result
