"""The public library API: what the CLI and the web app call, and what a notebook imports.

>>> from newsledger import api
>>> report = api.ingest(["demo/"], db="demo.db")   # doctest: +SKIP
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from newsledger import pipeline
from newsledger.models import Article
from newsledger.pipeline import IngestReport
from newsledger.settings import Settings
from newsledger.store import Ledger


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


def crawl(shards: Iterable[str], db: str | None = None, settings: Settings | None = None, *,
          scheduler: str = "local", parquet: str = "crawl-parquet",
          on_item: Callable[[str, str], None] | None = None) -> IngestReport:
    """Analyse WARC/JSONL shards or folders on a Dask cluster (``scheduler``: its address, or
    "local" for a ``LocalCluster`` of ``settings.workers`` processes) into Parquet partitions
    under ``parquet``, then store them into the ledger, where the corpus stages run."""
    from newsledger.crawl import crawl as crawl_shards

    settings = settings or Settings.from_env(db=db)
    with open_ledger(db, settings, mode="create") as ledger:
        return crawl_shards(list(shards), ledger, settings, scheduler=scheduler,
                            parquet=parquet, on_item=on_item)


def articles(db: str | None = None, **filters) -> list[Article]:
    """Stored articles filtered by language, outlet, since, until, search."""
    with open_ledger(db) as ledger:
        return list(ledger.articles(**filters))


def article(article_id: str, db: str | None = None) -> dict:
    """One article's stored record (without its private source path) and its figures."""
    with open_ledger(db) as ledger:
        record = ledger.article_row(article_id)
        record["figures"] = list(ledger.figures(article=article_id))
        return record


def stats(db: str | None = None) -> dict:
    """Ledger totals and counts by language, outlet and month."""
    with open_ledger(db) as ledger:
        return ledger.stats()


def summary(db: str | None = None, top: int = 5) -> dict:
    """The ledger at a glance: totals, languages, date range, figures by what they count and
    the ``top`` best corroborated claims."""
    from collections import Counter
    from itertools import islice

    from newsledger.store import claims as claim_store

    with open_ledger(db) as ledger:
        overview = ledger.stats()
        months = sorted(month for month in overview["by_month"] if month != "unknown")
        counted = Counter(row["counted"] for row in ledger.figures())
        top_claims = [
            {key: claim[key] for key in ("counted", "place", "period", "low", "high", "stories",
                                         "articles")}
            for claim in islice(claim_store.claims(ledger), top)
        ]
        return {
            **{key: overview[key] for key in ("articles", "figures", "events", "stories")},
            "claims": ledger.count("claims"), "conflicts": ledger.count("conflicts"),
            "languages": overview["by_language"],
            "outlets": len(set(overview["by_outlet"]) - {"unknown"}),
            "months": [months[0], months[-1]] if months else [],
            "figures_by_counted": dict(counted.most_common()), "top_claims": top_claims,
        }


def figures(db: str | None = None, **filters) -> list[dict]:
    """Figure records with their article's outlet, date and language."""
    with open_ledger(db) as ledger:
        return list(ledger.figures(**filters))


def stories(db: str | None = None) -> list[dict]:
    """Stories of two or more articles: id, origin, and each member (origin first) with its
    relation (copy, near_duplicate, translation) and the similarity that joined it."""
    with open_ledger(db) as ledger:
        return list(ledger.stories())


def claims(db: str | None = None, counted: str | None = None) -> list[dict]:
    """Claims (figures stating one quantity), most independent stories first."""
    from newsledger.store import claims as claim_store

    with open_ledger(db) as ledger:
        return list(claim_store.claims(ledger, counted=counted))


def claim(claim_id: str, db: str | None = None) -> dict:
    """One claim with every mention (quote, outlet, date, language, story); NotFound if none."""
    from newsledger.store import claims as claim_store

    with open_ledger(db) as ledger:
        return claim_store.claim(ledger, claim_id)


def conflicts(db: str | None = None, kind: str | None = None) -> list[dict]:
    """Figure and version conflicts: both quotes, their articles, outlets, dates and why."""
    from newsledger.store import claims as claim_store

    with open_ledger(db) as ledger:
        return list(claim_store.conflicts(ledger, kind=kind))


def evaluate(corpus_dir: str, db: str | None = None, events_gold: str | None = None) -> dict:
    """Ingest a gold corpus folder into a temporary store (or ``db``), run the whole
    pipeline and score it against the folder's gold files (DESIGN.md's rules)."""
    from newsledger.evaluation import evaluate_ledger

    settings = Settings.from_env(analyze=True)
    with tempfile.TemporaryDirectory(prefix="newsledger-evaluate-") as folder:
        target = db or str(Path(folder, "evaluate.db"))
        with open_ledger(target, settings, mode="create") as ledger:
            started = time.perf_counter()
            report = pipeline.ingest([corpus_dir], ledger, settings)
            seconds = time.perf_counter() - started
            if not report.new and not report.updated:
                pipeline.analyze(ledger, settings)
            return evaluate_ledger(ledger, corpus_dir, seconds=seconds, events_gold=events_gold)


def events(db: str | None = None, **filters) -> list[dict]:
    """Event mentions filtered by type, place (contains), since and until (YYYY[-MM[-DD]])."""
    from newsledger.store.events import event_rows

    with open_ledger(db) as ledger:
        return list(event_rows(ledger, **filters))


def merged_events(db: str | None = None, **filters) -> list[dict]:
    """Real-world events: mentions merged, with article and independent-story counts."""
    from newsledger.resolve.event_merge import merged_events as merge
    from newsledger.store.events import event_rows, story_by_article

    with open_ledger(db) as ledger:
        return merge(event_rows(ledger, **filters), story_by_article(ledger))


def places(db: str | None = None) -> list[dict]:
    """Places named by figures and events, with mention counts and coordinates."""
    from newsledger.resolve.place_counts import place_counts
    from newsledger.store.events import place_rows

    with open_ledger(db) as ledger:
        return place_counts(place_rows(ledger))


def export(table: str, fmt: str, output: str | None = None, db: str | None = None, *,
           public: bool = True, redact: bool | None = None,
           filters: dict[str, str] | None = None) -> dict:
    """Write one table (``publish.exports.EXPORTERS``) as csv, jsonl, json or parquet to
    ``output`` (stdout when None) with a ``<output>.provenance.json`` sidecar; returns the
    provenance. Public exports (the default) are always redacted and never hold article text."""
    import sys

    from newsledger.publish.exports import ExportOptions, check_export, export_file, write_export

    settings = Settings.from_env(db=db)
    options = ExportOptions(public=public, redact=settings.redact if redact is None else redact,
                            filters=tuple(sorted((filters or {}).items())))
    check_export(table, fmt, options)
    with open_ledger(db, settings) as ledger:
        if output is None:
            return write_export(ledger, table, fmt, sys.stdout.buffer, options)
        return export_file(ledger, table, fmt, output, options)


def datasette_metadata(db: str | None = None) -> dict:
    """Create the SQLite ledger's views and return its Datasette metadata (descriptions,
    facets, label columns, full-text search)."""
    from newsledger.publish.datasette import prepare_for_datasette

    with open_ledger(db, mode="write") as ledger:
        return prepare_for_datasette(ledger)


def migrate(source: str, target: str) -> dict[str, int]:
    """Copy the ledger at ``source`` into the empty ledger at ``target`` (any two database
    URLs); returns rows copied per table, checked against the target's counts."""
    from newsledger.store.migrate import copy_ledger

    return copy_ledger(source, target)
