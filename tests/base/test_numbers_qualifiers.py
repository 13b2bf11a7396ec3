"""Qualifiers placed after the number, in every language table (sentences written for these
tests)."""

from __future__ import annotations

import pytest

from newsledger.base.numbers import find_number_expressions

# (language, sentence, expected first expression (text, low, high, qualifier))
AFTER = [
    ("en", "Some 100,000 or more people left.", ("Some 100,000", 100000, 100000, "approx")),
    ("en", "100,000 or more people left.", ("100,000 or more", 100000, None, "at_least")),
    ("en", "Over the week 10,000+ fled.", ("10,000+", 10000, None, "at_least")),
    ("en", "Groups of 50 or fewer were allowed.", ("50 or fewer", None, 50, "at_most")),
    ("en", "Men aged 35 and under may leave.", ("35 and under", None, 35, "at_most")),
    ("en", "Forty-odd men were held.", ("Forty-odd", 40, 40, "approx")),
    ("en", "They detained 200 or so protesters.", ("200 or so", 200, 200, "approx")),
    ("ru", "Уехали 100 000 и более человек.", ("100 000 и более", 100000, None, "at_least")),
    ("ru", "Задержаны 1000 с лишним человек.", ("1000 с лишним", 1000, None, "more_than")),
    ("ru", "Пришла тысяча с небольшим.", ("тысяча с небольшим", 1000, None, "more_than")),
    ("ru", "Группы по 20 и менее человек.", ("20 и менее", None, 20, "at_most")),
    ("uk", "Виїхали 100 тисяч і більше.", ("100 тисяч і більше", 100000, None, "at_least")),
    ("uk", "Затримали 2 тисячі з лишком.", ("2 тисячі з лишком", 2000, None, "more_than")),
    ("de", "Es kamen 100.000 und mehr.", ("100.000 und mehr", 100000, None, "at_least")),
    ("de", "Es waren 50 oder weniger.", ("50 oder weniger", None, 50, "at_most")),
    ("fr", "Ils sont 100 000 ou plus.", ("100 000 ou plus", 100000, None, "at_least")),
    ("fr", "On compte 500 environ.", ("500 environ", 500, 500, "approx")),
    ("es", "Salieron 100.000 o más.", ("100.000 o más", 100000, None, "at_least")),
    ("es", "Llegaron mil y pico.", ("mil y pico", 1000, None, "more_than")),
    ("it", "Sono partiti 100.000 o più.", ("100.000 o più", 100000, None, "at_least")),
    ("it", "Erano mille e passa.", ("mille e passa", 1000, None, "more_than")),
    ("pt", "Saíram 100 mil ou mais.", ("100 mil ou mais", 100000, None, "at_least")),
    ("pl", "Wyjechało 100 tys. i więcej.", ("100 tys. i więcej", 100000, None, "at_least")),
    ("pl", "Był tysiąc z okładem.", ("tysiąc z okładem", 1000, None, "more_than")),
    ("ro", "Au plecat 100.000 sau mai mult.", ("100.000 sau mai mult", 100000, None,
                                               "at_least")),
    ("nl", "Er vertrokken 100.000 of meer.", ("100.000 of meer", 100000, None, "at_least")),
    ("el", "Έφυγαν 100 και άνω.", ("100 και άνω", 100, None, "at_least")),
    ("el", "Έφυγαν 200 περίπου.", ("200 περίπου", 200, 200, "approx")),
    ("sr", "Otišlo je 100 i više.", ("100 i više", 100, None, "at_least")),
    ("hy", "Մեկնել է 100-ից ավելի մարդ։", ("100-ից ավելի", 100, None, "more_than")),
    ("kk", "100-ден астам адам кетті.", ("100-ден астам", 100, None, "more_than")),
]


@pytest.mark.parametrize(("language", "sentence", "expected"), AFTER)
def test_qualifier_after_the_number(language, sentence, expected):
    first = find_number_expressions(sentence, language)[0]
    assert (first.text, first.low, first.high, first.qualifier) == expected


@pytest.mark.parametrize(("language", "sentence", "texts"), [
    ("en", "Between 100 and more than 200 came.", ["100", "more than 200"]),
    ("el", "Ήρθαν 100 και 200.", ["100", "200"]),
    ("ru", "Счёт 10 + 5.", ["10", "5"]),
])
def test_a_following_number_keeps_its_own_qualifier(language, sentence, texts):
    assert [e.text for e in find_number_expressions(sentence, language)] == texts


def test_unit_is_read_after_a_following_qualifier():
    (expression,) = find_number_expressions("Men of 30 or more years.", "en")
    assert expression.followed_by == "duration"
    (expression,) = find_number_expressions("Рост на 5 и более процентов.", "ru")
    assert (expression.qualifier, expression.followed_by) == ("at_least", "percent")
