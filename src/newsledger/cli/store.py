"""Store commands: copy a ledger between databases."""

from __future__ import annotations

import typer

from newsledger import api
from newsledger.cli.app import command


@command()
def migrate(
    source: str = typer.Option(..., "--from", help="Ledger to copy (path or database URL)."),
    target: str = typer.Option(..., "--to", help="Empty ledger to copy into (path or URL)."),
) -> None:
    """Copy every table of a ledger into another database; counts are checked after."""
    counts = api.migrate(source, target)
    typer.echo(", ".join(f"{rows} {table}" for table, rows in counts.items()) + " copied")
