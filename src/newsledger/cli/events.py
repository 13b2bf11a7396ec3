"""Commands over events and places: mentions with their quote, places with their counts."""

from __future__ import annotations

import typer

from newsledger import query
from newsledger.cli.app import (
    ID,
    SHORT,
    TEXT,
    DbOption,
    JsonOption,
    LimitOption,
    OffsetOption,
    command,
    counted,
    highlighted,
    page_of,
    print_fitted,
    print_json,
    show_rows,
    sort_option,
)
from newsledger.cli.figures import PlaceOption


@command()
def events(
    db: str = DbOption, type: str = typer.Option(None, "--type", help="Event type, e.g. protest."),
    place: str = PlaceOption, article: str = typer.Option(None, help="Only this article."),
    since: str = typer.Option(None, help="Events dated on or after YYYY[-MM[-DD]]."),
    until: str = typer.Option(None, help="Events dated on or before YYYY[-MM[-DD]]."),
    sort: str = sort_option("event_mentions"), limit: int = LimitOption,
    offset: int = OffsetOption, as_json: bool = JsonOption,
) -> None:
    """Event mentions with their date, place, figure and quote."""
    chosen = query.EventFilter(type=type, place=place, article=article, since=since,
                               until=until)
    with query.open(db) as reader:
        result = reader.event_mentions(chosen, page_of(limit, offset), sort)
    if as_json:
        print_json(result.rows)
        return
    print_fitted([("event_id", ID), ("article", ID), ("type", SHORT), ("date, place", SHORT),
                  ("quote", TEXT)],
                 [(row["event_id"], row["article"], row["type"],
                   ", ".join(filter(None, (row["date"], row["place"]))),
                   highlighted(row["quote"], row["figure"])) for row in result.rows],
                 title=counted(result, "event mentions"))


@command()
def places(db: str = DbOption, as_json: bool = JsonOption) -> None:
    """Places named by figures and events, most mentioned first."""
    with query.open(db) as reader:
        rows = reader.places()
    show_rows(rows, as_json, ("place", "mentions", "figures", "events", "latitude", "longitude"),
              title=f"{len(rows)} places")
