"""Chart geometry for server-rendered SVG: figures as intervals on a log scale.

Intervals stay intervals ("hundreds of thousands" is a band, "more than 2,000" a whisker running
off the top), exact numbers are points. The templates draw what these functions compute.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote, urlencode

from newsledger.base.codebook import codebook

MAX_POWER = 9  # 10^9 people is beyond any count in a ledger


def number(value: int | None) -> str:
    """1234567 -> '1,234,567'; None -> ''."""
    return "" if value is None else f"{value:,}"


def describe(low: int | None, high: int | None, qualifier: str) -> str:
    """An interval in words: '98,000', '20,000–99,999', '≥ 2,000', '≤ 500'."""
    if low is not None and low == high:
        text = number(low)
    elif high is None:
        text = f"≥ {number(low)}"
    elif low is None:
        text = f"≤ {number(high)}"
    else:
        text = f"{number(low)}–{number(high)}"
    return text if qualifier in ("exact", "range") else f"{text} ({qualifier})"


def interval_kind(low: int | None, high: int | None) -> str | None:
    """point, band, open_high (no upper end), open_low (no lower end), or None."""
    if low is None and high is None:
        return None
    if high is None:
        return "open_high"
    if low is None:
        return "open_low"
    return "point" if low == high else "band"


@dataclass(frozen=True)
class LogScale:
    """Values 1..10^power mapped onto pixels ``start``..``end`` (either direction)."""

    power: int
    start: float
    end: float

    @classmethod
    def fitting(cls, values: list[int], start: float, end: float) -> LogScale:
        largest = max([v for v in values if v] or [10])
        return cls(min(MAX_POWER, max(1, math.ceil(math.log10(largest + 1)))), start, end)

    def __call__(self, value: int | None) -> float:
        fraction = math.log10(max(value or 1, 1)) / self.power
        return round(self.start + (self.end - self.start) * min(fraction, 1.0), 1)

    def ticks(self) -> list[tuple[float, str]]:
        step = max(1, math.ceil(self.power / 4))
        return [(self(10 ** p), _short(10 ** p)) for p in range(0, self.power + 1, step)]


def _short(value: int) -> str:
    for size, suffix in ((10 ** 9, "B"), (10 ** 6, "M"), (10 ** 3, "k")):
        if value >= size:
            return f"{value // size}{suffix}"
    return str(value)


def span(scale: LogScale, low: int | None, high: int | None) -> tuple[float, float]:
    """Pixel ends of an interval; open ends run to the edge of the scale."""
    return (scale.start if low is None else scale(low),
            scale.end if high is None else scale(high))


@dataclass(frozen=True)
class Timeline:
    """Small multiples: one row per category, publication date across, log value up.

    ``clipped`` says what lies outside the drawn dates: how many figures come ``before``
    ``first`` and ``after`` ``last`` (ISO dates; ``until``/``since`` bound their lists), or is
    None when every date is drawn."""

    width: int
    height: int
    panels: list[dict]
    months: list[tuple[float, str]]
    undated: int
    clipped: dict | None = None


PANEL, GAP, LABEL, LEFT, RIGHT, TOP, BOTTOM = 60, 10, 17, 48, 16, 4, 26
PAD = 12  # keeps marks at the first and last date off the panel border
FENCE_IQR, FENCE_MIN_DAYS = 3, 30


def _weighted_quantile(ordered: list[tuple[int, int]], share: float) -> int:
    """The day below which ``share`` of the weight lies, over (day, weight) pairs in order."""
    total = sum(weight for _, weight in ordered)
    running = 0
    for day, weight in ordered:
        running += weight
        if running >= share * total:
            return day
    return ordered[-1][0]


def date_window(days: list[int], weights: list[int]) -> tuple[int, int]:
    """First and last day to draw: every date, unless outlying dates would stretch the axis.

    A date is outlying when it lies further than ``FENCE_IQR`` interquartile ranges (at least
    ``FENCE_MIN_DAYS`` days) beyond the middle half of the figures' dates (Tukey's far fences,
    weighted by figures): one report from a year later must not squeeze the rest into a line.
    """
    ordered = sorted(zip(days, weights, strict=True))
    low, high = _weighted_quantile(ordered, 0.25), _weighted_quantile(ordered, 0.75)
    reach = max(FENCE_IQR * (high - low), FENCE_MIN_DAYS)
    kept = [day for day, _ in ordered if low - reach <= day <= high + reach]
    return kept[0], kept[-1]


def timeline(marks: list[dict], undated: int = 0, width: int = 960) -> Timeline:
    """Geometry of the overview chart for ``chart_marks`` rows; outlying dates are left out
    and counted (``date_window``)."""
    days = [date.fromisoformat(m["published"]).toordinal() for m in marks]
    first, last = date_window(days, [m["n"] for m in marks]) if days else (0, 1)
    clipped = _clipped(marks, days, first, last)
    marks, days = zip(*[(m, d) for m, d in zip(marks, days, strict=True)
                        if first <= d <= last], strict=True) if days else ((), ())
    last = max(last, first + 1)

    def x(day: int) -> float:
        inner = width - LEFT - RIGHT - 2 * PAD
        return round(LEFT + PAD + inner * (day - first) / (last - first), 1)

    by_category: dict[str, list[tuple[dict, int]]] = {}
    for mark, day in zip(marks, days, strict=True):
        by_category.setdefault(mark["counted"], []).append((mark, day))
    order = sorted(by_category, key=lambda c: (-sum(m["n"] for m, _ in by_category[c]), c))
    values = [v for m in marks for v in (m["low"], m["high"]) if v is not None]
    panels = []
    for row, counted in enumerate(order):
        top = TOP + row * (LABEL + PANEL + GAP) + LABEL
        scale = LogScale.fitting(values, top + PANEL, top)
        panels.append({
            "counted": counted, "top": top, "bottom": top + PANEL,
            "figures": sum(m["n"] for m, _ in by_category[counted]),
            "ticks": scale.ticks(),
            "marks": [_timeline_mark(m, x(day), scale) for m, day in by_category[counted]
                      if interval_kind(m["low"], m["high"])],
        })
    height = TOP + len(panels) * (LABEL + PANEL + GAP) + BOTTOM
    return Timeline(width, height, panels, date_ticks(first, last, x), undated, clipped)


def _clipped(marks: list[dict], days: list[int], first: int, last: int) -> dict | None:
    before = sum(m["n"] for m, day in zip(marks, days, strict=True) if day < first)
    after = sum(m["n"] for m, day in zip(marks, days, strict=True) if day > last)
    if not before and not after:
        return None
    return {"before": before, "after": after, "first": date.fromordinal(first).isoformat(),
            "last": date.fromordinal(last).isoformat(),
            "until": date.fromordinal(first - 1).isoformat(),
            "since": date.fromordinal(last + 1).isoformat()}


def _timeline_mark(mark: dict, x: float, scale: LogScale) -> dict:
    kind = interval_kind(mark["low"], mark["high"])
    y0, y1 = span(scale, mark["low"], mark["high"])
    label = describe(mark["low"], mark["high"], mark["qualifier"])
    count = f" · {mark['n']} figures" if mark["n"] > 1 else ""
    query = {"counted": mark["counted"], "since": mark["published"], "until": mark["published"]}
    return {"kind": kind, "x": x, "y0": y0, "y1": y1, "vague": mark["qualifier"] == "vague",
            "n": mark["n"], "href": "/figures?" + urlencode(query),
            "title": f"{codebook().label(mark['counted'])} · {mark['published']} · {label}{count}"}


WEEKLY_BELOW_DAYS = 120  # a shorter axis is labelled by week, a longer one by month


def date_ticks(first: int, last: int, x) -> list[tuple[float, str]]:
    """Date ticks between two ordinal days: Mondays on a short axis, else first days of
    months; thinned to at most 8 labels."""
    start, end = date.fromordinal(first), date.fromordinal(last)
    if last - first < WEEKLY_BELOW_DAYS:
        days = range(first + (7 - start.weekday()) % 7, last + 1, 7)
        ticks = [(x(day), date.fromordinal(day).strftime("%-d %b")) for day in days]
    else:
        ticks = []
        year, month = start.year, start.month
        while (year, month) <= (end.year, end.month):
            day = date(year, month, 1).toordinal()
            if first <= day <= last:
                ticks.append((x(day), date(year, month, 1).strftime("%b %Y")))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    step = max(1, math.ceil(len(ticks) / 8))
    return ticks[::step] or [(x(first), start.isoformat())]


ROW, SPREAD_LEFT = 22, 170


def spread(mentions: list[dict], width: int = 720, limit: int = 80) -> dict:
    """Geometry of a claim's value spread: one row per mention, value across on a log scale."""
    rows = [m for m in mentions if interval_kind(m["low"], m["high"])][:limit]
    values = [v for m in rows for v in (m["low"], m["high"]) if v is not None]
    scale = LogScale.fitting(values, SPREAD_LEFT, width - RIGHT)
    drawn = []
    for i, mention in enumerate(rows):
        x0, x1 = span(scale, mention["low"], mention["high"])
        drawn.append({
            "kind": interval_kind(mention["low"], mention["high"]), "x0": x0, "x1": x1,
            "y": 12 + i * ROW, "label": mention["outlet"] or mention["article"],
            "vague": mention["qualifier"] == "vague",
            "title": f"{mention['number_text']} · "
                     f"{describe(mention['low'], mention['high'], mention['qualifier'])}",
        })
    return {"width": width, "height": 12 + len(drawn) * ROW + BOTTOM, "rows": drawn,
            "ticks": scale.ticks(), "left": SPREAD_LEFT, "right": width - RIGHT,
            "hidden": len(mentions) - len(drawn)}


SOURCE_COLOURS = 8  # app.css has .src-0 … .src-7; more sources reuse them in turn


def series_chart(series: dict, width: int = 960, height: int = 300) -> dict:
    """Geometry of a series: each point an interval at its as-of day (log value up),
    coloured by its source (``src-N``, with the key in ``sources``), and the official
    reference figures beside it as diamonds (``official``)."""
    points = [p for p in series["points"] if interval_kind(p["low"], p["high"])]
    references = [r for r in series["references"] if interval_kind(r["low"], r["high"])]
    rows = points + references
    official_from = len(points)
    days = [date.fromisoformat(r["as_of"][:10]).toordinal() for r in rows]
    first, last = (min(days), max(max(days), min(days) + 1)) if days else (0, 1)
    inner = width - LEFT - RIGHT - 2 * PAD

    def x(day: int) -> float:
        return round(LEFT + PAD + inner * (day - first) / (last - first), 1)

    values = [v for r in rows for v in (r["low"], r["high"]) if v is not None]
    scale = LogScale.fitting(values, height - BOTTOM, TOP + 8)
    sources = list(dict.fromkeys(p["source"] for p in points))
    marks = []
    for index, (row, day) in enumerate(zip(rows, days, strict=True)):
        official = index >= official_from
        y0, y1 = span(scale, row["low"], row["high"])
        marks.append({
            "kind": interval_kind(row["low"], row["high"]), "x": x(day), "y0": y0, "y1": y1,
            "vague": row["qualifier"] == "vague", "official": official,
            "colour": "official" if official
                      else f"src-{sources.index(row['source']) % SOURCE_COLOURS}",
            "href": row["url"] if official else "/figures/" + quote(row["figure"], safe=""),
            "title": f"{'official: ' if official else ''}{row['source']} · {row['as_of']} · "
                     f"{row['interval']}",
        })
    return {"width": width, "height": height, "marks": marks, "ticks": scale.ticks(),
            "days": _ends_labelled(date_ticks(first, last, x), first, last, x) if days else [],
            "sources": [(f"src-{i % SOURCE_COLOURS}", s) for i, s in enumerate(sources)]}


def _ends_labelled(ticks: list[tuple[float, str]], first: int, last: int, x) -> list:
    """Date ticks, with the first and last day labelled when fewer than two fall between."""
    if len(ticks) >= 2:
        return ticks
    return [(x(day), date.fromordinal(day).strftime("%-d %b")) for day in (first, last)]
