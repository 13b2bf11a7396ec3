"""The public edition as one SQLite file: no private names, no article text, no source path."""

from __future__ import annotations

import sqlite3

import pytest

from newsledger import api
from newsledger.errors import ExportNotWritten, ExportRefused
from newsledger.models import Article, Event, Figure
from newsledger.store import Ledger

# Written for this test; the names are invented.
TEXT = ("Ozodbek Nurmatov, 31, a welder from Samara, said about 2,000 men crossed the border on "
        "Monday; Nurmatov waited nine hours with his wife Dilfuza. Regional governor Radiy "
        "Khabirov said 3,000 men had been called up in the region.")
PRIVATE = ("Ozodbek", "Nurmatov", "Dilfuza")
SECRET_PATH = "/home/monitor/inbox/tip-from-source.json"


@pytest.fixture
def ledger_path(tmp_path) -> str:
    path = str(tmp_path / "ledger.db")
    number = TEXT.index("2,000")
    quote_end = TEXT.index(";")
    with Ledger(path, mode="create") as ledger:
        ledger.store_article(
            Article(id="a1", text=TEXT, language="en", title="Ozodbek Nurmatov reached the border",
                    outlet="example.org", published="2022-09-27", source_path=SECRET_PATH),
            [Figure(article="a1", number_text="2,000", quote=TEXT[:quote_end], low=2000,
                    high=2000, qualifier="approx", counted="crossed_border",
                    number_start=number, number_end=number + 5, quote_start=0,
                    quote_end=quote_end, who="men like Nurmatov", attributed_to="Nurmatov")],
            [Event(article="a1", type="border_crossing", quote=TEXT[:quote_end], quote_start=0,
                   quote_end=quote_end, actors=("Ozodbek Nurmatov", "border guards"))])
    return path


def _dump(path: str) -> tuple[str, dict[str, list[str]]]:
    connection = sqlite3.connect(path)
    tables = [name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")]
    columns = {t: [row[1] for row in connection.execute(f'PRAGMA table_info("{t}")')]
               for t in tables}
    dump = "\n".join(connection.iterdump())
    connection.close()
    return dump, columns


def test_the_public_file_names_no_private_person_and_holds_no_text(ledger_path, tmp_path):
    output = str(tmp_path / "public.db")
    rows = api.export_public_sqlite(output, ledger_path)
    assert rows["figures"] == 1 and rows["events"] == 1 and rows["articles"] == 1
    dump, columns = _dump(output)
    assert [form for form in PRIVATE if form in dump] == []
    assert "Radiy Khabirov" not in dump  # outside every record's quote: no full text
    assert "governor" not in dump and SECRET_PATH not in dump
    assert not any({"text", "source_path"} & set(names) for names in columns.values())
    assert "about 2,000 men crossed the border" in dump
    raw = (tmp_path / "public.db").read_bytes()
    assert not [form for form in PRIVATE if form.encode() in raw]


def test_an_existing_output_is_kept_unless_forced(ledger_path, tmp_path):
    output = tmp_path / "public.db"
    output.write_bytes(b"someone else's file")
    with pytest.raises(ExportRefused):
        api.export_public_sqlite(str(output), ledger_path)
    assert output.read_bytes() == b"someone else's file"
    api.export_public_sqlite(str(output), ledger_path, force=True)
    assert _dump(str(output))[1]["figures"]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_failed_export_creates_nothing(ledger_path, tmp_path):
    output = tmp_path / "no-such-folder" / "public.db"
    with pytest.raises(ExportNotWritten):
        api.export_public_sqlite(str(output), ledger_path)
    assert not output.parent.exists()


def test_the_metadata_of_the_public_file_describes_only_its_columns(ledger_path, tmp_path):
    import json

    output = str(tmp_path / "public.db")
    api.export_public_sqlite(output, ledger_path)
    metadata = json.loads((tmp_path / "public.db.metadata.json").read_text(encoding="utf-8"))
    tables = metadata["databases"]["public"]["tables"]
    _, columns = _dump(output)
    for table, record in tables.items():
        assert set(record.get("columns", {})) <= set(columns[table]), table
    assert "text" not in tables["articles"]["columns"]
    assert "fts_table" not in tables["articles"]


def test_the_command_writes_the_public_file_and_refuses_a_private_one(ledger_path, tmp_path):
    from typer.testing import CliRunner

    from newsledger.cli import app

    output = tmp_path / "public.db"
    runner = CliRunner()
    private = runner.invoke(app, ["export", "sqlite", "--private", "-o", str(output),
                                  "--db", ledger_path])
    assert private.exit_code != 0 and not output.exists()
    written = runner.invoke(app, ["export", "sqlite", "--public", "-o", str(output),
                                  "--db", ledger_path])
    assert written.exit_code == 0, written.output
    again = runner.invoke(app, ["export", "sqlite", "-o", str(output), "--db", ledger_path])
    assert again.exit_code != 0 and "NL310" in again.output
    metadata = runner.invoke(app, ["export", "datasette", "--db", ledger_path])
    assert metadata.exit_code == 0 and '"text"' not in metadata.output
