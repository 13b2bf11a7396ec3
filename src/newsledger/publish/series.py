"""One quantity over time: the ledger's figures of one category (and place) as points on the
days they speak of, beside the official reference figures.

A point's day is the end of the period its figure states ("since September 21" as published on
27 September ends on the 27th; "on September 25" is that day), never the day the article was
published: a 2023 report of a September 2022 count belongs to September 2022. Figures whose
time cannot be placed are left out and counted by reason, not dropped silently; with
``reported`` a figure that states no time of its own stands at its article's date, marked so.
Copies of one figure (one interval on one day) in one story are one point (one story, one
source), with the copies listed; each point carries the corroboration of its claim
(independent stories stating it).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsledger.base.places import resolve_place
from newsledger.errors import BadOption
from newsledger.extract.cues import rate_names
from newsledger.models import COUNTED, Claim, Conflict
from newsledger.reconcile.conflicts import describe
from newsledger.reconcile.quantities import place_key

if TYPE_CHECKING:
    from newsledger.query import Reader

LEFT_OUT = {
    "no_time": "the figure states no time of its own (its article's date is when it was "
               "reported, not when the count stood; ask for report dates to place it there)",
    "no_anchor": "the figure states a time (\"on Tuesday\", \"on September 25\") that cannot be "
                 "placed on the calendar: its article has no publication date",
    "unresolved": "the figure states a time that could not be placed on the calendar",
    "rate": "the figure is a rate, not a total (ask for the rate to see it)",
    "other_rate": "the figure is a total or a rate other than the one asked for",
}


@dataclass(frozen=True)
class SeriesSources:
    """What a series reads from the ledger: figure rows of one category (as
    ``Ledger.figures`` yields them), stories with members, claims of the category, official
    reference figures of the category and the reference conflicts."""

    figures: list[dict]
    stories: list[dict] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    references: list[dict] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def read_sources(reader: Reader, counted: str) -> SeriesSources:
    """Every read a series makes, in one place, through ``reader``."""
    from newsledger.query import Page

    every = Page(None)
    return SeriesSources(
        figures=reader.figures(counted=counted, page=every).rows,
        stories=reader.stories(page=every).rows,
        claims=reader.claims(counted=counted, page=every).rows,
        references=reader.references(counted=counted),
        conflicts=reader.conflicts(kind="reference", page=every).rows)


def _place_matcher(place: str | None):
    """A test of a figure or reference row for the place asked for (any name the gazetteer
    knows for it, e.g. "Казахстан" for Kazakhstan; else the place as written)."""
    if not place:
        return None, lambda _row: True
    found = resolve_place(place)
    wanted = found.id if found else place.casefold()
    return wanted, lambda row: place_key({"language": "en", **row}) == wanted


def _day(figure: dict, reported: bool) -> tuple[str | None, str]:
    """(the day a figure speaks of, how it was found) or (None, the reason it has none)."""
    end = figure.get("period_end") or figure.get("period_start")
    if end:
        return end, "period"
    if figure.get("period"):
        return None, "unresolved" if figure.get("published") else "no_anchor"
    if reported and figure.get("published"):
        return figure["published"], "published"
    return None, "no_time"


def _claims_by_figure(claims: list[Claim]) -> dict:
    return {mention.figure: claim for claim in claims for mention in claim.mentions}


def _point(figures: list[dict], day: str, dated_by: str, claim: Claim | None,
           story: str | None, contradicts: list[str]) -> dict:
    first = figures[0]
    return {
        "as_of": day, "dated_by": dated_by, "period_start": first.get("period_start"),
        "period_end": first.get("period_end"), "period": first.get("period"),
        "low": first["low"], "high": first["high"], "qualifier": first["qualifier"],
        "interval": describe(first), "rate": first.get("rate"),
        "source": first.get("attributed_to") or first.get("outlet") or first["article"],
        "attributed_to": first.get("attributed_to"), "outlet": first.get("outlet"),
        "published": first.get("published"), "story": story,
        "stories": claim.stories if claim else 1,
        "articles": claim.articles if claim else len({f["article"] for f in figures}),
        "claim": claim.id if claim else None,
        "quote": first["quote"], "number_text": first["number_text"],
        "quote_start": first.get("quote_start"), "number_start": first.get("number_start"),
        "article": first["article"], "figure": first["id"],
        "copies": sorted({f["article"] for f in figures[1:]} - {first["article"]}),
        "contradicts": contradicts,
    }


def _reference(row: dict) -> dict:
    return {"as_of": row["as_of"], "since": row["since"], "low": row["low"],
            "high": row["high"], "qualifier": row["qualifier"], "interval": describe(row),
            "source": row["source"], "place": row["place"], "url": row["url"],
            "note": row["note"], "id": row["id"]}


def check(counted: str, rate: str | None) -> None:
    """Refuse a category or rate the codebook does not know."""
    if counted not in COUNTED:
        raise BadOption(f"--counted must be one of {', '.join(COUNTED)}, not {counted!r}")
    if rate is not None and rate not in rate_names():
        raise BadOption(f"--rate must be one of {', '.join(rate_names())}, not {rate!r}")


def build_series(sources: SeriesSources, counted: str, place: str | None = None,
                 rate: str | None = None, reported: bool = False) -> dict:
    """The series of ``counted`` (at ``place``; totals, or figures of ``rate``): points by day,
    the reference figures of the same quantity and what was left out and why."""
    check(counted, rate)
    place_id, at_place = _place_matcher(place)
    story_of = {m["article"]: story["id"] for story in sources.stories for m in story["members"]}
    origins = {story["origin"] for story in sources.stories}
    claims = _claims_by_figure(sources.claims)
    contradicted = defaultdict(list)
    for conflict in sources.conflicts:
        contradicted[conflict.figure].append(conflict.reference["id"])
    groups: dict[tuple, list[dict]] = defaultdict(list)
    left_out: dict[str, list] = defaultdict(list)
    for figure in sources.figures:
        if figure["counted"] != counted or not at_place(figure):
            continue
        if figure.get("rate") != rate:
            left_out["other_rate" if rate else "rate"].append(figure["id"])
            continue
        day, how = _day(figure, reported)
        if day is None:
            left_out[how].append(figure["id"])
            continue
        story = story_of.get(figure["article"])
        groups[story or figure["article"], day, how, figure["low"], figure["high"]].append(figure)
    points = []
    for (_source, day, how, *_value), figures in groups.items():
        figures.sort(key=lambda f: (f["article"] not in origins, f.get("published") or "9999"))
        first = figures[0]
        points.append(_point(figures, day, how, claims.get(first["id"]),
                             story_of.get(first["article"]),
                             sorted({ref for f in figures for ref in contradicted[f["id"]]})))
    points.sort(key=lambda p: (p["as_of"], p["low"] or 0, p["high"] or 0, p["article"]))
    references = sorted((_reference(row) for row in sources.references
                         if row["counted"] == counted and at_place(row) and rate is None),
                        key=lambda row: (row["as_of"], row["since"] or "", row["source"]))
    return {
        "counted": counted, "place": place, "place_id": place_id, "rate": rate,
        "reported": reported,
        "points": points, "references": references,
        "left_out": {
            "figures": sum(len(ids) for ids in left_out.values()),
            "reasons": [{"reason": reason, "figures": len(left_out[reason]),
                         "why": why, "ids": left_out[reason]}
                        for reason, why in LEFT_OUT.items() if left_out[reason]],
        },
    }


def series(counted: str, place: str | None = None, db: str | None = None,
           rate: str | None = None, reported: bool = False) -> dict:
    """The series of one quantity in the ledger ``db`` (see ``build_series``)."""
    from newsledger import query

    with query.open(db) as reader:
        return build_series(read_sources(reader, counted), counted, place, rate, reported)
