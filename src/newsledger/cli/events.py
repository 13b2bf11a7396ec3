"""Commands over events and places: mentions with their quote, places with their counts."""

from __future__ import annotations

import typer

from newsledger import api
from newsledger.cli.app import DbOption, JsonOption, command, show_rows


@command()
def events(
    db: str = DbOption, type: str = typer.Option(None, "--type", help="Event type, e.g. protest."),
    place: str = typer.Option(None, help="Place name contains this."),
    since: str = typer.Option(None, help="Events dated on or after YYYY[-MM[-DD]]."),
    until: str = typer.Option(None, help="Events dated on or before YYYY[-MM[-DD]]."),
    as_json: bool = JsonOption,
) -> None:
    """Event mentions with their date, place, figure and quote."""
    rows = api.events(db, type=type, place=place, since=since, until=until)
    show_rows(rows, as_json, ("article", "type", "date", "place", "figure", "event_id", "quote"),
              title=f"{len(rows)} event mentions", wide=("quote",))


@command()
def places(db: str = DbOption, as_json: bool = JsonOption) -> None:
    """Places named by figures and events, most mentioned first."""
    rows = api.places(db)
    show_rows(rows, as_json, ("place", "mentions", "figures", "events", "latitude", "longitude"),
              title=f"{len(rows)} places")
