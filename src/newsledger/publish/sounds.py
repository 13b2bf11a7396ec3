"""Names in katakana, Hangul, Arabic or Hebrew script met with their Latin or Cyrillic spelling.

``sound_key(word)`` reads katakana and Hangul as Latin letters (``lang/persons/sounds.toml``),
takes the skeleton of ``person_tables.skeleton`` (which transliterates the other scripts), folds
the sounds these scripts write alike and keeps the consonants: "Андреева", "Andreyeva",
アンドレーエワ and 안드레예바 all give "ndrb". ``sounds_public(words, here)`` says whether a
name written in such a script is a known public figure's (``public`` and ``public_names`` of
``common.toml``) or the name of a person the same text shows as public (``here``); a single
word whose key is also a given name's makes no one public, and neither does a key shorter than
``min_consonants``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from newsledger.publish.person_tables import load_table, person_table, skeleton

_HANGUL = re.compile(r"[\uac00-\ud7af]")


@dataclass(frozen=True)
class SoundTable:
    letters: dict[int, str]  # katakana and jamo -> Latin letters
    folds: tuple[tuple[str, str], ...]
    vowels: str
    min_consonants: int


@cache
def _table() -> SoundTable:
    data = load_table("sounds")
    letters = {ord(k): v for k, v in {**data["katakana"], **data["jamo"]}.items()}
    return SoundTable(letters, tuple(map(tuple, data["folds"])), data["vowels"],
                      int(data["min_consonants"]))


def romanized(word: str) -> str:
    """``word`` with its katakana and Hangul read as Latin letters (other letters kept)."""
    word = unicodedata.normalize("NFC", word)
    if _HANGUL.search(word):
        word = unicodedata.normalize("NFD", word)
    return word.translate(_table().letters)


@cache
def sound_key(word: str) -> str:
    """The consonants of ``word``'s skeleton, with the sounds katakana and Hangul merge folded."""
    table = _table()
    key = skeleton(romanized(word))
    for old, new in table.folds:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", re.sub(f"[{table.vowels}]", "", key))


@cache
def _known() -> tuple[frozenset[str], tuple[tuple[str, ...], ...], frozenset[str]]:
    """Keys of known public surnames and of full names' words, and of given names."""
    common = load_table("common")
    given = frozenset(sound_key(name) for name in person_table(None).given)
    public = frozenset(sound_key(entry.rstrip("*")) for entry in common["public"]) - given
    full = tuple(tuple(sound_key(word) for word in name.split())
                 for name in common.get("public_names", []))
    return public, full, given


def sounds_public(words: list[str], here: Iterable[Iterable[str]] = ()) -> bool:
    """Whether a name of ``words`` (in a script without capitals) is a known public figure's,
    or the name of one of the public persons ``here`` (the stems of each): every word meets one
    of the person's stems, and a single word is no given name's."""
    public, full, given = _known()
    keys = [sound_key(word) for word in words]
    if any(all(word in keys for word in entry) for entry in full if len(entry) <= len(keys)):
        return True
    last = keys[-1] if keys else ""
    if len(last) < _table().min_consonants or len(keys) == 1 and last in given:
        return False
    return last in public or any(set(keys) <= {sound_key(stem) for stem in stems}
                                 for stems in here)
