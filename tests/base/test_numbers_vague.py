"""Halves, vague magnitudes and approximate round numbers in every language table (sentences
written for these tests)."""

from __future__ import annotations

import pytest

from newsledger.base.numbers import find_number_expressions

# (language, sentence, expected first expression (text, low, high, qualifier))
CASES = [
    ("en", "Half a million men left.", ("Half a million", 500000, 500000, "exact")),
    ("en", "A quarter of a million left.", ("A quarter of a million", 250000, 250000, "exact")),
    ("en", "A million and a half left.", ("A million and a half", 1500000, 1500000, "exact")),
    ("en", "A couple of hundred men.", ("A couple of hundred", 200, 999, "vague")),
    ("en", "Only a few hundred stayed.", ("a few hundred", 200, 999, "vague")),
    ("en", "A few hundred thousand left.", ("A few hundred thousand", 200000, 999999, "vague")),
    ("en", "Scores of men were held.", ("Scores", 24, 99, "vague")),
    ("ru", "Уехали пол-миллиона человек.", ("пол-миллиона", 500000, 500000, "exact")),
    ("ru", "Уехали полмиллиона человек.", ("полмиллиона", 500000, 500000, "exact")),
    ("ru", "Уехали полтора миллиона.", ("полтора миллиона", 1500000, 1500000, "exact")),
    ("ru", "Уехали более сотни тысяч.", ("более сотни тысяч", 100000, None, "more_than")),
    ("ru", "Уехали несколько сотен.", ("несколько сотен", 200, 999, "vague")),
    ("ru", "Уехали несколько десятков тысяч.", ("несколько десятков тысяч", 20000, 99999,
                                               "vague")),
    ("ru", "Задержаны двое, трое бежали.", ("двое", 2, 2, "exact")),
    ("ru", "Около полусотни задержанных.", ("Около полусотни", 50, 50, "approx")),
    ("uk", "Виїхали кількасот людей.", ("кількасот", 200, 999, "vague")),
    ("uk", "Виїхали півмільйона людей.", ("півмільйона", 500000, 500000, "exact")),
    ("uk", "Виїхали кільканадцять тисяч.", ("кільканадцять тисяч", 12000, 19999, "vague")),
    ("uk", "Затримали дві тисячі, двоє втекли.", ("дві тисячі", 2000, 2000, "exact")),
    ("pl", "Zatrzymano kilkanaście osób.", ("kilkanaście", 12, 19, "vague")),
    ("pl", "Wyjechało kilkanaście tysięcy.", ("kilkanaście tysięcy", 12000, 19999, "vague")),
    ("pl", "Wyjechało pół miliona osób.", ("pół miliona", 500000, 500000, "exact")),
    ("pl", "Wyjechało kilkaset osób.", ("kilkaset", 200, 999, "vague")),
    ("pl", "Zatrzymano dwie kobiety i dwóch mężczyzn.", ("dwie", 2, 2, "exact")),
    ("de", "Eine halbe Million floh.", ("Eine halbe Million", 500000, 500000, "exact")),
    ("de", "Hunderttausende flohen.", ("Hunderttausende", 200000, 999999, "vague")),
    ("de", "Mehrere Tausend flohen.", ("Mehrere Tausend", 2000, 9999, "vague")),
    ("fr", "Une centaine de personnes.", ("Une centaine", 100, 100, "approx")),
    ("fr", "Plus d'une centaine de personnes.", ("Plus d'une centaine", 100, None, "more_than")),
    ("fr", "Un millier de manifestants.", ("Un millier", 1000, 1000, "approx")),
    ("fr", "Un demi-million de départs.", ("Un demi-million", 500000, 500000, "exact")),
    ("fr", "Quelques milliers de départs.", ("Quelques milliers", 2000, 9999, "vague")),
    ("es", "Medio millón de personas.", ("Medio millón", 500000, 500000, "exact")),
    ("es", "Un centenar de detenidos.", ("Un centenar", 100, 100, "approx")),
    ("es", "Varios miles de personas.", ("Varios miles", 2000, 9999, "vague")),
    ("it", "Un centinaio di persone.", ("Un centinaio", 100, 100, "approx")),
    ("it", "Alcune migliaia di persone.", ("Alcune migliaia", 2000, 9999, "vague")),
    ("pt", "Meio milhão de pessoas.", ("Meio milhão", 500000, 500000, "exact")),
    ("pt", "Um milhão e meio de pessoas.", ("Um milhão e meio", 1500000, 1500000, "exact")),
    ("pt", "Alguns milhares de pessoas.", ("Alguns milhares", 2000, 9999, "vague")),
    ("nl", "Een tiental agenten.", ("Een tiental", 10, 10, "approx")),
    ("nl", "Een half miljoen mensen.", ("Een half miljoen", 500000, 500000, "exact")),
    ("ro", "Jumătate de milion de oameni.", ("Jumătate de milion", 500000, 500000, "exact")),
    ("el", "Καμιά δεκαριά άνθρωποι.", ("Καμιά δεκαριά", 10, 10, "approx")),
    ("el", "Ενάμισι εκατομμύριο άνθρωποι.", ("Ενάμισι εκατομμύριο", 1500000, 1500000, "exact")),
    ("sr", "Privedeno je desetak ljudi.", ("desetak", 10, 10, "approx")),
    ("sr", "Otišlo je dvadesetak hiljada.", ("dvadesetak hiljada", 20000, 20000, "approx")),
    ("sr", "Otišlo je milion i po ljudi.", ("milion i po", 1500000, 1500000, "exact")),
    ("hy", "Մեկնել է կես միլիոն մարդ։", ("կես միլիոն", 500000, 500000, "exact")),
]


@pytest.mark.parametrize(("language", "sentence", "expected"), CASES)
def test_first_expression(language, sentence, expected):
    first = find_number_expressions(sentence, language)[0]
    assert (first.text, first.low, first.high, first.qualifier) == expected


@pytest.mark.parametrize(("language", "sentence", "texts"), [
    ("en", "It took half a day.", []),
    ("fr", "Cinq et une personne.", ["Cinq"]),
    ("pt", "Cinco e uma pessoa.", ["Cinco"]),
    ("en", "One hundred and a day.", ["One hundred"]),
])
def test_halves_and_articles_need_a_number(language, sentence, texts):
    assert [e.text for e in find_number_expressions(sentence, language)] == texts
