"""Geometry of the overview map: places as circles sized by their mentions, over country
outlines simplified by hand (``outlines.json``). The template draws it as plain SVG: no tiles,
no network.

The projection is equirectangular with longitudes shrunk by the cosine of the box's middle
latitude, so the region around 55°N keeps its shape. The box spans the crisis region (Norway
and Turkey to Mongolia) and grows to hold any place outside it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from urllib.parse import urlencode

from newsledger.base.places import gazetteer

REGION = (18.0, 37.0, 124.0, 71.5)  # west, south, east, north (degrees)
WORLD = (-30.0, -50.0, 180.0, 78.0)  # the farthest the box grows
MARGIN = 3.0  # degrees kept around a place outside REGION
WIDTH = 760
MIN_RADIUS, MAX_RADIUS = 4.5, 26.0
LABELS, FONT = 14, 14  # at most this many labels, font size in map units
GRATICULE = 10  # degrees between grid lines


@dataclass(frozen=True)
class Projection:
    """(lon, lat) to map units for a box (west, south, east, north) ``width`` units wide."""

    box: tuple[float, float, float, float]
    width: int = WIDTH

    @property
    def shrink(self) -> float:
        return math.cos(math.radians((self.box[1] + self.box[3]) / 2))

    @property
    def scale(self) -> float:
        return self.width / ((self.box[2] - self.box[0]) * self.shrink)

    @property
    def height(self) -> int:
        return round((self.box[3] - self.box[1]) * self.scale)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (round((lon - self.box[0]) * self.shrink * self.scale, 1),
                round((self.box[3] - lat) * self.scale, 1))


def fitted_box(places: Iterable[dict]) -> tuple[float, float, float, float]:
    """REGION widened (within WORLD) to hold every place, with a margin."""
    west, south, east, north = REGION
    for place in places:
        lon, lat = place["longitude"], place["latitude"]
        west, east = min(west, lon - MARGIN), max(east, lon + MARGIN)
        south, north = min(south, lat - MARGIN), max(north, lat + MARGIN)
    return (max(west, WORLD[0]), max(south, WORLD[1]), min(east, WORLD[2]), min(north, WORLD[3]))


@cache
def outlines() -> dict[str, list[list[list[float]]]]:
    """Country name -> rings of (lon, lat) points."""
    text = files("newsledger.publish.web").joinpath("outlines.json").read_text("utf-8")
    return json.loads(text)["countries"]


def outline_paths(project: Projection) -> list[dict]:
    """One SVG path (``d``) per country."""
    paths = []
    for name, rings in sorted(outlines().items()):
        d = "".join("M" + "L".join("{} {}".format(*project(lon, lat)) for lon, lat in ring) + "Z"
                    for ring in rings)
        paths.append({"name": name, "d": d})
    return paths


def graticule(project: Projection) -> list[tuple[float, float, float, float]]:
    """Meridians and parallels every GRATICULE degrees as (x1, y1, x2, y2)."""
    west, south, east, north = project.box
    lines = []
    for lon in range(math.ceil(west / GRATICULE) * GRATICULE, int(east) + 1, GRATICULE):
        lines.append((*project(lon, north), *project(lon, south)))
    for lat in range(math.ceil(south / GRATICULE) * GRATICULE, int(north) + 1, GRATICULE):
        lines.append((*project(west, lat), *project(east, lat)))
    return lines


def map_places(counts: Iterable[dict]) -> list[dict]:
    """``place_counts`` rows with coordinates, one per gazetteer place (names of one place
    summed, the most mentioned name kept), with its gazetteer type; most mentioned first."""
    merged: dict[str, dict] = {}
    for row in counts:
        if row["latitude"] is None or row["longitude"] is None:
            continue
        key = row["place_id"] or row["place"]
        entry = merged.get(key)
        if entry is None:
            place = gazetteer().get(row["place_id"]) if row["place_id"] else None
            merged[key] = {**row, "type": place.type if place else None}
            continue
        for field in ("figures", "events", "mentions"):
            entry[field] += row[field]
    return sorted(merged.values(), key=lambda p: (-p["mentions"], p["place"]))


def _link(place: dict) -> tuple[str, str]:
    """Where a circle leads: the place's figures, or its events when it has no figures."""
    kind = "figures" if place["figures"] else "events"
    return kind, f"/{kind}?" + urlencode({"place": place["place"]})


def _circle(place: dict, project: Projection, largest: int) -> dict:
    x, y = project(place["longitude"], place["latitude"])
    kind, href = _link(place)
    figures = f"{place['figures']} figure{'' if place['figures'] == 1 else 's'}"
    events = f"{place['events']} event mention{'' if place['events'] == 1 else 's'}"
    country = place["type"] == "country"
    where = f"{place['place']} (country-wide)" if country else place["place"]
    return {
        "x": x, "y": y, "r": round(max(MIN_RADIUS, MAX_RADIUS * math.sqrt(
            place["mentions"] / largest)), 1),
        "country": country, "href": href, "label": f"{place['place']} {place['mentions']}",
        "title": f"{where}: {figures}, {events}. Select to list its {kind}.",
    }


def _place_labels(circles: list[dict], width: int, height: int) -> None:
    """Give up to LABELS circles a label beside them where it overlaps no other label."""
    taken: list[tuple[float, float, float, float]] = []
    for circle in circles[:LABELS]:
        size = 0.56 * FONT * len(circle["label"])
        x, y, r = circle["x"], circle["y"], circle["r"]
        for lx, ly, anchor, left in ((x + r + 3, y + 4, "start", x + r + 3),
                                     (x - r - 3, y + 4, "end", x - r - 3 - size),
                                     (x, y - r - 4, "middle", x - size / 2),
                                     (x, y + r + FONT, "middle", x - size / 2)):
            box = (left, ly - FONT, left + size, ly + 3)
            inside = box[0] >= 2 and box[2] <= width - 2 and box[1] >= 2 and box[3] <= height - 2
            if inside and not any(_overlap(box, other) for other in taken):
                taken.append(box)
                circle.update(lx=round(lx, 1), ly=round(ly, 1), anchor=anchor)
                break


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_map(counts: Iterable[dict], width: int = WIDTH) -> dict:
    """The map for ``place_counts`` rows: size, outlines, graticule and circles (largest
    first, so smaller ones are drawn on top), and how many places have no coordinates."""
    counts = list(counts)
    places = map_places(counts)
    project = Projection(fitted_box(places), width)
    largest = max((p["mentions"] for p in places), default=1) or 1
    circles = [_circle(place, project, largest) for place in places]
    _place_labels(circles, project.width, project.height)
    return {"width": project.width, "height": project.height,
            "outlines": outline_paths(project), "graticule": graticule(project),
            "circles": circles, "places": places,
            "unplaced": sum(1 for row in counts if row["latitude"] is None)}
