"""The public library API: ingest, analyse, evaluate, export and migrate a ledger; reads go
through ``newsledger.query`` (the functions here that read are one-line shortcuts to it).

>>> from newsledger import api, query
>>> report = api.ingest(["demo/"], db="demo.db")   # doctest: +SKIP
>>> reader = query.open("demo.db")                  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from newsledger import pipeline, query
from newsledger.models import Article, Claim, Conflict
from newsledger.pipeline import IngestReport
from newsledger.query import Page, Reader
from newsledger.settings import Settings
from newsledger.store import Ledger

EVERY = Page(None)  # every row of a list

if TYPE_CHECKING:
    from newsledger.evaluation.runner import Evaluation


@contextmanager
def open_ledger(db: str | None = None, settings: Settings | None = None,
                mode: str = "read") -> Iterator[Ledger]:
    """The ledger named by ``db`` (else settings, else ``$NEWSLEDGER_DB``, else newsledger.db),
    opened read-only unless ``mode`` is "write" or "create" (see ``Ledger``): only writers
    that add articles create a ledger."""
    settings = settings or Settings.from_env(db=db)
    ledger = Ledger(db or settings.db, mode=mode)
    try:
        yield ledger
    finally:
        ledger.close()


def ingest(names: Iterable[str], db: str | None = None, settings: Settings | None = None,
           on_item: Callable[[str, str], None] | None = None) -> IngestReport:
    """Ingest files, folders, URLs and feeds into the ledger, analysing each new article."""
    settings = settings or Settings.from_env(db=db)
    with open_ledger(db, settings, mode="create") as ledger:
        return pipeline.ingest(names, ledger, settings, on_item=on_item)


def analyze(db: str | None = None, settings: Settings | None = None,
            on_item: Callable[[str, str], None] | None = None) -> int:
    """Re-run the analysis stages over every stored article; returns how many."""
    settings = settings or Settings.from_env(db=db)
    with open_ledger(db, settings, mode="write") as ledger:
        return pipeline.analyze(ledger, settings, on_item=on_item)


def _reader(db: str | None) -> Reader:
    return query.open(db)

def crawl(shards: Iterable[str], db: str | None = None, settings: Settings | None = None, *,
          scheduler: str = "local", parquet: str = "crawl-parquet",
          on_item: Callable[[str, str], None] | None = None) -> IngestReport:
    """Analyse WARC/JSONL shards or folders on a Dask cluster (``scheduler``: its address, or
    "local" for a ``LocalCluster`` of ``settings.workers`` processes) into Parquet partitions
    under ``parquet``, then store them into the ledger, where the corpus stages run."""
    from newsledger.pipeline.crawl import crawl as crawl_shards

    settings = settings or Settings.from_env(db=db)
    with open_ledger(db, settings, mode="create") as ledger:
        return crawl_shards(list(shards), ledger, settings, scheduler=scheduler,
                            parquet=parquet, on_item=on_item)


def articles(db: str | None = None, **filters) -> list[Article]:
    """Stored articles; ``filters`` are the fields of ``query.ArticleFilter``."""
    with _reader(db) as reader:
        return list(reader.each_article(**filters))


def article(article_id: str, db: str | None = None) -> dict:
    """One article's stored record (without its private source path) and its figures."""
    with _reader(db) as reader:
        return {**reader.article(article_id),
                "figures": reader.figures(article=article_id, page=EVERY).rows}


def stats(db: str | None = None) -> dict:
    """Ledger totals and counts by language, outlet and month."""
    with _reader(db) as reader:
        return reader.stats()


def summary(db: str | None = None, top: int = 5) -> dict:
    """The ledger at a glance (``query.Reader.summary``)."""
    with _reader(db) as reader:
        return reader.summary(top)


def figures(db: str | None = None, **filters) -> list[dict]:
    """Figure records with their article's outlet, date and language; ``filters`` are the
    fields of ``query.FigureFilter``."""
    with _reader(db) as reader:
        return reader.figures(page=EVERY, **filters).rows


def stories(db: str | None = None) -> list[dict]:
    """Stories of two or more articles, largest first, each member (origin first) with its
    relation (copy, near_duplicate, translation) and the similarity that joined it."""
    with _reader(db) as reader:
        return reader.stories(page=EVERY).rows


def claims(db: str | None = None, **filters) -> list[Claim]:
    """Claims (figures stating one quantity), most independent stories first."""
    with _reader(db) as reader:
        return reader.claims(page=EVERY, **filters).rows


def claim(claim_id: str, db: str | None = None) -> Claim:
    """One claim with every mention (quote, outlet, date, language, story); NotFound if none."""
    with _reader(db) as reader:
        return reader.claim(claim_id)


def cite(kind: str, record_id: str, db: str | None = None, redact: bool = True) -> dict:
    """How to cite one figure, claim, event or conflict: outlet, date, quote and URL of its
    sources, its ledger id and permalink, the ledger's as-of date (``publish.cite``); private
    persons' names in the quotes replaced unless ``redact`` is False."""
    from newsledger.publish.cite import cite_record

    with _reader(db) as reader:
        return cite_record(reader, kind, record_id, redact=redact)


def conflicts(db: str | None = None, **filters) -> list[Conflict]:
    """Figure and version conflicts, newest first: both quotes, their articles and why."""
    with _reader(db) as reader:
        return reader.conflicts(page=EVERY, **filters).rows


def evaluate(corpus_dir: str, db: str | None = None, events_gold: Iterable[str] = (), *,
             labels: str | None = None, split: str = "test",
             persons_gold: str | None = None,
             on_item: Callable[[str, str], None] | None = None) -> Evaluation:
    """Ingest a gold corpus folder (or, with ``labels``, the labelled articles of one split of
    our labels of ``corpus_dir``) into a temporary store (or ``db``), run the whole pipeline and
    score every kind it has gold for (DESIGN.md's rules); see ``evaluation.runner``."""
    from newsledger.evaluation.runner import GoldSet
    from newsledger.evaluation.runner import evaluate as run

    gold = GoldSet(corpus_dir, labels, split, tuple(events_gold), persons_gold)
    return run(gold, db, Settings.from_env(analyze=True), on_item=on_item)


def events(db: str | None = None, **filters) -> list[dict]:
    """Event mentions; ``filters`` are the fields of ``query.EventFilter``."""
    with _reader(db) as reader:
        return reader.event_mentions(page=EVERY, **filters).rows


def places(db: str | None = None) -> list[dict]:
    """Places named by figures and events, with mention counts and coordinates."""
    with _reader(db) as reader:
        return reader.places()


def export(table: str, fmt: str, output: str | None = None, db: str | None = None, *,
           public: bool = True, redact: bool | None = None,
           filters: dict[str, str] | None = None, excel: bool = False,
           on_record: Callable[[], None] | None = None) -> dict:
    """Write one table (``publish.exports.EXPORTERS``) as csv, jsonl, json or parquet to
    ``output`` (stdout when None) with a ``<output>.provenance.json`` sidecar; returns the
    provenance. Public exports (the default) are always redacted and never hold article text.
    ``excel`` starts a CSV with a UTF-8 byte order mark (spreadsheets then read it as UTF-8);
    ``on_record`` is called as each record is written (a progress bar)."""
    import sys

    from newsledger.publish.exports import ExportOptions, check_export, export_file, write_export

    settings = Settings.from_env(db=db)
    options = ExportOptions(public=public, redact=settings.redact if redact is None else redact,
                            filters=tuple(sorted((filters or {}).items())), excel=excel)
    check_export(table, fmt, options)
    with query.open(db, settings) as reader:
        if output is None:
            return write_export(reader, table, fmt, sys.stdout.buffer, options, on_record)
        return export_file(reader, table, fmt, output, options, on_record)


def export_public_sqlite(output: str, db: str | None = None, *, force: bool = False) -> dict:
    """Write the public edition of the ledger (``publish.sqlite_public``) to the SQLite file
    ``output`` and its Datasette metadata to ``<output>.metadata.json``; an existing output
    is refused unless ``force``. Returns the rows written per table."""
    import json

    from newsledger.publish.datasette import public_metadata
    from newsledger.publish.exports import replace_file
    from newsledger.publish.sqlite_public import write_public_sqlite

    with _reader(db) as reader:
        records = write_public_sqlite(reader, output, force=force)
    name = output.rsplit("/", 1)[-1].rsplit(".", 1)[0] or "public"
    data = (json.dumps(public_metadata(name), ensure_ascii=False, indent=2) + "\n").encode()
    replace_file(output + ".metadata.json", lambda stream: stream.write(data))
    return {record["table"]: record["rows"] for record in records}


def datasette_metadata(db: str | None = None, public: bool = False) -> dict:
    """Create the SQLite ledger's views and return its Datasette metadata (descriptions,
    facets, label columns, full-text search); ``public``: the metadata of the public edition
    (``export_public_sqlite``), which serves no article text nor source path."""
    if public:
        from newsledger.publish.datasette import public_metadata

        return public_metadata()
    from newsledger.publish.datasette import prepare_for_datasette

    with open_ledger(db, mode="write") as ledger:
        return prepare_for_datasette(ledger)


def migrate(source: str, target: str) -> dict[str, int]:
    """Copy the ledger at ``source`` into the empty ledger at ``target`` (any two database
    URLs); returns rows copied per table, checked against the target's counts."""
    from newsledger.store.copy import copy_ledger

    return copy_ledger(source, target)


def references(db: str | None = None, counted: str | None = None) -> list[dict]:
    """Official reference figures (``import_reference``), by quantity, place and day."""
    with _reader(db) as reader:
        return reader.references(counted)


def import_reference(path: str, db: str | None = None) -> dict:
    """Load the official figures of a reference CSV (``ingest.reference``) into the ledger:
    the file's rows replace those imported from a file of its name before, bad rows are
    reported (one coded line each) and skipped, and the reference conflicts are found again.
    Importing the same file twice changes nothing."""
    from newsledger.ingest.reference import read_reference_csv
    from newsledger.pipeline import refresh_reference_conflicts
    from newsledger.store.references import replace_file

    loaded = read_reference_csv(path)
    with open_ledger(db, mode="write") as ledger:
        counts = replace_file(ledger, loaded.name, loaded.rows)
        conflicts = refresh_reference_conflicts(ledger)
    return {"file": loaded.name, "rows": len(loaded.rows), **counts, "conflicts": conflicts,
            "errors": [str(error) for error in loaded.errors]}


def series(counted: str, place: str | None = None, db: str | None = None,
           rate: str | None = None, reported: bool = False) -> dict:
    """One quantity over the days its figures speak of, beside the official figures
    (``publish.series``)."""
    from newsledger.publish.series import series as build

    return build(counted, place, db, rate, reported)
