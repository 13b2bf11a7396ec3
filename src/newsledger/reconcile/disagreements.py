"""One conflict per disagreement, explained in words a journalist would write.

The figure conflicts of one quantity come as pairs of independent stories. A figure that
disagrees with several reports is one finding, not one per report: the figure that takes part
in the most pairs becomes one conflict listing every report it disagrees with (the clearest as
``b``, the rest as ``others``), and the pairs left are taken the same way, so each pair is
told once. The explanation asks the quantity's question in words (the codebook's
``[questions]``: "how many people left Russia"), gives each side's outlet, date and value, and
ends with why they cannot both hold.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from newsledger.models import Conflict, Counterpart

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
SHOWN = 5  # reports an explanation names one by one; the rest are counted


def spoken_date(day: str | None) -> str:
    """An ISO date as people write it ("27 September 2022"), or "undated"."""
    if not day:
        return "undated"
    parts = day[:10].split("-")
    if len(parts) != 3 or not all(part.isdigit() for part in parts) or not 1 <= int(parts[1]) <= 12:
        return day
    return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"


def value(low: int | None, high: int | None) -> str:
    """An interval in words: "98,000", "more than 300,000", "20,000 to 99,999"."""
    if low == high:
        return "an unknown number" if low is None else f"{low:,}"
    if high is None:
        return f"at least {low:,}"
    return f"up to {high:,}" if low is None else f"{low:,} to {high:,}"


def _side(figure: dict) -> str:
    return (f"{figure['outlet'] or figure['article']} ({spoken_date(figure['published'])}) "
            f"says “{figure['number_text']}” ({value(figure['low'], figure['high'])})")


def _span(figures: list[dict]) -> str:
    """The dates and the range of values of several reports."""
    days = sorted(figure["published"] for figure in figures if figure["published"])
    if not days:
        when = "undated"
    elif days[0] == days[-1]:
        when = f"of {spoken_date(days[0])}"
    else:
        when = f"from {spoken_date(days[0])} to {spoken_date(days[-1])}"
    lows = [figure["low"] for figure in figures if figure["low"] is not None]
    highs = [figure["high"] for figure in figures]
    high = None if None in highs else max(highs, default=None)
    return f"{when}, give {value(min(lows, default=None), high)}"


def explain(question: str, a: dict, rest: list[tuple[dict, str]]) -> str:
    """Why ``a`` and the figures of ``rest`` (each with its reason) cannot all be true."""
    reasons = list(dict.fromkeys(reason for _figure, reason in rest))
    because = reasons[0] if len(reasons) == 1 else "; ".join(reasons)
    if len(rest) == 1:
        return (f"Reports disagree on {question}: {_side(a)}; {_side(rest[0][0])}. "
                f"Both cannot hold: {because}.")
    figures = [figure for figure, _reason in rest]
    named = "; ".join(f"{figure['outlet'] or figure['article']} "
                      f"({spoken_date(figure['published'])}), “{figure['number_text']}”"
                      for figure in figures[:SHOWN])
    more = f"; and {len(figures) - SHOWN} more" if len(figures) > SHOWN else ""
    return (f"One report disagrees with {len(figures)} others on {question}: {_side(a)}. "
            f"The {len(figures)} other reports, {_span(figures)}: {named}{more}. "
            f"They cannot all hold: {because}.")


def _identity(figure: dict) -> tuple:
    return figure["article"], figure["number_start"]


def counterpart(figure: dict) -> Counterpart:
    return Counterpart(figure["article"], figure["quote"], figure["number_text"], figure["low"],
                       figure["high"], figure["outlet"], figure["published"])


def one_per_disagreement(pairs: Iterable[tuple[dict, dict, str]]
                         ) -> Iterator[tuple[dict, list[tuple[dict, str]]]]:
    """Pairs of disagreeing figures (clearest first) grouped around the figures they share:
    (the figure, [(each figure it disagrees with, the reason)]), clearest pair first."""
    left = list(pairs)
    while left:
        degree = Counter(_identity(figure) for a, b, _reason in left for figure in (a, b))
        hub = max(degree, key=degree.__getitem__)  # the first of the most frequent
        hub_figure, rest, kept = None, [], []
        for a, b, reason in left:
            if hub in (_identity(a), _identity(b)):
                hub_figure, other = (a, b) if _identity(a) == hub else (b, a)
                rest.append((other, reason))
            else:
                kept.append((a, b, reason))
        yield hub_figure, rest
        left = kept


def disagreement_conflicts(question: str, pairs: list[tuple[dict, dict, str]], record
                           ) -> Iterator[Conflict]:
    """The conflicts of one quantity's disagreeing pairs; ``record(a, b, why, others)`` makes
    each (``conflicts.conflict_record`` with the quantity's evidence)."""
    for hub, rest in one_per_disagreement(pairs):
        yield record(hub, rest[0][0], explain(question, hub, rest),
                     tuple(counterpart(other) for other, _reason in rest[1:]))
