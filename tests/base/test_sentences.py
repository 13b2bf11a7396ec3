"""Sentence and paragraph spans."""

from __future__ import annotations

from newsledger.base.sentences import SpanIndex, paragraph_starts, sentence_spans


def _sentences(text: str, protect=()) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text, protect)]


def test_sentences_end_at_punctuation_before_a_capital_or_digit_and_at_line_breaks():
    text = 'He left. "Then?" she asked! 3 stayed… ok. e.g. this\nNext line\n\n  \nLast'
    assert _sentences(text) == ["He left.", '"Then?" she asked!', "3 stayed… ok. e.g. this",
                                "Next line", "Last"]


def test_closing_quotes_stay_outside_and_protected_spans_do_not_end_a_sentence():
    text = "Они сказали «нет». Потом 53 tys. Rosjan ушли."
    protect = [(text.index("53"), text.index("Rosjan") - 1)]
    assert _sentences(text) == ["Они сказали «нет».", "Потом 53 tys.", "Rosjan ушли."]
    assert _sentences(text, protect) == ["Они сказали «нет».", "Потом 53 tys. Rosjan ушли."]


def test_blank_text_has_no_sentences():
    assert sentence_spans(" \n\n\t") == []


def test_paragraphs_and_span_index():
    text = "One.\n\nTwo.\n \nThree."
    starts = paragraph_starts(text)
    assert [text[start:start + 3] for start in starts] == ["One", "Two", "Thr"]
    assert [SpanIndex(starts).index(text.index(word)) for word in ("One", "Two", "Three")] == [
        0, 1, 2]
