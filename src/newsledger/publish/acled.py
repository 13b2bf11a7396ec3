"""Event mentions in the column set ACLED users know (mapping documented in docs/acled.md).

ACLED codes one row per event with a date, a type and sub-type, actors, an admin1 region, a
location with coordinates and their precision, the sources, notes and fatalities. Our rows are
event mentions, so our own evidence columns follow: the article, the exact quote and its
offsets, and the merged event id. A casualty tally is not a battle: a toll over a period
("122,883 dead since the invasion") is a strategic development whose figure never goes into
``fatalities``, which holds only the deaths of one dated event.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import BinaryIO

from newsledger.base.codebook import SHIPPED, codebook
from newsledger.base.numbers import find_number_expressions
from newsledger.base.phrases import compile_phrases
from newsledger.base.places import Place, gazetteer
from newsledger.errors import BadOption
from newsledger.extract.cues import table_for

ACLED_COLUMNS = (
    "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities",
)
EVIDENCE_COLUMNS = ("nl_event_id", "nl_type", "nl_article", "nl_quote", "nl_quote_start",
                    "nl_quote_end", "nl_figure", "nl_date", "nl_tally")
# our type -> (ACLED event_type, sub_event_type); ACLED has no movement types, so those are
# "Strategic developments" with our type name as the sub-type.
TYPE_MAP = {
    "protest": ("Protests", "Peaceful protest"),
    "detention": ("Strategic developments", "Arrests"),
    "arson_attack": ("Riots", "Violent demonstration"),
    "casualty_report": ("Battles", "Armed clash"),
    "mobilization_order": ("Strategic developments", "Other"),
}
# A casualty report that is a toll, not deaths in one event, is no battle.
TALLY_TYPE = ("Strategic developments", "Other")
# ACLED's time_precision: 1 the day is known, 2 a few days or a week, 3 a month or coarser (ACLED
# has no year level). Our dates are labelled by the smallest calendar unit holding them (a week
# by its month).
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
# Place.precision -> ACLED geo_precision (1 = the exact town or point, 2 = near a town or a
# part of a region, 3 = a region or larger, coded at its representative point). Our places are
# whole gazetteer units, never "near" one, so 2 does not occur.
GEO_PRECISION = {"point": 1, "region": 3, "country": 3, "area": 3}


@dataclass(frozen=True)
class TallyRules:
    """The codebook's ``tallies/`` table: what makes a casualty figure a toll (see there)."""

    max_event_deaths: int
    not_deaths: frozenset[str]  # cue labels of a figure that counts more than deaths
    deaths: str  # the cue label a figure's quote names when it states deaths
    cumulative: re.Pattern | None  # phrases of a toll over a period, every language
    not_death_words: re.Pattern | None  # phrases of counts that are not deaths (convicted)


@cache
def tally_rules() -> TallyRules:
    """The table, read once; the phrases of all languages together (a mention's language is
    not in its row, and a phrase of one language rarely reads as another's); the shipped
    table when the codebook in use has none."""
    folder = codebook().folder / "tallies"
    folder = folder if folder.is_dir() else SHIPPED / "tallies"
    common = tomllib.loads((folder / "common.toml").read_text(encoding="utf-8"))
    tables = [tomllib.loads(path.read_text(encoding="utf-8"))
              for path in sorted(folder.glob("*.toml")) if path.stem != "common"]
    return TallyRules(
        max_event_deaths=common["max_event_deaths"], not_deaths=frozenset(common["not_deaths"]),
        deaths=common["deaths"],
        cumulative=compile_phrases([p for t in tables for p in t.get("cumulative", [])]),
        not_death_words=compile_phrases([p for t in tables for p in t.get("not_deaths", [])]))


@dataclass(frozen=True)
class AcledConfig:
    """When a casualty report's figure is the deaths of one event (ACLED's ``fatalities``)."""

    max_event_deaths: int | None = None  # None: the table's bound (more than one event had)


def event_date(row: dict) -> tuple[str | None, int | None]:
    """(ACLED ``event_date`` as a full day, ``time_precision``): the day itself; for a month
    its 15th, for a year its 1 July (the middle of the period), with precision 3."""
    precision = TIME_PRECISION.get(row.get("date_precision") or "")
    date = row.get("date") or ""
    if precision is None or len(date) not in (4, 7, 10):
        return None, None
    return {10: date, 7: f"{date[:7]}-15", 4: f"{date[:4]}-07-01"}[len(date)], precision


def _found(pattern: re.Pattern | None, text: str) -> str | None:
    match = pattern.search(text) if pattern else None
    return match.group(0) if match else None


def tally_reason(row: dict, config: AcledConfig = AcledConfig()) -> str | None:
    """Why a casualty report is a toll rather than the deaths of one event, or None when it is
    an event's deaths (by ACLED's conventions an event happens on one day, and its
    ``fatalities`` are the deaths in it); None for other types. The rules are the codebook's
    ``tallies/`` table."""
    if row["type"] != "casualty_report":
        return None
    rules = tally_rules()
    bound = config.max_event_deaths or rules.max_event_deaths
    numbers = find_number_expressions(row["figure"], None) if row.get("figure") else []
    if not numbers or numbers[0].low is None:
        return "no count of deaths in one event"
    if numbers[0].qualifier == "vague":
        return "a vague magnitude, not a count"
    if numbers[0].low > bound:
        return f"more than {bound:,} deaths: a cumulative toll"
    quote = row.get("quote") or ""
    if phrase := _found(rules.cumulative, quote):
        return f"a cumulative toll (\"{phrase}\")"
    if phrase := _found(rules.not_death_words, quote):
        return f"counts people {phrase}, not deaths"
    labels = {cue.label for cue in table_for(None, quote).counted.find(quote)}
    if others := sorted(labels & rules.not_deaths):
        return f"counts {', '.join(others).replace('_', ' ')} too, not deaths alone"
    if rules.deaths not in labels:
        return "the figure's text does not state deaths"
    if row.get("date_precision") != "day":
        return "not dated to one day: a toll over a period"
    return None


def _fatalities(row: dict, config: AcledConfig) -> int | None:
    """The deaths of one dated event (the low end of its figure); None for a toll."""
    if row["type"] != "casualty_report" or tally_reason(row, config):
        return None
    return find_number_expressions(row["figure"], None)[0].low


def _admin1(place: Place | None) -> str | None:
    """The first-order region containing the place (a city's or crossing's region, a
    landmark's city's region), or the region itself."""
    for _ in range(3):  # landmark -> city -> region at most
        if place is None or place.type == "region":
            break
        place = gazetteer().parent_of(place)
    return place.name if place and place.type == "region" else None


def acled_record(row: dict, config: AcledConfig = AcledConfig()) -> dict:
    """One event mention (an ``events`` export record) as an ACLED-style row."""
    tally = tally_reason(row, config)
    event_type, sub_type = TALLY_TYPE if tally else TYPE_MAP.get(
        row["type"], ("Strategic developments", row["type"]))
    place = gazetteer().get(row["place_id"]) if row.get("place_id") else None
    actors = list(row.get("actors") or [])
    day, precision = event_date(row)
    return {
        "event_date": day, "time_precision": precision,
        "event_type": event_type, "sub_event_type": sub_type,
        "actor1": actors[0] if actors else None,
        "assoc_actor_1": "; ".join(actors[1:]) or None,
        "country": row.get("country"),
        "admin1": _admin1(place),
        "location": row.get("place"),
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": GEO_PRECISION.get(place.precision) if place else None,
        "source": row.get("outlet"), "source_scale": "New media",
        "notes": row.get("quote"), "fatalities": _fatalities(row, config),
        "nl_event_id": row.get("event_id"), "nl_type": row["type"],
        "nl_article": row.get("article"), "nl_quote": row.get("quote"),
        "nl_quote_start": row.get("quote_start"), "nl_quote_end": row.get("quote_end"),
        "nl_figure": row.get("figure"), "nl_date": row.get("date"), "nl_tally": tally,
    }


def write_acled(stream: BinaryIO, columns, records: Iterable[dict]) -> int:
    """CSV with ACLED's columns then ours (``columns`` of the events table are not used)."""
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=ACLED_COLUMNS + EVIDENCE_COLUMNS,
                            lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in records:
        if "type" not in record:
            raise BadOption("the acled format exports events only")
        writer.writerow(acled_record(record))
        count += 1
    text.detach()
    return count
