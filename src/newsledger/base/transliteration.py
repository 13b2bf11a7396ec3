"""Latin keys for words in any script (``lang/transliteration.toml``): Cyrillic, Greek,
Georgian, Armenian, Arabic and Hebrew letters transliterated, accents dropped, then a few
spelling folds, so one name written in several scripts and spellings meets on one key."""

from __future__ import annotations

import tomllib
import unicodedata
from functools import cache
from pathlib import Path

TABLE_PATH = Path(__file__).with_name("lang") / "transliteration.toml"


@cache
def _table() -> tuple[dict[int, str], tuple[tuple[str, str], ...]]:
    data = tomllib.loads(TABLE_PATH.read_text("utf-8"))
    letters = {ord(k): v for k, v in data["transliterate"].items()}
    return letters, tuple(tuple(pair) for pair in data["folds"])


def latin_key(word: str) -> str:
    """A word folded to Latin letters without accents, with the spelling folds applied."""
    letters, folds = _table()
    text = strip_accents(strip_accents(word.lower()).translate(letters))
    for old, new in folds:
        text = text.replace(old, new)
    return text


def strip_accents(text: str) -> str:
    """``text`` without combining marks (after NFKD decomposition)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
