"""Full-text search over article text: an SQLite FTS5 table kept in sync by triggers (schema 3).

The FTS row id is the article's ``ingest_order``, which never changes for an article. Other
databases (PostgreSQL) fall back to case-insensitive substring matching of every query word,
so the same queries work everywhere; only SQLite ranks results. A search is a list of terms,
each a word and its alternatives (the query layer adds a place's other names): a row matches
when it matches one alternative of every term.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import Connection, Select, and_, column, func, or_, table, text

from newsledger.store import schema

FTS_TABLE = "articles_fts"
_WORD = re.compile(r"\w+")
_FTS = table(FTS_TABLE, column("rowid"), column("rank"))
MARK_START, MARK_END = "\x02", "\x03"  # snippet match markers; the web layer turns them into <mark>

_SQLITE_STATEMENTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_insert AFTER INSERT ON articles BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, id, title, text) "
    "VALUES (new.ingest_order, new.id, new.title, new.text); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_delete AFTER DELETE ON articles BEGIN "
    f"DELETE FROM {FTS_TABLE} WHERE rowid = old.ingest_order; END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_update AFTER UPDATE OF title, text ON articles "
    f"BEGIN DELETE FROM {FTS_TABLE} WHERE rowid = old.ingest_order; "
    f"INSERT INTO {FTS_TABLE}(rowid, id, title, text) "
    "VALUES (new.ingest_order, new.id, new.title, new.text); END",
)


def create_search_index(connection: Connection) -> None:
    """Migration step: the ingest-order index and, on SQLite, the FTS table, its triggers and
    its rows for articles already stored. Idempotent."""
    schema.articles_ingest_order_index.create(connection, checkfirst=True)
    if connection.dialect.name != "sqlite":
        return
    existed = connection.dialect.has_table(connection, FTS_TABLE)
    for statement in _SQLITE_STATEMENTS:
        connection.execute(text(statement))
    if not existed:
        connection.execute(text(
            f"INSERT INTO {FTS_TABLE}(rowid, id, title, text) "
            "SELECT ingest_order, id, title, text FROM articles"))


def query_words(query: str | None) -> list[str]:
    """The words of a user query (punctuation and FTS operators dropped)."""
    return _WORD.findall(query or "")


Terms = Sequence[Sequence[str]]


def as_terms(words: list[str]) -> list[tuple[str, ...]]:
    """Words as terms without alternatives."""
    return [(word,) for word in words]


def _phrase(words: str) -> str:
    return '"' + words.replace('"', '""') + '"*'


def _expression(terms: Terms) -> str:
    return " AND ".join(_phrase(term[0]) if len(term) == 1
                    else "(" + " OR ".join(_phrase(word) for word in term) + ")"
                    for term in terms)


def apply_search(query: Select, dialect: str, terms: Terms) -> Select:
    """Keep the rows whose article contains one alternative of every term (as a prefix on
    SQLite's FTS5, as a case-insensitive substring elsewhere); ``query`` must select from
    ``articles``."""
    if not terms:
        return query
    articles = schema.articles
    if dialect == "sqlite":
        return query.join(_FTS, _FTS.c.rowid == articles.c.ingest_order).where(
            text(f"{FTS_TABLE} MATCH :fts_query").bindparams(fts_query=_expression(terms)))
    haystack = func.lower(func.coalesce(articles.c.title, "") + " " + articles.c.text)
    return query.where(and_(*(or_(*(haystack.contains(word.lower(), autoescape=True)
                                    for word in term)) for term in terms)))


def rank_order(dialect: str, terms: Terms) -> list:
    """ORDER BY terms putting the best matches first (bm25 on SQLite), else none."""
    return [_FTS.c.rank] if dialect == "sqlite" and terms else []


def snippet(article_text: str, words: list[str], width: int = 220) -> str:
    """A window of the text around the first query word, matches wrapped in MARK_START/END."""
    folded = article_text.casefold()
    positions = [folded.find(word.casefold()) for word in words]
    found = [p for p in positions if p >= 0]
    start = max(0, min(found) - width // 3) if found else 0
    window = article_text[start:start + width]
    if words:
        pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
        window = pattern.sub(lambda m: MARK_START + m.group(0) + MARK_END, window)
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(article_text) else ""
    return prefix + " ".join(window.split()) + suffix
