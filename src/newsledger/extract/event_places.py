"""Place choices of event mentions that look past one trigger: the most specific of a list of
places, figures paired with a list of places in order, and the scene a sentence leaves for the
next one of its paragraph."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from newsledger.base.places import Place, gazetteer
from newsledger.models import Event, Figure


def most_specific(places: list[Place]) -> list[Place]:
    """Drop a country whose place is also listed ("Almaty, Kazakhstan"), a region named
    as the setting of the city before it ("Kansk in the Krasnoyarsk region") and a broad area
    listed with specific places of its country ("Siberia: Irkutsk, Ulan-Ude")."""
    named = {place.country for place in places if place.type != "country"}
    named |= {place.parent for place in places if place.parent}
    specific = {place.country for place in places if place.precision in ("point", "region")}
    kept = [p for p in places if not (p.type in ("country", "region") and p.name in named)
            and not (p.precision == "area" and p.country in specific)]
    return kept or places


def respectively(places: Iterable[Place], found: list[tuple[Figure | None, Event]]) -> list[Event]:
    """Figures of one type that took the same list of as many places pair with them in text
    order ("St Petersburg outpaces Moscow in detentions: 490 to 426"); ``places`` are the
    places the sentence names."""
    named = {place.name: place for place in places}
    lists: dict[tuple, list[int]] = {}
    for figure, event in sorted(found, key=lambda pair: pair[0].number_start if pair[0] else -1):
        if figure and event.place and ", " in event.place:
            lists.setdefault((event.type, event.place), []).append(figure.number_start)
    result = []
    for figure, event in found:
        names = (event.place or "").split(", ")
        order = lists.get((event.type, event.place), [])
        if figure and len(order) == len(names) and all(name in named for name in names):
            place = named[names[order.index(figure.number_start)]]
            event = replace(event, place=place.name, place_id=place.id, country=place.country)
        result.append(event)
    return result


def scene_of(sentence: tuple[int, int], events: list[Event]) -> tuple[int, Place] | None:
    """The sentence's end and the one place below country level its events took, if any."""
    places = {gazetteer().get(e.place_id) for e in events if e.place_id}
    place = places.pop() if len(places) == 1 else None
    return (sentence[1], place) if place and place.type != "country" else None
