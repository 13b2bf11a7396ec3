"""Property tests: 1..999,999 spelled out in words in each language parses back to its value,
and digits with magnitude words in each language's own convention. The spellers are written from
grammar books for these tests."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from newsledger.base.numbers import parse_number

# The first call compiles a language's grammar (up to ~0.4 s for the union of all tables).
NO_DEADLINE = settings(deadline=None)
VALUES = st.integers(1, 999_999)


@dataclass(frozen=True)
class Slavic:
    """Russian-like spelling: units, tens, hundreds as words, thousands with three forms."""

    units: str  # 0..19
    tens: str  # 2..9, with "_" for 0 and 1
    hundreds: str  # 1..9, with "_" for 0
    thousand: tuple[str, str, str]  # forms for 1, 2..4, 5+
    feminine: dict[str, str] = field(default_factory=dict)  # forms before "thousand"
    bare_one: str = ""  # 1000 said without "one" ("тысяча", "tysiąc", "hiljadu")
    one_in_compounds: bool = True  # 21 000: "двадцать одна тысяча" (not Polish "tysięcy")

    def __call__(self, n: int, feminine: bool = False) -> str:
        words = []
        if n >= 1000:
            count = n // 1000
            words += [self.bare_one] if count == 1 and self.bare_one else [
                self(count, feminine=True), self._thousand(count)]
            n %= 1000
        if n >= 100:
            words.append(self.hundreds.split()[n // 100])
            n %= 100
        if n >= 20:
            words.append(self.tens.split()[n // 10])
            n %= 10
        if n:
            word = self.units.split()[n]
            words.append(self.feminine.get(word, word) if feminine else word)
        return " ".join(words)

    def _thousand(self, count: int) -> str:
        last, last_two = count % 10, count % 100
        if 11 <= last_two <= 14:
            return self.thousand[2]
        if last == 1 and (self.one_in_compounds or count == 1):
            return self.thousand[0]
        return self.thousand[1] if 2 <= last <= 4 else self.thousand[2]


RUSSIAN = Slavic(
    units="ноль один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать "
          "тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать",
    tens="_ _ двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто",
    hundreds="_ сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот",
    thousand=("тысяча", "тысячи", "тысяч"), feminine={"один": "одна", "два": "две"})
UKRAINIAN = Slavic(
    units="нуль один два три чотири п'ять шість сім вісім дев'ять десять одинадцять дванадцять "
          "тринадцять чотирнадцять п'ятнадцять шістнадцять сімнадцять вісімнадцять "
          "дев'ятнадцять",
    tens="_ _ двадцять тридцять сорок п'ятдесят шістдесят сімдесят вісімдесят дев'яносто",
    hundreds="_ сто двісті триста чотириста п'ятсот шістсот сімсот вісімсот дев'ятсот",
    thousand=("тисяча", "тисячі", "тисяч"), feminine={"один": "одна", "два": "дві"},
    bare_one="тисяча")
POLISH = Slavic(
    units="zero jeden dwa trzy cztery pięć sześć siedem osiem dziewięć dziesięć jedenaście "
          "dwanaście trzynaście czternaście piętnaście szesnaście siedemnaście osiemnaście "
          "dziewiętnaście",
    tens="_ _ dwadzieścia trzydzieści czterdzieści pięćdziesiąt sześćdziesiąt siedemdziesiąt "
         "osiemdziesiąt dziewięćdziesiąt",
    hundreds="_ sto dwieście trzysta czterysta pięćset sześćset siedemset osiemset dziewięćset",
    thousand=("tysiąc", "tysiące", "tysięcy"), bare_one="tysiąc", one_in_compounds=False)
SERBIAN = Slavic(
    units="nula jedan dva tri četiri pet šest sedam osam devet deset jedanaest dvanaest trinaest "
          "četrnaest petnaest šesnaest sedamnaest osamnaest devetnaest",
    tens="_ _ dvadeset trideset četrdeset pedeset šezdeset sedamdeset osamdeset devedeset",
    hundreds="_ sto dvesta trista četiristo petsto šeststo sedamsto osamsto devetsto",
    thousand=("hiljada", "hiljade", "hiljada"), feminine={"jedan": "jedna", "dva": "dve"},
    bare_one="hiljadu")
SERBIAN_CYRILLIC = Slavic(
    units="нула један два три четири пет шест седам осам девет десет једанаест дванаест "
          "тринаест четрнаест петнаест шеснаест седамнаест осамнаест деветнаест",
    tens="_ _ двадесет тридесет четрдесет педесет шездесет седамдесет осамдесет деведесет",
    hundreds="_ сто двеста триста четиристо петсто шестсто седамсто осамсто деветсто",
    thousand=("хиљада", "хиљаде", "хиљада"), feminine={"један": "једна", "два": "две"},
    bare_one="хиљаду")


FR_UNITS = ("zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
            "quinze seize dix-sept dix-huit dix-neuf").split()
FR_TENS = "_ _ vingt trente quarante cinquante soixante".split()


def french(n: int, dash: str = " ") -> str:
    """French with "et un" joined by ``dash`` (" " traditional, "-" the 1990 spelling)."""
    def below_hundred(k: int) -> str:
        if k < 20:
            return FR_UNITS[k]
        if k < 70:
            unit = k % 10
            et = f"{dash}et{dash}" if unit == 1 else "-"
            return FR_TENS[k // 10] + (et + FR_UNITS[unit] if unit else "")
        if k < 80:
            return "soixante" + (f"{dash}et{dash}onze" if k == 71 else "-" + FR_UNITS[k - 60])
        return "quatre-vingts" if k == 80 else "quatre-vingt-" + FR_UNITS[k - 80]

    def below_thousand(k: int, final: bool) -> str:
        hundreds, rest = divmod(k, 100)
        head = "" if not hundreds else "cent" if hundreds == 1 else FR_UNITS[hundreds] + " cent"
        if hundreds > 1 and not rest and final:
            head += "s"
        return " ".join(part for part in (head, below_hundred(rest) if rest else "") if part)

    thousands, rest = divmod(n, 1000)
    head = "" if not thousands else "mille" if thousands == 1 else (
        below_thousand(thousands, final=False) + " mille")
    tail = below_thousand(rest, final=True) if rest else ""
    return " ".join(part for part in (head, tail) if part)


PT_UNITS = ("zero um dois três quatro cinco seis sete oito nove dez onze doze treze catorze "
            "quinze dezesseis dezessete dezoito dezenove").split()
PT_TENS = "_ _ vinte trinta quarenta cinquenta sessenta setenta oitenta noventa".split()
PT_HUNDREDS = ("_ cento duzentos trezentos quatrocentos quinhentos seiscentos setecentos "
               "oitocentos novecentos").split()


def portuguese(n: int) -> str:
    def below_thousand(k: int) -> str:
        if k == 100:
            return "cem"
        parts = [PT_HUNDREDS[k // 100]] if k >= 100 else []
        k %= 100
        if k >= 20:
            parts.append(PT_TENS[k // 10])
            k %= 10
        if k:
            parts.append(PT_UNITS[k])
        return " e ".join(parts)

    thousands, rest = divmod(n, 1000)
    head = "" if not thousands else "mil" if thousands == 1 else below_thousand(thousands) + " mil"
    if not rest:
        return head
    tail = below_thousand(rest)
    joiner = " e " if rest < 100 or rest % 100 == 0 else " "
    return head + joiner + tail if head else tail


RO_UNITS = ("zero unu doi trei patru cinci șase șapte opt nouă zece unsprezece doisprezece "
            "treisprezece paisprezece cincisprezece șaisprezece șaptesprezece optsprezece "
            "nouăsprezece").split()
RO_TENS = "_ _ douăzeci treizeci patruzeci cincizeci șaizeci șaptezeci optzeci nouăzeci".split()
RO_FEMININE = {"unu": "una", "doi": "două", "doisprezece": "douăsprezece"}


def romanian(n: int, feminine: bool = False) -> str:
    def below_hundred(k: int) -> str:
        unit = RO_UNITS[k % 10 if k >= 20 else k]
        unit = RO_FEMININE.get(unit, unit) if feminine else unit
        if k < 20:
            return unit
        return RO_TENS[k // 10] + (f" și {unit}" if k % 10 else "")

    def below_thousand(k: int) -> str:
        hundreds, rest = divmod(k, 100)
        head = "" if not hundreds else "o sută" if hundreds == 1 else (
            ("două" if hundreds == 2 else RO_UNITS[hundreds]) + " sute")
        return " ".join(part for part in (head, below_hundred(rest) if rest else "") if part)

    thousands, rest = divmod(n, 1000)
    head = ""
    if thousands == 1:
        head = "o mie"
    elif thousands:
        de = " de" if thousands % 100 == 0 or thousands % 100 >= 20 else ""
        head = romanian(thousands, feminine=True) + de + " mii"
    tail = below_thousand(rest) if rest else ""
    return " ".join(part for part in (head, tail) if part)


NL_UNITS = ("nul een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien "
            "vijftien zestien zeventien achttien negentien").split()
NL_TENS = "_ _ twintig dertig veertig vijftig zestig zeventig tachtig negentig".split()


def dutch(n: int, space: str = "") -> str:
    """Dutch as one word, or with ``space`` after "duizend"."""
    def below_thousand(k: int) -> str:
        hundreds, rest = divmod(k, 100)
        head = "" if not hundreds else ("" if hundreds == 1 else NL_UNITS[hundreds]) + "honderd"
        if rest >= 20:
            unit = NL_UNITS[rest % 10] if rest % 10 else ""
            joiner = "ën" if unit.endswith("e") else "en"
            return head + (unit + joiner if unit else "") + NL_TENS[rest // 10]
        return head + (NL_UNITS[rest] if rest else "")

    thousands, rest = divmod(n, 1000)
    head = "" if not thousands else "duizend" if thousands == 1 else (
        below_thousand(thousands) + "duizend")
    tail = below_thousand(rest) if rest else ""
    return (head + space + tail).strip() if head and tail else head or tail


EL_UNITS = ("μηδέν ένα δύο τρία τέσσερα πέντε έξι επτά οκτώ εννέα δέκα έντεκα δώδεκα δεκατρία "
            "δεκατέσσερα δεκαπέντε δεκαέξι δεκαεπτά δεκαοκτώ δεκαεννέα").split()
EL_TENS = "_ _ είκοσι τριάντα σαράντα πενήντα εξήντα εβδομήντα ογδόντα ενενήντα".split()
EL_HUNDREDS = ("_ εκατόν διακόσια τριακόσια τετρακόσια πεντακόσια εξακόσια επτακόσια οκτακόσια "
               "εννιακόσια").split()
EL_FEMININE = {"ένα": "μία", "τρία": "τρεις", "τέσσερα": "τέσσερις", "δεκατρία": "δεκατρείς",
               "δεκατέσσερα": "δεκατέσσερις"}


def greek(n: int) -> str:
    def below_thousand(k: int, feminine: bool) -> str:
        words = []
        if k == 100:
            return "εκατό"
        if k >= 100:
            hundreds = EL_HUNDREDS[k // 100]
            words.append(hundreds[:-1] + "ες" if feminine and k >= 200 else hundreds)
            k %= 100
        if k >= 20:
            words.append(EL_TENS[k // 10])
            k %= 10
        if k:
            words.append(EL_FEMININE.get(EL_UNITS[k], EL_UNITS[k]) if feminine else EL_UNITS[k])
        return " ".join(words)

    thousands, rest = divmod(n, 1000)
    head = "" if not thousands else "χίλια" if thousands == 1 else (
        below_thousand(thousands, feminine=True) + " χιλιάδες")
    tail = below_thousand(rest, feminine=False) if rest else ""
    return " ".join(part for part in (head, tail) if part)


HY_UNITS = "_ մեկ երկու երեք չորս հինգ վեց յոթ ութ ինը".split()
HY_TENS = "_ տասն քսան երեսուն քառասուն հիսուն վաթսուն յոթանասուն ութսուն իննսուն".split()


def armenian(n: int) -> str:
    """Armenian: tens and units written together ("քսանհինգ"), hundreds and thousands apart."""
    def below_thousand(k: int) -> str:
        hundreds, rest = divmod(k, 100)
        head = "" if not hundreds else "հարյուր" if hundreds == 1 else (
            HY_UNITS[hundreds] + " հարյուր")
        tens, unit = divmod(rest, 10)
        tail = ("տասը" if rest == 10 else HY_TENS[tens] + (HY_UNITS[unit] if unit else "")
                if tens else HY_UNITS[unit] if unit else "")
        return " ".join(part for part in (head, tail) if part)

    thousands, rest = divmod(n, 1000)
    head = "" if not thousands else "հազար" if thousands == 1 else (
        below_thousand(thousands) + " հազար")
    tail = below_thousand(rest) if rest else ""
    return " ".join(part for part in (head, tail) if part)


@NO_DEADLINE
@given(VALUES, st.sampled_from([(RUSSIAN, "ru"), (UKRAINIAN, "uk"), (POLISH, "pl"),
                                (SERBIAN, "sr"), (SERBIAN_CYRILLIC, "sr"), (RUSSIAN, None)]))
def test_slavic_words(value, speller):
    spell, language = speller
    assert parse_number(spell(value), language) == value


@NO_DEADLINE
@given(st.integers(2, 999_999), st.sampled_from([" ", "-"]))  # a lone "un" is an article
def test_french_words(value, dash):
    assert parse_number(french(value, dash), "fr") == value


@NO_DEADLINE
@given(st.integers(2, 999_999))  # a lone "um" is an article
def test_portuguese_words(value):
    assert parse_number(portuguese(value), "pt") == value


@NO_DEADLINE
@given(VALUES)
def test_romanian_words(value):
    assert parse_number(romanian(value), "ro") == value


@NO_DEADLINE
@given(st.integers(2, 999_999), st.sampled_from(["", " "]))  # a lone "een" is an article
def test_dutch_words(value, space):
    assume(not (space and value % 1000 == 1))  # "... duizend een": the article again
    assert parse_number(dutch(value, space), "nl") == value


@NO_DEADLINE
@given(st.integers(2, 999_999))  # a lone "ένα" is also the article "a"
def test_greek_words(value):
    assert parse_number(greek(value), "el") == value


@NO_DEADLINE
@given(st.integers(2, 999_999))  # a lone "մեկ"/"մի" is also "one, a"
def test_armenian_words(value):
    assert parse_number(armenian(value), "hy") == value


# (language, decimal separator, magnitude word, its value): the digit conventions of each table.
MAGNITUDES = [
    ("ru", ",", "млн", 10**6), ("ru", ",", "тыс.", 1000), ("uk", ",", "тис.", 1000),
    ("uk", ",", "млн", 10**6), ("de", ",", "Mio.", 10**6), ("de", ",", "Millionen", 10**6),
    ("en", ".", "million", 10**6), ("en", ".", "bn", 10**9), ("fr", ",", "millions", 10**6),
    ("es", ",", "millones", 10**6), ("es", ",", "mil", 1000), ("it", ",", "milioni", 10**6),
    ("it", ",", "mila", 1000), ("pt", ",", "mil", 1000), ("pt", ",", "milhões", 10**6),
    ("pl", ",", "mln", 10**6), ("pl", ",", "tys.", 1000), ("ro", ",", "milioane", 10**6),
    ("ro", ",", "mii", 1000), ("nl", ",", "miljoen", 10**6), ("el", ",", "εκατ.", 10**6),
    ("el", ",", "χιλ.", 1000), ("sr", ",", "miliona", 10**6), ("sr", ",", "hiljada", 1000),
    ("hy", ",", "մլն", 10**6),
]


@NO_DEADLINE
@given(st.integers(1, 999), st.integers(1, 9), st.sampled_from(MAGNITUDES))
def test_decimals_with_magnitude_words(whole, tenth, table):
    language, separator, word, scale = table
    assert parse_number(f"{whole}{separator}{tenth} {word}", language) == round(
        (whole + tenth / 10) * scale)


@pytest.mark.parametrize(("text", "language", "value"), [
    ("3mila", "it", 3000), ("10 mil", "pt", 10000), ("10 mil", "es", 10000),
    ("12 тыс.", "ru", 12000), ("12 тис.", "uk", 12000), ("2 milioane", "ro", 2000000),
    ("1,3 miljoen", "nl", 1300000), ("2,5 εκατ.", "el", 2500000), ("1,2 Mio.", "de", 1200000),
    ("1,5 mil", "pt", 1500), ("2.5 million", "en", 2500000), ("1,2 mln", "pl", 1200000),
    ("2,5 млн", "ru", 2500000), ("1 500 000", "fr", 1500000), ("1.500.000", "es", 1500000),
])
def test_digit_conventions(text, language, value):
    assert parse_number(text, language) == value
