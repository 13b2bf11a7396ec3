"""Commands that fill and read the article store: ingest, analyze, articles, show, stats and
summary."""

from __future__ import annotations

import typer

from newsledger import api, query
from newsledger.cli.app import (
    DbOption,
    JsonOption,
    LimitOption,
    OffsetOption,
    command,
    console,
    counted,
    page_of,
    print_json,
    print_table,
    settings_for,
    show_rows,
    sort_option,
)
from newsledger.cli.figures import _interval as interval_text
from newsledger.cli.progress import ItemTally, corpus_note, on_interrupt, progress


@command()
def ingest(
    inputs: list[str] = typer.Argument(..., help="Files, folders, URLs or feeds."),
    db: str = DbOption,
    analyze: bool = typer.Option(True, help="Extract figures and events while ingesting."),
    max_bytes: int = typer.Option(None, "--max-bytes", help="Refuse inputs larger than this."),
    workers: int = typer.Option(None, "--workers", min=0,
                                help="Processes analysing articles (default: one per core)."),
) -> None:
    """Ingest articles; one bad input never stops the others.

    Exits 0 when every input went in (warnings allowed), 1 when some inputs failed and 3 when
    one met an internal error (a bug to report); the other inputs went in all the same.
    """
    settings = settings_for(db, analyze=analyze, max_input_bytes=max_bytes, workers=workers)
    with progress("inputs") as bar:
        tally = ItemTally(bar, "ingesting")
        with on_interrupt(lambda: f"{tally.stored} articles stored{corpus_note(settings.db)}"):
            report = api.ingest(inputs, settings.db, settings, on_item=tally)
    finish_ingest(report)


def finish_ingest(report: api.IngestReport) -> None:
    """Print the summary; exit 3 after an internal error, 1 after a failed input."""
    console.print(report.summary(), highlight=False, soft_wrap=True)
    if report.crashed:
        raise typer.Exit(3)
    if report.failed:
        raise typer.Exit(1)


@command()
def analyze(db: str = DbOption) -> None:
    """Re-run extraction, stories and resolution over everything stored."""
    with query.open(db) as reader:
        total = reader.totals()["articles"]
    with progress("articles") as bar:
        tally = ItemTally(bar, "analyzing", total)
        with on_interrupt(lambda: f"{tally.counts['analyzed']} of {total} articles analyzed"
                                  f"{corpus_note(db)}"):
            count = api.analyze(db, on_item=tally)
    console.print(f"{count} articles analyzed")


@command()
def articles(
    db: str = DbOption, lang: str = typer.Option(None, help="Language (ISO 639-1)."),
    outlet: str = typer.Option(None), since: str = typer.Option(None, help="YYYY-MM-DD"),
    until: str = typer.Option(None, help="YYYY-MM-DD"),
    search: str = typer.Option(None, help="Words the article contains (any case, prefixes)."),
    category: str = typer.Option(None, "--counted", help="With a figure of this category."),
    place: str = typer.Option(None, help="With a figure at this place (gazetteer id or name; "
                                         "places inside it included)."),
    sort: str = sort_option("articles"), limit: int = LimitOption, offset: int = OffsetOption,
    as_json: bool = JsonOption,
) -> None:
    """List stored articles."""
    chosen = query.ArticleFilter(language=lang, outlet=outlet, since=since, until=until,
                                 text=search, counted=category, place=place)
    with query.open(db) as reader:
        result = reader.articles(chosen, page_of(limit, offset), sort)
    rows = [{"id": a["id"], "outlet": a["outlet"], "published": a["published"],
             "lang": a["language"], "title": a["title"]} for a in result.rows]
    show_rows(rows, as_json, ["id", "published", "lang", "outlet", "title"],
              title=counted(result, "articles"), wide=("outlet", "title"))


@command()
def show(article_id: str, db: str = DbOption, as_json: bool = JsonOption) -> None:
    """One article: its metadata, text and figures."""
    with query.open(db) as reader:
        record = {**reader.article(article_id),
                  "figures": reader.figures(article=article_id, page=query.Page(None)).rows}
    if as_json:
        print_json(record)
        return
    for key in ("id", "title", "url", "outlet", "published", "language", "detected_language",
                "language_confidence", "version", "ingested_at"):
        console.print(f"[bold]{key}[/bold]: {record.get(key)}", highlight=False)
    console.print()
    console.print(record["text"], highlight=False, markup=False)
    if record["figures"]:
        print_table(record["figures"], ["number_text", "counted", "low", "high", "qualifier",
                                        "place", "quote"], wide=("quote",),
                    title=f"{len(record['figures'])} figures")


def _print_counts(data: dict, name: str, limit: int = 15) -> None:
    rows = [{name: key, "articles": value} for key, value in list(data.items())[:limit]]
    print_table(rows, [name, "articles"])


@command()
def stats(db: str = DbOption, as_json: bool = JsonOption) -> None:
    """Counts by language, outlet and month; declared vs detected language."""
    with query.open(db) as reader:
        data = reader.stats()
    if as_json:
        print_json(data)
        return
    console.print(f"{data['articles']} articles, {data['figures']} figures, "
                  f"{data['events']} events, {data['stories']} stories")
    agreement = data["language_agreement"]
    console.print(f"declared language agrees with detected: {agreement['agree']} of "
                  f"{agreement['declared']}")
    for key, name in (("by_language", "language"), ("by_outlet", "outlet"),
                      ("by_month", "month")):
        _print_counts(data[key], name)


@command()
def summary(db: str = DbOption, as_json: bool = JsonOption) -> None:
    """The ledger at a glance, and where to look next."""
    with query.open(db) as reader:
        data = reader.summary()
    if as_json:
        print_json(data)
        return
    languages = ", ".join(f"{code} {count}" for code, count in data["languages"].items())
    console.print(
        f"[bold]{data['articles']} articles[/bold] from {data['outlets']} outlets "
        f"({languages}); {data['figures']} figures, {data['events']} events, "
        f"{data['stories']} stories, {data['claims']} claims, {data['conflicts']} conflicts",
        highlight=False)
    if data["months"]:
        console.print(f"published {data['months'][0]} to {data['months'][-1]}", highlight=False)
    if data["figures_by_counted"]:
        print_table([{"counted": key, "figures": value}
                     for key, value in data["figures_by_counted"].items()],
                    ["counted", "figures"], title="figures by what they count")
    if data["top_claims"]:
        rows = [{**claim, "interval": interval_text(claim),
                 "up to": claim["as_of"] or claim["period"]} for claim in data["top_claims"]]
        print_table(rows, ["counted", "interval", "place", "up to", "stories", "sources"],
                    title="best corroborated claims", wide=("up to",))
    where = f" --db {db}" if db else ""
    console.print("\nwhere to look next:", highlight=False)
    for suggestion in (f"newsledger figures{where}", f"newsledger serve{where}",
                       f"newsledger export figures --format csv{where}",
                       f"newsledger articles{where}"):
        console.print(f"  {suggestion}", highlight=False, markup=False)
