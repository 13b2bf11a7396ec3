"""Commands over figures: list them with their evidence, and score the pipeline on gold."""

from __future__ import annotations

import typer
from rich.text import Text

from newsledger import api, query
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
    page_of,
    print_fitted,
    print_json,
    sort_option,
)
from newsledger.cli.progress import ItemTally, on_interrupt, progress
from newsledger.evaluation import report


def highlighted_quote(row: dict) -> Text:
    """The quote with the number expression in bold."""
    quote = Text(row["quote"])
    start = row["number_start"] - row["quote_start"]
    if 0 <= start <= len(row["quote"]):
        quote.stylize("bold yellow", start, start + len(row["number_text"]))
    return quote


def _quote_and_source(row: dict) -> Text:
    """The highlighted quote, and on a line of its own who it is attributed to."""
    quote = highlighted_quote(row)
    if row["attributed_to"]:
        quote.append(f"\n— {row['attributed_to']}", style="dim")
    return quote


def _interval(row: dict) -> str:
    low = "" if row["low"] is None else f"{row['low']:,}"
    high = "" if row["high"] is None else f"{row['high']:,}"
    return low if low == high else f"{low}..{high}"


PlaceOption = typer.Option(None, help="Gazetteer place id or name in any language; places "
                                       "inside it included.")


@command()
def figures(
    db: str = DbOption, article: str = typer.Option(None, help="Only this article."),
    category: str = typer.Option(None, "--counted", help="Codebook category, e.g. left_country."),
    lang: str = typer.Option(None, help="Article language (ISO 639-1)."),
    place: str = PlaceOption,
    outlet: str = typer.Option(None, help="Article outlet (host name)."),
    since: str = typer.Option(None, help="Published on or after YYYY-MM-DD."),
    until: str = typer.Option(None, help="Published on or before YYYY-MM-DD."),
    search: str = typer.Option(None, help="Words the article contains."),
    sort: str = sort_option("figures"), limit: int = LimitOption, offset: int = OffsetOption,
    as_json: bool = JsonOption,
) -> None:
    """Figures with the quote they came from, the number highlighted."""
    chosen = query.FigureFilter(article=article, counted=category, language=lang, place=place,
                                outlet=outlet, since=since, until=until, text=search)
    with query.open(db) as reader:
        result = reader.figures(chosen, page_of(limit, offset), sort)
    rows = result.rows
    if as_json:
        print_json(rows)
        return
    print_fitted([("id", ID), ("article", ID), ("counted", SHORT), ("value", SHORT),
                  ("place", SHORT), ("quote (source)", TEXT)],
                 [(row["id"], row["article"], row["counted"],
                   f"{_interval(row)} {row['qualifier']}", row["place"], _quote_and_source(row))
                  for row in rows],
                 title=counted(result, "figures"), show_lines=True)


@command()
def evaluate(
    corpus_dir: str = typer.Argument(..., help="A gold corpus folder (articles + gold files)."),
    db: str = typer.Option(None, "--db", help="Store to use instead of a temporary one."),
    events_gold: list[str] = typer.Option(
        None, "--events-gold", help="Event gold (JSONL; may be repeated); default: the "
        "folder's events_gold.jsonl."),
    persons_gold: str = typer.Option(
        None, "--persons-gold", help="Persons gold (JSONL) to score redaction against; "
        "default: the folder's persons_gold.jsonl."),
    labels: str = typer.Option(
        None, "--labels", help="Our label folder of ids and offsets into CORPUS_DIR "
        "(e.g. labels/pool); scores the labelled articles of --split."),
    split: str = typer.Option("test", "--split", help="With --labels: test, train or all."),
    as_json: bool = JsonOption,
) -> None:
    """Run the pipeline over a gold corpus and score it; the last line sums it up."""
    with progress("articles") as bar:
        tally = ItemTally(bar, "evaluating")
        with on_interrupt(lambda: f"nothing scored; {db} holds what was ingested" if db
                          else "nothing scored, nothing kept"):
            result = api.evaluate(corpus_dir, db, events_gold or (), labels=labels,
                                  split=split, persons_gold=persons_gold, on_item=tally)
    if as_json:
        print_json(report.as_json(result))
        return
    typer.echo(report.format_text(result))
