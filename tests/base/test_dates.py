"""Dates: absolute and relative expressions in every supported language, labels, spans."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.base.dates import (
    available_languages,
    find_time_expressions,
    grammar,
    in_quoted_speech,
    resolve_period,
    time_expressions,
)

PUBLISHED = "2022-09-27"  # a Tuesday


@pytest.mark.parametrize(
    ("expression", "language", "label", "precision"),
    [
        ("September 21", "en", "2022-09-21", "day"),
        ("on Sept. 21", "en", "2022-09-21", "day"),
        ("21 September 2022", "en", "2022-09-21", "day"),
        ("2022-09-27", None, "2022-09-27", "day"),
        ("06.10.2022", "ru", "2022-10-06", "day"),
        ("October 2022", "en", "2022-10", "month"),
        ("in September", "en", "2022-09", "month"),
        ("in 2022", "en", "2022", "year"),
        ("since September 21", "en", "2022-09", "month"),
        ("from 21 September to 4 October", "en", "2022", "year"),
        ("yesterday", "en", "2022-09-26", "day"),
        ("today", "en", "2022-09-27", "day"),
        ("on Tuesday", "en", "2022-09-27", "day"),
        ("on Sunday", "en", "2022-09-25", "day"),
        ("last week", "en", "2022-09", "month"),
        ("this month", "en", "2022-09", "month"),
        ("last year", "en", "2021", "year"),
        ("since the start of mobilization", "en", "2022-09", "month"),
        ("since the mobilization was announced", "en", "2022-09", "month"),
        ("in the first week of mobilization", "en", "2022-09", "month"),
        ("over the past week", "en", "2022-09", "month"),
        ("since the beginning of the invasion", "en", "2022", "year"),
        ("21 сентября", "ru", "2022-09-21", "day"),
        ("с 21 сентября", "ru", "2022-09", "month"),
        ("в сентябре", "ru", "2022-09", "month"),
        ("вчера", "ru", "2022-09-26", "day"),
        ("в понедельник", "ru", "2022-09-26", "day"),
        ("на прошлой неделе", "ru", "2022-09", "month"),
        ("с начала мобилизации", "ru", "2022-09", "month"),
        ("с 21 по 27 сентября", "ru", "2022-09", "month"),
        ("21 сентября 2022 года", "ru", "2022-09-21", "day"),
        ("21 вересня", "uk", "2022-09-21", "day"),
        ("з 21 вересня", "uk", "2022-09", "month"),
        ("у вересні", "uk", "2022-09", "month"),
        ("з початку мобілізації", "uk", "2022-09", "month"),
        ("минулого тижня", "uk", "2022-09", "month"),
        ("seit dem 21. September", "de", "2022-09", "month"),
        ("seit Beginn der Mobilmachung", "de", "2022-09", "month"),
        ("am Dienstag", "de", "2022-09-27", "day"),
        ("depuis le 21 septembre", "fr", "2022-09", "month"),
        ("depuis le début de la mobilisation", "fr", "2022-09", "month"),
        ("le 1er octobre 2022", "fr", "2022-10-01", "day"),
        ("21 de septiembre", "es", "2022-09-21", "day"),
        ("desde el inicio de la movilización", "es", "2022-09", "month"),
        ("21 settembre", "it", "2022-09-21", "day"),
        ("21 de setembro", "pt", "2022-09-21", "day"),
        ("21 września", "pl", "2022-09-21", "day"),
        ("od ogłoszenia mobilizacji", "pl", "2022-09", "month"),
        ("21 septembrie", "ro", "2022-09-21", "day"),
        ("sinds de mobilisatie", "nl", "2022-09", "month"),
        ("21 Σεπτεμβρίου", "el", "2022-09-21", "day"),
        ("21. septembra", "sr", "2022-09-21", "day"),
        ("21. септембра", "sr", "2022-09-21", "day"),
        ("սեպտեմբերի 21-ին", "hy", "2022-09-21", "day"),
    ],
)
def test_resolve_period(expression, language, label, precision):
    interval = resolve_period(expression, PUBLISHED, language)
    assert interval is not None
    assert (interval.label, interval.precision) == (label, precision)


def test_open_period_into_next_month_is_the_year():
    interval = resolve_period("since September 21", "2022-10-06", "en")
    assert (interval.start, interval.end, interval.label) == ("2022-09-21", "2022-10-06", "2022")


def test_day_month_after_publication_is_last_year():
    assert resolve_period("December 30", "2023-01-02", "en").label == "2022-12-30"
    assert resolve_period("30 декабря", "2023-01-02", "ru").label == "2022-12-30"


def test_leap_day_without_year_in_a_common_year_is_its_last_february_day():
    assert resolve_period("29 February", "2015-01-01", "en").label == "2014-02-28"
    assert resolve_period("29 February", "2016-03-01", "en").label == "2016-02-29"


def test_last_week_across_the_new_year():
    interval = resolve_period("last week", "2023-01-04", "en")
    assert (interval.start, interval.end) == ("2022-12-26", "2023-01-01")
    assert (interval.label, interval.precision) == ("", None)


def test_last_week_is_monday_to_sunday():
    interval = resolve_period("last week", PUBLISHED, "en")
    assert (interval.start, interval.end) == ("2022-09-19", "2022-09-25")


@pytest.mark.parametrize("expression", ["September 21", "yesterday", "on Tuesday", "last week",
                                        "since the start of mobilization", "вчера"])
def test_no_publication_date_leaves_relative_expressions_unresolved(expression):
    assert resolve_period(expression, None) is None


def test_explicit_year_needs_no_publication_date():
    assert resolve_period("21 September 2022", None, "en").label == "2022-09-21"


def test_month_only_publication_dates_days_and_months_but_not_weekdays():
    assert resolve_period("21 September", "2022-09", "en").label == "2022-09-21"
    assert resolve_period("since September 21", "2022-09", "en").label == "2022-09"
    assert resolve_period("on Tuesday", "2022-09", "en") is None


def test_anchor_after_publication_is_unresolved():
    assert resolve_period("since the start of mobilization", "2022-05-01", "en") is None


def test_not_time_expressions():
    assert resolve_period("300,000 men", PUBLISHED, "en") is None
    assert resolve_period("they may leave", PUBLISHED, "en") is None


def test_find_time_expressions_spans():
    text = "On Tuesday, 2,000 people crossed; since September 21 over 200,000 left, 2000 in 2022."
    found = find_time_expressions(text, "en")
    assert [span for _, _, span in found] == ["On Tuesday", "since September 21", "in 2022"]
    assert all(text[start:end] == span for start, end, span in found)


def test_find_time_expressions_in_russian_and_german():
    ru = find_time_expressions("С 21 сентября въехали 98 тысяч россиян, вчера — ещё", "ru")
    assert [span for _, _, span in ru] == ["С 21 сентября", "вчера"]
    de = find_time_expressions("Seit dem 21. September und am Dienstag kamen Tausende.", "de")
    assert [span for _, _, span in de] == ["Seit dem 21. September", "am Dienstag"]


def test_words_of_two_words_join_ranges_and_counts():
    de = find_time_expressions("Vom 21. bis zum 25. September flohen viele.", "de")
    assert [span for _, _, span in de] == ["Vom 21. bis zum 25. September"]
    assert resolve_period("21 hasta el 25 de septiembre", PUBLISHED, "es").label == "2022-09"
    en = find_time_expressions("It happened a few days ago.", "en")
    assert [span for _, _, span in en] == ["a few days ago"]


def test_a_month_after_an_ambiguous_one_is_still_a_month():
    found = find_time_expressions("May was calm. September was not.", "en")
    assert [span for _, _, span in found] == ["September"]


def test_ambiguous_month_word_is_not_a_date():
    assert find_time_expressions("Many may leave; they may stay.", "en") == []
    assert [s for _, _, s in find_time_expressions("It began in May.", "en")] == ["in May"]


def test_every_language_table_compiles_with_twelve_months_and_seven_weekdays():
    for language in available_languages():
        table = grammar(language)
        assert sorted(set(table.month_of.values())) == list(range(1, 13)), language
        assert sorted(set(table.weekday_of.values())) == list(range(7)), language


def _day_month_forms(language: str) -> list[tuple[int, str]]:
    """(month, form) pairs: every month form, ambiguous ones too (a day and year follow)."""
    return [(month, form) for form, month in grammar(language).month_of.items()]


@settings(max_examples=60, deadline=None)
@given(
    language=st.sampled_from(
        ["en", "ru", "uk", "de", "fr", "es", "it", "pt", "pl", "ro", "nl", "el", "sr"]
    ),
    day=st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31)),
    pick=st.integers(min_value=0, max_value=1000),
)
def test_rendered_dates_parse_back(language, day, pick):
    forms = [form for month, form in _day_month_forms(language) if month == day.month]
    form = forms[pick % len(forms)]
    separator = {"de": ". ", "pl": ". ", "sr": ". ", "es": " de ", "pt": " de "}.get(language, " ")
    year_separator = " de " if language in ("es", "pt") else " "
    text = f"{day.day}{separator}{form}{year_separator}{day.year}"
    interval = resolve_period(text, None, language)
    assert interval is not None, text
    assert interval.label == day.isoformat(), text


@settings(max_examples=60, deadline=None)
@given(
    published=st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31)),
    day=st.dates(min_value=dt.date(2014, 1, 2), max_value=dt.date(2030, 12, 31)),
)
def test_day_month_without_year_is_never_after_publication(published, day):
    text = f"{day.day} {grammar('en').month_of and _english_month(day.month)}"
    interval = resolve_period(text, published.isoformat(), "en")
    resolved = dt.date.fromisoformat(interval.start)
    assert resolved <= published
    assert (published - resolved).days < 366
    assert (resolved.month, resolved.day) == (day.month, day.day) or day.month == 2 == day.day - 27


def _english_month(month: int) -> str:
    return dt.date(2000, month, 1).strftime("%B")


@settings(max_examples=40, deadline=None)
@given(published=st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31)),
       weekday=st.integers(min_value=0, max_value=6))
def test_weekday_is_the_latest_on_or_before_publication(published, weekday):
    name = dt.date(2024, 1, 1 + weekday).strftime("%A")  # 2024-01-01 is a Monday
    interval = resolve_period(f"on {name}", published.isoformat(), "en")
    resolved = dt.date.fromisoformat(interval.start)
    assert resolved.weekday() == weekday
    assert 0 <= (published - resolved).days < 7


@pytest.mark.parametrize(
    ("text", "language", "expression", "kind", "label"),
    [
        ("Since the announcement on 21 September many left.", "en", "Since the announcement on "
         "21 September", "since", "2022-09"),
        ("С момента объявления 21 сентября уехали многие.", "ru", "С момента объявления "
         "21 сентября", "since", "2022-09"),
        ("с момента объявления мобилизации уехали", "ru", "с момента объявления мобилизации",
         "since", "2022-09"),
        ("С 21 сентября въехали", "ru", "С 21 сентября", "since", "2022-09"),
        ("As of 25 September, 300 were held.", "en", "As of 25 September", "as_of", "2022-09-25"),
        ("по состоянию на 25 сентября задержаны", "ru", "по состоянию на 25 сентября", "as_of",
         "2022-09-25"),
        ("станом на 25 вересня затримано", "uk", "станом на 25 вересня", "as_of", "2022-09-25"),
        ("Stand: 25. September", "de", "Stand: 25. September", "as_of", "2022-09-25"),
        ("stan na 25 września", "pl", "stan na 25 września", "as_of", "2022-09-25"),
        ("They fled between 21 and 23 September.", "en", "between 21 and 23 September", "period",
         "2022-09"),
        ("They fled on 21 September.", "en", "on 21 September", "point", "2022-09-21"),
        ("սեպտեմբերի 21-ից ի վեր", "hy", "սեպտեմբերի 21-ից ի վեր", "since", "2022-09"),
    ],
)
def test_time_expressions_say_what_they_read_as(text, language, expression, kind, label):
    found = time_expressions(text, language)
    assert [(item.text, item.kind) for item in found] == [(expression, kind)]
    interval = resolve_period(expression, PUBLISHED, language)
    assert (interval.kind, interval.label) == (kind, label)


def test_the_second_year_of_the_war_counts_from_the_invasion():
    for text, language in [("in the second year of the war", "en"),
                           ("на втором году войны", "ru"), ("другого року війни", "uk")]:
        interval = resolve_period(text, "2023-06-01", language)
        assert (interval.start, interval.end, interval.kind) == (
            "2023-02-24", "2024-02-23", "period")


def test_a_range_with_from_is_a_period_not_an_open_one():
    interval = resolve_period("from 21 to 23 September", PUBLISHED, "en")
    assert (interval.start, interval.end) == ("2022-09-21", "2022-09-23")


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("Он сказал: «вчера задержали 20 человек», а потом", True),
        ("Он сказал: «это всё», а вчера задержали", False),
        ('She said "yesterday we left" and', True),
        ('She said "we left" yesterday', False),
        ("Er sagte: „gestern sind wir gegangen“ und", True),
        ("He said: “yesterday we left”", True),
        ("“We left.”\nYesterday they came", False),
    ],
)
def test_in_quoted_speech(text, inside):
    word = next(w for w in ("вчера", "yesterday", "Yesterday", "gestern") if w in text)
    assert in_quoted_speech(text, text.index(word)) is inside


def test_relative_expressions_in_quotes_give_no_interval_when_asked():
    text = "Он сказал: «вчера задержали 20 человек», а 21 сентября всех отпустили."
    found = time_expressions(text, "ru")
    assert [(item.text, item.quoted) for item in found] == [("вчера", True),
                                                             ("21 сентября", False)]
    assert resolve_period("вчера", PUBLISHED, "ru", quoted=True) is None
    assert resolve_period("21 сентября", PUBLISHED, "ru", quoted=True).label == "2022-09-21"
    assert resolve_period("вчера", PUBLISHED, "ru").label == "2022-09-26"


@pytest.mark.parametrize(
    ("expression", "published"),
    [
        ("detained in Moscow 2023 years ago", PUBLISHED),  # before year 1
        ("in the past 5000 years", PUBLISHED),
        ("99999999999 days ago", PUBLISHED),  # beyond what a date can hold
        ("yesterday", "0001-01-01"),
        ("last year", "0001-06-01"),
        ("last month", "0001-01-15"),
        ("the 9999th year of the war", PUBLISHED),
    ],
)
def test_a_day_outside_the_calendar_is_no_interval(expression, published):
    assert resolve_period(expression, published, None) is None


@pytest.mark.parametrize("published", ["2022-13-45", "2022-02-30", "2022-00", "2022-00-10",
                                       "yesterday", "", "0000-01-01"])
def test_an_invalid_publication_date_is_unknown(published):
    assert resolve_period("yesterday", published, "en") is None
    assert resolve_period("21 September", published, "en") is None
    assert resolve_period("21 September 2022", published, "en").label == "2022-09-21"


def test_a_publication_date_with_a_time_is_its_day():
    assert resolve_period("yesterday", "2022-09-27T10:00:00+00:00", "en").label == "2022-09-26"
