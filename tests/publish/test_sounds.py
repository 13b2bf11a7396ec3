"""Names in katakana, Hangul, Arabic and Hebrew met with their Latin or Cyrillic spelling.

The texts are written for this test; the private names are invented."""

from __future__ import annotations

import pytest

from newsledger.publish.persons import PersonIndex
from newsledger.publish.redact import redact_text
from newsledger.publish.sounds import sound_key, sounds_public


@pytest.mark.parametrize("forms", [
    ["Andreyeva", "Андреева", "アンドレーエワ", "안드레예바"],
    ["Putin", "Путин", "プーチン", "푸틴", "بوتين", "פוטין"],
    ["Belousov", "Белоусов", "ベロウソフ", "벨로우소프"],
    ["Lavrov", "ラブロフ", "라브로프"],
])
def test_one_name_in_several_scripts_has_one_key(forms):
    assert len({sound_key(form) for form in forms}) == 1


def test_a_given_name_alone_or_a_short_key_makes_no_one_public():
    assert not sounds_public(["マリーナ"])  # "Marina" sounds like the surname "Marin"
    assert not sounds_public(["クセニア"])
    assert not sounds_public(["ショイグ"])  # two consonants: too short to compare
    assert sounds_public(["ペスコフ"]) and sounds_public(["ドミトリー", "ペスコフ"])


def test_a_katakana_name_is_public_when_the_text_shows_it_public_in_latin():
    text = ("マリヤ・アンドレーエワさんは話した。Maria Andreyeva, a leader of the Vesna movement, "
            "spoke. ドミトリー・アンドレーエフさんは国境を越えた。")
    redacted = redact_text(PersonIndex(text, "ja"), text)
    assert "マリヤ・アンドレーエワ" in redacted and "ドミトリー" not in redacted


def test_a_hangul_name_matches_only_every_word_of_a_public_person():
    text = ("Boris Kuzminov, a spokesman for the ministry, said 300 left.\n"
            "[보리스 쿠즈미노프 / 목격자 : 아닙니다]\n"
            "[즈베니슬라프 쿠즈미노프 / 러시아 병사 : 무서워요]")
    redacted = redact_text(PersonIndex(text, "ko"), text)
    assert "보리스 쿠즈미노프" in redacted and "즈베니슬라프" not in redacted
