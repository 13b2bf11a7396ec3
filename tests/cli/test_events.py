"""Events end to end through the CLI: ingest written reports, then `events`, `places` and the
event and figure exports (CSV, JSON Lines with the merged event id, ACLED, GeoJSON)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from newsledger.cli import app

runner = CliRunner()
GOLD_FIELDS = {"article", "type", "quote", "date", "date_precision", "place", "country",
               "actors", "figure"}
REPORTS = {
    "first": ("2022-09-25", "Protests in Omsk. Hundreds protested in Omsk on Saturday, and police "
                            "detained 57 people in Omsk. Some 9,000 Russians crossed into "
                            "Kazakhstan last week."),
    "second": ("2022-09-27", "More than 10,000 Russians arrived in Kazakhstan last week. Police "
                             "detained 57 people in Omsk on 24 September."),
}


def _run(*args):
    result = runner.invoke(app, [str(arg) for arg in args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    for name, (published, text) in REPORTS.items():
        record = {"id": name, "url": f"https://example.org/{name}", "published": published,
                  "language": "en", "title": None, "text": text}
        (folder / f"{name}.json").write_text(json.dumps(record), encoding="utf-8")
    path = folder / "ledger.db"
    _run("ingest", folder, "--db", path)
    return path


def test_events_filters_by_type_place_and_dates(db):
    rows = json.loads(_run("events", "--db", db, "--type", "detention", "--json"))
    assert rows and {row["type"] for row in rows} == {"detention"}
    assert {row["place"] for row in rows} == {"Omsk"}
    kazakhstan = json.loads(_run("events", "--db", db, "--place", "Казахстан", "--json"))
    assert kazakhstan and {row["place"] for row in kazakhstan} == {"Kazakhstan"}
    inside = json.loads(_run("events", "--db", db, "--place", "Russia", "--json"))
    assert "Omsk" in {row["place"] for row in inside}
    assert not json.loads(_run("events", "--db", db, "--since", "2023", "--json"))
    assert json.loads(_run("events", "--db", db, "--until", "2022-09-24", "--json"))


def test_places_count_mentions(db):
    rows = {row["place"]: row for row in json.loads(_run("places", "--db", db, "--json"))}
    assert rows["Omsk"]["events"] >= 2 and rows["Omsk"]["latitude"] is not None


def test_jsonl_lines_carry_the_gold_fields_and_the_merged_event(db, tmp_path):
    out = tmp_path / "events.jsonl"
    _run("export", "events", "--format", "jsonl", "--db", db, "-o", out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines and all(GOLD_FIELDS | {"event_id"} <= set(line) for line in lines)
    detentions = {line["event_id"] for line in lines
                  if line["type"] == "detention" and line["figure"] == "57"}
    assert len(detentions) == 1  # one arrest count told by two reports is one event


@pytest.mark.parametrize("fmt, column", [("csv", "event_id"), ("acled", "event_date")])
def test_csv_and_acled_tables(db, tmp_path, fmt, column):
    out = tmp_path / f"events.{fmt}"
    _run("export", "events", "--format", fmt, "--db", db, "-o", out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and column in rows[0]
    if fmt == "acled":
        assert {"Protests"} <= {row["event_type"] for row in rows}
        assert all(row["latitude"] for row in rows if row["location"] == "Omsk")


@pytest.mark.parametrize("table", ["events", "figures"])
def test_geojson_points_leave_out_unresolved_places(db, tmp_path, table):
    out = tmp_path / f"{table}.geojson"
    _run("export", table, "--format", "geojson", "--db", db, "-o", out)
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and collection["features"]
    assert isinstance(collection["unresolved"], int)
    for feature in collection["features"]:
        longitude, latitude = feature["geometry"]["coordinates"]
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90
        assert feature["properties"]["article"] in {"first", "second"}
