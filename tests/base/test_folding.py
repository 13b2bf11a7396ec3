"""Folding: case-sensitive matching of folded text finds what case-insensitive matching finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.base.folding import fold, folded_pattern

LETTERS = "aAsSſiIıkKσςΣμµΜиИёЁßẞ ,-1"
WORDS = ["sept", "Σεπτ", "ſiſ", "Ёлка", "MAß", "kı"]


def test_fold_keeps_offsets_and_writes_equated_letters_alike():
    folded = fold("Σσς Sſs Ιι")
    assert folded is not None and len(folded) == 10
    assert len(set(folded[:3])) == len(set(folded[4:7])) == len(set(folded[8:])) == 1


def test_fold_gives_up_when_lower_case_is_longer():
    assert fold("İstanbul") is None


def test_pattern_with_coded_letters_or_inline_flags_cannot_be_folded():
    assert folded_pattern(r"\u0410") is None
    assert folded_pattern("(?i)a") is None
    assert folded_pattern(r"(?P<a>x)(?P=a)") is None


def test_folded_pattern_keeps_escapes_caseless_codes_and_group_names():
    assert folded_pattern(r"(?<!\w)(?P<month>Sept)\.?\S") == r"(?<!\w)(?:sept)\.?\S"
    assert folded_pattern(r"(?P<Day>\d)[\u2010-\u2014]Ё", keep_groups=True) == \
        r"(?P<Day>\d)[\u2010-\u2014]ё"


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(WORDS), st.text(alphabet=LETTERS, max_size=12),
       st.text(alphabet=LETTERS, max_size=12), st.booleans())
def test_folded_pattern_matches_where_the_original_does(word, before, after, upper):
    text = before + (word.upper() if upper else word) + after
    source = r"(?<!\w)" + re.escape(word) + r"\w*"
    original = [m.span() for m in re.finditer(source, text, re.IGNORECASE)]
    folded_text, folded = fold(text), folded_pattern(source)
    if folded_text is not None and folded is not None:
        assert [m.span() for m in re.finditer(folded, folded_text)] == original
