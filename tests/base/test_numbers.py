"""Golden tests of the number-expression engine on sentences written for these tests."""

from __future__ import annotations

import pytest

from newsledger.base.numbers import find_number_expressions, parse_number

# (language, sentence, expected [(text, low, high, qualifier)])
GOLDEN = [
    ("en", "Around 12,500 people queued and more than three dozen cars waited.",
     [("Around 12,500", 12500, 12500, "approx"), ("more than three dozen", 36, None, "more_than")]),
    ("en", "Hundreds of thousands fled; at least 1,234 were held, up to 40 thousand more.",
     [("Hundreds of thousands", 200000, 999999, "vague"), ("at least 1,234", 1234, None,
      "at_least"), ("up to 40 thousand", None, 40000, "at_most")]),
    ("en", "Between 7 and 9 thousand crossed, then from 3 000 to 4 500 a day.",
     [("Between 7 and 9 thousand", 7000, 9000, "range"),
      ("from 3 000 to 4 500", 3000, 4500, "range")]),
    ("en", "Some forty-two men and several thousand women, fewer than a hundred children.",
     [("Some forty-two", 42, 42, "approx"), ("several thousand", 2000, 9999, "vague"),
      ("fewer than a hundred", None, 100, "less_than")]),
    ("en", "Several men and many women came.", []),
    ("ru", "Более 3 тысяч человек и около двухсот пятидесяти задержанных.",
     [("Более 3 тысяч", 3000, None, "more_than"),
      ("около двухсот пятидесяти", 250, 250, "approx")]),
    ("ru", "Сотни тысяч уехали, десятки задержаны, не менее 1 176 погибли.",
     [("Сотни тысяч", 200000, 999999, "vague"), ("десятки", 24, 99, "vague"),
      ("не менее 1 176", 1176, None, "at_least")]),
    ("ru", "Пятеро пришли, от 5 до 7 тыс. ждали, около сотни ушли.",
     [("Пятеро", 5, 5, "exact"), ("от 5 до 7 тыс.", 5000, 7000, "range"),
      ("около сотни", 100, 100, "approx")]),
]


@pytest.mark.parametrize(("language", "sentence", "expected"), GOLDEN)
def test_golden_sentences(language, sentence, expected):
    found = find_number_expressions(sentence, language)
    assert [(e.text, e.low, e.high, e.qualifier) for e in found] == expected
    for expression in found:
        assert sentence[expression.start:expression.end] == expression.text


@pytest.mark.parametrize(("text", "language", "value"), [
    ("1 176", "uk", 1176), ("98 тыс.", "ru", 98000), ("двух тысяч", "ru", 2000),
    ("two dozen", "en", 24), ("2.5 million", "en", 2500000), ("1\u202f176", None, 1176),
    ("1'176", None, 1176), ("5\u2024406", None, 5406), ("thousands", "en", None),
])
def test_parse_number(text, language, value):
    assert parse_number(text, language) == value


@pytest.mark.parametrize(("sentence", "language", "unit"), [
    ("Prices rose 25% in a week.", "en", "percent"),
    ("It rose 25 per cent.", "en", "percent"),
    ("At 10:30 the border closed.", "en", "time"),
    ("A 25-year-old man left.", "en", "age"),
    ("He waited 5 days.", "en", "duration"),
    ("It cost $300.", "en", "money"),
    ("It was the 9th protest.", "en", "ordinal"),
    ("В 2022 году всё изменилось.", "ru", "year"),
    ("Рост на 5 процентов.", "ru", "percent"),
])
def test_units_are_recognised(sentence, language, unit):
    (expression,) = find_number_expressions(sentence, language)
    assert expression.followed_by == unit


def test_years_are_recognisable():
    (year,) = find_number_expressions("Men left in 2022 to avoid the draft.", "en")
    assert year.is_year_like
    (span,) = find_number_expressions("From 2022 to 2023 they left.", "en")
    assert span.is_year_like
    (count,) = find_number_expressions("Some 2022 men left.", "en")
    assert not count.is_year_like
    (big,) = find_number_expressions("About 3,022 men left.", "en")
    assert not big.is_year_like


@pytest.mark.parametrize(("text", "language", "low", "number_text"), [
    ("1.5m people fled", "en", 1_500_000, "1.5m"),
    ("Some 700k people left", "en", 700_000, "Some 700k"),
    ("1.2m refugees", "en", 1_200_000, "1.2m"),
    ("8 B people", "en", 8_000_000_000, "8 B"),
    ("8bn people", "en", 8_000_000_000, "8bn"),
    ("about 1.1M people", "en", 1_100_000, "about 1.1M"),
    ("1.5 million people", "en", 1_500_000, "1.5 million"),
    ("2.5 million people", "en", 2_500_000, "2.5 million"),
    ("1.5m people fled", None, 1_500_000, "1.5m"),
])
def test_magnitude_suffixes(text, language, low, number_text):
    (number,) = find_number_expressions(text, language)
    assert (number.text, number.low, number.high) == (number_text, low, low)
    assert not number.fractional


@pytest.mark.parametrize("text", ["8 b people", "Plan B", "a b c", "5 m of rope", "K 5"])
def test_a_spaced_suffix_needs_capitals_and_digits(text):
    assert all(number.low < 10 for number in find_number_expressions(text, "en"))


def test_a_suffix_range_scales_both_ends():
    (number,) = find_number_expressions("1-2m people", "en")
    assert (number.low, number.high, number.qualifier) == (1_000_000, 2_000_000, "range")


@pytest.mark.parametrize(("text", "language", "fractional"), [
    ("1.5 people", "en", True),
    ("7,425.81 points", "en", True),
    ("99.20", "en", True),
    ("100.00", "en", True),
    ("2,5 человека", "ru", True),
    ("1.5-2 million", "en", False),
    ("2,5 тысячи", "ru", False),
    ("1,500 people", "en", False),
    ("1.5m", "en", False),
    ("1.2345678m", "en", True),
])
def test_a_decimal_is_fractional_unless_a_magnitude_makes_it_whole(text, language, fractional):
    (number,) = find_number_expressions(text, language)
    assert number.fractional is fractional
