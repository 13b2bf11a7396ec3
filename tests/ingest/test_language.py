"""Language identification: restricted to the settings' list, silent on short texts."""

from __future__ import annotations

import pytest

from newsledger.ingest import language
from newsledger.ingest.language import detect_language
from newsledger.settings import DETECTABLE_LANGUAGES, SETTINGS_TABLE

LANGUAGES = DETECTABLE_LANGUAGES


def test_the_list_covers_the_required_languages():
    required = {"en", "ru", "uk", "de", "fr", "es", "it", "pt", "pl", "ro", "nl", "el", "sr",
                "hy", "kk", "ka", "fi", "lt", "is", "ar", "mn", "be"}
    assert required <= set(LANGUAGES)
    assert "ISO 639-1" in SETTINGS_TABLE["languages"]


@pytest.mark.parametrize(("text", "code"), [
    ("Thousands of men crossed the border into Kazakhstan after the announcement.", "en"),
    ("Тысячи мужчин пересекли границу с Казахстаном после объявления мобилизации.", "ru"),
    ("Тисячі чоловіків перетнули кордон з Казахстаном після оголошення мобілізації.", "uk"),
    ("Des milliers d'hommes ont franchi la frontière du Kazakhstan après l'annonce.", "fr"),
    ("Hiljadu muškaraca prešlo je granicu sa Kazahstanom posle objave mobilizacije.", "sr"),
])
def test_detects_languages(text, code):
    detected, confidence = detect_language(text, LANGUAGES)
    assert detected == code
    assert 0.5 <= confidence <= 1


@pytest.mark.parametrize("text", ["", "Hello there", "300 000 — 21.09.2022", "Москва"])
def test_short_texts_get_no_language(text):
    assert detect_language(text, LANGUAGES) == (None, None)


def test_only_listed_languages_are_chosen():
    text = "Tusentals män korsade gränsen till Kazakstan efter beskedet om mobilisering."
    detected, _ = detect_language(text, ("en", "de"))
    assert detected in {"en", "de", None}


def test_the_detector_is_built_once_per_language_list():
    language.detector.cache_clear()
    for _ in range(3):
        detect_language("Men crossed the border into Georgia on foot and by car.", LANGUAGES)
    assert language.detector.cache_info().misses == 1
