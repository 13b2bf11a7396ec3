"""Figures and events as GeoJSON points: the record as properties, coordinates from the
gazetteer entry of its ``place_id``. Records without a resolved place are left out and
counted in the collection's ``unresolved`` member."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import BinaryIO

from newsledger.base.places import gazetteer


def feature(record: dict) -> dict | None:
    """A GeoJSON point feature for one record, or None when its place is unresolved."""
    place = gazetteer().get(record["place_id"]) if record.get("place_id") else None
    if place is None or place.latitude is None or place.longitude is None:
        return None
    return {"type": "Feature",
            "geometry": {"type": "Point", "coordinates": [place.longitude, place.latitude]},
            "properties": record}


def write_geojson(stream: BinaryIO, columns, records: Iterable[dict]) -> int:
    """A FeatureCollection written a feature at a time; returns the number of features."""
    count = unresolved = 0
    stream.write(b'{"type": "FeatureCollection", "features": [')
    for record in records:
        point = feature(record)
        if point is None:
            unresolved += 1
            continue
        stream.write((b"\n" if count == 0 else b",\n")
                     + json.dumps(point, ensure_ascii=False, default=str).encode("utf-8"))
        count += 1
    stream.write(f'\n], "unresolved": {unresolved}}}\n'.encode())
    return count
