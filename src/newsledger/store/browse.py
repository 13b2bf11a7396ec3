"""Read queries for browsing the ledger (the web app and its JSON API): filtered, paginated
lists in a stable order, facets, chart marks, and what links an article to its story, claims
and conflicts. Read-only; ``source_path`` is never selected."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Select, and_, case, exists, func, or_, select, tuple_

from newsledger.errors import NotFound
from newsledger.store import schema, search

A, F = schema.articles, schema.figures
LANGUAGE = func.coalesce(A.c.language, A.c.detected_language).label("language")
ARTICLE_COLUMNS = (A.c.id, A.c.title, A.c.outlet, A.c.published, LANGUAGE, A.c.url)


@dataclass(frozen=True)
class Filters:
    """What the search page and the figure lists filter on; every field is optional."""

    q: str | None = None  # words the article text contains
    language: str | None = None
    outlet: str | None = None
    counted: str | None = None  # codebook category of a figure
    place: str | None = None  # a figure's place as printed, or its gazetteer id
    since: str | None = None  # YYYY-MM-DD, publication date
    until: str | None = None

    def words(self) -> list[str]:
        return search.query_words(self.q)


@dataclass(frozen=True)
class Page:
    """One page of a list: its rows, the total and where it starts."""

    rows: list[dict]
    total: int
    offset: int
    limit: int

    @property
    def next_offset(self) -> int | None:
        end = self.offset + len(self.rows)
        return end if end < self.total else None


def _article_conditions(filters: Filters) -> list:
    conditions = []
    if filters.language:
        conditions.append(func.coalesce(A.c.language, A.c.detected_language) == filters.language)
    if filters.outlet:
        conditions.append(A.c.outlet == filters.outlet)
    if filters.since:
        conditions.append(A.c.published >= filters.since)
    if filters.until:
        conditions.append(A.c.published <= filters.until)
    return conditions


def _figure_conditions(filters: Filters) -> list:
    conditions = []
    if filters.counted:
        conditions.append(F.c.counted == filters.counted)
    if filters.place:
        conditions.append(or_(func.lower(F.c.place) == filters.place.lower(),
                              F.c.place_id == filters.place))
    return conditions


def paged(ledger, query: Select, order: list, offset: int, limit: int) -> Page:
    with ledger.engine.connect() as connection:
        total = connection.execute(
            select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()
        rows = connection.execute(query.order_by(*order).offset(offset).limit(limit))
        return Page([dict(row._mapping) for row in rows], total, offset, limit)


def _dialect(ledger) -> str:
    return ledger.engine.dialect.name


def articles(ledger, filters: Filters, offset: int = 0, limit: int = 50) -> Page:
    """Articles matching the filters (best matches first when searching, else ingest order);
    a figure filter keeps articles with at least one such figure."""
    words = filters.words()
    figure_conditions = _figure_conditions(filters)
    conditions = _article_conditions(filters)
    if figure_conditions:
        conditions.append(exists().where(F.c.article == A.c.id, *figure_conditions))
    figures = select(func.count()).where(F.c.article == A.c.id).scalar_subquery()
    query = (select(*ARTICLE_COLUMNS, figures.label("figures"), A.c.text)
             .where(and_(True, *conditions)))
    query = search.apply_search(query, _dialect(ledger), words)
    order = [*search.rank_order(_dialect(ledger), words), A.c.ingest_order]
    page = paged(ledger, query, order, offset, limit)
    for row in page.rows:
        text = row.pop("text")
        row["snippet"] = search.snippet(text, words)
    return page


def _figures_query(ledger, filters: Filters) -> Select:
    query = (
        select(F, A.c.outlet, A.c.published, LANGUAGE, A.c.title)
        .join(A, A.c.id == F.c.article)
        .where(and_(True, *_article_conditions(filters), *_figure_conditions(filters)))
    )
    return search.apply_search(query, _dialect(ledger), filters.words())


FIGURE_ORDER = (A.c.ingest_order, F.c.number_start, F.c.id)
_ORDER = "article_ingest_order"  # the first key of FIGURE_ORDER, read for paging only


def figures(ledger, filters: Filters, offset: int = 0, limit: int = 50) -> Page:
    """Figures matching the filters, in article ingest order then text order."""
    return paged(ledger, _figures_query(ledger, filters), list(FIGURE_ORDER), offset, limit)


def figure_pages(ledger, filters: Filters, size: int = 1000) -> Iterator[list[dict]]:
    """Every figure matching the filters in the list order, ``size`` at a time (for downloads).
    Each page is read on its own short connection, continuing after the last row of the one
    before, so a slow client holds no database connection while it reads."""
    key = tuple_(*FIGURE_ORDER)
    query = (_figures_query(ledger, filters).add_columns(A.c.ingest_order.label(_ORDER))
             .order_by(*FIGURE_ORDER).limit(size))
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


def chart_marks(ledger, filters: Filters, limit: int = 1500) -> tuple[list[dict], int]:
    """Dated figures grouped by (category, date, interval, qualifier) with their count, the
    most frequent ``limit`` groups; and how many matching figures have no date."""
    base = _figures_query(ledger, filters).subquery()
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
    of every table the pages read, and the highest figure and event row ids."""
    url = ledger.engine.url
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        files = [Path(url.database), Path(url.database + "-wal")]
        return tuple((f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.exists())
    tables = schema.metadata.tables
    counts = [select(func.count()).select_from(tables[name]).scalar_subquery()
              for name in VERSIONED]
    query = select(select(func.max(A.c.ingested_at)).scalar_subquery(), *counts,
                   select(func.max(F.c.id)).scalar_subquery(),
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


def _story_rows(connection, story_id: str) -> list[dict]:
    m = schema.story_members
    query = (select(m.c.article, m.c.relation, m.c.score, *ARTICLE_COLUMNS[1:])
             .join(A, A.c.id == m.c.article).where(m.c.story == story_id)
             .order_by(m.c.relation != "origin", A.c.published, A.c.ingest_order))
    return [dict(row._mapping) for row in connection.execute(query)]


def story(ledger, story_id: str) -> dict:
    """One story with its members (origin first) and their articles' metadata."""
    with ledger.engine.connect() as connection:
        row = connection.execute(
            select(schema.stories).where(schema.stories.c.id == story_id)).first()
        if row is None:
            raise NotFound(f"no story with id {story_id!r}")
        return {**dict(row._mapping), "members": _story_rows(connection, story_id)}


def story_of(ledger, article_id: str) -> str | None:
    """The id of the story the article belongs to, if any."""
    m = schema.story_members
    with ledger.engine.connect() as connection:
        return connection.execute(select(m.c.story).where(m.c.article == article_id)).scalar()


def stories(ledger, offset: int = 0, limit: int = 50) -> Page:
    """Stories, largest first, with their origin's title, outlet and date."""
    s = schema.stories
    query = select(s.c.id, s.c.origin, s.c.size, *ARTICLE_COLUMNS[1:]).join(A, A.c.id == s.c.origin)
    return paged(ledger, query, [s.c.size.desc(), s.c.id], offset, limit)


def _decoded(page: Page) -> Page:
    for row in page.rows:
        row["data"] = json.loads(row["data"])
    return page


def claims(ledger, counted: str | None = None, offset: int = 0, limit: int = 50) -> Page:
    """Claims, most independent stories first."""
    c = schema.claims
    query = select(c).where(and_(True, *([c.c.counted == counted] if counted else [])))
    order = [c.c.stories.desc(), c.c.articles.desc(), c.c.id]
    return _decoded(paged(ledger, query, order, offset, limit))


def claims_of_article(ledger, article_id: str) -> list[dict]:
    """Claims with a mention in the article (without their mention lists)."""
    c = schema.claims
    pattern = f'"article": {json.dumps(article_id, ensure_ascii=False)}'
    query = (select(c).where(c.c.data.contains(pattern, autoescape=True))
             .order_by(c.c.stories.desc(), c.c.id))
    found = []
    with ledger.engine.connect() as connection:
        for row in connection.execute(query):
            record = dict(row._mapping)
            data = json.loads(record.pop("data"))
            if any(m["article"] == article_id for m in data["mentions"]):
                found.append(record)
    return found


def conflicts(ledger, kind: str | None = None, article: str | None = None,
              offset: int = 0, limit: int = 50) -> Page:
    """Conflicts, newest first (by the later of the two publication dates), with both
    articles' titles and languages."""
    c = schema.conflicts
    a, b = A.alias("a"), A.alias("b")
    conditions = [c.c.kind == kind] if kind else []
    if article:
        conditions.append(or_(c.c.article_a == article, c.c.article_b == article))
    newest = case((a.c.published > b.c.published, a.c.published),
                  else_=func.coalesce(b.c.published, a.c.published))
    query = (
        select(c, a.c.title.label("title_a"), b.c.title.label("title_b"),
               func.coalesce(a.c.language, a.c.detected_language).label("language_a"),
               func.coalesce(b.c.language, b.c.detected_language).label("language_b"),
               newest.label("newest"))
        .join(a, a.c.id == c.c.article_a).join(b, b.c.id == c.c.article_b)
        .where(and_(True, *conditions))
    )
    return _decoded(paged(ledger, query, [newest.desc().nulls_last(), c.c.id], offset, limit))
