"""Property tests: a value rendered in a national digit format or in words parses back to it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.base.numbers import parse_number

# The first call compiles a language's grammar (up to ~0.4 s for the union of all tables).
NO_DEADLINE = settings(deadline=None)

SEPARATORS = [",", ".", " ", "\u00a0", "\u2009", "\u202f", "'", "\u2019", "\u2024"]


def grouped(value: int, separator: str) -> str:
    return f"{value:,}".replace(",", separator)


@NO_DEADLINE
@given(st.integers(1000, 99_999_999), st.sampled_from(SEPARATORS),
       st.sampled_from([None, "en", "de", "ru", "fr", "pl", "hy"]))
def test_grouped_digits(value, separator, language):
    assert parse_number(grouped(value, separator), language) == value


@NO_DEADLINE
@given(st.integers(1, 999), st.integers(1, 9), st.sampled_from(
    [("en", "million", 10**6), ("de", "Mio.", 10**6), ("ru", "тыс.", 1000), ("pt", "mil", 1000),
     ("pl", "tys.", 1000), ("it", "mila", 1000), ("uk", "млн", 10**6)]))
def test_decimal_with_magnitude(whole, tenth, table):
    language, word, scale = table
    separator = "." if language == "en" else ","
    text = f"{whole}{separator}{tenth} {word}"
    assert parse_number(text, language) == round((whole + tenth / 10) * scale)


EN_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen").split()
EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def english(n: int) -> str:
    if n >= 1000:
        rest = english(n % 1000) if n % 1000 else ""
        return f"{english(n // 1000)} thousand {rest}".strip()
    if n >= 100:
        rest = f" and {english(n % 100)}" if n % 100 else ""
        return f"{EN_UNITS[n // 100]} hundred{rest}"
    if n >= 20:
        return EN_TENS[n // 10] + (f"-{EN_UNITS[n % 10]}" if n % 10 else "")
    return EN_UNITS[n]


DE_UNITS = ("null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn "
            "vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn").split()
DE_TENS = "_ _ zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig".split()


def german(n: int) -> str:
    def below_thousand(k: int) -> str:
        hundreds = f"{'ein' if k // 100 == 1 else DE_UNITS[k // 100]}hundert" if k >= 100 else ""
        k %= 100
        if k >= 20:
            unit = ("ein" if k % 10 == 1 else DE_UNITS[k % 10]) + "und" if k % 10 else ""
            return hundreds + unit + DE_TENS[k // 10]
        return hundreds + (DE_UNITS[k] if k else "")
    if n >= 1000:
        head = "ein" if n // 1000 == 1 else below_thousand(n // 1000)
        return f"{head}tausend{below_thousand(n % 1000)}"
    return below_thousand(n)


ES_UNITS = ("cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce "
            "quince dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós "
            "veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho "
            "veintinueve").split()
ES_TENS = "_ _ _ treinta cuarenta cincuenta sesenta setenta ochenta noventa".split()
ES_HUNDREDS = ("_ ciento doscientos trescientos cuatrocientos quinientos seiscientos setecientos "
               "ochocientos novecientos").split()


def spanish(n: int, before_thousand: bool = False) -> str:
    if n >= 1000:
        head = "" if n // 1000 == 1 else spanish(n // 1000, before_thousand=True) + " "
        return f"{head}mil {spanish(n % 1000) if n % 1000 else ''}".strip()
    words = []
    if n == 100:
        return "cien"
    if n >= 100:
        words.append(ES_HUNDREDS[n // 100])
        n %= 100
    if n >= 30:
        words.append(ES_TENS[n // 10] + (" y" if n % 10 else ""))
        n %= 10
    if n:
        unit = ES_UNITS[n]
        if before_thousand:
            unit = {"uno": "un", "veintiuno": "veintiún"}.get(unit, unit)
        words.append(unit)
    return " ".join(words)


IT_UNITS = ("zero uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici "
            "quattordici quindici sedici diciassette diciotto diciannove").split()
IT_TENS = "_ _ venti trenta quaranta cinquanta sessanta settanta ottanta novanta".split()


def italian(n: int) -> str:
    def below_thousand(k: int) -> str:
        head = ("cento" if k // 100 == 1 else IT_UNITS[k // 100] + "cento") if k >= 100 else ""
        k %= 100
        if k >= 20:
            tens, unit = IT_TENS[k // 10], IT_UNITS[k % 10] if k % 10 else ""
            if unit in ("uno", "otto"):
                tens = tens[:-1]
            return head + tens + ("tré" if unit == "tre" else unit)
        return head + (IT_UNITS[k] if k else "")
    if n >= 1000:
        head = "mille" if n // 1000 == 1 else below_thousand(n // 1000) + "mila"
        return head + below_thousand(n % 1000)
    return below_thousand(n)


@NO_DEADLINE
@given(st.integers(1, 999_999))
def test_english_words(value):
    assert parse_number(english(value), "en") == value


@NO_DEADLINE
@given(st.integers(1, 999_999))
def test_german_words(value):
    assert parse_number(german(value), "de") == value


@NO_DEADLINE
@given(st.integers(1, 999_999))
def test_spanish_words(value):
    assert parse_number(spanish(value), "es") == value


@NO_DEADLINE
# Bare "uno" (article) and "sei" ("you are") are weak: numbers only before a magnitude.
@given(st.integers(2, 999_999).filter(lambda value: value != 6))
def test_italian_words(value):
    assert parse_number(italian(value), "it") == value


@NO_DEADLINE
@given(st.integers(1, 999_999))
def test_words_parse_in_the_union_of_tables(value):
    assert parse_number(english(value), None) == value
