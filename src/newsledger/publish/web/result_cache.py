"""Results of the web app's heavy read queries, kept while the ledger stays the same.

The app never writes, so a result can only go stale when another process (an ingest) writes
the ledger; every lookup asks the reader for the ledger's cheap ``version`` first and keys
results by it, so a changed ledger is read afresh on the next request. Concurrent requests for
a result not yet cached compute it once: the first computes, the others wait for its result.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import TypeVar

T = TypeVar("T")


class LedgerCache:
    """A small LRU of results keyed by (name, ledger version), the name any hashable value
    (a view and its parameters). Cached values are shared between requests: callers must not
    change them. A failed computation is not cached; the requests waiting for it get its
    error."""

    def __init__(self, reader, size: int = 64) -> None:
        self.reader, self.size = reader, size
        self._entries: OrderedDict[tuple, object] = OrderedDict()
        self._computing: dict[tuple, Future] = {}
        self._lock = threading.Lock()

    def get(self, name: Hashable, compute: Callable[[], T]) -> T:
        """The cached result of ``compute`` (named ``name``) for the ledger as it is now."""
        key = (name, self.reader.version())
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
            flight = self._computing.get(key)
            leader = flight is None
            if leader:
                flight = self._computing[key] = Future()
        if not leader:
            return flight.result()
        try:
            value = compute()
        except BaseException as error:
            with self._lock:
                del self._computing[key]
            flight.set_exception(error)
            raise
        with self._lock:
            self._entries[key] = value
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
            del self._computing[key]
        flight.set_result(value)
        return value
