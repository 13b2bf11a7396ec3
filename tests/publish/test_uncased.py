"""Names in scripts without capitals: found by their cues, private unless titled.

The texts are written for this test; the names are invented."""

from __future__ import annotations

import pytest

from newsledger.publish.persons import PersonIndex
from newsledger.publish.redact import redact_text
from newsledger.publish.uncased import find_uncased

CASES = [
    ("ja", "国境で会ったボグダーナさん(29)は「怖い」と話した。ボグダーナさんの夫は残った。",
     ["ボグダーナ"], []),
    ("ko", "[스비야토폴크 / 러시아 병사 남편 : 집에 가고 싶어요] 스비야토폴크의 아내는 울었다.",
     ["스비야토폴크"], []),
    ("zh", "後備軍人庫茲米喬夫表示,他不怕。報道稱庫茲米喬夫已出發。", ["庫茲米喬夫"], []),
    ("ar", "قالت زلاتا، البالغة 31 عاماً، إنها غادرت. وأضافت زلاتا أن زوجها ترك عمله.",
     ["زلاتا"], []),
    ("ko", "[김철수 / 국방부 대변인 : 사실이 아닙니다]", [], ["김철수"]),
]


@pytest.mark.parametrize(("language", "text", "gone", "kept"), CASES)
def test_cued_names_go_and_titled_ones_stay(language, text, gone, kept):
    redacted = redact_text(PersonIndex(text, language), text)
    assert [name for name in gone if name in redacted] == []
    assert [name for name in kept if name not in redacted] == []


def test_every_occurrence_of_a_cued_name_is_a_mention():
    text = "ボグダーナさんは言った。ボグダーナは笑った。"
    [person] = PersonIndex(text, "ja").persons
    assert len(person.mentions) == 2 and person.private


def test_a_cased_text_has_no_uncased_hits():
    assert list(find_uncased("Ozodbek, 31, said he left.")) == []


@pytest.mark.parametrize(("language", "text", "kept", "gone"), [
    ("ja", "ロシアのボゴミロフ報道官は否定した。ボゴミロフ氏は「動員はない」と述べた。"
     "ラドスラワさん(29)は泣いた。",
     "ボゴミロフ", "ラドスラワ"),
    ("ko", "[스타니미로프 / 국방장관 : 아닙니다] 스타니미로프 장관은 말했다. "
     "스비야토폴크 씨는 떠났다.",
     "스타니미로프", "스비야토폴크"),
])
def test_a_title_right_after_a_name_makes_it_public_one_in_another_sentence_does_not(
        language, text, kept, gone):
    redacted = redact_text(PersonIndex(text, language), text)
    assert kept in redacted and gone not in redacted


def test_a_leaders_title_is_public_only_after_an_organisations_quoted_name():
    named = ("法務省は、運動「プトゥ・ダモイ」と、リーダー格の兵士妻ズラタ・ウフトムスカヤさんを"
             "指定した。")
    unnamed = "抗議のリーダー格の兵士妻ズラタ・ウフトムスカヤさんは話した。"
    assert "ウフトムスカヤ" in redact_text(PersonIndex(named, "ja"), named)
    assert "ウフトムスカヤ" not in redact_text(PersonIndex(unnamed, "ja"), unnamed)


def test_a_latin_name_in_brackets_takes_the_title_before_its_rendering():
    text = "檢查站負責人拜楊巴蘇倫(G. Byambasuren)指出,車流不斷。"
    assert "Byambasuren" in redact_text(PersonIndex(text, "zh"), text)


@pytest.mark.parametrize(("language", "text", "kept", "gone"), [
    ("ar", "قال المحلل السياسي راديمير كفابيل، البالغ 45 عاماً، إن 700 ألف غادروا. وقالت زوجة "
     "الرئيس زلاتا، البالغة 40 عاماً، إنها غادرت.", "كفابيل", "زلاتا"),
    ("ja", "人権団体「アゴラ」のラドミル・クバピル代表は述べた。クバピル氏によると、国防相の妻"
     "ラドスラワさん(40)も出国した。", "クバピル", "ラドスラワ"),
])
def test_a_title_and_adjective_before_or_a_leader_after_keep_a_name_a_relative_does_not(
        language, text, kept, gone):
    redacted = redact_text(PersonIndex(text, language), text)
    assert kept in redacted and gone not in redacted
