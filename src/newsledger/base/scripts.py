"""Unicode ranges of scripts the text tools treat apart, as regex character-class bodies."""

from __future__ import annotations

KANA_AND_HAN = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HANGUL = "\uac00-\ud7af"
TATWEEL = "\u0640"  # the Arabic joining stroke ("الـ60")
SOUTHEAST_ASIAN = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"  # Thai, Lao, Burmese, Khmer
# Scripts written without spaces between words: a character there is as much a unit as a word.
WITHOUT_SPACES = SOUTHEAST_ASIAN + KANA_AND_HAN
