"""Language identification with lingua, restricted to ``Settings.languages``."""

from __future__ import annotations

from functools import lru_cache

from lingua import IsoCode639_1, LanguageDetectorBuilder

_MIN_CHARACTERS = 20


@lru_cache(maxsize=4)
def _detector(languages: tuple[str, ...]):
    codes = [getattr(IsoCode639_1, code.upper()) for code in languages]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def detect_language(text: str, languages: tuple[str, ...]) -> tuple[str | None, float | None]:
    """The most likely language of ``text`` (ISO 639-1) and its confidence, or (None, None)."""
    sample = text[:3000]
    if len(sample.strip()) < _MIN_CHARACTERS:
        return None, None
    values = _detector(tuple(sorted(languages))).compute_language_confidence_values(sample)
    if not values:
        return None, None
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), round(best.value, 4)
