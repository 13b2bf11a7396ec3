"""A plain SVG map of places with counts: no tiles, no network.

An equirectangular projection over Europe and Central Asia, a 10° graticule, and one circle per
place whose area grows with its count, labelled. Points outside the box are clamped to its edge.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from html import escape

# west, south, east, north (degrees): Europe to Mongolia, Turkey to the Arctic coast
BOX = (-10.0, 35.0, 135.0, 70.0)
WIDTH = 900
MAX_RADIUS = 24.0


def _project(lat: float, lon: float, box=BOX, width: int = WIDTH) -> tuple[float, float]:
    west, south, east, north = box
    scale = width / (east - west)
    lon = min(max(lon, west), east)
    lat = min(max(lat, south), north)
    return (lon - west) * scale, (north - lat) * scale


def render_map_svg(points: Iterable[tuple[float, float, str, int]], box=BOX,
                   width: int = WIDTH) -> str:
    """An SVG document: graticule plus a labelled circle per (lat, lon, label, count)."""
    west, south, east, north = box
    height = round(width * (north - south) / (east - west))
    points = sorted(points, key=lambda p: -p[3])
    largest = max((p[3] for p in points), default=1) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img" aria-label="Map of places">',
             f'<rect width="{width}" height="{height}" fill="#f4f6f8"/>']
    for lon in range(math.ceil(west / 10) * 10, int(east) + 1, 10):
        x, _ = _project(south, lon, box, width)
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}" stroke="#d5dbe1"/>')
    for lat in range(math.ceil(south / 10) * 10, int(north) + 1, 10):
        _, y = _project(lat, west, box, width)
        parts.append(f'<line x1="0" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" stroke="#d5dbe1"/>')
    for lat, lon, label, count in points:
        x, y = _project(lat, lon, box, width)
        radius = max(3.0, MAX_RADIUS * math.sqrt(count / largest))
        text = escape(f"{label} ({count})")
        parts.append(f'<g><title>{text}</title><circle cx="{x:.1f}" cy="{y:.1f}" '
                     f'r="{radius:.1f}" fill="#c0392b" fill-opacity="0.55" stroke="#7b241c"/>'
                     f'<text x="{x + radius + 2:.1f}" y="{y + 4:.1f}" font-size="11" '
                     f'font-family="sans-serif">{text}</text></g>')
    parts.append("</svg>")
    return "\n".join(parts)
