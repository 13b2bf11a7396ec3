"""The place filter: a gazetteer id or name in any language, places inside it included."""

from __future__ import annotations

from newsledger.base.places import gazetteer
from newsledger.query.places import place_ids


def _id(name: str) -> str:
    return gazetteer().by_name(name)[0].id


def test_a_name_in_any_language_and_the_id_are_one_place():
    kazakhstan = place_ids("Kazakhstan")
    assert _id("Kazakhstan") in kazakhstan
    assert place_ids("Казахстан") == kazakhstan == place_ids(_id("Kazakhstan"))
    assert place_ids("kazakhstan") == kazakhstan


def test_a_country_holds_its_regions_and_cities_and_a_region_its_cities():
    russia = place_ids("Russia")
    assert {_id("Omsk"), _id("Moscow"), _id("Omsk Oblast")} <= russia
    assert _id("Kazakhstan") not in russia and _id("Almaty") not in russia
    assert _id("Omsk") in place_ids("Omsk Oblast")
    assert _id("Moscow") not in place_ids("Omsk Oblast")
    assert place_ids("Omsk") == {_id("Omsk")}


def test_an_unknown_name_denotes_no_gazetteer_place():
    assert place_ids("Nowhere-on-Sea") == frozenset()


def test_a_searched_place_name_brings_the_places_other_names():
    from newsledger.query.places import search_terms

    kazakhstan, border = search_terms("Kazakhstan border")
    assert kazakhstan[0] == "Kazakhstan" and border == ("border",)
    assert {"казахстан", "қазақстан", "kasachstan"} <= set(kazakhstan)
    assert "казахстане" not in kazakhstan  # a prefix already finds its case forms
    assert set(search_terms("Казахстан")[0]) >= {"kazakhstan", "қазақстан"}
    assert search_terms("said people") == (("said",), ("people",))
    moscow = search_terms("Moscow")[0]
    assert "москва" in moscow and "российская столица" not in moscow  # common words stay out


def test_a_searched_run_of_words_naming_a_place_is_one_term():
    from newsledger.query.places import search_terms

    lars, queues = search_terms("Verkhny Lars queues")
    assert lars[0] == "Verkhny Lars" and queues == ("queues",)
    assert {"upper lars", "верхний ларс"} <= set(lars)
