"""Places: gazetteer lookups, case forms, ambiguity and text matching."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.base.gazetteer import _fold_char, fold_name
from newsledger.base.gazetteer.inflect import case_forms
from newsledger.base.places import countries_named, find_places, gazetteer, resolve_place


@pytest.mark.parametrize(
    ("mention", "name", "place_type", "country"),
    [
        ("Kazakhstan", "Kazakhstan", "country", "Kazakhstan"),
        ("Казахстан", "Kazakhstan", "country", "Kazakhstan"),
        ("Казахстана", "Kazakhstan", "country", "Kazakhstan"),
        ("в Казахстане", "Kazakhstan", "country", "Kazakhstan"),
        ("Казахстаном", "Kazakhstan", "country", "Kazakhstan"),
        ("Грузии", "Georgia", "country", "Georgia"),
        ("Грузію", "Georgia", "country", "Georgia"),
        ("w Gruzji", "Georgia", "country", "Georgia"),
        ("Kasachstan", "Kazakhstan", "country", "Kazakhstan"),
        ("Cazaquistão", "Kazakhstan", "country", "Kazakhstan"),
        ("Καζακστάν", "Kazakhstan", "country", "Kazakhstan"),
        ("Ղազախստանից", "Kazakhstan", "country", "Kazakhstan"),
        ("Москве", "Moscow", "city", "Russia"),
        ("у Москві", "Moscow", "city", "Russia"),
        ("Yakutia", "Yakutia", "region", "Russia"),
        ("Sakha", "Yakutia", "region", "Russia"),
        ("в Якутии", "Yakutia", "region", "Russia"),
        ("Кабардино-Балкарии", "Kabardino-Balkaria", "region", "Russia"),
        ("Северной Осетии", "North Ossetia", "region", "Russia"),
        ("в Кемеровской области", "Kemerovo Oblast", "region", "Russia"),
        ("Verkhny Lars", "Upper Lars", "border_crossing", "Russia"),
        ("на Верхнем Ларсе", "Upper Lars", "border_crossing", "Russia"),
        ("Vaalimaa", "Vaalimaa", "border_crossing", "Finland"),
        ("Kyakhta", "Kyakhta", "border_crossing", "Russia"),
        ("Feodosia", "Feodosia", "city", "Ukraine"),
        ("Kazakh border", "Russia-Kazakhstan border", "border", None),
        ("Schengen area", "European Union", "area", None),
    ],
)
def test_resolve_place_names_and_case_forms(mention, name, place_type, country):
    place = resolve_place(mention)
    assert place is not None
    assert (place.name, place.type, place.country) == (name, place_type, country)


@pytest.mark.parametrize("mention", ["Russian", "Kazakh", "mobilization", "Vladimir Putin", ""])
def test_demonyms_and_words_are_not_places(mention):
    assert resolve_place(mention) is None


def test_georgia_follows_context():
    assert resolve_place("Georgia").country_code == "GE"
    assert resolve_place("Georgia", context_country="Russia").country_code == "GE"
    assert resolve_place("Georgia", context_country="United States").country_code == "US"
    assert resolve_place("Georgia", context_country="US").type == "region"


def test_find_places_spans_are_exact_and_ordered():
    text = "Men left Russia for Georgia via Upper Lars, and for Kazakhstan; in Moscow too."
    found = find_places(text, "en")
    assert [text[start:end] for start, end, _ in found] == [
        "Russia", "Georgia", "Upper Lars", "Kazakhstan", "Moscow",
    ]
    assert [place.name for _, _, place in found][2] == "Upper Lars"
    assert all(found[i][1] <= found[i + 1][0] for i in range(len(found) - 1))


def test_find_places_prefers_the_longest_name():
    found = find_places("Traffic at the Russian-Georgian border grew.", "en")
    assert [place.name for _, _, place in found] == ["Russia-Georgia border"]


def test_find_places_in_russian_text():
    text = "Из России в Казахстан уехали тысячи; протесты в Дагестане и Якутии."
    names = [place.name for _, _, place in find_places(text, "ru")]
    assert names == ["Russia", "Kazakhstan", "Dagestan", "Yakutia"]


def test_georgia_in_a_us_text_is_the_state():
    text = "Storms hit Florida, Alabama and Georgia in the United States."
    georgia = [place for _, _, place in find_places(text, "en") if place.name == "Georgia"]
    assert georgia and georgia[0].country_code == "US"


def test_given_names_next_to_a_surname_are_not_places():
    found = find_places("Vladimir Putin spoke. Later, in Vladimir, people gathered.", "en")
    assert [(start, place.name) for start, _, place in found] == [(32, "Vladimir")]


def test_words_inside_other_words_are_not_matched():
    assert find_places("Russians and Georgians; the Finnish government", "en") == []


def test_case_forms_are_generated_from_the_table():
    assert {"Казахстана", "Казахстане", "Казахстаном"} <= set(case_forms("Казахстан", "ru"))
    assert {"Грузии", "Грузию"} <= set(case_forms("Грузия", "ru"))
    assert {"Gruzji", "Gruzję"} <= set(case_forms("Gruzja", "pl"))
    assert case_forms("США", "ru") == ["США"]
    assert case_forms("Kazakhstan", "en") == ["Kazakhstan"]


def test_gazetteer_ids_are_stable_and_retrievable():
    places = gazetteer()
    russia = resolve_place("Russia")
    assert russia.id.startswith("geonames:")
    assert places.get(russia.id) == russia
    assert resolve_place("Yakutia").id == "nl:yakutia"
    assert places.by_name("Moscow")[0].country_code == "RU"
    assert len(places) > 1000
    assert all(place.name for place in places)


def test_every_country_has_coordinates_from_its_capital():
    kazakhstan = resolve_place("Kazakhstan")
    assert kazakhstan.latitude is not None and 40 < kazakhstan.latitude < 56


def test_fold_keeps_length():
    text = "İstanbul Ёлки ΣΟΦΊΑ"
    assert len(fold_name(text)) == len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ΣσςΟΦΑΊ ЁёЕАаSs-İ", max_size=16))
def test_fold_is_the_same_char_by_char(text):
    expected = "".join(_fold_char(char) for char in unicodedata.normalize("NFC", text))
    assert fold_name(text) == expected


def _found(text: str, language: str = "en", **options) -> list[tuple[str, str, str]]:
    return [(text[start:end], place.name, place.type)
            for start, end, place in find_places(text, language, **options)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Offices burned in the Tver and Kursk regions.", "en",
         [("Tver", "Tver Oblast", "region"), ("Kursk", "Kursk Oblast", "region")]),
        ("Поджоги в Тверской и Курской областях.", "ru",
         [("Тверской", "Tver Oblast", "region"), ("Курской", "Kursk Oblast", "region")]),
        ("Поджоги в Курской и Хабаровского краёв.", "ru",
         [("Курской", "Kursk Oblast", "region"), ("Хабаровского", "Khabarovsk Krai", "region")]),
        ("Women marched in the Russian capital.", "en", [("Russian capital", "Moscow", "city")]),
        ("Акция прошла в российской столице.", "ru", [("российской столице", "Moscow", "city")]),
        ("Cars queued at the border to Kazakhstan.", "en",
         [("border to Kazakhstan", "Russia-Kazakhstan border", "border")]),
        ("Очереди на грузинской границе.", "ru",
         [("грузинской границе", "Russia-Georgia border", "border")]),
        ("затримані у Санкт-Петербурзі та Єкатеринбурзі", "uk",
         [("Санкт-Петербурзі", "St. Petersburg", "city"),
          ("Єкатеринбурзі", "Yekaterinburg", "city")]),
        ("He grew up in Moscow, Idaho.", "en", [("Idaho", "Idaho", "region")]),
        ("Queues in Omsk, Tula and Perm.", "en",
         [("Omsk", "Omsk", "city"), ("Tula", "Tula", "city"), ("Perm", "Perm", "city")]),
        ("She flew to Georgia and Kazakhstan; Alaska took two.", "en",
         [("Georgia", "Georgia", "country"), ("Kazakhstan", "Kazakhstan", "country"),
          ("Alaska", "Alaska", "region")]),
        ("From Atlanta, Georgia, to the US.", "en",
         [("Atlanta", "Atlanta", "city"), ("Georgia", "Georgia", "region"),
          ("US", "United States", "country")]),
    ],
)
def test_places_read_in_context(text, language, expected):
    assert _found(text, language) == expected


def test_landmarks_are_reported_as_their_city_and_institutions_are_not_places():
    text = "A picket on Red Square and outside the Kremlin. The Kremlin said nothing."
    assert _found(text) == [("Red Square", "Moscow", "city"), ("Kremlin", "Moscow", "city")]
    assert _found(text, landmarks=True) == [("Red Square", "Red Square", "landmark"),
                                            ("Kremlin", "Kremlin", "landmark")]
    assert _found("Митинг на Дворцовой площади", "ru") == [
        ("Дворцовой площади", "St. Petersburg", "city")]
    kremlin = resolve_place("Kremlin")
    assert (kremlin.parent, gazetteer().parent_of(kremlin).name) == ("Moscow", "Moscow")


@pytest.mark.parametrize(
    ("mention", "name", "parent"),
    [("Svobodny", "Svobodny", "Amur Oblast"), ("Mozhaysk", "Mozhaysk", "Moscow Oblast"),
     ("Gai", "Gai", "Orenburg Oblast"), ("Verkhneuralsk", "Verkhneuralsk", "Chelyabinsk Oblast"),
     ("Эндирей", "Endirey", "Dagestan"), ("Kyra", "Kira", "Zabaykalsky Krai"),
     ("Kansk", "Kansk", "Krasnoyarsk Krai"), ("Oryol", "Oryol", "Oryol Oblast"),
     ("St Petersburg", "St. Petersburg", None), ("Moscow", "Moscow", None),
     ("Zabaikal region", "Zabaykalsky Krai", None), ("Амурской области", "Amur Oblast", None)],
)
def test_names_as_english_news_writes_them_with_their_region(mention, name, parent):
    place = resolve_place(mention)
    assert (place.name, place.parent) == (name, parent)


def test_precision_and_representative_country_points():
    russia, moscow = resolve_place("Russia"), resolve_place("Moscow")
    assert (russia.precision, moscow.precision, resolve_place("Dagestan").precision) == (
        "country", "point", "region")
    assert (russia.latitude, russia.longitude) != (moscow.latitude, moscow.longitude)
    for country in ("Russia", "Kazakhstan", "Georgia", "Finland"):
        place = resolve_place(country)
        cities = [p for p in gazetteer() if p.type == "city" and p.country == country]
        assert min(abs(p.latitude - place.latitude) + abs(p.longitude - place.longitude)
                   for p in cities) < 1.0  # at a city of that country, inside it


def test_countries_named_counts_places_and_institution_landmarks():
    assert countries_named("The Kremlin said it would recruit in Almaty.", "en") == {
        "Russia", "Kazakhstan"}
    assert countries_named("Nothing here names a country.", "en") == frozenset()
