"""Open a store by URL: a SQLite path, ``sqlite:///path`` or ``postgresql://...``.

The only place that knows about database dialects.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from newsledger.errors import UnsupportedDatabase


def database_url(db: str) -> str:
    """Normalise ``--db``: a bare path becomes a SQLite URL; postgresql:// uses psycopg 3."""
    if "://" not in db:
        return f"sqlite:///{db}"
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def open_engine(db: str) -> Engine:
    """An engine for ``db``; SQLite gets WAL mode and enforced foreign keys."""
    url = database_url(db)
    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError as error:
        raise UnsupportedDatabase(f"cannot read database URL {db!r}") from error
    if backend not in {"sqlite", "postgresql"}:
        raise UnsupportedDatabase(f"{backend} is not supported; use sqlite or postgresql")
    engine = create_engine(url, future=True)
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


# Any constant: the key of the PostgreSQL advisory lock that serialises new ingest orders.
_INGEST_ORDER_LOCK = 7_215_001


def lock_ingest_order(connection: Connection) -> None:
    """Hold, until the transaction ends, the right to number a new article: concurrent writers
    would otherwise read the same ``max(ingest_order)``. PostgreSQL takes an advisory lock;
    SQLite takes its write lock now (a write that changes nothing), waiting its busy timeout."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _INGEST_ORDER_LOCK})
    elif connection.dialect.name == "sqlite":
        connection.execute(text("UPDATE meta SET value = value WHERE 0 = 1"))


def reset_sequences(connection: Connection, table) -> None:
    """After rows were inserted with explicit ids (a copied ledger), move PostgreSQL's serial
    sequences past them; SQLite needs nothing."""
    if connection.dialect.name != "postgresql":
        return
    for column in table.primary_key.columns:
        if column.autoincrement is True or (column.type.python_type is int
                                            and len(table.primary_key.columns) == 1):
            connection.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                f"COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"))
