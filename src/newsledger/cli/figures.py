"""Commands over figures: list them with their evidence, and score the pipeline on gold."""

from __future__ import annotations

import tempfile

import typer
from rich.table import Table
from rich.text import Text

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
    sort_option,
)
from newsledger.errors import BadOption
from newsledger.evaluate import EvaluationReport, format_report
from newsledger.evaluation import summary_line
from newsledger.labels import labelled_split


def highlighted_quote(row: dict) -> Text:
    """The quote with the number expression in bold."""
    quote = Text(row["quote"])
    start = row["number_start"] - row["quote_start"]
    if 0 <= start <= len(row["quote"]):
        quote.stylize("bold yellow", start, start + len(row["number_text"]))
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
    table = Table(title=counted(result, "figures"), show_lines=True)
    for column in ("article", "counted", "interval", "qualifier", "place", "source", "quote"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(row["article"], row["counted"], _interval(row), row["qualifier"],
                      row["place"] or "", row["attributed_to"] or "", highlighted_quote(row))
    console.print(table)


@command()
def evaluate(
    corpus_dir: str = typer.Argument(..., help="A gold corpus folder (articles + gold files)."),
    db: str = typer.Option(None, "--db", help="Store to use instead of a temporary one."),
    events_gold: str = typer.Option(
        None, "--events-gold", help="Event gold (JSONL); default: the folder's events_gold.jsonl."),
    labels: str = typer.Option(
        None, "--labels", help="Our label folder of ids and offsets into CORPUS_DIR "
        "(e.g. labels/pool); scores the labelled articles of --split."),
    split: str = typer.Option("test", "--split", help="With --labels: test, train or all."),
    as_json: bool = JsonOption,
) -> None:
    """Run the pipeline over a gold corpus and score it; the last line sums it up."""
    if split not in ("test", "train", "all"):
        raise BadOption(f"--split must be test, train or all, not {split!r}")
    with tempfile.TemporaryDirectory(prefix="newsledger-labels-") as folder:
        scored = str(labelled_split(labels, corpus_dir, split, folder)) if labels else corpus_dir
        result = api.evaluate(scored, db, events_gold)
    if labels:
        result["corpus"] = f"{corpus_dir} ({labels}, split {split})"
    score = result["figures"]
    if as_json:
        print_json({
            **{key: result[key] for key in ("stories", "conflicts", "events") if key in result},
            "corpus": result["corpus"], "articles": result["articles"],
            "figures": {
                "strict_f1": score.strict_f1, "f1": score.f1, "precision": score.precision,
                "recall": score.recall, "predicted": score.predicted, "gold": score.gold,
                "matched": score.matched, "strict": score.strict,
                "field_accuracy": score.field_accuracy,
                "recall_by_language": score.recall_by_language,
                "recall_by_category": score.recall_by_category,
            },
        })
        return
    report = EvaluationReport(result["corpus"], result["articles"], result["words"],
                              result["seconds"], score)
    lines = format_report(report).splitlines()[:-1]
    if "stories" in result:
        stories = result["stories"]
        lines.append(f"stories: P={stories['precision']:.3f} R={stories['recall']:.3f} "
                     f"({stories['predicted_pairs']} pairs predicted, "
                     f"{stories['gold_pairs']} gold)")
    if "conflicts" in result:
        conflicts = result["conflicts"]
        lines.append(f"conflicts: {conflicts['found']} of {conflicts['gold']} gold found, "
                     f"{conflicts['extra']} more flagged")
    if "events" in result:
        lines.append(result["events"]["summary"])
    lines.append(summary_line(result))
    typer.echo("\n".join(lines))
