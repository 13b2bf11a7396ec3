"""ACLED columns and GeoJSON points."""

import csv
import io
import json
from types import SimpleNamespace

import pytest

from newsledger.base.places import resolve_place
from newsledger.publish import acled
from newsledger.publish.acled import (
    ACLED_COLUMNS,
    AcledConfig,
    acled_record,
    event_date,
    tally_rules,
    write_acled,
)
from newsledger.publish.geojson import write_geojson

MOSCOW = resolve_place("Moscow")
ROW = {"article": "a", "type": "casualty_report", "quote": "at least 4,000 soldiers killed",
       "date": "2022-11", "date_precision": "month", "place": "Moscow", "country": "Russia",
       "actors": ["Mediazona", "BBC Russian Service"], "figure": "at least 4,000",
       "place_id": MOSCOW.id, "event_id": "event-1", "quote_start": 3, "quote_end": 30,
       "outlet": "example.org", "published": "2022-11-02"}


def test_acled_record_maps_columns():
    record = acled_record(ROW)
    assert record["event_date"] == "2022-11-15" and record["time_precision"] == 3
    assert record["nl_date"] == "2022-11" and record["actor1"] == "Mediazona"
    assert record["latitude"] == MOSCOW.latitude and record["geo_precision"] == 1
    assert record["nl_quote"] == ROW["quote"]


DEATHS = {**ROW, "quote": "a strike on the barracks killed at least 29 soldiers on Sunday",
          "figure": "at least 29", "date": "2022-10-16", "date_precision": "day"}


def test_deaths_in_one_dated_event_are_its_fatalities():
    record = acled_record(DEATHS)
    assert record["event_type"] == "Battles" and record["fatalities"] == 29
    assert record["event_date"] == "2022-10-16" and record["time_precision"] == 1
    assert record["nl_tally"] is None


@pytest.mark.parametrize("quote, figure, deaths", [
    ("при обстреле полигона погибли 7 мобилизованных", "7", 7),
    ("five mobilized men were killed when the shell hit the school", "five", 5),
])
def test_who_died_does_not_make_a_single_event_a_toll(quote, figure, deaths):
    record = acled_record({**DEATHS, "quote": quote, "figure": figure})
    assert record["fatalities"] == deaths and record["event_type"] == "Battles"


@pytest.mark.parametrize("changes, reason", [
    ({"figure": "122,883", "quote": "122,883 soldiers have died since the invasion began",
      "date": None, "date_precision": None}, "more than 1,000"),
    ({"figure": "over a million", "quote": "over a million killed and wounded",
      "date": "2023", "date_precision": "year"}, "more than 1,000"),
    ({"figure": "6,073", "quote": "a count of 6,073 convicted", "date": "2022-11",
      "date_precision": "month"}, "more than 1,000"),
    ({"figure": "29", "quote": "29 soldiers from the district died", "date": "2022-11",
      "date_precision": "month"}, "not dated to one day"),
    ({"figure": "thousands", "quote": "thousands were killed on Sunday"}, "vague magnitude"),
    ({"figure": "45,123", "quote": "on Sunday the count reached 45,123 dead"}, "more than 1,000"),
    ({"figure": None, "quote": "soldiers killed in Ukraine"}, "no count"),
    ({"figure": "40", "quote": "40 soldiers killed and wounded on Sunday"}, "wounded too"),
    ({"figure": "212", "quote": "212 men of the region were killed since the start of the war"},
     "cumulative toll (\"since the start of the war\")"),
    ({"figure": "87", "quote": "в общей сложности погибли 87 мобилизованных"},
     "cumulative toll (\"в общей сложности\")"),
    ({"figure": "64", "quote": "64 men convicted of desertion after the deaths"},
     "counts people convicted"),
    ({"figure": "17", "quote": "17 from the town"}, "does not state deaths"),
])
def test_a_toll_is_no_battle_and_never_fatalities(changes, reason):
    record = acled_record({**DEATHS, **changes})
    assert record["fatalities"] is None and reason in record["nl_tally"]
    assert (record["event_type"], record["sub_event_type"]) == ("Strategic developments", "Other")
    assert record["nl_figure"] == changes["figure"]


def test_event_date_is_a_full_day_or_empty():
    assert event_date({"date": "2022-09-24", "date_precision": "day"}) == ("2022-09-24", 1)
    assert event_date({"date": "2022-09", "date_precision": "month"}) == ("2022-09-15", 3)
    assert event_date({"date": None, "date_precision": None}) == (None, None)


def test_a_year_only_date_is_the_middle_of_the_year_at_precision_3():
    assert event_date({"date": "2022", "date_precision": "year"}) == ("2022-07-01", 3)
    record = acled_record({**ROW, "type": "protest", "date": "2022", "date_precision": "year"})
    assert (record["event_date"], record["time_precision"]) == ("2022-07-01", 3)
    assert record["nl_date"] == "2022"


def test_the_bound_of_one_event_is_the_tables_unless_configured():
    assert tally_rules().max_event_deaths == 1000
    record = acled_record({**DEATHS, "figure": "1,200", "quote": "1,200 killed on Sunday"},
                          AcledConfig(max_event_deaths=2000))
    assert record["fatalities"] == 1200 and record["nl_tally"] is None


def test_acled_csv_has_the_acled_header_first():
    stream = io.BytesIO()
    assert write_acled(stream, (), [ROW, {**ROW, "type": "protest", "place_id": None}]) == 2
    rows = list(csv.reader(io.StringIO(stream.getvalue().decode())))
    assert tuple(rows[0][:len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert rows[2][ACLED_COLUMNS.index("fatalities")] == ""


def test_geojson_leaves_out_and_counts_unresolved():
    stream = io.BytesIO()
    assert write_geojson(stream, (), [ROW, {**ROW, "place_id": None}]) == 1
    collection = json.loads(stream.getvalue())
    assert collection["unresolved"] == 1
    assert collection["features"][0]["geometry"]["coordinates"] == [MOSCOW.longitude,
                                                                   MOSCOW.latitude]


def test_geo_precision_follows_place_precision_and_admin1_is_the_citys_region():
    kansk, krai, russia = (resolve_place(name) for name in ("Kansk", "Krasnoyarsk Krai", "Russia"))
    city = acled_record({**ROW, "place": "Kansk", "place_id": kansk.id})
    assert city["geo_precision"] == 1 and city["admin1"] == "Krasnoyarsk Krai"
    region = acled_record({**ROW, "place": krai.name, "place_id": krai.id})
    assert region["geo_precision"] == 3 and region["admin1"] == "Krasnoyarsk Krai"
    country = acled_record({**ROW, "place": "Russia", "place_id": russia.id})
    assert country["geo_precision"] == 3 and country["admin1"] is None


def test_a_codebook_without_a_toll_table_uses_the_shipped_one(monkeypatch, tmp_path):
    shipped = tally_rules()
    monkeypatch.setattr(acled, "codebook", lambda: SimpleNamespace(folder=tmp_path))
    tally_rules.cache_clear()
    try:
        assert tally_rules() == shipped
    finally:
        tally_rules.cache_clear()
