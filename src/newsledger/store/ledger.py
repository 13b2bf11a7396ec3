"""The ledger: every write of the store goes through this class, and the unfiltered reads the
pipeline's stages make; filtered, paged reads go through ``newsledger.query``.

Each article is written in its own transaction, so an interrupted run leaves a consistent
store and running again resumes.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import fields
from datetime import UTC, datetime

from sqlalchemy import Engine, func, insert, inspect, select, update
from sqlalchemy.exc import DBAPIError

from newsledger.errors import LedgerReadOnly, NotALedger, NotFound
from newsledger.models import Article, Claim, Conflict, Event, Figure, Story
from newsledger.store import cache, corpus_state, records, schema
from newsledger.store import events as event_store
from newsledger.store import references as reference_rows
from newsledger.store.engine import (
    corpus_lock,
    locked,
    open_engine,
    parse_url,
    require_existing,
    sqlite_file,
    store_error,
)
from newsledger.store.engine import display_name as shown_name
from newsledger.store.migrations import stored_version, upgrade

ARTICLE_FIELDS = tuple(spec.name for spec in fields(Article))
FIGURE_FIELDS = tuple(spec.name for spec in fields(Figure))
EVENT_FIELDS = tuple(spec.name for spec in fields(Event))
MODES = ("create", "write", "read")
CORPUS_DUE = "corpus_due"  # meta key: set with each stored article, cleared by the corpus stages
WRITTEN = "analysis_written"  # meta key: set anew with each stored article, never cleared


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _article(row) -> Article:
    return Article(**{name: row._mapping[name] for name in ARTICLE_FIELDS})


class Ledger:
    """A newsledger store, opened by URL or path (see ``store.engine.database_url``).

    ``mode`` "create" makes the ledger when it does not exist (ingest); "write" and "read"
    refuse a missing one (NL204), and "read" opens the store read-only, so a ledger on
    read-only media can be read.
    """

    def __init__(self, db: str, engine: Engine | None = None, mode: str = "create") -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        self.db = db
        self.mode = mode
        if mode != "create":
            require_existing(db)
        self.engine = engine or open_engine(db, read_only=mode == "read")
        try:
            self._prepare()
        except DBAPIError as error:
            self.engine.dispose()
            raise store_error(error, db) from error
        except BaseException:
            self.engine.dispose()
            raise

    def _prepare(self) -> None:
        """Create or upgrade the schema under the write lock (concurrent writers of a fresh
        store would both create it); a read-only ledger is upgraded through a writer, once."""
        if self.mode != "create":
            with self.engine.connect() as connection:
                version = stored_version(connection)
            if version == 0:
                raise NotALedger("holds no newsledger ledger", source=shown_name(self.db))
            if version >= schema.SCHEMA_VERSION or self.mode == "write":
                self._upgrade(self.engine)
                return
            upgrading = open_engine(self.db)
            try:
                self._upgrade(upgrading)
            except DBAPIError as error:
                raise LedgerReadOnly(
                    f"schema version {version} needs an upgrade to {schema.SCHEMA_VERSION}, "
                    "which needs write access once", source=shown_name(self.db)) from error
            finally:
                upgrading.dispose()
            return
        self._upgrade(self.engine)

    @staticmethod
    def _upgrade(engine: Engine) -> None:
        with engine.connect() as connection:
            if stored_version(connection) == schema.SCHEMA_VERSION:
                return
        with locked(engine) as connection:
            upgrade(connection)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    # articles -------------------------------------------------------------------------------
    def is_unchanged(self, article: Article) -> bool:
        """True when the article is stored with the same text already."""
        table = schema.articles
        with self.engine.connect() as connection:
            stored = connection.execute(
                select(table.c.content_hash).where(table.c.id == article.id)).scalar()
        return stored == article.content_hash

    def store_article(
        self, article: Article, figures: Iterable[Figure] = (), events: Iterable[Event] = (),
    ) -> str:
        """Store one article with its analysis in one transaction.

        Returns "new", "unchanged" or "updated"; a changed text keeps the old one as a version.
        """
        table = schema.articles
        values = {name: getattr(article, name) for name in ARTICLE_FIELDS}
        values["content_hash"] = article.content_hash
        with locked(self.engine) as connection:
            current = connection.execute(
                select(table.c.version, table.c.content_hash, table.c.text, table.c.title,
                       table.c.published, table.c.ingested_at).where(table.c.id == article.id)
            ).first()
            if current is None:
                order = connection.execute(
                    select(func.coalesce(func.max(table.c.ingest_order), 0))).scalar_one()
                connection.execute(insert(table).values(
                    **values, version=1, ingested_at=_now(), ingest_order=order + 1))
                status = "new"
            elif current.content_hash == values["content_hash"]:
                return "unchanged"
            else:
                connection.execute(insert(schema.article_versions).values(
                    article=article.id, version=current.version, text=current.text,
                    content_hash=current.content_hash, title=current.title,
                    published=current.published, ingested_at=current.ingested_at,
                ))
                connection.execute(
                    update(table).where(table.c.id == article.id)
                    .values(**values, version=current.version + 1, ingested_at=_now()))
                status = "updated"
            self._write_analysis(connection, article.id, figures, events)
            _mark_corpus_due(connection, article.id)
        return status

    def _article_row(self, article_id: str):
        with self.engine.connect() as connection:
            row = connection.execute(
                select(schema.articles).where(schema.articles.c.id == article_id)
            ).first()
        if row is None:
            raise NotFound(f"no article with id {article_id!r}")
        return row

    def article(self, article_id: str) -> Article:
        return _article(self._article_row(article_id))

    def article_row(self, article_id: str) -> dict:
        """Every stored column of one article (for ``show``), without the source path."""
        row = self._article_row(article_id)
        return {k: v for k, v in row._mapping.items() if k != "source_path"}

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Stream stored articles (those with ``ids``, else all) in ingest order; filtered
        reads go through ``newsledger.query``."""
        table = schema.articles
        if ids is not None:
            with self.engine.connect() as connection:
                rows = corpus_state.rows_in(connection, select(table), table.c.id, ids)
            yield from map(_article, sorted(rows, key=lambda row: row.ingest_order))
            return
        query = select(table).order_by(table.c.ingest_order)
        with self.engine.connect() as connection:
            for row in connection.execution_options(yield_per=200).execute(query):
                yield _article(row)

    def display_name(self) -> str:
        """The ledger named for provenance: a SQLite file's name, else the URL without
        password or options."""
        url = parse_url(self.db)
        if url.get_backend_name() == "sqlite":
            path = sqlite_file(url)
            return path.name if path is not None else url.database or ""
        return url.set(query={}).render_as_string(hide_password=True)

    def newest_ingest(self) -> str | None:
        """When the newest article was stored (the date of the ledger's contents)."""
        with self.engine.connect() as connection:
            return connection.execute(select(func.max(schema.articles.c.ingested_at))).scalar()

    def create_views(self) -> list[str]:
        """Create the read-only views of ``store.views`` whose tables exist."""
        from newsledger.store.views import create_views

        with locked(self.engine) as connection:
            return create_views(connection)

    def view_names(self) -> list[str]:
        return inspect(self.engine).get_view_names()

    def count(self, table_name: str) -> int:
        table = schema.metadata.tables[table_name]
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(table)).scalar_one()

    # analysis -------------------------------------------------------------------------------
    def replace_analysis(
        self, article_id: str, figures: Iterable[Figure], events: Iterable[Event] = (),
    ) -> None:
        """Replace one article's figures and events in one transaction (the corpus stages are
        due again)."""
        with locked(self.engine) as connection:
            self._write_analysis(connection, article_id, figures, events)
            _mark_corpus_due(connection, article_id)

    @staticmethod
    def _write_analysis(connection, article_id: str, figures, events) -> None:
        by_id: dict[str, dict] = {}
        for f in figures:  # the id is the span and text: a repeat is the same figure
            by_id.setdefault(f.id, {"id": f.id,
                                    **{name: getattr(f, name) for name in FIGURE_FIELDS}})
        figure_rows = list(by_id.values())
        event_rows = [
            {**{name: getattr(e, name) for name in EVENT_FIELDS},
             "actors": json.dumps(list(e.actors))}
            for e in events
        ]
        for table, rows in ((schema.figures, figure_rows), (schema.events, event_rows)):
            connection.execute(table.delete().where(table.c.article == article_id))
            if rows:
                connection.execute(insert(table), rows)

    def figures(self, articles: Iterable[str] | None = None) -> Iterator[dict]:
        """Stream every figure row (of ``articles``, else all) with its article's outlet, date
        and language, in article ingest order then text order (what the corpus stages read)."""
        f, a = schema.figures, schema.articles
        query = select(f, a.c.outlet, a.c.published,
                       func.coalesce(a.c.language, a.c.detected_language).label("language"))
        yield from self._ordered(query.join(a, a.c.id == f.c.article), f.c.article, articles,
                                 (f.c.number_start, f.c.id))

    def events(self, articles: Iterable[str] | None = None) -> Iterator[dict]:
        """Stream every event mention (of ``articles``, else all) with its article's outlet and
        date, in ingest order then text order (what the events stage merges)."""
        e, a = schema.events, schema.articles
        query = select(e, a.c.outlet, a.c.published).join(a, a.c.id == e.c.article)
        for record in self._ordered(query, e.c.article, articles, (e.c.quote_start, e.c.id)):
            record["actors"] = json.loads(record["actors"] or "[]")
            yield record

    def _ordered(self, query, column, ids: Iterable[str] | None, order: tuple) -> Iterator[dict]:
        """Rows of ``query`` by article ingest order then ``order``: streamed, or for ``ids``
        read a chunk of ids at a time and sorted."""
        rank = schema.articles.c.ingest_order
        if ids is None:
            with self.engine.connect() as connection:
                rows = connection.execution_options(yield_per=500).execute(
                    query.order_by(rank, *order))
                yield from (dict(row._mapping) for row in rows)
            return
        query = query.add_columns(rank.label("_rank"))
        with self.engine.connect() as connection:
            found = [dict(row._mapping) for row in corpus_state.rows_in(
                connection, query, column, ids)]
        found.sort(key=lambda row: (row["_rank"], *(row[c.name] for c in order)))
        for row in found:
            del row["_rank"]
            yield row

    # stories --------------------------------------------------------------------------------
    def replace_stories(self, stories: Iterable[Story]) -> None:
        """Replace every story grouping in one transaction."""
        records.replace_stories(self, stories)

    def stories(self, ids: Iterable[str] | None = None) -> Iterator[Story]:
        """Every story (those with ``ids``, else all) with its members (origin first), by
        story id."""
        s, m = schema.stories, schema.story_members
        query = select(s.c.id, s.c.origin, m.c.article, m.c.relation, m.c.score,
                       m.c.evidence).join(
            m, m.c.story == s.c.id).order_by(s.c.id, m.c.relation != "origin", m.c.article)
        with self.engine.connect() as connection:
            if ids is None:
                yield from records.story_rows(connection.execute(query))
                return
            for chunk in corpus_state.chunks(sorted(ids)):
                yield from records.story_rows(connection.execute(query.where(
                    s.c.id.in_(chunk))))

    def claims(self) -> Iterator[Claim]:
        """Every claim, most independent stories first (filtered: ``newsledger.query``)."""
        return records.claims(self)

    def conflicts(self) -> Iterator[Conflict]:
        """Every conflict by kind and id (filtered: ``newsledger.query``)."""
        return records.conflicts(self)

    # what the corpus stages read and write (the stage packages never import the store) ------
    def replace_claims(self, claims) -> int:
        """Replace every claim in one transaction; the number stored."""
        return records.replace_claims(self, claims)

    def replace_conflicts(self, conflicts, kind: str | None = None) -> int:
        """Replace every conflict (or, with ``kind``, those of that kind) in one transaction;
        the number stored."""
        return records.replace_conflicts(self, conflicts, kind)

    def references(self, counted: str | None = None) -> Iterator[dict]:
        """Official reference figures (``store.references``)."""
        return reference_rows.references(self, counted=counted)

    def story_by_article(self) -> dict[str, str]:
        """Article id -> story id for the articles in a story of two or more."""
        return event_store.story_by_article(self)

    def load_cached(self, kind: str, keys) -> dict[str, bytes]:
        """Derived bytes (sentence vectors, signatures) kept by input hash (``store.cache``)."""
        return cache.load_cached(self, kind, keys)

    def save_cached(self, kind: str, values) -> None:
        """Keep derived bytes (key -> bytes) under ``kind``."""
        cache.save_cached(self, kind, values)

    # incremental corpus stages (``store.corpus_state``) ------------------------------------
    def dirty(self) -> list[tuple[str, str]]:
        """(article, stamp) of every change the corpus stages have not yet seen."""
        return corpus_state.dirty(self)

    def dirty_articles(self) -> set[str]:
        return {article for article, _stamp in corpus_state.dirty(self)}

    def clear_dirty(self, seen) -> None:
        """The corpus stages finished over the changes ``seen`` (and those they marked)."""
        corpus_state.clear_dirty(self, seen)

    def forget_corpus_state(self) -> None:
        """Make every corpus stage rebuild from scratch on its next run."""
        corpus_state.forget_state(self)

    def part_ready(self, stage: str) -> bool:
        """True when ``stage`` keeps its parts (a full run wrote them)."""
        return corpus_state.state_ready(self, stage)

    def parts_of(self, stage: str, articles) -> set[str]:
        return corpus_state.parts_of(self, stage, articles)

    def part_members(self, stage: str, parts) -> set[str]:
        return corpus_state.part_members(self, stage, parts)

    def story_state(self) -> corpus_state.StoryState:
        """What the stories stage keeps between runs."""
        return corpus_state.StoryState(self)

    def ingest_orders(self, ids: Iterable[str] | None = None) -> dict[str, int]:
        """Article id -> ingest order (of ``ids``, else of every article)."""
        table = schema.articles
        query = select(table.c.id, table.c.ingest_order)
        with self.engine.connect() as connection:
            rows = (connection.execute(query) if ids is None
                    else corpus_state.rows_in(connection, query, table.c.id, ids))
            return {row.id: row.ingest_order for row in rows}

    def replace_claim_parts(self, parts, claims) -> None:
        """Replace the claims of ``parts`` (None: all) by ``claims`` (part -> claims)."""
        records.replace_claim_parts(self, parts, claims)

    def replace_conflict_parts(self, parts, by_part, others, stale) -> None:
        """Replace the figure conflicts of ``parts`` (None: every conflict) by ``by_part``
        (part -> (articles, conflicts)), and the conflicts of each other kind naming an
        article of ``stale[kind]`` by ``others``, in one transaction."""
        records.replace_conflict_parts(self, parts, by_part, others, stale)

    def set_event_parts(self, parts, event_ids, articles) -> None:
        """Write the merged event ids of the mentions of ``parts`` (None: all), with each
        part's articles (part -> articles)."""
        event_store.set_event_parts(self, parts, event_ids, articles)

    # corpus stages ------------------------------------------------------------------------
    def corpus_lock(self):
        """Held while the corpus stages run: one run at a time (see ``engine.corpus_lock``)."""
        return corpus_lock(self.engine, self.db)

    def corpus_due(self) -> str | None:
        """The token of the last change the corpus stages have not yet seen, or None."""
        with self.engine.connect() as connection:
            return connection.execute(
                select(schema.meta.c.value).where(schema.meta.c.key == CORPUS_DUE)).scalar()

    def corpus_done(self, token: str | None) -> bool:
        """The corpus stages finished over everything up to ``token``: clear the due flag unless
        an article was stored since (then it stays due). True when it was cleared."""
        if token is None:
            return False
        meta = schema.meta
        with locked(self.engine) as connection:
            cleared = connection.execute(meta.delete().where(
                meta.c.key == CORPUS_DUE, meta.c.value == token))
            return cleared.rowcount == 1

    # overview -------------------------------------------------------------------------------
    def stats(self) -> dict:
        """Counts by language, outlet and month, and declared-vs-detected language agreement."""
        a = schema.articles
        language = func.coalesce(a.c.language, a.c.detected_language)
        month = func.substr(a.c.published, 1, 7)
        with self.engine.connect() as connection:
            def grouped(column) -> dict[str, int]:
                rows = connection.execute(select(column, func.count()).group_by(column).order_by(
                    func.count().desc(), column))
                return {str(key) if key is not None else "unknown": n for key, n in rows}

            def count(condition) -> int:
                return connection.execute(select(func.count()).where(condition)).scalar_one()

            return {
                "articles": self.count("articles"),
                "figures": self.count("figures"),
                "events": self.count("events"),
                "stories": self.count("stories"),
                "by_language": grouped(language),
                "by_outlet": grouped(a.c.outlet),
                "by_month": grouped(month),
                "language_agreement": {
                    "declared": count(a.c.language.is_not(None)),
                    "agree": count(a.c.language == a.c.detected_language),
                },
            }


def _mark_corpus_due(connection, article_id: str) -> None:
    """Record, in the transaction that changed an article, that the corpus stages are due and
    must see that article (and that the ledger was written, for ``browse.ledger_version``)."""
    meta = schema.meta
    tokens = {key: uuid.uuid4().hex for key in (CORPUS_DUE, WRITTEN)}
    connection.execute(meta.delete().where(meta.c.key.in_(tuple(tokens))))
    connection.execute(meta.insert(), [{"key": key, "value": value}
                                       for key, value in tokens.items()])
    corpus_state.mark_dirty(connection, [article_id], tokens[CORPUS_DUE])
