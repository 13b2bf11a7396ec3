"""What makes two figures state the same quantity: category, rate, place, group and time.

A figure's place is its gazetteer id (``place_id`` when the resolve stage filled it, else the
stated place looked up in the gazetteer, else the stated text); a departure with no stated
place left Russia (DESIGN.md). ``who`` is folded into a group by ``lang/who_groups.toml``.
Its time is the resolved period when there is one, else the article's publication date.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from newsledger.base.codebook import codebook
from newsledger.base.phrases import compile_phrases
from newsledger.base.places import find_places, resolve_place

INFINITY = float("inf")
GROUPS_PATH = Path(__file__).with_name("lang") / "who_groups.toml"
BASIS_PATH = Path(__file__).with_name("lang") / "basis.toml"
# DESIGN.md: departures with no destination are placed in the country left, the home country
# of the codebook (codebook/codebook.toml)
IMPLICIT_PLACE = {"left_country": codebook().home}
GENERIC = "people"  # the group of a figure that does not say whom it counts


@dataclass(frozen=True, slots=True)
class Quantity:
    """The quantity a figure states: compared for equality to group or contrast figures."""

    counted: str
    rate: str | None
    place: str | None


def interval(figure: dict) -> tuple[float, float]:
    """A figure's interval with open ends made infinite."""
    low = figure["low"] if figure["low"] is not None else 0
    high = figure["high"] if figure["high"] is not None else INFINITY
    return low, high


@cache
def _place_key(place: str | None, language: str | None) -> str | None:
    if not place:
        return None
    found = resolve_place(place, language)
    return found.id if found else place.casefold()


def place_key(figure: dict) -> str | None:
    """The figure's place as a gazetteer id (or folded text); None when unknown."""
    if figure.get("place_id"):
        return figure["place_id"]
    place = figure.get("place") or IMPLICIT_PLACE.get(figure["counted"])
    return _place_key(place, figure.get("language") if figure.get("place") else "en")


@lru_cache(maxsize=4096)
def _places_in(sentence: str, language: str | None) -> frozenset[str]:
    return frozenset(place.id for _s, _e, place in find_places(sentence, language))


def names_place(figure: dict, sentence: str) -> bool:
    """True when the figure's own sentence names its place (copies of one sentence are
    looked up once)."""
    return place_key(figure) in _places_in(sentence, figure.get("language"))


def quantity(figure: dict, sentence: str | None = None) -> Quantity:
    """The figure's quantity. With its ``sentence``, only a place the sentence names counts
    (a place taken from elsewhere in the article may be a part or a neighbour of the one the
    figure counts): a figure with no stated place, or whose stated place is the category's
    implicit one, is at that implicit place; one whose sentence does not name the place it was
    given has no known place (None), and is compared with nothing."""
    place = place_key(figure)
    if sentence is not None and not names_place(figure, sentence):
        implicit = _place_key(IMPLICIT_PLACE.get(figure["counted"]), "en")
        place = implicit if not figure.get("place") or place == implicit else None
    return Quantity(figure["counted"], figure.get("rate"), place)


@cache
def _groups() -> dict[str, str]:
    data = tomllib.loads(GROUPS_PATH.read_text("utf-8"))
    return {label: group for group, labels in data["groups"].items() for label in labels}


def who_group(who: str | None) -> str | None:
    """The group a ``who`` label belongs to ("Russian citizens" -> "people"); None if unstated."""
    if not who:
        return None
    label = " ".join(who.casefold().split())
    return _groups().get(label) or _groups().get(label.removesuffix("s")) or label.removesuffix("s")


def same_group(a: dict, b: dict) -> bool:
    """True when two figures count the same group of people; an unstated group is everyone
    the category counts, so it matches "people" but not "men" or "soldiers"."""
    return (who_group(a.get("who")) or GENERIC) == (who_group(b.get("who")) or GENERIC)


def count_day(figure: dict) -> str | None:
    """The day a figure's count runs to, when its period is resolved."""
    return figure.get("period_end") or figure.get("period_start")


def period_key(figure: dict) -> str | None:
    """The day a figure's count runs to ("98,000 since September 21" and "98,000 on Tuesday"
    in a report of that Tuesday are one count), else its stated period text, or None."""
    if day := count_day(figure):
        return f"as of {day}"
    return (figure.get("period") or "").casefold() or None


def as_of(figure: dict) -> tuple[str | None, str | None]:
    """The time a figure speaks of: its resolved period, else its article's date (both ends)."""
    if figure.get("period_start") or figure.get("period_end"):
        return figure.get("period_start"), figure.get("period_end")
    return figure.get("published"), figure.get("published")


@cache
def _estimate_words():
    return compile_phrases(tomllib.loads(BASIS_PATH.read_text("utf-8"))["estimate"])


def is_estimate(figure: dict) -> bool:
    """True when the figure's own quote calls its count an estimate (``lang/basis.toml``)."""
    return bool(_estimate_words().search(figure.get("quote") or ""))
