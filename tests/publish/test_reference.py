"""Reference figures: a CSV of official statements loaded row by row (bad rows one coded line
each), re-imported without change, upgraded into old ledgers, and compared with the ledger's
figures as conflicts of kind "reference"."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from newsledger import api
from newsledger.base.places import resolve_place
from newsledger.cli import app
from newsledger.errors import BadReferenceFile
from newsledger.ingest.reference import read_reference_csv
from newsledger.reconcile.conflicts import reference_conflicts
from newsledger.store import Ledger
from newsledger.store.schema import SCHEMA_VERSION

HEADER = "source,as_of,since,counted,place,value,low,high,url,note\n"
GOOD = [
    "Border Service,2022-09-27,2022-09-21,entered_country,Kazakhstan,98000,,,"
    "https://example.org/a,arrivals since the decree\n",
    "Border Service,2022-10-04,2022-09-21,entered_country,Казахстан,,200000,,"
    "https://example.org/b,\n",
    "Defence Ministry,2022-10-04,,mobilized,Russia,,150000,250000,https://example.org/c,\n",
]
BAD = {
    "Border Service,2022-13-01,,entered_country,Kazakhstan,5,,,https://example.org/d,\n":
        "as_of '2022-13-01' is no YYYY-MM-DD day",
    "Border Service,2022-09-27,,entered,Kazakhstan,5,,,https://example.org/e,\n":
        "counted 'entered' is no codebook category",
    "Border Service,2022-09-27,,entered_country,Kazakhstan,,,,https://example.org/f,\n":
        "no value, low or high",
    "Border Service,2022-09-28,,entered_country,Kazakhstan,5,1,,https://example.org/g,\n":
        "give value or low/high, not both",
    "Border Service,2022-09-29,,entered_country,Kazakhstan,,9,3,https://example.org/h,\n":
        "low 9 is above high 3",
    "Border Service,2022-09-30,,entered_country,Kazakhstan,about 5,,,https://example.org/i,\n":
        "value 'about 5' is no whole number",
    "Border Service,2022-09-30,,entered_country,Kazakhstan,5,,,example.org/j,\n":
        "is no http(s) URL",
    "Border Service,2022-09-30,2022-10-01,entered_country,Kazakhstan,5,,,https://x.org/k,\n":
        "since 2022-10-01 is after as_of 2022-09-30",
    "Border Service,2022-09-30,,entered_country,Kazakhstan,5,,,https://x.org/l,note,extra\n":
        "11 cells for 10 columns",
    GOOD[0].replace("98000", "97000"): "repeats line 2",
}


def write(path, lines) -> str:
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return str(path)


def test_bad_rows_are_one_coded_line_each_and_good_rows_load(tmp_path):
    path = write(tmp_path / "official.csv", GOOD + list(BAD))
    loaded = read_reference_csv(path)
    assert [row["line"] for row in loaded.rows] == [2, 3, 4]
    assert len(loaded.errors) == len(BAD)
    for line, (error, problem) in enumerate(zip(loaded.errors, BAD.values(), strict=True), 5):
        assert str(error).startswith(f"{path}:{line}: NL341 ") and problem in str(error)


def test_rows_become_intervals_with_gazetteer_places(tmp_path):
    rows = read_reference_csv(write(tmp_path / "official.csv", GOOD)).rows
    assert [(row["low"], row["high"], row["qualifier"]) for row in rows] == [
        (98000, 98000, "exact"), (200000, None, "at_least"), (150000, 250000, "range")]
    assert rows[0]["place_id"] == rows[1]["place_id"] == resolve_place("Kazakhstan").id
    assert rows[2]["since"] is None and rows[0]["since"] == "2022-09-21"


def test_a_file_without_the_columns_or_not_there_is_refused(tmp_path):
    (tmp_path / "no-url.csv").write_text("source,as_of,counted,place,value\n", encoding="utf-8")
    with pytest.raises(BadReferenceFile, match="NL342 has no column url"):
        read_reference_csv(tmp_path / "no-url.csv")
    with pytest.raises(BadReferenceFile, match="no such file"):
        read_reference_csv(tmp_path / "missing.csv")
    bom = tmp_path / "bom.csv"
    bom.write_text("\ufeff" + HEADER + GOOD[0], encoding="utf-8")
    assert len(read_reference_csv(bom).rows) == 1


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "ledger.db")
    Ledger(path).close()
    return path


def test_reimport_changes_nothing_and_an_edited_file_replaces_its_rows(tmp_path, db):
    path = write(tmp_path / "official.csv", GOOD)
    first = api.import_reference(path, db)
    assert (first["new"], first["rows"], first["errors"]) == (3, 3, [])
    again = api.import_reference(path, db)
    assert (again["new"], again["updated"], again["unchanged"], again["removed"]) == (0, 0, 3, 0)
    assert len(api.references(db)) == 3
    write(tmp_path / "official.csv", [GOOD[0].replace("98000", "99000"), GOOD[1]])
    edited = api.import_reference(path, db)
    assert (edited["updated"], edited["unchanged"], edited["removed"]) == (1, 1, 1)
    assert {row["low"] for row in api.references(db, counted="entered_country")} == {
        99000, 200000}


def test_an_older_ledger_gains_the_table(db):
    with Ledger(db) as ledger, ledger.engine.begin() as connection:
        connection.execute(text("DROP TABLE reference_figures"))
        connection.execute(text("UPDATE meta SET value = '4' WHERE key = 'schema_version'"))
    assert api.references(db) == []
    with Ledger(db, mode="read") as ledger, ledger.engine.connect() as connection:
        version = connection.execute(text("SELECT value FROM meta WHERE key = "
                                          "'schema_version'")).scalar()
    assert int(version) == SCHEMA_VERSION


def test_cli_reports_bad_rows_and_exits_1(tmp_path, db):
    path = write(tmp_path / "official.csv", GOOD + list(BAD)[:1])
    result = CliRunner().invoke(app, ["reference", "import", path, "--db", db])
    assert result.exit_code == 1
    assert f"{path}:5: NL341 as_of" in result.output
    assert "3 rows loaded (3 new" in result.output
    missing = CliRunner().invoke(app, ["reference", "import", str(tmp_path / "x.csv"),
                                       "--db", db])
    assert missing.exit_code == 2 and "NL342" in missing.output


KAZAKHSTAN = resolve_place("Kazakhstan").id
OFFICIAL = {"id": "ref-1", "source": "Border Service", "as_of": "2022-09-27",
            "since": "2022-09-21", "counted": "entered_country", "place": "Kazakhstan",
            "place_id": KAZAKHSTAN, "low": 98000, "high": 98000, "qualifier": "exact",
            "url": "https://example.org/a", "note": None}


def reported(value: int, article: str = "a", **fields) -> dict:
    row = {"id": 1, "article": article, "number_text": f"{value:,}",
           "quote": f"{value:,} Russians entered Kazakhstan", "low": value, "high": value,
           "qualifier": "exact", "counted": "entered_country", "who": None,
           "place": "Kazakhstan", "place_id": KAZAKHSTAN, "rate": None, "number_start": 0,
           "period_start": "2022-09-21", "period_end": "2022-09-27", "outlet": "news.example",
           "published": "2022-09-28", "language": "en",
           "sentence": f"Since September 21, {value:,} Russians entered Kazakhstan."}
    return {**row, **fields}


def test_a_figure_far_from_the_official_one_for_the_same_days_conflicts():
    found = list(reference_conflicts([reported(40000)], [OFFICIAL], {}))
    assert len(found) == 1 and found[0].kind == "reference"
    why = found[0].why
    assert "Border Service" in why and "https://example.org/a" in why and "40,000" in why
    assert found[0].reference["id"] == "ref-1" and found[0].figure == 1


@pytest.mark.parametrize("figure", [
    reported(90000),  # within rounding
    reported(40000, period_start="2022-09-26", period_end="2022-09-26"),  # another period
    reported(40000, period_start=None, period_end=None),  # no stated period
    reported(40000, rate="per_day"),
    reported(40000, who="men"),
    reported(40000, counted="left_country"),
])
def test_no_conflict_without_the_same_quantity_days_and_a_real_gap(figure):
    assert not list(reference_conflicts([figure], [OFFICIAL], {}))


def test_copies_of_one_story_conflict_once():
    figures = [reported(40000, "a"), reported(40000, "b")]
    assert len(list(reference_conflicts(figures, [OFFICIAL], {"a": "s", "b": "s"}))) == 1
    assert len(list(reference_conflicts(figures, [OFFICIAL], {}))) == 2
