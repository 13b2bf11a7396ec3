"""The read API: ``query.open(db)`` gives a ``Reader`` bound to one ledger, read through typed
filters (``FigureFilter``, ``EventFilter``...), ``Page`` and a whitelisted sort key. The CLI,
the web app and the exports all read through it.

>>> from newsledger import query
>>> with query.open("demo.db") as reader:                     # doctest: +SKIP
...     result = reader.figures(query.FigureFilter(counted="arrested"), query.Page(20))
...     print(result.total, [row["number_text"] for row in result.rows], result.next)
"""

from __future__ import annotations

from newsledger.query.filters import (
    CONFLICT_KINDS,
    ArticleFilter,
    ClaimFilter,
    ConflictFilter,
    EventFilter,
    FigureFilter,
    Page,
    Result,
    StoryFilter,
)
from newsledger.query.reader import SORTS, Reader
from newsledger.settings import Settings
from newsledger.store.search import MARK_END, MARK_START

__all__ = [
    "CONFLICT_KINDS", "MARK_END", "MARK_START", "SORTS", "ArticleFilter", "ClaimFilter",
    "ConflictFilter", "EventFilter", "FigureFilter", "Page", "Reader", "Result", "StoryFilter",
    "open",
]


def open(db: str | None = None, settings: Settings | None = None,  # noqa: A001
         read_only: bool = True) -> Reader:
    """A Reader of the ledger named by ``db`` (else settings, else ``$NEWSLEDGER_DB``, else
    newsledger.db). It is opened once, read-only unless ``read_only`` is false, and never
    created: a missing ledger is NL204. Close it, or use it as a context manager."""
    from newsledger.store import Ledger

    settings = settings or Settings.from_env(db=db)
    return Reader(Ledger(db or settings.db, mode="read" if read_only else "write"), owns=True)
