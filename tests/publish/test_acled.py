"""ACLED columns, GeoJSON points and the SVG map."""

import csv
import io
import json

from newsledger.base.places import resolve_place
from newsledger.publish.acled import ACLED_COLUMNS, acled_record, write_acled
from newsledger.publish.geojson import write_geojson

MOSCOW = resolve_place("Moscow")
ROW = {"article": "a", "type": "casualty_report", "quote": "at least 4,000 soldiers killed",
       "date": "2022-11", "date_precision": "month", "place": "Moscow", "country": "Russia",
       "actors": ["Mediazona", "BBC Russian Service"], "figure": "at least 4,000",
       "place_id": MOSCOW.id, "event_id": "event-1", "quote_start": 3, "quote_end": 30,
       "outlet": "example.org", "published": "2022-11-02"}


def test_acled_record_maps_columns_and_fatalities():
    record = acled_record(ROW)
    assert record["event_type"] == "Battles" and record["time_precision"] == 3
    assert record["fatalities"] == 4000 and record["actor1"] == "Mediazona"
    assert record["latitude"] == MOSCOW.latitude and record["geo_precision"] == 1
    assert record["nl_quote"] == ROW["quote"]


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
