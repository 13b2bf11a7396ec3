"""Article stages on every core: worker processes analyse, one process stores in input order.

``analysed_stream`` is the reader's stream (articles and coded lines) with each article that
needs analysis replaced by its ``Analysis``: language id and the article stages, run in a pool
of worker processes with at most ``window`` inputs in flight, so memory stays flat whatever the
input's size. The caller stores each item before it asks for the next, so the store sees the
same articles in the same order as with one process, and each article keeps its own
transaction: Ctrl-C or a crash leaves whole articles only, and the next run resumes.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from newsledger import pipeline
from newsledger.errors import InternalError, NewsledgerError
from newsledger.ingest import read_articles, with_language
from newsledger.models import Article
from newsledger.pipeline import Analysis
from newsledger.settings import Settings
from newsledger.store import Ledger

# Inputs in flight per worker: enough to keep every worker busy while the store writes.
WINDOW_PER_WORKER = 8


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def worker_count(settings: Settings) -> int:
    """``settings.workers``, where 0 means one per core."""
    return settings.workers if settings.workers > 0 else available_cores()


@dataclass(frozen=True, slots=True)
class Failure:
    """A coded error met in a worker, sent back as plain fields (exceptions with keyword
    arguments do not survive pickling)."""

    kind: type[NewsledgerError]
    message: str
    source: str | None

    def error(self) -> NewsledgerError:
        return self.kind(self.message, source=self.source)


def analyse(article: Article, settings: Settings) -> tuple[Analysis | Failure, dict[str, float]]:
    """Language id and every article stage over one article, with each stage's seconds."""
    seconds: dict[str, float] = {}
    try:
        started = time.perf_counter()
        article = with_language(article, settings)
        seconds["language"] = time.perf_counter() - started
        if not settings.analyze:
            return Analysis(article), seconds
        return pipeline.analyze_article(article, seconds), seconds
    except NewsledgerError as error:
        return Failure(type(error), error.message, error.source), seconds
    except Exception as error:  # noqa: BLE001  (one article's crash never stops the others)
        error = InternalError.of(error, article.source_path or article.id)
        return Failure(InternalError, error.message, error.source), seconds


def _start_worker(parent: int) -> None:
    """Ctrl-C is the storing process's to handle (workers finish or are cancelled); a worker
    whose storing process was killed exits within a second instead of waiting forever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="newsledger-parent-watch", daemon=True).start()


def _context():
    """Forked workers where the system forks: they start at once and share the tables and
    models this process has loaded (and the stages it registered) until they write to them."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else methods[0])


class _Pool:
    """A process pool started when first needed and restarted when a worker dies."""

    def __init__(self, count: int, settings: Settings) -> None:
        self.count, self.settings = count, settings
        self.executor: ProcessPoolExecutor | None = None

    def submit(self, article: Article) -> Future:
        if self.executor is None:
            self.executor = ProcessPoolExecutor(self.count, mp_context=_context(),
                                                initializer=_start_worker,
                                                initargs=(os.getpid(),))
        return self.executor.submit(analyse, article, self.settings)

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None


# What is to be done for an article when its turn to be stored comes.
INLINE = "inline"  # analyse it in this process (no pool was worth starting)
RECHECK = "recheck"  # stored unchanged when read: analyse only if an earlier input changed it


def analysed_stream(
    names: Iterable[str], ledger: Ledger, settings: Settings, seconds: dict[str, float],
    fetch=None, window: int | None = None,
) -> Iterator[Article | Analysis | NewsledgerError]:
    """The inputs in ``names`` in order: coded lines as read, articles stored unchanged as
    read, every other article as its ``Analysis`` (stage seconds added to ``seconds``)."""
    count = worker_count(settings)
    if count == 1:
        yield from read_articles(names, settings, fetch=fetch)
        return
    pool = _Pool(count, settings)
    pending: deque[tuple[object, Future | str | None]] = deque()
    window = window or WINDOW_PER_WORKER * count
    try:
        try:
            for item in read_articles(names, settings, fetch=fetch, detect=False):
                pending.append((item, _plan(item, ledger, pool, pending)))
                while len(pending) >= window:
                    yield _resolved(*pending.popleft(), ledger, pool, pending, seconds)
        except KeyboardInterrupt:
            # interrupted while reading: what was read is still stored, as with one process
            while pending:
                yield _resolved(*pending.popleft(), ledger, pool, pending, seconds)
            raise
        while pending:
            yield _resolved(*pending.popleft(), ledger, pool, pending, seconds)
    finally:
        pool.close()


def _plan(item, ledger: Ledger, pool: _Pool, pending: deque) -> Future | str | None:
    """Submit an article that needs analysis. The first one waits for a second: alone, it is
    analysed here; with a second, it is analysed here before the pool starts, so that forked
    workers start with every table and model it loaded."""
    if not isinstance(item, Article):
        return None
    if ledger.is_unchanged(item):
        return RECHECK
    if pool.executor is None:
        waiting = next((index for index, (_item, plan) in enumerate(pending)
                        if plan == INLINE), None)
        if waiting is None:
            return INLINE
        done: Future = Future()
        done.set_result(analyse(pending[waiting][0], pool.settings))
        pending[waiting] = (pending[waiting][0], done)
    return pool.submit(item)


def _resolved(item, plan: Future | str | None, ledger: Ledger, pool: _Pool, pending: deque,
              seconds: dict[str, float]):
    if plan is None:
        return item
    if plan == RECHECK:
        if ledger.is_unchanged(item):
            return item
        plan = INLINE
    if plan == INLINE:
        outcome, spent = analyse(item, pool.settings)
    else:
        outcome, spent = _result(item, plan, pool, pending)
    for name, value in spent.items():
        seconds[name] = seconds.get(name, 0.0) + value
    return outcome.error() if isinstance(outcome, Failure) else outcome


def _result(item: Article, future: Future, pool: _Pool, pending: deque):
    """The future's outcome; when its worker died (killed, out of memory), the article is
    tried alone in a fresh pool, and the inputs still in flight are sent there too."""
    try:
        return future.result()
    except BrokenProcessPool:
        pool.close()
        try:
            outcome = pool.submit(item).result()
        except BrokenProcessPool:
            pool.close()
            name = item.source_path or item.id
            outcome = (Failure(InternalError, "internal error (the worker process analysing "
                               "it died); please report it", name), {})
        _resubmit(pending, pool.submit)
        return outcome


def _resubmit(pending: deque, submit: Callable[[Article], Future]) -> None:
    for index, (item, plan) in enumerate(pending):
        if isinstance(plan, Future) and (plan.cancelled() or plan.exception() is not None):
            pending[index] = (item, submit(item))
