"""The place of a figure, chosen by the role a place plays for its category.

Movement figures take the destination: every foreign country of the sentence for departures
("fled to Georgia and Kazakhstan"), the country entered for arrivals, the border point or the
country crossed into for crossings. War losses happen in Ukraine unless a Russian region is
named (a regional tally of the dead); the call-up is Russia's. Asylum, deportation and residence
figures take the foreign country that decides. Everything else takes the place nearest the
number. When the sentence names no fitting place, the article's most named foreign country is
used (its subject: "Russians in Georgia"), then Russia.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from newsledger.models import Figure
from newsledger.resolve.places import Place

HOME_CODE = "RU"
HOME = "Russia"
WAR = "Ukraine"
WAR_CODE = "UA"
MOVEMENT = frozenset({"left_country", "entered_country", "crossed_border"})
LOSSES = frozenset({"killed", "killed_or_wounded", "wounded"})
ABROAD = frozenset({"asylum_seekers", "deported_or_extradited", "residence_permits"})
BORDER_TYPES = frozenset({"border_crossing", "border"})

Mention = tuple[int, int, Place]


def _gap(mention: Mention, figure: Figure) -> int:
    start, end, _ = mention
    if end <= figure.number_start:
        return figure.number_start - end
    return max(start - figure.number_end, 0)


def _foreign(place: Place) -> bool:
    return place.country_code not in (HOME_CODE, WAR_CODE) or place.type in BORDER_TYPES


def _nearest(mentions: list[Mention], figure: Figure,
             keep: Callable[[Place], bool] = lambda place: True) -> str | None:
    fitting = [mention for mention in mentions if keep(mention[2])]
    return min(fitting, key=lambda mention: _gap(mention, figure))[2].name if fitting else None


def _destinations(mentions: list[Mention]) -> str | None:
    names = list(dict.fromkeys(place.name for _, _, place in mentions
                               if place.type == "country" and _foreign(place)))
    return ", ".join(names) if names else None


def article_country(mentions: list[Mention]) -> str | None:
    """The foreign country an article names most often (first named on a tie)."""
    counts = Counter(place.name for _, _, place in mentions
                     if place.type == "country" and place.country_code not in (HOME_CODE,
                                                                                WAR_CODE))
    return max(counts, key=counts.get) if counts else None


def place_of(figure: Figure, mentions: list[Mention], article_place: Callable[[], str | None]
             ) -> str | None:
    """The place of a figure from the place mentions of its sentence (text order)."""
    counted = figure.counted
    if counted == "mobilized":
        return HOME
    if counted in LOSSES:
        return _nearest(mentions, figure, lambda place: place.country_code == HOME_CODE and
                        place.type == "region") or WAR
    found = None
    if counted == "left_country":
        found = _destinations(mentions) or _nearest(mentions, figure, _foreign) or _nearest(
            mentions, figure, lambda place: place.country_code == HOME_CODE)
    elif counted == "crossed_border":
        found = _nearest(mentions, figure, lambda place: place.type in BORDER_TYPES) or _nearest(
            mentions, figure, _foreign)
    elif counted in MOVEMENT or counted in ABROAD:
        found = _nearest(mentions, figure, lambda place: _foreign(place) and place.type in (
            "country", "border_crossing")) or _nearest(mentions, figure, _foreign)
    else:
        found = _nearest(mentions, figure)
    if found:
        return found
    if counted in MOVEMENT or counted in ABROAD or counted == "other":
        return article_place() or HOME
    return HOME
