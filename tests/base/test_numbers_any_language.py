"""Number tables of the languages added for the wider pool, unspaced scripts and the fallback.

Sentences written for these tests, not taken from any corpus.
"""

from __future__ import annotations

import pytest

from newsledger.base.numbers import find_number_expressions

GOLDEN = [
    ("ja", "東京で412人が集まり、約3万人が出国した。",
     [("412人", 412, 412, "exact"), ("約3万人", 30000, 30000, "approx")]),
    ("ja", "少なくとも1万2500人、600人以上、数百人が拘束された。",
     [("少なくとも1万2500人", 12500, None, "at_least"), ("600人以上", 600, None, "at_least"),
      ("数百人", 200, 999, "vague")]),
    ("ja", "数万人が国境に並び、50人余りが戻った。",
     [("数万人", 20000, 99999, "vague"), ("50人余り", 50, None, "more_than")]),
    ("zh", "逾15万人离开，超过2000名士兵，约8万名男子。",
     [("逾15万人", 150000, None, "more_than"), ("超过2000名", 2000, None, "more_than"),
      ("约8万名", 80000, 80000, "approx")]),
    ("zh", "数千辆汽车排队，300多名被捕，四万人出境。",
     [("数千", 2000, 9999, "vague"), ("300多名", 300, None, "more_than"),
      ("四万人", 40000, 40000, "exact")]),
    ("zh", "一些人说有3萬5千名男子离开，數十萬人受影响。",
     [("3萬5千名", 35000, 35000, "exact"), ("數十萬人", 200000, 999999, "vague")]),
    ("ko", "약 40만 명이 떠났고 2만 3천 명이 넘는 사람들이 돌아왔다.",
     [("약 40만 명", 400000, 400000, "approx"), ("2만 3천 명", 23000, None, "more_than")]),
    ("ko", "수천 명이 모였고 최소 120명이 체포됐다.",
     [("수천 명", 2000, 9999, "vague"), ("최소 120명", 120, None, "at_least")]),
    ("ko", "500명 이상이 줄을 섰고 수십만 명이 떠났다.",
     [("500명 이상", 500, None, "at_least"), ("수십만 명", 200000, 999999, "vague")]),
    ("ar", "غادر نحو 40 ألف شخص، وفر آلاف الشبان وعشرات الآلاف من العائلات.",
     [("نحو 40 ألف", 40000, 40000, "approx"), ("آلاف", 2000, 9999, "vague"),
      ("وعشرات الآلاف", 20000, 99999, "vague")]),
    ("ar", "اعتقل أكثر من ثلاثمائة متظاهر، وعبر حوالي مليون، ومئات الآلاف غادروا.",
     [("أكثر من ثلاثمائة", 300, None, "more_than"), ("حوالي مليون", 1000000, 1000000,
      "approx"), ("ومئات الآلاف", 200000, 999999, "vague")]),
    ("ar", "ما لا يقل عن ٢٥٠٠ رجل و١٢ امرأة.",
     [("ما لا يقل عن ٢٥٠٠", 2500, None, "at_least"), ("١٢", 12, 12, "exact")]),
    ("tr", "Binlerce kişi, yaklaşık 40 bin asker ve 5 binden fazla araç bekliyor.",
     [("Binlerce", 2000, 9999, "vague"), ("yaklaşık 40 bin", 40000, 40000, "approx"),
      ("5 binden fazla", 5000, None, "more_than")]),
    ("tr", "En az üç yüz kişi, yüz binlerce Rus ve 12 bini aşkın başvuru.",
     [("En az üç yüz", 300, None, "at_least"), ("yüz binlerce", 200000, 999999, "vague"),
      ("12 bini aşkın", 12000, None, "more_than")]),
    ("tr", "Onlarca gözaltı ve iki bin beş yüz kişi.",
     [("Onlarca", 24, 99, "vague"), ("iki bin beş yüz", 2500, 2500, "exact")]),
    ("fa", "حدود ۵۰ هزار نفر، صدها خودرو و بیش از سی و دو نفر.",
     [("حدود ۵۰ هزار", 50000, 50000, "approx"), ("صدها", 200, 999, "vague"),
      ("بیش از سی و دو", 32, None, "more_than")]),
    ("fa", "دست کم ۱۲۰۰ نفر و هزاران مرد و ده‌ها هزار خانواده.",
     [("دست کم ۱۲۰۰", 1200, None, "at_least"), ("هزاران", 2000, 9999, "vague"),
      ("ده‌ها هزار", 20000, 99999, "vague")]),
    ("fa", "کمتر از پانصد نفر ماندند.", [("کمتر از پانصد", None, 500, "less_than")]),
    ("he", "כ-30 אלף איש, עשרות עצורים ולפחות שלושה מיליון.",
     [("כ-30 אלף", 30000, 30000, "approx"), ("עשרות", 24, 99, "vague"),
      ("שלושה מיליון", 3000000, 3000000, "exact")]),
    ("he", "למעלה ממאתיים איש ואלפים ברחו.",
     [("למעלה ממאתיים", 200, None, "more_than")]),
    ("he", "כאלף גברים ומאות נשים.", [("כאלף", 1000, 1000, "approx")]),
    ("fi", "Noin 3 000 ihmistä, satoja autoja ja vähintään kaksikymmentä poliisia.",
     [("Noin 3 000", 3000, 3000, "approx"), ("satoja", 200, 999, "vague"),
      ("vähintään kaksikymmentä", 20, None, "at_least")]),
    ("fi", "Yli viisi tuhatta miestä ja kymmeniä tuhansia perheitä.",
     [("Yli viisi tuhatta", 5000, None, "more_than"), ("kymmeniä tuhansia", 20000, 99999,
      "vague")]),
    ("fi", "Useita satoja pidätettiin.", [("Useita satoja", 200, 999, "vague")]),
    ("et", "Umbes 2000 inimest, tuhandeid autosid ja üle kolmesaja mehe.",
     [("Umbes 2000", 2000, 2000, "approx"), ("tuhandeid", 2000, 9999, "vague"),
      ("üle kolmesaja", 300, None, "more_than")]),
    ("et", "Vähemalt kakskümmend viis meest ja sadu tuhandeid inimesi.",
     [("Vähemalt kakskümmend viis", 25, None, "at_least"), ("sadu tuhandeid", 200000, 999999,
      "vague")]),
    ("et", "Kuni 300 000 reservväelast.", [("Kuni 300 000", None, 300000, "at_most")]),
    ("hu", "Mintegy 30 ezer ember, ezrek és több mint három és fél millióan.",
     [("Mintegy 30 ezer", 30000, 30000, "approx"), ("ezrek", 2000, 9999, "vague"),
      ("több mint három és fél millióan", 3500000, None, "more_than")]),
    ("hu", "Legalább huszonöt rendőr és százezrek menekültek.",
     [("Legalább huszonöt", 25, None, "at_least"), ("százezrek", 200000, 999999, "vague")]),
    ("hu", "Néhány ezer autó és kétszáz katona.",
     [("Néhány ezer", 2000, 9999, "vague"), ("kétszáz", 200, 200, "exact")]),
    ("lt", "Apie 4000 žmonių, šimtai automobilių ir daugiau nei du tūkstančiai.",
     [("Apie 4000", 4000, 4000, "approx"), ("šimtai", 200, 999, "vague"),
      ("daugiau nei du tūkstančiai", 2000, None, "more_than")]),
    ("lt", "Mažiausiai penkiolika sulaikytų ir keli tūkstančiai.",
     [("Mažiausiai penkiolika", 15, None, "at_least"), ("keli tūkstančiai", 2000, 9999,
      "vague")]),
    ("lt", "Šimtai tūkstančių išvyko.", [("Šimtai tūkstančių", 200000, 999999, "vague")]),
    ("lv", "Vismaz 500 cilvēku, tūkstošiem automašīnu un aptuveni trīs tūkstoši.",
     [("Vismaz 500", 500, None, "at_least"), ("tūkstošiem", 2000, 9999, "vague"),
      ("aptuveni trīs tūkstoši", 3000, 3000, "approx")]),
    ("lv", "Vairāk nekā divdesmit policistu un simtiem tūkstošu bēgļu.",
     [("Vairāk nekā divdesmit", 20, None, "more_than"), ("simtiem tūkstošu", 200000, 999999,
      "vague")]),
    ("lv", "Līdz 300 000 rezervistu.", [("Līdz 300 000", None, 300000, "at_most")]),
    ("cs", "Asi 8 000 lidí, desítky tisíc aut a nejméně dvě stě policistů.",
     [("Asi 8 000", 8000, 8000, "approx"), ("desítky tisíc", 20000, 99999, "vague"),
      ("nejméně dvě stě", 200, None, "at_least")]),
    ("cs", "Více než tři tisíce mužů a statisíce uprchlíků.",
     [("Více než tři tisíce", 3000, None, "more_than"), ("statisíce", 200000, 999999,
      "vague")]),
    ("cs", "Zhruba 12-tisíc lidí a stovky aut.",
     [("Zhruba 12-tisíc", 12000, 12000, "approx"), ("stovky", 200, 999, "vague")]),
    ("sk", "Približne 4 000 ľudí, tisíce áut a viac ako tridsať policajtov.",
     [("Približne 4 000", 4000, 4000, "approx"), ("tisíce", 2000, 9999, "vague"),
      ("viac ako tridsať", 30, None, "more_than")]),
    ("sk", "Najmenej 60-tisíc mužov a státisíce utečencov.",
     [("Najmenej 60-tisíc", 60000, None, "at_least"), ("státisíce", 200000, 999999,
      "vague")]),
    ("sk", "Niekoľko tisíc ľudí a dvesto áut.",
     [("Niekoľko tisíc", 2000, 9999, "vague"), ("dvesto", 200, 200, "exact")]),
    ("bg", "Около 5000 души, хиляди коли и над двеста полицаи.",
     [("Около 5000", 5000, 5000, "approx"), ("хиляди", 2000, 9999, "vague"),
      ("над двеста", 200, None, "more_than")]),
    ("bg", "Десетки хиляди бягат, поне три хиляди останаха.",
     [("Десетки хиляди", 20000, 99999, "vague"), ("поне три хиляди", 3000, None,
      "at_least")]),
    ("bg", "Стотиците задържани.", [("Стотиците", 200, 999, "vague")]),
    ("hr", "Oko 3.000 ljudi, deseci tisuća izbjeglica i više od dvjesto policajaca.",
     [("Oko 3.000", 3000, 3000, "approx"), ("deseci tisuća", 20000, 99999, "vague"),
      ("više od dvjesto", 200, None, "more_than")]),
    ("hr", "Najmanje 40 uhićenih i tisuće automobila.",
     [("Najmanje 40", 40, None, "at_least"), ("tisuće", 2000, 9999, "vague")]),
    ("hr", "Stotine tisuća ljudi.", [("Stotine tisuća", 200000, 999999, "vague")]),
    ("bs", "Više od 2.500 ljudi i desetine hiljada izbjeglica.",
     [("Više od 2.500", 2500, None, "more_than"), ("desetine hiljada", 20000, 99999,
      "vague")]),
    ("bs", "Oko dvije hiljade vozila.", [("Oko dvije hiljade", 2000, 2000, "approx")]),
    ("bs", "Stotine ljudi.", [("Stotine", 200, 999, "vague")]),
    ("sl", "Okoli 7.000 ljudi, več kot dva milijona in tisoči beguncev.",
     [("Okoli 7.000", 7000, 7000, "approx"), ("več kot dva milijona", 2000000, None,
      "more_than"), ("tisoči", 2000, 9999, "vague")]),
    ("sl", "Vsaj trideset policistov.", [("Vsaj trideset", 30, None, "at_least")]),
    ("sl", "Skoraj 40 tisoč ali več.", [("Skoraj 40 tisoč", 40000, 40000, "approx")]),
    ("sv", "Omkring 9 000 personer, tusentals bilar och fler än tjugo poliser.",
     [("Omkring 9 000", 9000, 9000, "approx"), ("tusentals", 2000, 9999, "vague"),
      ("fler än tjugo", 20, None, "more_than")]),
    ("sv", "Minst tvåhundra greps och tiotusentals flydde.",
     [("Minst tvåhundra", 200, None, "at_least"), ("tiotusentals", 20000, 99999, "vague")]),
    ("sv", "Hundratals män och upp till 300 000 reservister.",
     [("Hundratals", 200, 999, "vague"), ("upp till 300 000", None, 300000, "at_most")]),
    ("no", "Rundt 4.000 mennesker, tusenvis av biler og minst tjue politifolk.",
     [("Rundt 4.000", 4000, 4000, "approx"), ("tusenvis", 2000, 9999, "vague"),
      ("minst tjue", 20, None, "at_least")]),
    ("no", "Over tre hundre ble arrestert og titusenvis flyktet.",
     [("Over tre hundre", 300, None, "more_than"), ("titusenvis", 20000, 99999, "vague")]),
    ("no", "Hundrevis av menn og to kvinner.",
     [("Hundrevis", 200, 999, "vague"), ("to", 2, 2, "exact")]),
    ("da", "Omkring 6.000 mennesker, tusindvis af biler og mindst tyve betjente.",
     [("Omkring 6.000", 6000, 6000, "approx"), ("tusindvis", 2000, 9999, "vague"),
      ("mindst tyve", 20, None, "at_least")]),
    ("da", "Over fem hundrede og hundredtusindvis af flygtninge.",
     [("Over fem hundrede", 500, None, "more_than"), ("hundredtusindvis", 200000, 999999,
      "vague")]),
    ("da", "Nogle tusinde mænd.", [("Nogle tusinde", 2000, 9999, "vague")]),
    ("is", "Um 3.000 manns, hundruð bíla og að minnsta kosti tuttugu lögreglumenn.",
     [("Um 3.000", 3000, 3000, "approx"), ("hundruð", 200, 999, "vague"),
      ("að minnsta kosti tuttugu", 20, None, "at_least")]),
    ("is", "Þúsundir flúðu og yfir fimm þúsund biðu.",
     [("Þúsundir", 2000, 9999, "vague"), ("yfir fimm þúsund", 5000, None, "more_than")]),
    ("is", "Tugir manna.", [("Tugir", 24, 99, "vague")]),
    ("ka", "დაახლოებით 7000 ადამიანი, ათასობით მანქანა და ორასი პოლიციელი.",
     [("დაახლოებით 7000", 7000, 7000, "approx"), ("ათასობით", 2000, 9999, "vague"),
      ("ორასი", 200, 200, "exact")]),
    ("ka", "სულ მცირე ოცდაათი დააკავეს, ასობით კი გაიქცა.",
     [("სულ მცირე ოცდაათი", 30, None, "at_least"), ("ასობით", 200, 999, "vague")]),
    ("ka", "500-ზე მეტი ადამიანი.", [("500-ზე მეტი", 500, None, "more_than")]),
    ("ky", "Болжол менен 20 миң адам жана миңдеген унаа.",
     [("Болжол менен 20 миң", 20000, 20000, "approx"), ("миңдеген", 2000, 9999, "vague")]),
    ("ky", "Кеминде үч жүз адам кетти.", [("Кеминде үч жүз", 300, None, "at_least")]),
    ("ky", "Жүз миңдеген адам жана 50 миңден ашык.",
     [("Жүз миңдеген", 200000, 999999, "vague"), ("50 миңден ашык", 50000, None,
      "more_than")]),
    ("mn", "Ойролцоогоор 8000 хүн, хэдэн мянган машин, гурван зуун цэрэг.",
     [("Ойролцоогоор 8000", 8000, 8000, "approx"), ("хэдэн мянган", 2000, 9999, "vague"),
      ("гурван зуун", 300, 300, "exact")]),
    ("mn", "Дор хаяж 40 хүн баривчлагджээ.", [("Дор хаяж 40", 40, None, "at_least")]),
    ("mn", "200 гаруй хүн.", [("200 гаруй", 200, None, "more_than")]),
]


@pytest.mark.parametrize(("language", "sentence", "expected"), GOLDEN)
def test_language_tables(language, sentence, expected):
    found = find_number_expressions(sentence, language)
    assert [(e.text, e.low, e.high, e.qualifier) for e in found] == expected


@pytest.mark.parametrize(("sentence", "language", "values"), [
    ("في ٢٠٢٢ عبر ٣٥٠٠ شخص الحدود", "ar", [2022, 3500]),
    ("٣٥٠٠ شخص", None, [3500]),
    ("۱۲۰۰ نفر", "fa", [1200]),
    ("۱۲۰۰ نفر", None, [1200]),
    ("１２０人が", "ja", [120]),
])
def test_eastern_digits_are_digits(sentence, language, values):
    assert [e.low for e in find_number_expressions(sentence, language)] == values


@pytest.mark.parametrize("language", ["ja", "zh", None])
def test_unspaced_sentence(language):
    found = find_number_expressions("昨日、国境で215人と2万2215人が並んだ。", language)
    assert [(e.text, e.low) for e in found] == [("215人", 215), ("2万2215人", 22215)]


def test_a_verb_after_a_number_sets_its_qualifier_outside_the_expression():
    (found,) = find_number_expressions("20万人を超えるロシア人が出国した", "ja")
    assert (found.text, found.low, found.high, found.qualifier) == ("20万人", 200000, None,
                                                                    "more_than")


@pytest.mark.parametrize(("language", "sentence", "expected"), [
    ("tr", "Sayı 44 bin 218'e yükseldi, 3 bin 2022 yılında",
     [("44 bin 218", 44218), ("3 bin", 3000)]),
    ("es", "al menos dos mil 012 personas y mil 404 heridos",
     [("al menos dos mil 012", 2012), ("mil 404", 1404)]),
    ("en", "a thousand 404 errors", [("a thousand", 1000), ("404", 404)]),
])
def test_digits_after_a_magnitude_word(language, sentence, expected):
    found = find_number_expressions(sentence, language)
    assert [(e.text, e.low) for e in found][:len(expected)] == expected


def test_an_arabic_range_closer_is_glued_to_its_digits():
    (found,) = find_number_expressions("فر ما بين 10 آلاف و20 ألف شخص", "ar")
    assert (found.text, found.low, found.high) == ("ما بين 10 آلاف و20 ألف", 10000, 20000)




def test_unspaced_units_after_digits():
    (year, month, day) = find_number_expressions("2022年9月21日に発表した", "ja")
    assert (year.followed_by, month.followed_by, day.followed_by) == ("year", "time", "time")
    assert find_number_expressions("千葉県の百貨店", "ja") == []


def test_fallback_reads_digits_of_any_script():
    found = find_number_expressions("Ulaanbaatar: 1 200 ᠬᠦᠮᠦᠨ, ตาย 35 คน, 4500人", None)
    assert [e.low for e in found] == [1200, 35, 4500]


def test_fallback_leaves_out_tables_of_short_words():
    assert find_number_expressions("He went on to set fire to it.", None) == []
    assert [e.low for e in find_number_expressions("He went on to set fire.", "no")] == [2, 4]
