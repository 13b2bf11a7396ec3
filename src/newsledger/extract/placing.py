"""The place of a figure, chosen by the role a place plays for its category.

Movement figures take the destination: every foreign country of the sentence for departures
("fled to Georgia and Kazakhstan"), the country entered for arrivals, the border point or the
country crossed into for crossings. War losses take a home region when one is named (a regional
tally of the dead), else the war's country; the call-up is the home country's. Asylum,
deportation and residence figures take the foreign country that decides. Everything else takes
the place nearest the number. When the sentence names no fitting place, the article's most
named foreign country is used (its subject: "Russians in Georgia"), then the home country. The
home and war countries come from the codebook (``codebook/codebook.toml``), and a figure takes
one of them only when its article names that country or a place in it; otherwise the place its
sentence names, or none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import cache

from newsledger.base.codebook import codebook, country_words
from newsledger.base.places import Place, gazetteer
from newsledger.models import Figure

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


def crisis_countries() -> tuple[str, str]:
    """The English names of the home country and the war's country (the codebook's)."""
    return codebook().home, codebook().war


def names_by_word(text: str, country: str) -> bool:
    """Whether a text names a country by a word of the codebook ("Russian", "the
    front"); `base.places.countries_named` finds the places named in it."""
    pattern = country_words().get(country)
    return bool(pattern and pattern.search(text))


@cache
def _codes() -> tuple[str | None, str | None]:
    """ISO codes of the home and war countries."""
    codes = {place.name: place.country_code for place in gazetteer() if place.type == "country"}
    home, war = crisis_countries()
    return codes.get(home), codes.get(war)


def _crisis(place: Place) -> bool:
    """Whether a place lies in the home or the war's country."""
    return place.country_code is not None and place.country_code in _codes()


def _foreign(place: Place) -> bool:
    return not _crisis(place) or place.type in BORDER_TYPES


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
                     if place.type == "country" and not _crisis(place))
    return max(counts, key=counts.get) if counts else None


def place_of(figure: Figure, mentions: list[Mention], article_place: Callable[[], str | None],
             named: Callable[[str], bool]) -> str | None:
    """The place of a figure from the place mentions of its sentence (text order);
    ``article_place`` gives the article's foreign country, ``named`` tells whether the article
    names a country."""
    home, war = crisis_countries()
    home_code, _ = _codes()
    counted = figure.counted
    if counted == "mobilized":
        return home if named(home) else _nearest(mentions, figure)
    if counted in LOSSES:
        return _nearest(mentions, figure, lambda place: place.country_code == home_code and
                        place.type == "region") or (war if named(war) else _nearest(
                            mentions, figure))
    found = None
    if counted == "left_country":
        found = _destinations(mentions) or _nearest(mentions, figure, _foreign) or _nearest(
            mentions, figure, lambda place: place.country_code == home_code)
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
        found = article_place()
    return found or (home if named(home) else None)
