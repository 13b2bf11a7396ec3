"""Place choices across a list of places and across sentences."""

from newsledger.base.places import resolve_place
from newsledger.extract.event_places import most_specific, scene_of
from newsledger.models import Event


def _names(places):
    return [place.name for place in places]


def test_most_specific_drops_the_country_the_setting_region_and_a_broad_area():
    kansk, krai, russia, siberia, omsk = (resolve_place(name) for name in (
        "Kansk", "Krasnoyarsk Krai", "Russia", "Siberia", "Omsk"))
    assert _names(most_specific([kansk, krai, russia])) == ["Kansk"]
    assert _names(most_specific([siberia, omsk])) == ["Omsk"]
    assert _names(most_specific([siberia])) == ["Siberia"]


def test_scene_of_is_the_one_place_below_country_level():
    omsk, russia = resolve_place("Omsk"), resolve_place("Russia")

    def event(place):
        return Event(article="a", type="protest", quote="q", quote_start=0, quote_end=1,
                     place=place.name, place_id=place.id)

    assert scene_of((0, 10), [event(omsk)]) == (10, omsk)
    assert scene_of((0, 10), [event(russia)]) is None
