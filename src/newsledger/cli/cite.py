"""``newsledger cite``: how to cite one figure, claim, event or conflict."""

from __future__ import annotations

import typer

from newsledger import api
from newsledger.cli.app import DbOption, JsonOption, command, print_json


@command()
def cite(
    kind: str = typer.Argument(..., help="figure, claim, event or conflict"),
    record_id: str = typer.Argument(..., metavar="ID", help="Its ledger id."),
    db: str = DbOption,
    as_json: bool = JsonOption,
    private: bool = typer.Option(False, "--private",
                                 help="Keep private persons' names in the quotes."),
) -> None:
    """The citation of one record: its sources' outlet, date, quote and URL, its ledger id and
    the ledger's as-of date (names of private persons in quotes replaced by a role)."""
    record = api.cite(kind, record_id, db, redact=not private)
    if as_json:
        print_json(record)
    else:
        typer.echo(record["citation"])
