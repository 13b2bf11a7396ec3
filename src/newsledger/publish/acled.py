"""Event mentions in the column set ACLED users know (mapping documented in docs/acled.md).

ACLED codes one row per event with a date, a type and sub-type, actors, an admin1 region, a
location with coordinates and their precision, the sources, notes and fatalities. Our rows are
event mentions, so our own evidence columns follow: the article, the exact quote and its
offsets, and the merged event id.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import BinaryIO

from newsledger.base.numbers import find_number_expressions
from newsledger.base.places import Place, gazetteer
from newsledger.errors import BadOption

ACLED_COLUMNS = (
    "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities",
)
EVIDENCE_COLUMNS = ("nl_event_id", "nl_type", "nl_article", "nl_quote", "nl_quote_start",
                    "nl_quote_end", "nl_figure")
# our type -> (ACLED event_type, sub_event_type); ACLED has no movement types, so those are
# "Strategic developments" with our type name as the sub-type.
TYPE_MAP = {
    "protest": ("Protests", "Peaceful protest"),
    "detention": ("Strategic developments", "Arrests"),
    "arson_attack": ("Riots", "Violent demonstration"),
    "casualty_report": ("Battles", "Armed clash"),
    "mobilization_order": ("Strategic developments", "Other"),
}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
# Place.precision -> ACLED geo_precision (1 = the exact town or point, 2 = near a town or a
# part of a region, 3 = a region or larger, coded at its representative point). Our places are
# whole gazetteer units, never "near" one, so 2 does not occur.
GEO_PRECISION = {"point": 1, "region": 3, "country": 3, "area": 3}


def _fatalities(row: dict) -> int | None:
    if row["type"] != "casualty_report" or not row.get("figure"):
        return None
    numbers = find_number_expressions(row["figure"], None)
    return numbers[0].low if numbers else None


def _admin1(place: Place | None) -> str | None:
    """The first-order region containing the place (a city's or crossing's region, a
    landmark's city's region), or the region itself."""
    for _ in range(3):  # landmark -> city -> region at most
        if place is None or place.type == "region":
            break
        place = gazetteer().parent_of(place)
    return place.name if place and place.type == "region" else None


def acled_record(row: dict) -> dict:
    """One event mention (an ``events`` export record) as an ACLED-style row."""
    event_type, sub_type = TYPE_MAP.get(row["type"], ("Strategic developments", row["type"]))
    place = gazetteer().get(row["place_id"]) if row.get("place_id") else None
    actors = list(row.get("actors") or [])
    return {
        "event_date": row.get("date"), "time_precision": TIME_PRECISION.get(
            row.get("date_precision") or "", None),
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
        "notes": row.get("quote"), "fatalities": _fatalities(row),
        "nl_event_id": row.get("event_id"), "nl_type": row["type"],
        "nl_article": row.get("article"), "nl_quote": row.get("quote"),
        "nl_quote_start": row.get("quote_start"), "nl_quote_end": row.get("quote_end"),
        "nl_figure": row.get("figure"),
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
