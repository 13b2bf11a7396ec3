"""Crawls past one machine: the article stages mapped over shards by Dask, then the ledger.

Each shard (a WARC or JSONL file, a folder, anything ``ingest`` reads) is one task on a
``dask.distributed`` worker: the ingest readers, language id and the article stages
(``workers.analyse``, the same function ``ingest --workers`` runs) turn it into one Parquet
partition. The client then stores the partitions into the ledger in shard order, through the
same code as ``ingest``, and runs the corpus stages there. A partition already written for the
same shard (same path, size and modification time) is reused, so a crawl stopped half-way
resumes where it was.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from newsledger import errors
from newsledger.errors import BadOption, NewsledgerError
from newsledger.ingest import read_articles
from newsledger.models import Article, Event, Figure
from newsledger.pipeline import Analysis, IngestReport, store_stream
from newsledger.pipeline.workers import Failure, analyse
from newsledger.settings import Settings
from newsledger.store import Ledger

COLUMNS = ("position", "article", "figures", "events", "error", "message", "source", "seconds")


def partition_name(shard: str) -> str:
    """The Parquet file of a shard: a hash of its absolute path, size and modification time
    (a changed shard gets a new partition)."""
    path = Path(shard).resolve()
    stat = path.stat() if path.exists() else None
    marks = f"{path}\0{stat.st_size if stat else ''}\0{stat.st_mtime_ns if stat else ''}"
    return hashlib.sha256(marks.encode("utf-8", "surrogatepass")).hexdigest()[:20] + ".parquet"


def _row(position: int, item) -> dict:
    row = dict.fromkeys(COLUMNS)
    row["position"] = position
    if isinstance(item, NewsledgerError):
        row.update(error=type(item).__name__, message=item.message, source=item.source)
        return row
    outcome, seconds = item
    if isinstance(outcome, Failure):
        row.update(error=outcome.kind.__name__, message=outcome.message, source=outcome.source)
    else:
        row.update(article=_json(dataclasses.asdict(outcome.article)),
                   figures=_json([dataclasses.asdict(f) for f in outcome.figures]),
                   events=_json([dataclasses.asdict(e) for e in outcome.events]))
    row["seconds"] = _json(seconds)
    return row


def _json(value) -> str:
    # ASCII JSON: texts with lone surrogates survive Parquet's UTF-8 strings
    return json.dumps(value, ensure_ascii=True)


def analyse_shard(shard: str, settings: Settings, folder: str) -> str:
    """Read and analyse one shard into ``folder``/<partition>; returns the partition's path.
    Runs on a Dask worker; the partition appears whole or not at all."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = Path(folder) / partition_name(shard)
    if target.exists():
        return str(target)
    rows = [_row(position, analyse(item, settings) if isinstance(item, Article) else item)
            for position, item in enumerate(read_articles([shard], settings, detect=False))]
    table = pa.Table.from_pylist(rows, schema=pa.schema(
        [("position", pa.int64())] + [(name, pa.string()) for name in COLUMNS[1:]]))
    partial = target.with_suffix(f".{os.getpid()}.partial")
    pq.write_table(table, partial)
    partial.replace(target)
    return str(target)


def read_partition(path: str, seconds: dict[str, float]) -> Iterator[Analysis | NewsledgerError]:
    """The analyses and coded lines of one partition, in input order."""
    import pyarrow.parquet as pq

    for row in sorted(pq.read_table(path).to_pylist(), key=lambda row: row["position"]):
        for name, value in json.loads(row["seconds"] or "{}").items():
            seconds[name] = seconds.get(name, 0.0) + value
        if row["error"] is not None:
            yield _error(row)
            continue
        yield Analysis(Article(**json.loads(row["article"])),
                       tuple(Figure(**f) for f in json.loads(row["figures"])),
                       tuple(Event(**{**e, "actors": tuple(e["actors"])})
                             for e in json.loads(row["events"])))


def _error(row: dict) -> NewsledgerError:
    kind = getattr(errors, row["error"], None)
    if not (isinstance(kind, type) and issubclass(kind, NewsledgerError)):
        kind = errors.InternalError
    return kind(row["message"], source=row["source"])


@contextmanager
def dask_client(scheduler: str, workers: int = 0):
    """A client of the scheduler at ``scheduler``, or of a ``LocalCluster`` of ``workers``
    processes (one per core when 0) with one thread each when ``scheduler`` is "local"."""
    from distributed import Client, LocalCluster

    from newsledger.pipeline.workers import available_cores

    if scheduler != "local":
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers or available_cores(), threads_per_worker=1,
                      processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


def crawl(
    shards: Sequence[str], ledger: Ledger, settings: Settings | None = None, *,
    scheduler: str = "local", parquet: str = "crawl-parquet",
    on_item: Callable[[str, str], None] | None = None,
) -> IngestReport:
    """Analyse ``shards`` on a Dask cluster into Parquet partitions under ``parquet`` (a
    folder every worker and this process can reach), then store them into ``ledger`` in shard
    order and run the corpus stages there."""
    if not shards:
        raise BadOption("crawl needs at least one shard")
    settings = settings or Settings()
    Path(parquet).mkdir(parents=True, exist_ok=True)
    folder = str(Path(parquet).resolve())
    report = IngestReport()
    with dask_client(scheduler, settings.workers) as client:
        futures = client.map(analyse_shard, list(shards), settings=settings, folder=folder,
                             pure=False)
        items = _in_shard_order(shards, futures, report.article_seconds)
        return store_stream(items, ledger, settings, report, on_item)


def _in_shard_order(shards: Sequence[str], futures, seconds: dict[str, float]):
    """Each shard's items as soon as it and those before it are done; a shard whose task
    failed (a bug, or workers killed under it) is one NL139 line."""
    for shard, future in zip(shards, futures, strict=True):
        try:
            path = future.result()
        except Exception as error:  # noqa: BLE001  (one shard's crash never stops the others)
            yield errors.InternalError.of(error, shard)
            continue
        yield from read_partition(path, seconds)
