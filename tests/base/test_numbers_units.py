"""Numbers that are not counts: units after them, identifiers and ages before them, dates and
clock times, in every language table (sentences written for these tests)."""

from __future__ import annotations

import pytest

from newsledger.base.numbers import find_number_expressions

# (language, sentence, followed_by, preceded_by) of the first expression
CASES = [
    ("ru", "Его судят по статье 328 УК.", "", "legal"),
    ("ru", "Дело по ч. 2 ст. 280.", "", "legal"),
    ("ru", "Школа № 5 закрыта.", "", "number_sign"),
    ("ru", "Мужчины в возрасте 18 лет.", "duration", "age"),
    ("ru", "Штраф 100 долларов.", "money", ""),
    ("ru", "Штраф 1000 рублей.", "money", ""),
    ("ru", "Очередь на 30 км.", "distance", ""),
    ("ru", "Ждали 5 часов.", "duration", ""),
    ("ru", "Ждали 3 дня.", "duration", ""),
    ("ru", "Погиб 25-летний мужчина.", "age", ""),
    ("ru", "Рост на 80 %.", "percent", ""),
    ("ru", "Это 2-й случай.", "ordinal", ""),
    ("ru", "В 10:30 начали.", "time", ""),
    ("ru", "Указ от 21.09 вступил в силу.", "date", ""),
    ("uk", "За статтею 336 КК.", "", "legal"),
    ("uk", "Рост на 12 відсотків.", "percent", ""),
    ("uk", "Чоловік у віці 40 років.", "duration", "age"),
    ("en", "Under Article 5 of the treaty.", "", "legal"),
    ("en", "A man aged 34 left.", "", "age"),
    ("en", "It was the 21st protest.", "ordinal", ""),
    ("en", "It cost 500 euros.", "money", ""),
    ("de", "Nach Artikel 3 des Gesetzes.", "", "legal"),
    ("de", "Es stieg um 80 Prozent.", "percent", ""),
    ("de", "Es kostet 100 Euro.", "money", ""),
    ("fr", "Selon l'article 2 du code.", "", "legal"),
    ("fr", "Le 1er octobre.", "ordinal", ""),
    ("fr", "Il est arrivé à 10h30.", "time", ""),
    ("es", "Según el artículo 4 de la ley.", "", "legal"),
    ("es", "Subió un 80 por ciento.", "percent", ""),
    ("es", "Cuesta 5 millones de dólares.", "money", ""),
    ("it", "Secondo l'articolo 7.", "", "legal"),
    ("it", "Crescita dell'80 per cento.", "percent", ""),
    ("pt", "Segundo o artigo 8.", "", "legal"),
    ("pt", "Subiu 80 por cento.", "percent", ""),
    ("pl", "Na podstawie art. 5 kodeksu.", "", "legal"),
    ("pl", "Wzrost o 80 procent.", "percent", ""),
    ("pl", "Kosztuje 100 zł.", "money", ""),
    ("pl", "Mężczyźni w wieku 30 lat.", "duration", "age"),
    ("ro", "Conform articolului 6 din lege.", "", "legal"),
    ("ro", "A crescut cu 80 la sută.", "percent", ""),
    ("ro", "Costă 100 de lei.", "money", ""),
    ("nl", "Volgens artikel 9 van de wet.", "", "legal"),
    ("nl", "Een stijging van 80 procent.", "percent", ""),
    ("el", "Σύμφωνα με το άρθρο 5 του νόμου.", "", "legal"),
    ("el", "Αύξηση 80 τοις εκατό.", "percent", ""),
    ("sr", "Prema članu 5 zakona.", "", "legal"),
    ("sr", "Rast od 80 posto.", "percent", ""),
    ("sr", "Раст од 80 одсто.", "percent", ""),
    ("hy", "Ըստ հոդված 5-ի։", "", "legal"),
    ("hy", "Աճ 80 տոկոսով։", "percent", ""),
    # prices, lengths and weights: currency and unit words from the tables
    ("en", "A bowl costs 99.20 yuan.", "money", ""),
    ("en", "A 23.5 cm blade.", "distance", ""),
    ("en", "It weighs 40 kilograms.", "measure", ""),
    ("de", "Es kostet 30 Yuan.", "money", ""),
    ("de", "Ein 12 Zentimeter langes Messer.", "distance", ""),
    ("fr", "Un repas à 50 yuans.", "money", ""),
    ("fr", "Il a saisi 20 tonnes de drogue.", "measure", ""),
    ("es", "Cuesta 70 yuanes.", "money", ""),
    ("es", "Un cuchillo de 15 centímetros.", "distance", ""),
    ("ru", "Обед за 60 юаней.", "money", ""),
    ("ru", "Изъяли 5 кг наркотиков.", "measure", ""),
    ("uk", "Ніж завдовжки 20 см.", "distance", ""),
    ("pl", "Przejęto 3 tony towaru.", "measure", ""),
    # ages after an age phrase, years after a temporal preposition, numbers in names
    ("en", "Men over the age of 21 may leave.", "", "age"),
    ("es", "Los mayores de 60 pueden salir.", "", "age"),
    ("fr", "Il est parti à l'âge de 19 ans.", "duration", "age"),
    ("it", "Uomini all'età di 30 anni.", "duration", "age"),
    ("en", "The plan runs by 2120 at the latest.", "", "year"),
    ("fr", "Le plan court d'ici 2120.", "", "year"),
    ("de", "Der Plan gilt im Jahr 2120.", "", "year"),
    ("en", "COVID-19 spread fast.", "", "name"),
    ("en", "The FTSE 100 fell.", "", "name"),
    ("de", "Der DAX 40 fiel.", "", "name"),
    ("ru", "Самолёты Су-25 взлетели.", "", "name"),
]


@pytest.mark.parametrize(("language", "sentence", "followed_by", "preceded_by"), CASES)
def test_first_expression_is_marked(language, sentence, followed_by, preceded_by):
    first = find_number_expressions(sentence, language)[0]
    assert (first.followed_by, first.preceded_by) == (followed_by, preceded_by)


@pytest.mark.parametrize(("language", "sentence"), [
    ("ru", "Указ от 21.09.2022 года."),
    ("fr", "Le décret du 21/09 est paru."),
    ("es", "Subió un 80 por ciento."),
    ("fr", "Une hausse de 80 pour cent."),
    ("ro", "A crescut cu 80 la sută."),
    ("el", "Αύξηση 80 τοις εκατό."),
])
def test_dates_and_percent_words_hold_no_count(language, sentence):
    counts = [e for e in find_number_expressions(sentence, language)
              if not e.followed_by and not e.preceded_by]
    assert counts == []


def test_a_count_stays_unmarked():
    (count,) = find_number_expressions("Около 300 человек задержаны.", "ru")
    assert (count.followed_by, count.preceded_by) == ("", "")


@pytest.mark.parametrize(("sentence", "language"), [
    ("by 2120 the town", "en"), ("d'ici 2120", "fr"), ("para 2150", "es"), ("desde 2150", "es")])
def test_a_year_after_a_temporal_preposition_is_year_like(sentence, language):
    (year,) = find_number_expressions(sentence, language)
    assert year.is_year_like


def test_a_count_after_by_is_no_year():
    (count,) = find_number_expressions("It rose by 2,120 people.", "en")
    assert not count.is_year_like and count.preceded_by == "year"
    (count,) = find_number_expressions("It rose by 120 people.", "en")
    assert not count.is_year_like


@pytest.mark.parametrize("sentence", ["Covid 19 cases", "the Kremlin 300 men", "Su 25",
                                      "PUTIN CALLS UP 300,000 RESERVISTS"])
def test_only_an_acronym_in_capitals_makes_a_name(sentence):
    assert find_number_expressions(sentence, "en")[0].preceded_by == ""
