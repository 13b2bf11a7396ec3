"""Opening a ledger: reading never creates one, bad databases are one coded line, and read
commands open the store read-only (a ledger on read-only media can be read)."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.models import Article
from newsledger.store import Ledger

runner = CliRunner()
READ_COMMANDS = (["stats"], ["summary"], ["articles"], ["figures"], ["stories"], ["claims"],
                 ["conflicts"], ["events"], ["places"], ["show", "a1"],
                 ["export", "figures", "-o", "out.csv"])


def invoke(*args: str):
    return runner.invoke(app, [str(arg) for arg in args])


def coded_line(result, code: str) -> str:
    """The one line a failed command printed; it carries ``code``."""
    assert result.exit_code != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and code in lines[0], result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def sqlite_path(url: str) -> Path | None:
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:") else None


def tables_of(url: str) -> list[str]:
    engine = create_engine("postgresql+psycopg://" + url.split("://", 1)[1])
    try:
        return inspect(engine).get_table_names()
    finally:
        engine.dispose()


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_read_commands_refuse_a_missing_ledger_and_create_nothing(
        command, ledger_url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke(*command, "--db", ledger_url)
    path = sqlite_path(ledger_url)
    if path is not None:
        assert str(path) in coded_line(result, "NL204")
        assert not path.exists()
    else:  # a PostgreSQL schema without tables holds no ledger
        coded_line(result, "NL205")
        assert tables_of(ledger_url) == []
    assert not (tmp_path / "out.csv").exists()


def test_migrate_refuses_a_missing_source(ledger_url, tmp_path):
    missing = tmp_path / "missing.db"
    result = invoke("migrate", "--from", missing, "--to", ledger_url)
    coded_line(result, "NL204")
    assert not missing.exists()
    if sqlite_path(ledger_url) is not None:
        assert not sqlite_path(ledger_url).exists()


def test_analyze_refuses_a_missing_ledger_and_ingest_creates_one(tmp_path):
    db = tmp_path / "new.db"
    coded_line(invoke("analyze", "--db", db), "NL204")
    assert not db.exists()
    (tmp_path / "one.txt").write_text("Border\n\nSome 500 people crossed on Monday.\n")
    assert invoke("ingest", tmp_path / "one.txt", "--db", db).exit_code == 0
    result = invoke("stats", "--db", db)
    assert result.exit_code == 0 and result.stdout.startswith("1 articles")


def test_a_file_that_is_not_sqlite_is_one_coded_line(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("not a database, just some notes that are long enough to be a header\n")
    before = text.read_bytes()
    for command in (["stats"], ["ingest", str(text)]):
        assert "not a SQLite database" in coded_line(invoke(*command, "--db", text), "NL205")
    assert text.read_bytes() == before


def test_an_empty_sqlite_file_holds_no_ledger(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    coded_line(invoke("stats", "--db", empty), "NL205")
    assert empty.read_bytes() == b""


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("command", [["stats"], ["ingest", "nothing.txt"]], ids=lambda c: c[0])
def test_postgres_on_a_wrong_port_or_missing_database_is_one_coded_line(
        command, postgres_available):
    if not postgres_available:
        pytest.skip("PostgreSQL is not reachable")
    for url in (f"postgresql://postgres:secret@127.0.0.1:{_closed_port()}/test",
                "postgresql://postgres:secret@127.0.0.1:5432/no_such_database_here"):
        line = coded_line(invoke(*command, "--db", url), "NL206")
        assert "secret" not in line and "127.0.0.1" in line


def test_a_read_only_ledger_refuses_writes(ledger_url):
    Ledger(ledger_url).close()
    with Ledger(ledger_url, mode="read") as ledger:
        assert ledger.count("articles") == 0
        with pytest.raises(DBAPIError):
            ledger.store_article(Article(id="a", text="Some 300 people left."))
    with Ledger(ledger_url) as ledger:
        assert ledger.count("articles") == 0


def test_read_commands_set_no_wal_pragma(tmp_path):
    db = tmp_path / "ledger.db"
    with Ledger(str(db)) as ledger:
        ledger.store_article(Article(id="a1", text="Some 300 people left."))
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")
    before = db.read_bytes()
    for command in READ_COMMANDS[:-1]:
        assert invoke(*command, "--db", db).exit_code == 0, command
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.db"]


READ_ON_RO_MEDIA = """
set -e
media="$1" python="$2"
mount --bind "$media" "$media"
mount -o remount,bind,ro "$media"
touch "$media/probe" 2>/dev/null && { echo "still writable"; exit 3; }
cli() { "$python" -c "from newsledger.cli import main; main()" "$@"; }
cli stats --db "$media/ledger.db"
cli export articles --db "$media/ledger.db" -f jsonl
! cli ingest --db "$media/ledger.db" "$media/ledger.db" 2>"$media/../ingest.err"
"""


def test_a_ledger_on_read_only_media_can_be_read(tmp_path):
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        pytest.skip("needs unshare and mount")
    media = tmp_path / "media"
    media.mkdir()
    with Ledger(str(media / "ledger.db")) as ledger:
        ledger.store_article(Article(id="a1", text="Some 300 people left.", language="en"))
    try:
        done = subprocess.run(["unshare", "-m", "sh", "-c", READ_ON_RO_MEDIA, "sh", str(media),
                               sys.executable], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError) as error:
        pytest.skip(f"cannot make read-only media here: {error}")
    if "mount:" in done.stderr or "unshare:" in done.stderr or done.returncode == 3:
        pytest.skip(f"cannot make read-only media here: {done.stderr.strip()[:200]}")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("1 articles")
    assert '"id": "a1"' in done.stdout
    assert "NL207" in (tmp_path / "ingest.err").read_text()


def test_reading_a_wal_ledger_leaves_nothing_beside_it(tmp_path):
    db = tmp_path / "ledger.db"
    with Ledger(str(db)) as ledger:
        ledger.store_article(Article(id="a1", text="Some 300 people left.", language="en"))
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()
    before = db.read_bytes()
    for command in READ_COMMANDS[:-1]:
        assert invoke(*command, "--db", db).exit_code == 0, command
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.db"]
    assert db.read_bytes() == before


READ_UNWRITABLE = """
set -e
folder="$1" python="$2" file_mode="$3" folder_mode="$4"
cli() { "$python" -c "from newsledger.cli import main; main()" "$@"; }
chmod "$file_mode" "$folder/ledger.db"
chmod "$folder_mode" "$folder"
[ -w "$folder" ] && [ -w "$folder/ledger.db" ] && { echo "still writable"; exit 3; }
cli stats --db "$folder/ledger.db"
cli figures --db "$folder/ledger.db" --json
ls -a "$folder"
"""


@pytest.mark.parametrize("file_mode, folder_mode", [("444", "555"), ("644", "555"),
                                                    ("444", "755")])
def test_a_read_only_ledger_or_folder_can_be_read_and_nothing_is_left(
        tmp_path, file_mode, folder_mode):
    """chmod, as a user it binds: root runs the reads in a user namespace (``unshare -U``),
    where the root-owned files are checked by their permission bits."""
    folder = tmp_path / "archive"
    folder.mkdir()
    with Ledger(str(folder / "ledger.db")) as ledger:
        ledger.store_article(Article(id="a1", text="Some 300 people left.", language="en"))
    shell = ["sh", "-c", READ_UNWRITABLE, "sh", str(folder), sys.executable, file_mode,
             folder_mode]
    if os.geteuid() == 0:
        if shutil.which("unshare") is None:
            pytest.skip("root without unshare: chmod binds nobody")
        shell = ["unshare", "-U", *shell]
    try:
        done = subprocess.run(shell, capture_output=True, text=True, timeout=120,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    finally:
        folder.chmod(0o755)
    if done.returncode == 3 or "unshare:" in done.stderr:
        pytest.skip(f"cannot make an unwritable folder here: {done.stderr.strip()[:200]}")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("1 articles")
    assert sorted(done.stdout.split()[-3:]) == [".", "..", "ledger.db"]
