"""Date tables: the combined scan finds exactly what every atom's own scan finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.base.date_grammar import _alternation, _table, available_languages, grammar
from newsledger.base.folding import fold

FILLERS = ["", " ", "  ", ", ", ". ", "-", "–", "\n", "x", "(", "'", "ς", "ſ", "İ"]


def _words(language: str) -> list[str]:
    """Words of a language's table and its English counterpart, digits and years."""
    words = ["21", "3", "2022", "06.10.2022", "2022-09-27", "1st", "since", "the past",
             "weeks", "ago", "yesterday", "last week", "mobilization", "СВО", "σεπτεμβρίου"]
    for code in (language, "en"):
        table = _table(code)
        words += [form for forms in table["months"] + table["weekdays"] for form in forms]
        words += list(table.get("numbers", {})) + table.get("prepositions", [])
        words += [phrase for phrases in table.get("relative", {}).values() for phrase in phrases
                  if phrase.replace(" ", "").isalpha()]
    return words


def _naive(text: str, language: str) -> list[tuple[str, tuple[int, int], dict]]:
    return [(kind, found.span(), found.groupdict()) for kind, pattern in grammar(language).atoms
            for found in pattern.finditer(text)]


def _scanned(text: str, language: str) -> list[tuple[str, tuple[int, int], dict]]:
    return [(kind, found.span(), found.groupdict())
            for kind, found in grammar(language).atom_matches(text, fold(text))]


@st.composite
def _texts(draw: st.DrawFn) -> tuple[str, str]:
    language = draw(st.sampled_from(available_languages()))
    words = draw(st.lists(st.sampled_from(_words(language)), min_size=1, max_size=8))
    cases = draw(st.lists(st.sampled_from([str.lower, str.upper, str.title]),
                          min_size=len(words), max_size=len(words)))
    gaps = draw(st.lists(st.sampled_from(FILLERS), min_size=len(words), max_size=len(words)))
    return "".join(gap + case(word) for word, case, gap in zip(words, cases, gaps, strict=True)), \
        language


@settings(max_examples=300, deadline=None)
@given(_texts())
def test_combined_scan_finds_what_each_atom_finds(sample):
    text, language = sample
    assert _scanned(text, language) == _naive(text, language)


def test_every_language_has_a_combined_scan():
    assert all(grammar(language).anywhere is not None for language in available_languages())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="aAsSſσςΣ. ", min_size=1, max_size=4), min_size=1, max_size=6),
       st.text(alphabet="aAbBsſσςΣ. x", max_size=10))
def test_word_lists_as_prefix_trees_match_like_the_longest_first_list(forms, text):
    ordered = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    for tail in ("", r"\s*x", r"b(?!\w)"):
        tree = re.compile(_alternation(forms) + tail, re.IGNORECASE)
        flat = re.compile(f"(?:{ordered}){tail}", re.IGNORECASE)
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]
