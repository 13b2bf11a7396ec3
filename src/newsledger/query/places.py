"""The ``place`` filter resolved through the gazetteer: a place id or name to the ids of the
places it denotes and of every place inside them."""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from newsledger.base.places import gazetteer


@cache
def _inside() -> dict[str, frozenset[str]]:
    """Place id -> ids of the places inside it: a country holds every place of its country
    code, and each place holds its children (a region its cities, a city its landmarks), at
    any depth."""
    places = gazetteer()
    children: dict[str, set[str]] = defaultdict(set)
    by_country: dict[str, set[str]] = defaultdict(set)
    for place in places:
        parent = places.parent_of(place)
        if parent is not None:
            children[parent.id].add(place.id)
        if place.country_code and place.type != "country":
            by_country[place.country_code].add(place.id)

    def below(place_id: str, seen: frozenset[str] = frozenset()) -> set[str]:
        found = set()
        for child in children.get(place_id, ()):
            if child not in seen:
                found |= {child} | below(child, seen | {place_id})
        return found

    inside = {}
    for place in places:
        ids = below(place.id)
        if place.type == "country" and place.country_code:
            ids |= by_country[place.country_code]
        inside[place.id] = frozenset(ids)
    return inside


@cache
def place_ids(value: str) -> frozenset[str]:
    """The ids the ``place`` filter ``value`` matches: the place with that id, or every place
    the gazetteer knows by that name (in any language and case form), and the places inside
    each. Empty when the gazetteer knows no such place."""
    places = gazetteer()
    named = [places.get(value)] if places.get(value) else places.by_name(value)
    inside = _inside()
    return frozenset(pid for place in named for pid in {place.id} | inside.get(place.id, set()))
