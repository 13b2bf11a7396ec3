"""Case forms of place names, generated from a base form with the suffix table in inflection.toml.

Russian, Ukrainian, Polish and other inflected languages write "в Казахстане", "Грузии",
"w Gruzji"; listing every form by hand would be long and error-prone, so the table lists which
endings replace which, per paradigm, and this module applies it word by word.
"""

from __future__ import annotations

import itertools
import tomllib
from functools import cache
from pathlib import Path

TABLE_PATH = Path(__file__).with_name("inflection.toml")
MAX_FORMS = 400  # a cap on the product of word forms for long multi-word names


@cache
def _table() -> dict:
    with TABLE_PATH.open("rb") as handle:
        return tomllib.load(handle)


def paradigm_for(language: str | None, name: str) -> str | None:
    """The paradigm that inflects `name` written in `language` (or its script when unknown)."""
    languages = _table()["languages"]
    if language == "sr" and not _is_cyrillic(name):
        language = "sr_latn"
    if language is None and _is_cyrillic(name):
        language = "cyrillic"
    return languages.get(language) if language else None


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in text)


def word_forms(word: str, paradigm: str) -> list[str]:
    """The word itself, then the forms made by the paradigm's longest matching rule."""
    if word.isupper() or len(word) < 3:
        return [word]
    rules = _table()[paradigm]
    lowered = word.lower()
    for ending in sorted(rules, key=len, reverse=True):
        if lowered.endswith(ending):
            stem = word[: len(word) - len(ending)]
            return [word] + [stem + replacement for replacement in rules[ending]]
    return [word]


def case_forms(name: str, language: str | None) -> list[str]:
    """All generated forms of a (possibly multi-word or hyphenated) name, the base form first."""
    paradigm = paradigm_for(language, name)
    if paradigm is None:
        return [name]
    words = name.split(" ")
    per_word = [_hyphenated_forms(word, paradigm) for word in words]
    forms = []
    for combination in itertools.islice(itertools.product(*per_word), MAX_FORMS):
        forms.append(" ".join(combination))
    return list(dict.fromkeys(forms))


def _hyphenated_forms(word: str, paradigm: str) -> list[str]:
    """Only the last part of a hyphenated word inflects ("Кабардино-Балкарии")."""
    head, dash, tail = word.rpartition("-")
    if not dash:
        return word_forms(word, paradigm)
    return [head + dash + form for form in word_forms(tail, paradigm)]
