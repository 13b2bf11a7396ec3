"""``newsledger export`` as people use it: CSV for spreadsheets (``--excel``), GeoJSON only of
tables with places, figure rows that can be cited (id, article URL), date ranges in
``--where``, and a failed or mistyped export that leaves the output file as it was."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from newsledger.cli import app

runner = CliRunner()
REPORTS = {
    "early": ("2022-09-22", "Police detained 1,300 people in Moscow on 21 September."),
    "late": ("2022-10-05", "Some 9,000 Russians crossed into Kazakhstan on 3 October."),
}


def invoke(*args):
    return runner.invoke(app, [str(arg) for arg in args])


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    for name, (published, text) in REPORTS.items():
        (folder / f"{name}.json").write_text(json.dumps(
            {"id": name, "url": f"https://example.org/{name}", "published": published,
             "language": "en", "text": text}), encoding="utf-8")
    path = folder / "ledger.db"
    assert invoke("ingest", folder, "--db", path, "--workers", "0").exit_code == 0
    return path


def _csv(path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_excel_csv_starts_with_a_byte_order_mark(db, tmp_path):
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    assert invoke("export", "figures", "--db", db, "-o", plain).exit_code == 0
    assert invoke("export", "figures", "--db", db, "-o", excel, "--excel").exit_code == 0
    assert excel.read_bytes() == b"\xef\xbb\xbf" + plain.read_bytes()
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")
    refused = invoke("export", "figures", "--db", db, "-o", tmp_path / "x.jsonl", "-f",
                     "jsonl", "--excel")
    assert refused.exit_code == 2 and "NL302" in refused.stderr
    assert not (tmp_path / "x.jsonl").exists()


@pytest.mark.parametrize("table", ["articles", "stories", "claims", "conflicts"])
def test_geojson_only_for_tables_with_places(db, tmp_path, table):
    output = tmp_path / f"{table}.geojson"
    result = invoke("export", table, "--db", db, "-f", "geojson", "-o", output)
    assert result.exit_code == 2 and "NL302" in result.stderr and "figures" in result.stderr
    assert not output.exists()


def test_figures_and_events_export_as_geojson(db, tmp_path):
    for table in ("figures", "events"):
        output = tmp_path / f"{table}.geojson"
        assert invoke("export", table, "--db", db, "-f", "geojson", "-o", output).exit_code == 0
        assert json.loads(output.read_text())["features"]


def test_figure_rows_carry_their_id_and_the_article_url(db, tmp_path):
    output = tmp_path / "figures.csv"
    assert invoke("export", "figures", "--db", db, "-o", output).exit_code == 0
    rows = _csv(output)
    listed = {str(row["id"]) for row in json.loads(invoke("figures", "--db", db, "--json").stdout)}
    assert rows and {row["id"] for row in rows} == listed
    assert {row["url"] for row in rows} == {f"https://example.org/{row['article']}"
                                            for row in rows}


def test_where_takes_a_date_range(db, tmp_path):
    def articles(*where) -> set[str]:
        output = tmp_path / "range.csv"
        result = invoke("export", "figures", "--db", db, "-o", output,
                        *[arg for pair in where for arg in ("--where", pair)])
        assert result.exit_code == 0, result.stderr
        return {row["article"] for row in _csv(output)}

    assert articles("date=2022-09-01..2022-09-30") == {"early"}
    assert articles("date=2022-10-01..") == {"late"}
    assert articles("date=..2022-10-31", "counted=crossed_border") == {"late"}
    output = tmp_path / "events.csv"
    assert invoke("export", "events", "--db", db, "-o", output, "--where",
                  "date=2022-10..2022-10").exit_code == 0
    assert {row["article"] for row in _csv(output)} == {"late"}


@pytest.mark.parametrize("args, code", [
    (("figures", "--where", "date=2022-09-01"), "NL302"),
    (("figures", "--where", "date=2022-10-01..2022-09-01"), "NL320"),
    (("figures", "--where", "date=last-week.."), "NL320"),
    (("claims", "--where", "date=2022-09-01..2022-09-30"), "NL302"),
    (("figures", "--format", "xlsx"), "NL302"),
    (("persons",), "NL302"),
    (("figures", "--where", "counted=left"), "NL320"),
], ids=lambda v: " ".join(v) if isinstance(v, tuple) else v)
def test_a_failed_export_leaves_the_output_as_it_was(db, tmp_path, args, code):
    kept, fresh = tmp_path / "kept.csv", tmp_path / "fresh.csv"
    kept.write_text("an earlier export\n")
    for output in (kept, fresh):
        result = invoke("export", args[0], "--db", db, "-o", output, *args[1:])
        assert result.exit_code == 2 and code in result.stderr, result.stderr
    assert kept.read_text() == "an earlier export\n" and not fresh.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.csv"]
