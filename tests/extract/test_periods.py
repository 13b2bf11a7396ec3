"""Periods: the time expression of a sentence in English, with its calendar interval."""

from __future__ import annotations

import pytest

from newsledger.extract.periods import find_periods


def labels(text: str, language: str, published: str | None = "2022-10-05") -> list:
    return [period.label for period in find_periods(text, 0, len(text), language, published)]


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "On Sunday, 11,200 Russians crossed.", ["on Sunday"]),
    ("en", "98,000 entered since September 21.", ["since September 21"]),
    ("ru", "С 21 сентября въехали 98 тысяч россиян.", ["since September 21"]),
    ("ru", "Вчера въехали 7 тысяч россиян.", ["yesterday"]),
    ("fr", "Dimanche, 11 200 Russes sont entrés.", ["on Sunday"]),
    ("pl", "21 września wjechało 6402 osób.", ["on September 21"]),
    ("pt", "Desde 21 de setembro, 98 mil russos entraram.", ["since September 21"]),
])
def test_labels_are_english(language, text, expected):
    assert labels(text, language) == expected


def test_interval_is_resolved_against_publication():
    (period,) = find_periods("Вчера въехали 7 тысяч.", 0, 22, "ru", "2022-10-05")
    assert (period.interval_start, period.interval_end, period.precision) == (
        "2022-10-04", "2022-10-04", "day")


def test_relative_expression_without_publication_has_no_interval():
    (period,) = find_periods("Вчера въехали 7 тысяч.", 0, 22, "ru", None)
    assert period.label == "yesterday" and period.interval_start is None
