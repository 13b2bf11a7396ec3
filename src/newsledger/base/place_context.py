"""How the words around place names change their reading (tables in gazetteer/context.toml and
gazetteer/landmarks.toml).

* A list of region adjectives before one plural region word names one region per adjective:
  "the Amur and Khabarovsk regions" is Amur Oblast and Khabarovsk Krai, «в Амурской и
  Хабаровской областях» likewise (`region_lists`).
* A region or country after a comma says where the name before it lies: "Moscow, Idaho" is no
  mention of Russia's capital, and with no such Moscow known it stays unresolved
  (`qualified`).
* A landmark that also names an institution ("the Kremlin said") is a place only right after a
  word of location ("outside the Kremlin") (`located`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from functools import cache

from newsledger.base.gazetteer import DATA_DIR, Gazetteer, Place, fold_name

Span = tuple[int, int, Place]
COMMA = re.compile(r"\s*,\s*")
QUALIFIERS = frozenset({"region", "country"})
QUALIFIED = frozenset({"city", "landmark", "border_crossing", "region"})
_WORD = re.compile(r"[\w’'-]+|,")
LIST_WINDOW = 160  # characters before a plural region word searched for its adjectives
MAX_ADJECTIVE_WORDS = 2  # "Nizhny Novgorod and Moscow regions"


@cache
def _table() -> dict:
    with (DATA_DIR / "context.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def _locative() -> re.Pattern:
    with (DATA_DIR / "landmarks.toml").open("rb") as handle:
        words = tomllib.load(handle)["locative"]
    body = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in
                    sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})\s+(?:the\s+|le\s+|la\s+|el\s+|il\s+|o\s+|a\s+)?$",
                      re.IGNORECASE)


@cache
def _plurals() -> re.Pattern:
    words = sorted({fold_name(word) for word in _table()["region_plurals"]}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})(?!\w)")


@cache
def _adjectives(gazetteer: Gazetteer) -> dict[str, str]:
    """Folded adjective ("амурской", "amur") -> the id of the one region whose alias it starts,
    before a region noun."""
    nouns = {fold_name(word) for word in _table()["region_nouns"]}
    found: dict[str, set[str]] = {}
    for key in gazetteer.alias_keys():
        head, _, last = key.rpartition(" ")
        if head and last in nouns and head.count(" ") < MAX_ADJECTIVE_WORDS:
            for place, _ in gazetteer.candidates(key):
                if place.type == "region":
                    found.setdefault(head, set()).add(place.id)
    return {head: ids.pop() for head, ids in found.items() if len(ids) == 1}


def region_lists(text: str, folded: str, spans: list[Span], gazetteer: Gazetteer
                 ) -> list[Span]:
    """`spans` with each list of region adjectives before a plural region word read as the
    regions it names (replacing what was found inside the list); `folded` is the gazetteer's
    `fold_name` of `text`."""
    added: list[Span] = []
    for plural in _plurals().finditer(folded):
        items = _list_before(text, folded, plural.start(), gazetteer)
        if len(items) >= 2:
            added.extend(items)
    if not added:
        return spans
    covered = [(start, end) for start, end, _ in added]
    kept = [span for span in spans
            if not any(span[0] < end and start < span[1] for start, end in covered)]
    return sorted(kept + added, key=lambda span: span[0])


def _list_before(text: str, folded: str, position: int, gazetteer: Gazetteer) -> list[Span]:
    """The adjectives of the list that ends right before `position`, right to left: an
    adjective, then separators (commas, joiner words), then an adjective, and so on."""
    adjectives, joiners = _adjectives(gazetteer), {fold_name(w) for w in _table()["list_joiners"]}
    low = max(0, position - LIST_WINDOW)
    window = folded[low:position]
    tokens = [found.span() for found in _WORD.finditer(window)]
    items: list[Span] = []
    index = len(tokens)
    while index > 0:
        found = _adjective_at(window, tokens, index, adjectives)
        if found is None:
            break
        size, place_id = found
        start, end = tokens[index - size][0] + low, tokens[index - 1][1] + low
        if not text[start].isupper():
            break
        items.append((start, end, gazetteer.get(place_id)))
        index -= size
        separators = index
        while index > 0 and window[slice(*tokens[index - 1])] in joiners | {","}:
            index -= 1
        if index == separators:
            break
    return items[::-1]


def _adjective_at(window: str, tokens: list[tuple[int, int]], index: int,
                  adjectives: dict[str, str]) -> tuple[int, str] | None:
    for size in range(min(MAX_ADJECTIVE_WORDS, index), 0, -1):
        key = window[tokens[index - size][0]:tokens[index - 1][1]]
        if key in adjectives:
            return size, adjectives[key]
    return None


def qualified(text: str, spans: list[Span], alternatives: Callable[[int], list[Place]]
              ) -> list[Span]:
    """`spans` where a name followed by ", <region or country>" is read inside it: another
    reading of the name that lies there (`alternatives(i)` lists the i-th span's readings),
    else no place at all ("Moscow, Idaho")."""
    result: list[Span] = []
    for index, (start, end, place) in enumerate(spans):
        following = spans[index + 1] if index + 1 < len(spans) else None
        qualifier = following[2] if following and COMMA.fullmatch(
            text, end, following[0]) else None
        if (qualifier is None or qualifier.type not in QUALIFIERS
                or place.type not in QUALIFIED or _inside(place, qualifier)):
            result.append((start, end, place))
            continue
        fitting = [other for other in alternatives(index) if _inside(other, qualifier)]
        if fitting:
            result.append((start, end, max(fitting, key=lambda other: other.rank)))
    return result


def _inside(place: Place, qualifier: Place) -> bool:
    """The same country: within a country, "Kaliningrad, Mordovia" is a list, not a setting."""
    return place.country_code == qualifier.country_code


def located(text: str, span: Span, metonyms: set[str]) -> bool:
    """False for a landmark that also names an institution without a word of location before
    it ("the Kremlin said", not "outside the Kremlin")."""
    start, _, place = span
    if place.id not in metonyms:
        return True
    return bool(_locative().search(text, max(0, start - 40), start))
