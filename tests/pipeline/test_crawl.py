"""The Dask path on a 2-worker LocalCluster gives the ledger the single-process path gives."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsledger.errors import EmptyInput, MalformedJSON
from newsledger.pipeline import ingest
from newsledger.pipeline.crawl import crawl, partition_name, read_partition
from newsledger.publish.exports import ExportOptions, write_export
from newsledger.query import Reader
from newsledger.settings import Settings
from newsledger.store import Ledger

SHARD_ONE = [
    {"id": "tbilisi-queue", "outlet": "Border Daily", "published": "2022-09-25",
     "title": "Queues at the border", "url": "https://example.org/tbilisi-queue",
     "text": "Some 5,000 people crossed the border into Georgia on Sunday, officials said. "
             "Another 1,200 cars waited at the Upper Lars checkpoint overnight."},
    {"id": "tbilisi-queue-copy", "outlet": "Wire Copy", "published": "2022-09-25",
     "title": "Queues at the border", "url": "https://example.net/tbilisi-queue",
     "text": "Some 5,000 people crossed the border into Georgia on Sunday, officials said. "
             "Another 1,200 cars waited at the Upper Lars checkpoint overnight."},
]
SHARD_TWO = [
    {"id": "moscow-detained", "outlet": "City Monitor", "published": "2022-09-21",
     "title": "Detentions in Moscow", "url": "https://example.org/moscow-detained",
     "text": "At least 1,300 people were detained at protests against the mobilization in "
             "Moscow and other cities on Wednesday, a monitoring group said."},
    {"id": "astana-arrivals", "outlet": "Steppe News", "published": "2022-09-27",
     "title": "Arrivals in Kazakhstan", "language": "ru",
     "url": "https://example.org/astana-arrivals",
     "text": "Около 98 000 граждан России въехали в Казахстан за неделю, сообщили в "
             "министерстве внутренних дел. Ещё 200 машин ждали на пункте пропуска."},
]
TABLES = ("figures", "events", "stories", "claims", "conflicts")


def _inputs(tmp_path: Path) -> list[str]:
    names = []
    for index, records in enumerate((SHARD_ONE, SHARD_TWO)):
        shard = tmp_path / f"shard-{index}.jsonl"
        shard.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
                         + ("{broken\n" if index else ""), encoding="utf-8")
        names.append(str(shard))
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "helsinki.txt").write_text(
        "Cars at the Finnish border\n\nAround 8,500 Russians entered Finland on Saturday, the "
        "border guard said, twice as many as a week earlier.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    names.append(str(folder))
    return names


def _exports(ledger: Ledger) -> dict[str, bytes]:
    exports = {}
    for table in TABLES:
        stream = io.BytesIO()
        write_export(Reader(ledger), table, "jsonl", stream, ExportOptions())
        exports[table] = stream.getvalue()
    return exports


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory):
    """The same inputs ingested by one process and crawled on a 2-worker LocalCluster."""
    tmp_path = tmp_path_factory.mktemp("crawl")
    names = _inputs(tmp_path)
    settings = Settings(workers=1)
    with Ledger(str(tmp_path / "single.db")) as ledger:
        single = ingest(names, ledger, settings)
        single_exports = _exports(ledger)
    parquet = tmp_path / "parts"
    with Ledger(str(tmp_path / "crawl.db")) as ledger:
        crawled = crawl(names, ledger, Settings(workers=2), scheduler="local",
                        parquet=str(parquet))
        crawl_exports = _exports(ledger)
    return names, parquet, (single, single_exports), (crawled, crawl_exports)


def test_the_crawl_gives_the_same_figures_events_and_stories(ledgers):
    _names, _parquet, (single, single_exports), (crawled, crawl_exports) = ledgers
    assert crawled.summary() == single.summary()
    assert (crawled.new, crawled.failed) == (5, 2)
    assert single_exports["figures"].count(b"\n") >= 5
    assert single_exports["stories"]  # the copy makes a story
    assert crawl_exports == single_exports
    assert crawled.errors == single.errors


def test_each_shard_is_one_parquet_partition_in_input_order(ledgers):
    names, parquet, _single, _crawled = ledgers
    assert sorted(p.name for p in parquet.glob("*.parquet")) == sorted(
        partition_name(name) for name in names)
    items = list(read_partition(str(parquet / partition_name(names[1])), {}))
    assert [getattr(item, "article", None) and item.article.id for item in items[:2]] == [
        "moscow-detained", "astana-arrivals"]
    assert isinstance(items[2], MalformedJSON)
    folder = list(read_partition(str(parquet / partition_name(names[2])), {}))
    assert isinstance(folder[0], EmptyInput) and folder[1].article.id == "helsinki"
    assert folder[1].article.detected_language == "en" and folder[1].figures


def test_a_crawl_run_again_reuses_its_partitions_and_changes_nothing(ledgers):
    names, parquet, _single, (_crawled, crawl_exports) = ledgers
    written = {p: p.stat().st_mtime_ns for p in parquet.glob("*.parquet")}
    with Ledger(str(parquet.parent / "crawl.db")) as ledger:
        again = crawl(names, ledger, Settings(workers=2), parquet=str(parquet))
        assert (again.new, again.unchanged, again.failed) == (0, 5, 2)
        assert ledger.count("article_versions") == 0
        assert _exports(ledger) == crawl_exports
    assert {p: p.stat().st_mtime_ns for p in parquet.glob("*.parquet")} == written
