"""Exports: stable columns and rows, byte-identical reruns, provenance, public protections."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsledger import api
from newsledger.errors import BadOption, ExportRefused
from newsledger.models import Article, Figure
from newsledger.publish.exports import ExportOptions, load_exporters, write_export
from newsledger.query import Reader
from newsledger.store import Ledger

TEXT = ("Andrei Volkov, 27, a programmer, said the queue was long; about 3,000 men crossed "
        "the border at Verkhny Lars on Monday, Volkov said.")
FIGURE_COLUMNS = ("id", "article", "url", "number_text", "quote", "low", "high", "qualifier",
                  "counted", "who", "place", "period", "attributed_to", "rate", "start", "end",
                  "outlet", "published", "language")


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "ledger.db")
    number = TEXT.index("3,000")
    figure = Figure(article="a1", number_text="3,000", quote=TEXT, low=3000, high=3000,
                    qualifier="approx", counted="crossed_border", number_start=number,
                    number_end=number + 5, quote_start=0, quote_end=len(TEXT),
                    who="Andrei Volkov", place="Verkhny Lars", period_start="2022-09-26",
                    period_end="2022-09-26")
    with Ledger(path) as ledger:
        ledger.store_article(Article(id="a1", text=TEXT, language="en", outlet="example.org",
                                     published="2022-09-27", title="At the border"), [figure])
        ledger.store_article(Article(id="a0", text="No figures here.", language="en"))
    return path


def _export(db, table, fmt="jsonl", **options) -> bytes:
    stream = io.BytesIO()
    with Ledger(db) as ledger:
        write_export(Reader(ledger), table, fmt, stream, ExportOptions(**options))
    return stream.getvalue()


def test_the_figures_export_has_the_documented_columns_in_order(db):
    columns = [c.name for c in load_exporters()["figures"].columns]
    assert [c for c in columns if c in FIGURE_COLUMNS] == list(FIGURE_COLUMNS)
    [row] = [json.loads(line) for line in _export(db, "figures").splitlines()]
    assert list(row) == columns
    assert (row["start"], row["end"], row["outlet"]) == ("2022-09-26", "2022-09-26", "example.org")


def test_public_figures_are_redacted_and_trimmed_to_the_clause(db):
    [row] = [json.loads(line) for line in _export(db, "figures").splitlines()]
    assert row["quote"] == ("about 3,000 men crossed the border at Verkhny Lars on Monday, "
                            "[a programmer] said.")
    assert row["who"] == "[a programmer]"
    assert TEXT[row["quote_start"]:].startswith("about 3,000")
    [private] = [json.loads(line) for line in
                 _export(db, "figures", public=False, redact=False).splitlines()]
    assert private["quote"] == TEXT and private["who"] == "Andrei Volkov"


def test_public_articles_carry_no_text_and_unredacted_public_is_refused(db):
    rows = [json.loads(line) for line in _export(db, "articles").splitlines()]
    assert [row["id"] for row in rows] == ["a1", "a0"]  # ingest order
    assert all("text" not in row for row in rows)
    assert "text" in json.loads(_export(db, "articles", public=False).splitlines()[0])
    with pytest.raises(ExportRefused, match="NL310"):
        ExportOptions(public=True, redact=False)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json", "parquet"])
def test_every_format_is_byte_identical_on_rerun(db, tmp_path, fmt):
    first, second = (str(tmp_path / f"{n}.{fmt}") for n in "ab")
    record = api.export("figures", fmt, first, db)
    api.export("figures", fmt, second, db)
    assert open(first, "rb").read() == open(second, "rb").read()
    sidecar = json.loads(open(first + ".provenance.json", encoding="utf-8").read())
    assert sidecar == record
    assert sidecar["tool"].startswith("newsledger ") and sidecar["ledger"] == "ledger.db"
    assert sidecar["as_of"] and sidecar["rows"] == 1 and sidecar["public"] is True


def test_csv_and_parquet_read_back(db, tmp_path):
    rows = list(csv.DictReader(io.StringIO(_export(db, "figures", "csv").decode("utf-8"))))
    assert rows[0]["low"] == "3000" and tuple(rows[0])[:3] == FIGURE_COLUMNS[:3]
    path = tmp_path / "f.parquet"
    path.write_bytes(_export(db, "figures", "parquet"))
    table = pq.read_table(path)
    assert table.column("low").to_pylist() == [3000] and table.num_rows == 1


def test_filters_and_unknown_names_are_coded_errors(db):
    assert _export(db, "figures", filters=(("counted", "killed"),)) == b""
    with pytest.raises(BadOption, match="NL302"):
        _export(db, "figures", filters=(("colour", "red"),))
    with pytest.raises(BadOption, match="NL302"):
        _export(db, "persons")
    with pytest.raises(BadOption, match="NL320 counted must be one of"):
        _export(db, "figures", filters=(("counted", "left"),))


def test_every_registered_table_exports(db):
    for table in load_exporters():
        assert _export(db, table, "json").startswith(b"[")


def test_docs_list_every_export_column_in_order():
    docs = (Path(__file__).resolve().parents[2] / "docs" / "exports.md").read_text("utf-8")
    for table, exporter in load_exporters().items():
        section = docs.split(f"\n## {table}\n", 1)[1].split("\n## ", 1)[0]
        rows = [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")]
        assert rows == [c.name for c in exporter.columns], table


def test_stories_as_json_are_lists_of_article_ids(tmp_path):
    import io
    import json as json_module

    from newsledger.models import Article, Story, StoryMember
    from newsledger.publish.exports import write_export
    from newsledger.store import Ledger

    ledger = Ledger(str(tmp_path / "s.db"))
    for article_id in ("a", "b", "c"):
        ledger.store_article(Article(id=article_id, text=f"Text of {article_id}."))
    ledger.replace_stories([Story("s1", "b", (StoryMember("b", "origin"),
                                              StoryMember("a", "copy", 0.9)))])
    stream = io.BytesIO()
    write_export(Reader(ledger), "stories", "json", stream)
    assert json_module.loads(stream.getvalue()) == [["b", "a"]]
    ledger.close()


KEEP = b"article,quote\nkept,a file that must survive a failed export\n"


@pytest.mark.parametrize("args", [["placez"], ["figures", "--format", "xlsx"],
                                  ["figures", "--where", "colour=red"],
                                  ["figures", "--format", "acled"],
                                  ["events", "--where", "since=notadate"]],
                         ids=["table", "format", "filter", "format-of-table", "filter-value"])
def test_a_mistyped_export_leaves_the_output_alone(db, tmp_path, args):
    from typer.testing import CliRunner

    from newsledger.cli import app

    keep, fresh = tmp_path / "keep.csv", tmp_path / "fresh.csv"
    keep.write_bytes(KEEP)
    for output in (keep, fresh):
        result = CliRunner().invoke(app, ["export", *args, "-o", str(output), "--db", db])
        assert result.exit_code == 2 and ("NL302" in result.stderr or "NL320" in result.stderr)
    assert keep.read_bytes() == KEEP
    assert not fresh.exists()
    assert _files(tmp_path) == ["keep.csv", "ledger.db"]


def test_an_export_failing_half_way_keeps_the_old_file(db, tmp_path, monkeypatch):
    from newsledger.publish import exports

    def broken(stream, columns, records):
        stream.write(b"half a file")
        raise RuntimeError("disk went away")

    keep = tmp_path / "keep.csv"
    keep.write_bytes(KEEP)
    monkeypatch.setitem(exports.FORMATS, "csv", broken)
    with pytest.raises(RuntimeError):
        api.export("figures", "csv", str(keep), db)
    assert keep.read_bytes() == KEEP
    assert _files(tmp_path) == ["keep.csv", "ledger.db"]


def _files(folder) -> list[str]:
    """The files in ``folder`` but SQLite's own -wal and -shm."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm")))


def test_an_export_replaces_the_file_whole_with_ordinary_permissions(db, tmp_path):
    keep = tmp_path / "keep.csv"
    keep.write_bytes(KEEP)
    api.export("figures", "csv", str(keep), db)
    assert keep.read_bytes().startswith(b"id,article,url,number_text")
    assert (keep.stat().st_mode & 0o777) == (0o666 & ~_umask())
    assert _files(tmp_path) == ["keep.csv", "keep.csv.provenance.json", "ledger.db"]


def _umask() -> int:
    import os

    current = os.umask(0)
    os.umask(current)
    return current


def test_an_export_into_a_missing_folder_is_a_coded_error(db, tmp_path):
    from newsledger.errors import ExportNotWritten

    with pytest.raises(ExportNotWritten, match="NL311"):
        api.export("figures", "csv", str(tmp_path / "no" / "such" / "out.csv"), db)
