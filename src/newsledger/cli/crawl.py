"""The crawl command: article stages on a Dask cluster, then the ledger."""

from __future__ import annotations

import typer

from newsledger import api
from newsledger.cli.app import DbOption, command, settings_for
from newsledger.cli.articles import finish_ingest
from newsledger.cli.progress import ItemTally, corpus_note, on_interrupt, progress


@command()
def crawl(
    shards: list[str] = typer.Argument(..., help="WARC or JSONL files, or folders: one task each."),
    scheduler: str = typer.Option("local", help="Dask scheduler address (tcp://host:8786), or "
                                                "'local' for a cluster of this machine's cores."),
    db: str = DbOption,
    parquet: str = typer.Option("crawl-parquet", help="Folder of the Parquet partitions (on a "
                                                      "cluster: one every worker can write)."),
    workers: int = typer.Option(None, "--workers", min=0,
                                help="Processes of a local cluster (default: one per core)."),
) -> None:
    """Analyse shards on a Dask cluster into Parquet, then store them and run the corpus stages.

    Exits like ingest: 0, 1 when some inputs failed, 3 after an internal error.
    """
    settings = settings_for(db, workers=workers)
    with progress("articles") as bar:
        tally = ItemTally(bar, "crawling")
        with on_interrupt(lambda: f"{tally.stored} articles stored{corpus_note(settings.db)}"):
            report = api.crawl(shards, settings.db, settings, scheduler=scheduler,
                               parquet=parquet, on_item=tally)
    finish_ingest(report)
