"""Open a store by URL: a SQLite path, ``sqlite:///path`` or ``postgresql://...``.

The only place that knows about database dialects: read-only engines, the write lock that
serialises writers (SQLite's ``BEGIN IMMEDIATE``, a PostgreSQL advisory lock), the lock of the
corpus stages, and the translation of driver failures into coded errors.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from newsledger.errors import (
    LedgerBusy,
    LedgerNotFound,
    LedgerReadOnly,
    LedgerUnavailable,
    NotALedger,
    StoreError,
    UnsupportedDatabase,
)

BUSY_TIMEOUT_MS = 30_000
# Any constants: the keys of the PostgreSQL advisory locks of writers and of the corpus stages.
_WRITE_LOCK = 7_215_001
_CORPUS_LOCK = 7_215_002
_WRITE_OPTION = "newsledger_write"


def database_url(db: str) -> str:
    """Normalise ``--db``: a bare path becomes a SQLite URL; postgresql:// uses psycopg 3."""
    if "://" not in db:
        return f"sqlite:///{db}"
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def parse_url(db: str) -> URL:
    """The SQLAlchemy URL of ``db``; only SQLite and PostgreSQL are accepted."""
    try:
        url = make_url(database_url(db))
    except ArgumentError as error:
        raise UnsupportedDatabase(f"cannot read database URL {db!r}") from error
    if url.get_backend_name() not in {"sqlite", "postgresql"}:
        raise UnsupportedDatabase(
            f"{url.get_backend_name()} is not supported; use sqlite or postgresql")
    return url


def sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite URL; None for an in-memory database or a ``file:`` URI."""
    database = url.database or ""
    if url.get_backend_name() != "sqlite" or database in {"", ":memory:"} or \
            database.startswith("file:"):
        return None
    return Path(database)


def display_name(db: str) -> str:
    """The ledger named in messages: a SQLite path, else the URL without its password."""
    url = parse_url(db)
    path = sqlite_file(url)
    if path is not None:
        return str(path)
    if "://" in db:
        return make_url(db).render_as_string(hide_password=True)
    return url.render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # transactions are begun by ``_sqlite_begin``
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # first: WAL below may wait
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    """A writer's transaction takes SQLite's write lock at once (waiting the busy timeout), so
    what it reads stays true until it commits; a reader's begins deferred."""
    immediate = connection.get_execution_options().get(_WRITE_OPTION)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _read_only_sqlite(path: Path):
    """Connections to an existing SQLite file that never write it and leave nothing beside it.

    A ledger we may write (file and folder): a normal connection with ``query_only``, so that
    SQLite removes the ``-wal``/``-shm`` files of a WAL ledger when the last connection closes
    (a ``mode=ro`` connection would create and leave them). A ledger we may not write:
    ``mode=ro`` while a writer has it open (its ``-wal`` file exists), else ``immutable=1``
    (nothing can be created beside it); ``immutable=1`` also where ``mode=ro`` cannot open it
    (a WAL ledger on read-only media without its ``-shm`` file). No WAL pragma either way."""
    uri = "file:" + quote(str(path.resolve()))

    def connect():
        if _writable(path):
            connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            connection.execute("PRAGMA query_only=ON")
        elif not Path(f"{path}-wal").exists():
            connection = sqlite3.connect(f"{uri}?immutable=1", uri=True,
                                         check_same_thread=False)
        else:
            connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
            try:
                connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
            except sqlite3.OperationalError:
                connection.close()
                connection = sqlite3.connect(f"{uri}?immutable=1", uri=True,
                                             check_same_thread=False)
        connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        return connection

    return connect


def _writable(path: Path) -> bool:
    """We may write the file and create files beside it (a WAL ledger's ``-wal``, ``-shm``)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _read_only_postgres(dbapi_connection, _record) -> None:
    dbapi_connection.autocommit = True
    dbapi_connection.execute("SET default_transaction_read_only = on")
    dbapi_connection.autocommit = False


def open_engine(db: str, read_only: bool = False) -> Engine:
    """An engine for ``db``. A writing SQLite engine gets WAL mode, enforced foreign keys and a
    busy timeout; a read-only one opens the file read-only (see ``_read_only_sqlite``); a
    read-only PostgreSQL engine makes every transaction read-only."""
    url = parse_url(db)
    backend = url.get_backend_name()
    path = sqlite_file(url)
    if backend == "sqlite" and read_only and path is not None:
        return create_engine(url, creator=_read_only_sqlite(path))
    engine = create_engine(url)
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    elif read_only:
        event.listen(engine, "connect", _read_only_postgres)
    return engine


def writer(engine: Engine) -> Engine:
    """The same engine whose transactions are writes: see ``locked``."""
    return engine.execution_options(**{_WRITE_OPTION: True})


@contextmanager
def locked(engine: Engine) -> Iterator[Connection]:
    """A transaction holding the store's write lock until it ends: SQLite's write lock taken
    at BEGIN, PostgreSQL's advisory writer lock. Checks made in it hold until commit."""
    with writer(engine).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _WRITE_LOCK})
        yield connection


@contextmanager
def corpus_lock(engine: Engine, db: str) -> Iterator[None]:
    """Hold the right to run the corpus stages: one run at a time per ledger, released when the
    holder ends or dies. PostgreSQL: a session advisory lock. SQLite: ``flock`` on
    ``<ledger>.lock`` beside the file (nothing for an in-memory ledger)."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _CORPUS_LOCK})
            connection.commit()
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"),
                                   {"key": _CORPUS_LOCK})
                connection.commit()
        return
    path = sqlite_file(parse_url(db))
    if path is None:
        yield
        return
    descriptor = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # releases the lock


def store_error(error: DBAPIError, db: str) -> StoreError:
    """The coded error for a driver failure: not a database, unreachable, read-only, busy."""
    original = error.orig
    message = str(original).strip().splitlines()[0] if str(original).strip() else repr(original)
    name = display_name(db)
    if isinstance(original, sqlite3.DatabaseError):
        lowered = message.lower()
        if "not a database" in lowered or "malformed" in lowered:
            return NotALedger(f"not a SQLite database ({message})", source=name)
        if "readonly" in lowered or "read-only" in lowered or _unwritable(db):
            return LedgerReadOnly(f"cannot write the ledger ({message})", source=name)
        if "locked" in lowered or "busy" in lowered:
            return LedgerBusy(f"the ledger stayed locked by another writer ({message})",
                              source=name)
        return LedgerUnavailable(f"cannot open the ledger ({message})", source=name)
    if "read-only transaction" in message:
        return LedgerReadOnly(f"cannot write the ledger ({message})", source=name)
    return LedgerUnavailable(f"cannot connect ({message})", source=name)


def _unwritable(db: str) -> bool:
    """A SQLite ledger that exists but whose file or folder cannot be written."""
    path = sqlite_file(parse_url(db))
    return path is not None and path.is_file() and not _writable(path)


def require_existing(db: str) -> None:
    """Refuse a SQLite file that does not exist (reading never creates a ledger)."""
    path = sqlite_file(parse_url(db))
    if path is not None and not path.is_file():
        raise LedgerNotFound("no ledger here; create one with `newsledger ingest`",
                             source=str(path))


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
