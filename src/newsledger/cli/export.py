"""Export commands: a table as CSV, JSON Lines, JSON or Parquet, and Datasette metadata."""

from __future__ import annotations

import json
import sys

import typer

from newsledger import api
from newsledger.cli.app import DbOption, command, print_json
from newsledger.cli.progress import on_interrupt, progress
from newsledger.errors import BadOption


def _filters(pairs: list[str]) -> dict[str, str]:
    """``--where`` pairs as filters; ``date=START..END`` is ``since`` and ``until`` (either end
    may be left out: ``date=2022-09..``)."""
    chosen = {}
    for pair in pairs:
        name, sep, value = (part.strip() for part in pair.partition("="))
        if not sep:
            raise BadOption(f"a filter is NAME=VALUE or date=START..END, not {pair!r}")
        if name == "date":
            since, dots, until = (part.strip() for part in value.partition(".."))
            if not dots:
                raise BadOption(f"a date range is date=START..END, not {pair!r}")
            chosen.update({key: day for key, day in (("since", since), ("until", until))
                           if day})
        else:
            chosen[name] = value
    return chosen


@command()
def export(
    table: str = typer.Argument(..., help="figures, articles, events, stories, claims, "
                                          "conflicts..., 'sqlite' for the public edition as one "
                                          "SQLite file, or 'datasette' for Datasette metadata."),
    fmt: str = typer.Option("csv", "--format", "-f", help="csv, jsonl, json, parquet, acled "
                            "(events) or geojson (tables with places)."),
    output: str = typer.Option(None, "--output", "-o",
                               help="File to write (a .provenance.json sidecar goes beside it)."),
    db: str = DbOption,
    public: bool = typer.Option(True, "--public/--private",
                                help="Public: no article text, quotes cut to the figure's clause."),
    redact: bool = typer.Option(None, "--redact/--no-redact",
                                help="Replace private persons' names by a role (default on)."),
    where: list[str] = typer.Option([], "--where", help="Filter NAME=VALUE (repeatable), or "
                                    "date=START..END for since and until."),
    excel: bool = typer.Option(False, "--excel", help="CSV with a UTF-8 byte order mark, "
                               "which spreadsheets need to read it as UTF-8."),
    force: bool = typer.Option(False, "--force", help="sqlite: replace an existing output."),
) -> None:
    """Export a table with a stable column order and row order, and its provenance."""
    if table == "sqlite":
        if not public or output is None or where:
            raise BadOption("export sqlite writes the public edition to a file: "
                            "--public -o FILE.db, no --where (the ledger is the private one)")
        rows = api.export_public_sqlite(output, db, force=force)
        sys.stderr.write(f"{sum(rows.values())} rows in {len(rows)} tables written to {output}"
                         f" (Datasette metadata: {output}.metadata.json)\n")
        return
    if table == "datasette":
        metadata = api.datasette_metadata(db, public=public)  # public: for `export sqlite`
        if output is None:
            print_json(metadata)
            return
        from newsledger.publish.exports import replace_file

        data = (json.dumps(metadata, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        replace_file(output, lambda stream: stream.write(data))
        return
    with progress("rows") as bar:
        task = bar.add_task(f"exporting {table}", total=None)
        with on_interrupt(lambda: f"nothing written; {output or 'the output'} is as it was"):
            record = api.export(table, fmt, output, db, public=public, redact=redact,
                                filters=_filters(where), excel=excel,
                                on_record=lambda: bar.advance(task))
    if output is not None:
        sys.stderr.write(f"{record['rows']} {table} rows written to {output}\n")
