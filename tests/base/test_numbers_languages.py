"""Golden sentences per language table (written for these tests, not taken from any corpus)."""

from __future__ import annotations

import pytest

from newsledger.base.numbers import find_number_expressions

GOLDEN = [
    ("uk", "Щонайменше 2 500 людей і понад три тисячі авто, десятки тисяч виїхали.",
     [("Щонайменше 2 500", 2500, None, "at_least"), ("понад три тисячі", 3000, None, "more_than"),
      ("десятки тисяч", 20000, 99999, "vague")]),
    ("uk", "Близько п'ятисот затриманих, мінімум у 12 містах.",
     [("Близько п'ятисот", 500, 500, "approx"), ("мінімум у 12", 12, None, "at_least")]),
    ("de", "Rund 4.500 Menschen, mehr als zweihundert Autos und Zehntausende Flüchtlinge.",
     [("Rund 4.500", 4500, 4500, "approx"), ("mehr als zweihundert", 200, None, "more_than"),
      ("Zehntausende", 20000, 99999, "vague")]),
    ("de", "Bis zu 1,5 Mio. Reservisten; zwischen 3 und 5 Tausend am Tag; einige Tausend.",
     [("Bis zu 1,5 Mio.", None, 1500000, "at_most"), ("zwischen 3 und 5 Tausend", 3000, 5000,
      "range"), ("einige Tausend", 2000, 9999, "vague")]),
    ("fr", "Près de 12 000 hommes, plus d'un million de départs, des centaines de milliers.",
     [("Près de 12 000", 12000, 12000, "approx"), ("plus d'un million", 1000000, None,
      "more_than"), ("centaines de milliers", 200000, 999999, "vague")]),
    ("fr", "Entre 3 000 et 4 000 voitures, moins de vingt-cinq policiers.",
     [("Entre 3 000 et 4 000", 3000, 4000, "range"),
      ("moins de vingt-cinq", None, 25, "less_than")]),
    ("es", "Unos 3.000 detenidos, más de doscientos mil viajeros y cientos de miles de personas.",
     [("Unos 3.000", 3000, 3000, "approx"), ("más de doscientos mil", 200000, None, "more_than"),
      ("cientos de miles", 200000, 999999, "vague")]),
    ("it", "Oltre 5mila persone, almeno trecentomila richiamati e migliaia di auto.",
     [("Oltre 5mila", 5000, None, "more_than"), ("almeno trecentomila", 300000, None,
      "at_least"), ("migliaia", 2000, 9999, "vague")]),
    ("pt", "Pelo menos 1,2 mil pessoas, até duzentos mil reservistas e dezenas de milhares.",
     [("Pelo menos 1,2 mil", 1200, None, "at_least"), ("até duzentos mil", None, 200000,
      "at_most"), ("dezenas de milhares", 20000, 99999, "vague")]),
    ("pl", "Co najmniej dwieście tysięcy osób, około 4 tys. aut i kilkadziesiąt tysięcy.",
     [("Co najmniej dwieście tysięcy", 200000, None, "at_least"),
      ("około 4 tys.", 4000, 4000, "approx"), ("kilkadziesiąt tysięcy", 20000, 99999, "vague")]),
    ("pl", "Liczba wzrosła do 12 tysięcy, a ma sięgnąć do 20 tysięcy.",
     [("12 tysięcy", 12000, 12000, "exact"), ("do 20 tysięcy", None, 20000, "at_most")]),
    ("ro", "Peste 30.000 de persoane, cel puțin douăzeci de mii și zeci de mii de mașini.",
     [("Peste 30.000", 30000, None, "more_than"), ("cel puțin douăzeci de mii", 20000, None,
      "at_least"), ("zeci de mii", 20000, 99999, "vague")]),
    ("nl", "Ruim 7.000 mensen, ongeveer vijfentwintig agenten en tienduizenden vluchtelingen.",
     [("Ruim 7.000", 7000, None, "more_than"), ("ongeveer vijfentwintig", 25, 25, "approx"),
      ("tienduizenden", 20000, 99999, "vague")]),
    ("el", "Τουλάχιστον 2.300 άνθρωποι, περίπου δύο χιλιάδες και δεκάδες χιλιάδες πολίτες.",
     [("Τουλάχιστον 2.300", 2300, None, "at_least"), ("περίπου δύο χιλιάδες", 2000, 2000,
      "approx"), ("δεκάδες χιλιάδες", 20000, 99999, "vague")]),
    ("sr", "Više od 1.200 ljudi, oko dve hiljade i desetine hiljada izbeglica.",
     [("Više od 1.200", 1200, None, "more_than"), ("oko dve hiljade", 2000, 2000, "approx"),
      ("desetine hiljada", 20000, 99999, "vague")]),
    ("sr", "Најмање 40 људи и неколико хиљада возила.",
     [("Најмање 40", 40, None, "at_least"), ("неколико хиљада", 2000, 9999, "vague")]),
    ("hy", "Առնվազն 3 200 մարդ և հազարավոր մեքենաներ։",
     [("Առնվազն 3 200", 3200, None, "at_least"), ("հազարավոր", 2000, 9999, "vague")]),
]


@pytest.mark.parametrize(("language", "sentence", "expected"), GOLDEN)
def test_language_tables(language, sentence, expected):
    found = find_number_expressions(sentence, language)
    assert [(e.text, e.low, e.high, e.qualifier) for e in found] == expected
