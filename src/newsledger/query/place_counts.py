"""Mentions per place: how many figures and events name each place, with its coordinates
(the rows of ``newsledger places`` and the points of the overview map)."""

from __future__ import annotations

from collections.abc import Iterable

from newsledger.base.places import gazetteer


def place_counts(rows: Iterable[dict]) -> list[dict]:
    """Rows (place, place_id, kind, mentions) summed per place, most mentioned first."""
    by_place: dict[str, dict] = {}
    for row in rows:
        entry = by_place.setdefault(row["place"], {
            "place": row["place"], "place_id": None, "figures": 0, "events": 0})
        entry[row["kind"]] += row["mentions"]
        entry["place_id"] = entry["place_id"] or row["place_id"]
    for entry in by_place.values():
        place = gazetteer().get(entry["place_id"]) if entry["place_id"] else None
        entry["mentions"] = entry["figures"] + entry["events"]
        entry["latitude"] = place.latitude if place else None
        entry["longitude"] = place.longitude if place else None
    return sorted(by_place.values(), key=lambda e: (-e["mentions"], e["place"]))

