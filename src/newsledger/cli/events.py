"""Commands over events and places: mentions with their quote, places with their counts."""

from __future__ import annotations

import typer

from newsledger import api
from newsledger.cli.app import DbOption, JsonOption, app, fail, print_json, print_table
from newsledger.errors import NewsledgerError


@app.command()
def events(
    db: str = DbOption, type: str = typer.Option(None, "--type", help="Event type, e.g. protest."),
    place: str = typer.Option(None, help="Place name contains this."),
    since: str = typer.Option(None, help="Events dated on or after YYYY[-MM[-DD]]."),
    until: str = typer.Option(None, help="Events dated on or before YYYY[-MM[-DD]]."),
    as_json: bool = JsonOption,
) -> None:
    """Event mentions with their date, place, figure and quote."""
    try:
        rows = api.events(db, type=type, place=place, since=since, until=until)
    except NewsledgerError as error:
        fail(error)
    if as_json:
        print_json(rows)
        return
    print_table(rows, ("article", "type", "date", "place", "figure", "event_id", "quote"),
                title=f"{len(rows)} event mentions", wide=("quote",))


@app.command()
def places(db: str = DbOption, as_json: bool = JsonOption) -> None:
    """Places named by figures and events, most mentioned first."""
    try:
        rows = api.places(db)
    except NewsledgerError as error:
        fail(error)
    if as_json:
        print_json(rows)
        return
    print_table(rows, ("place", "mentions", "figures", "events", "latitude", "longitude"),
                title=f"{len(rows)} places")
