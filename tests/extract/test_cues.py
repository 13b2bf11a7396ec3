"""Cue tables: phrase syntax, longest match, script fallback and the shipped tables."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.base.phrases import PhraseSet
from newsledger.base.sources import known_sources
from newsledger.extract.cues import CUES_DIR, cue_table, table_for
from newsledger.models import COUNTED


def test_stems_and_word_boundaries():
    phrases = PhraseSet({"arrested": ["arrest*"], "left_country": ["left"]})
    found = phrases.find("Arrests followed; leftover people left.")
    assert [(c.label, c.start) for c in found] == [("arrested", 0), ("left_country", 34)]


def test_any_word_of_a_phrase_may_be_a_stem():
    phrases = PhraseSet({"summoned": ["ordin* de încorporare"], "other": ["crimin* cas*"]})
    found = phrases.find("au primit ordine de încorporare; criminal cases; ordin deîncorporare")
    assert [(c.label, c.start, c.end) for c in found] == [
        ("summoned", 10, 31), ("other", 33, 47)]


def test_longest_phrase_wins_at_a_position():
    phrases = PhraseSet({"killed": ["killed"], "killed_or_wounded": ["killed and wounded"]})
    assert [c.label for c in phrases.find("soldiers killed and  wounded")] == ["killed_or_wounded"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Ann", "Ann Lee", "«Ann»", "Bo", "xAnn", " ", ", ", "\n", "-"]),
                max_size=10))
def test_case_sensitive_phrases_start_at_a_word_start(parts):
    text = "".join(parts)
    phrases = ["Ann", "Ann Lee", "«Ann»", "Bo"]
    found = PhraseSet({"name": phrases}, flags=0).find(text)
    longest_first = "|".join(re.escape(p).replace(r"\ ", r"\s+") + r"(?!\w)"
                             for p in sorted(phrases, key=len, reverse=True))
    expected = re.finditer(rf"(?<!\w)(?:{longest_first})", text)
    assert [(c.start, c.end) for c in found] == [m.span() for m in expected]


def test_sentence_in_another_script_uses_that_scripts_table():
    assert table_for("sr", "Задержано более 1000 человек").language == "ru"
    assert table_for("sr", "Uhapšeno je 426 osoba").language == "sr"
    assert cue_table("xx").language == "en"


@pytest.mark.parametrize("path", sorted(CUES_DIR.glob("*.toml")), ids=lambda p: p.stem)
def test_every_table_uses_only_codebook_categories(path):
    if path.stem == "sources":
        phrases, info = known_sources()
        assert phrases.find("по данным ОВД-Инфо")[0].label == "OVD-Info"
        assert info["Interfax"].relay
        return
    table = cue_table(path.stem)
    assert table.language == path.stem
    for phrase_set in (table.counted, table.weak):
        assert {label for _, label in phrase_set._labels} <= set(COUNTED)


@pytest.mark.parametrize("language", ["sources", "../cues/en", "a\x00b", "zz", ""])
def test_a_code_that_names_no_language_table_takes_the_fallback(language):
    assert cue_table(language).language == "en"
    assert cue_table(language).counted.find("Police detained 300 people.")


def test_croatian_and_bosnian_are_read_with_the_serbian_tables_not_the_english_ones():
    from newsledger.extract.cues import cue_table
    from newsledger.extract.event_tables import event_table

    for code in ("hr", "bs"):
        assert cue_table(code).language == "sr"
        assert event_table(code).language == "sr"
    assert cue_table("xx").language == "en" and event_table("xx").language == "en"
