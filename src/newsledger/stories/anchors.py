"""Anchors: the language-independent details two versions of one story share.

Numbers (digits without separators and trailing zeros, so "98,000", "98 000" and "98 mil" meet),
capitalised words folded across scripts ("Fyodor", "Fiodor", "Фёдор"), and the named sources of
``base/lang/sources.toml``. Anchors are hashed to 32-bit keys to keep per-article state
small; rarity weighting (IDF) is done by the caller over the whole corpus.
"""

from __future__ import annotations

import re
import tomllib
import zlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsledger.base.sources import known_sources
from newsledger.base.transliteration import latin_key

_NUMBER = re.compile(r"\d(?:[\d.,'\u00a0\u202f ]*\d)?")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_SENTENCE_END = re.compile(r"[.!?…:\n«»\"“”(]\s*$")
_YEAR = re.compile(r"(19|20)\d\d")


@dataclass(frozen=True)
class AnchorSpec:
    """How names become anchors (``lang/anchors.toml``)."""

    prefix: int  # characters of a folded name kept as its anchor
    min_name: int  # shortest capitalised word taken as a name


@cache
def anchor_spec() -> AnchorSpec:
    path = resources.files(__package__).joinpath("lang/anchors.toml")
    data = tomllib.loads(path.read_text("utf-8"))
    return AnchorSpec(data["prefix"], data["min_name"])


def number_keys(text: str) -> set[str]:
    """Numbers of two or more digits, separators and trailing zeros dropped; years left out."""
    keys = set()
    for found in _NUMBER.finditer(text):
        digits = re.sub(r"\D", "", found.group())
        if len(digits) < 2 or _YEAR.fullmatch(digits):
            continue
        keys.add("#" + (digits.rstrip("0") or "0"))
    return keys


def name_keys(text: str) -> set[str]:
    """Capitalised words that do not open a sentence, folded and cut to a prefix."""
    spec = anchor_spec()
    keys = set()
    for found in _WORD.finditer(text):
        word = found.group()
        if len(word) < spec.min_name or not word[0].isupper():
            continue
        before = text[max(0, found.start() - 3):found.start()]
        if found.start() == 0 or _SENTENCE_END.search(before):
            continue
        keys.add(latin_key(word)[:spec.prefix])
    return keys


def source_keys(text: str) -> set[str]:
    """The known sources (news agencies, monitors, ministries) the text names."""
    phrases, _info = known_sources()
    return {"@" + cue.label for cue in phrases.find(text)}


def anchor_keys(text: str) -> set[str]:
    """Every anchor of a text as readable keys (numbers ``#``, sources ``@``, names)."""
    return number_keys(text) | name_keys(text) | source_keys(text)


def hashed(keys: set[str]) -> tuple[int, ...]:
    """Anchors as sorted 32-bit keys (small per-article state)."""
    return tuple(sorted({zlib.crc32(key.encode("utf-8")) for key in keys}))


def outlet_stem(outlet: str | None) -> str | None:
    """The distinctive part of an outlet host ("euroweeklynews" for euroweeklynews.com)."""
    if not outlet:
        return None
    parts = [p for p in outlet.lower().split(".") if p not in {"www", "m", "amp", "mobile"}]
    stem = max(parts[:-1] or parts, key=len)
    return re.sub(r"[\W_]+", "", stem) or None


def cites_outlet(text: str, outlet: str | None, min_length: int = 7) -> bool:
    """True when ``text`` names the outlet (spaces and punctuation ignored): "EuroWeekly News"."""
    stem = outlet_stem(outlet)
    if not stem or len(stem) < min_length:
        return False
    return stem in re.sub(r"[\W_]+", "", text.lower())
