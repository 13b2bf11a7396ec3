"""``newsledger series``: one quantity over time; ``newsledger reference import``: official
figures to set beside it."""

from __future__ import annotations

import typer
from rich.markup import escape

from newsledger import api
from newsledger.cli.app import (
    ID,
    SHORT,
    TEXT,
    DbOption,
    JsonOption,
    app,
    command,
    console,
    errors,
    print_fitted,
    print_json,
)

reference_app = typer.Typer(help="Official reference figures (source, day, quantity, value, URL).",
                            no_args_is_help=True)
app.add_typer(reference_app, name="reference")


def _rows(result: dict) -> list[tuple[str, ...]]:
    """Points and official figures as one table by day: day, interval with its qualifier,
    source, independent stories and the quote with its article (the official figure's URL)."""
    rows = [(point["as_of"], f"{point['interval']} {point['qualifier']}",
             point["source"] + (" (≠ official)" if point["contradicts"] else ""),
             str(point["stories"]), f"{point['quote']} ({point['article']})")
            for point in result["points"]]
    rows += [(reference["as_of"], f"{reference['interval']} {reference['qualifier']}",
              f"official: {reference['source']}", "", reference["url"])
             for reference in result["references"]]
    return sorted(rows, key=lambda row: (row[0], not row[2].startswith("official: ")))


def _print_series(result: dict, title: str) -> None:
    print_fitted([("day", ID), ("interval", SHORT), ("source", SHORT), ("stories", SHORT),
                  ("quote (article)", TEXT)], _rows(result), title=title)


@command()
def series(
    counted: str = typer.Option(..., "--counted", help="Codebook category, e.g. left_country."),
    place: str = typer.Option(None, "--place", help="Place (any name the gazetteer knows)."),
    rate: str = typer.Option(None, "--rate", help="Figures of this rate (per_day) instead of "
                             "totals."),
    reported: bool = typer.Option(False, "--reported", help="Place figures that state no time "
                                  "of their own at their article's date (marked)."),
    db: str = DbOption, as_json: bool = JsonOption,
) -> None:
    """One quantity as points on the days its figures speak of (not their publication
    dates), with sources, corroboration and quotes, beside the official figures; says how
    many figures were left out and why."""
    result = api.series(counted, place, db, rate=rate, reported=reported)
    if as_json:
        print_json(result)
        return
    where = f" at {place}" if place else ""
    _print_series(result, f"{counted}{where}: {len(result['points'])} points, "
                  f"{len(result['references'])} official figures")
    for reason in result["left_out"]["reasons"]:
        console.print(f"left out {reason['figures']}: {escape(reason['why'])}", highlight=False,
                      soft_wrap=True)


@command("import", on=reference_app)
def import_reference(
    file: str = typer.Argument(..., help="CSV: source, as_of, counted, place, value (or "
                               "low/high), url, note; optional since."),
    db: str = DbOption, as_json: bool = JsonOption,
) -> None:
    """Load official figures; a bad row is one coded line and the other rows still load.
    Importing the same file again changes nothing. Exits 1 when some rows were bad."""
    report = api.import_reference(file, db)
    if as_json:
        print_json(report)
    else:
        for line in report["errors"]:
            errors.print(f"[red]bad row[/red] {escape(line)}", highlight=False, soft_wrap=True)
        console.print(f"{report['file']}: {report['rows']} rows loaded ({report['new']} new, "
                      f"{report['updated']} updated, {report['unchanged']} unchanged, "
                      f"{report['removed']} removed), {len(report['errors'])} bad, "
                      f"{report['conflicts']} reference conflicts", highlight=False)
    if report["errors"]:
        raise typer.Exit(1)
