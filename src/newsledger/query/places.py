"""Places through the gazetteer: the ``place`` filter's id or name to the ids of the places it
denotes and of every place inside them; and a searched word that names a place to the place's
other names."""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from newsledger.base.gazetteer import fold_name
from newsledger.base.places import gazetteer
from newsledger.store.search import query_words


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


@cache
def _names() -> dict[str, tuple[str, ...]]:
    """Place id -> its names as written (every language and case form the gazetteer knows),
    without the ones written in lower case (common words such as "российская столица")."""
    places = gazetteer()
    names: dict[str, set[str]] = defaultdict(set)
    for key in places.alias_keys():
        if places.lowercase(key):
            continue
        for place, alias in places.candidates(key):
            names[place.id].add(alias.text)
    return {pid: tuple(sorted(found)) for pid, found in names.items()}


def _shortest(names: list[str]) -> tuple[str, ...]:
    """The names no other name is a prefix of (as prefixes and substrings, the store's
    matches, "Казахстан" already finds "Казахстане"), case-folded, shortest first."""
    kept: list[str] = []
    for name in sorted({fold_name(name) for name in names}, key=lambda n: (len(n), n)):
        if not any(name.startswith(shorter) for shorter in kept):
            kept.append(name)
    return tuple(kept)


@cache
def place_names(word: str) -> tuple[str, ...]:
    """The other names of the place ``word`` names (its most prominent place), or ()."""
    key = fold_name(word)
    places = gazetteer()
    named = places.by_name(word)
    if not named or places.lowercase(key):
        return ()
    return _shortest(list(_names().get(named[0].id, ())))


LONGEST_NAME = 3  # words of the longest place name a search looks for ("Saint Petersburg")


def search_terms(text: str | None) -> tuple[tuple[str, ...], ...]:
    """The words of a text search, each with the other names of the place it names: per
    word, or per run of words naming a place none of which names one alone ("Verkhny Lars"),
    (the words, *alternatives)."""
    words, terms, at = query_words(text), [], 0
    while at < len(words):
        for size in range(min(LONGEST_NAME, len(words) - at), 0, -1):
            phrase = " ".join(words[at:at + size])
            others = place_names(phrase)
            if size == 1 or others and not any(map(place_names, words[at:at + size])):
                break
        terms.append((phrase, *(name for name in others if name != fold_name(phrase))))
        at += size
    return tuple(terms)
