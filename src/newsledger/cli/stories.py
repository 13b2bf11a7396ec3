"""Commands over stories, claims and conflicts: thin views of one ``query.Reader``."""

from __future__ import annotations

import typer
from rich.table import Table

from newsledger import query
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
from newsledger.models import Claim
from newsledger.reconcile.conflicts import describe


@command()
def stories(
    db: str = DbOption, article: str = typer.Option(None, help="The story of this article."),
    sort: str = sort_option("stories"), limit: int = LimitOption, offset: int = OffsetOption,
    as_json: bool = JsonOption,
) -> None:
    """Stories: copies, near-duplicates and translations of one text, origin first."""
    with query.open(db) as reader:
        result = reader.stories(query.StoryFilter(article=article), page_of(limit, offset), sort)
    rows = result.rows
    if as_json:
        print_json(rows)
        return
    table = Table(title=counted(result, "stories"), show_lines=True)
    for column in ("story", "article", "relation", "similarity", "evidence"):
        table.add_column(column, overflow="fold")
    for story in rows:
        for position, member in enumerate(story["members"]):
            evidence = member["evidence"] or {}
            table.add_row(story["id"] if position == 0 else "", member["article"],
                          member["relation"], "" if member["score"] is None else
                          f"{member['score']:.3f}",
                          ", ".join(f"{k}={v}" for k, v in evidence.items() if v not in ([], None)))
    console.print(table)


@command()
def claims(
    claim_id: str = typer.Argument(None, help="Show every mention of this claim."),
    db: str = DbOption,
    category: str = typer.Option(None, "--counted", help="Codebook category."),
    article: str = typer.Option(None, help="Claims with a mention in this article."),
    sort: str = sort_option("claims"), limit: int = LimitOption, offset: int = OffsetOption,
    as_json: bool = JsonOption,
) -> None:
    """Claims sorted by independent stories; with an ID, every mention side by side."""
    chosen = query.ClaimFilter(counted=category, article=article)
    with query.open(db) as reader:
        if claim_id:
            claim = reader.claim(claim_id)
            if as_json:
                print_json(claim)
            else:
                _mentions(claim)
            return
        result = reader.claims(chosen, page_of(limit, offset), sort)
    if as_json:
        print_json(result.rows)
    else:
        _claims(result.rows, counted(result, "claims"))


def _claims(rows: list[Claim], title: str) -> None:
    table = Table(title=title)
    for column in ("id", "counted", "place", "period", "values", "stories", "articles",
                   "outlets", "first", "last"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(row.id, row.counted, row.place or "", row.period or "",
                      _values(row), str(row.stories), str(row.articles),
                      ", ".join(row.outlets), row.first or "", row.last or "")
    console.print(table)


def _values(claim: Claim) -> str:
    return describe({"low": claim.low, "high": claim.high})


def _mentions(claim: Claim) -> None:
    title = (f"{claim.id}: {claim.counted} at {claim.place or 'unstated place'}, "
             f"{_values(claim)}; {claim.stories} stories, {claim.articles} articles")
    table = Table(title=title, show_lines=True)
    for column in ("quote", "number", "outlet", "date", "language", "story", "article"):
        table.add_column(column, overflow="fold")
    for mention in claim.mentions:
        table.add_row(mention.quote, mention.number_text, mention.outlet or "",
                      mention.published or "", mention.language or "",
                      mention.story or "(own)", mention.article)
    console.print(table)


@command()
def conflicts(
    db: str = DbOption, kind: str = typer.Option(None, help="figure or version."),
    article: str = typer.Option(None, help="Conflicts with a quote from this article."),
    sort: str = sort_option("conflicts"), limit: int = LimitOption, offset: int = OffsetOption,
    as_json: bool = JsonOption,
) -> None:
    """Figures and story versions that disagree: both quotes side by side, and why."""
    chosen = query.ConflictFilter(kind=kind, article=article)
    with query.open(db) as reader:
        result = reader.conflicts(chosen, page_of(limit, offset), sort)
    rows = result.rows
    if as_json:
        print_json(rows)
        return
    table = Table(title=counted(result, "conflicts"), show_lines=True)
    for column in ("kind", "a", "b", "why"):
        table.add_column(column, overflow="fold")
    for row in rows:
        sides = [f"{quote}\n— {outlet or article}, {date or 'undated'}" for quote, outlet, date,
                 article in zip((row.a, row.b), row.outlets, row.dates,
                                (row.article_a, row.article_b), strict=True)]
        table.add_row(row.kind, *sides, row.why)
    console.print(table)
