"""Commands over stories, claims and conflicts: thin views of one ``query.Reader``."""

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
    lines = []
    for story in rows:
        for position, member in enumerate(story["members"]):
            evidence = member["evidence"] or {}
            lines.append((story["id"] if position == 0 else "", member["article"],
                          member["relation"], "" if member["score"] is None else
                          f"{member['score']:.3f}",
                          ", ".join(f"{k}={v}" for k, v in evidence.items()
                                    if v not in ([], None))))
    print_fitted([("story", ID), ("article", ID), ("relation", SHORT), ("similarity", SHORT),
                  ("evidence", TEXT)], lines, title=counted(result, "stories"), show_lines=True)


@command()
def claims(
    claim_id: str = typer.Argument(None, help="Show every mention of this claim."),
    db: str = DbOption,
    category: str = typer.Option(None, "--counted", help="Codebook category."),
    article: str = typer.Option(None, help="Claims with a mention in this article."),
    sort: str = sort_option("claims"), limit: int = LimitOption, offset: int = OffsetOption,
    as_json: bool = JsonOption,
) -> None:
    """Claims sorted by independent stories; with an ID, every mention side by side (the
    outlets and dates of each claim are in ``--json`` and in the mentions)."""
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
    print_fitted([("id", ID), ("counted", SHORT), ("place", SHORT), ("period", TEXT),
                  ("values", SHORT), ("stories", SHORT), ("sources", SHORT)],
                 [(row.id, row.counted, row.place, row.period, _values(row), row.stories,
                   "?" if row.sources is None else row.sources) for row in rows], title=title)


def _sources(claim: Claim) -> str:
    """Originating sources: their count and the known ones by name."""
    if claim.sources is None:
        return "?"
    return f"{claim.sources} ({', '.join(claim.origins)})" if claim.origins else str(claim.sources)


def _values(claim: Claim) -> str:
    return describe({"low": claim.low, "high": claim.high})


def _mentions(claim: Claim) -> None:
    title = (f"{claim.id}: {claim.counted} at {claim.place or 'unstated place'}, "
             f"{_values(claim)}{' (an estimate)' if claim.estimate else ''}; "
             f"{claim.stories} stories, {_sources(claim)} originating sources, "
             f"{claim.articles} articles")
    print_fitted([("quote", TEXT), ("source", TEXT), ("story", ID), ("article", ID)],
                 [(highlighted(mention.quote, mention.number_text),
                   ", ".join(filter(None, (mention.outlet, mention.published,
                                           mention.language, mention.source and
                                           f"per {mention.source}"))),
                   mention.story or "(own)", mention.article)
                  for mention in claim.mentions],
                 title=title, show_lines=True)


def _side(quote: str, outlet: str | None, date: str | None, article: str) -> str:
    return f"{quote}\n— {outlet or article}, {date or 'undated'}"


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
    lines = []
    for row in rows:
        quotes = zip((row.a, row.b), row.outlets, row.dates, (row.article_a, row.article_b),
                     strict=True)
        sides = [_side(*quote) for quote in quotes]
        sides[1] += "".join("\n\n" + _side(other.quote, other.outlet, other.date, other.article)
                            for other in row.others)
        lines.append((row.id, row.kind, *sides, row.why))
    print_fitted([("id", ID), ("kind", SHORT), ("a", TEXT), ("b", TEXT), ("why", TEXT)], lines,
                 title=counted(result, "conflicts"), show_lines=True)
