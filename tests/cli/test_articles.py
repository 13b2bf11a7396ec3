"""The article commands through typer's CliRunner: ingest, articles, show, stats, summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.cli.app import console

DEMO = Path(__file__).resolve().parents[2] / "demo"
GOOD = "Queues at the border\n\nSome 500 people crossed the border on Monday, officials said.\n"
runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, [str(arg) for arg in args])


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> str:
    """The demo corpus ingested once (without analysis) for the read-only commands."""
    db = str(tmp_path_factory.mktemp("cli") / "demo.db")
    result = invoke("ingest", DEMO, "--db", db, "--no-analyze")
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture
def narrow_console(monkeypatch):
    monkeypatch.setattr(console, "_width", 80)


def test_reingesting_the_demo_changes_nothing(demo_db):
    result = invoke("ingest", DEMO, "--db", demo_db, "--no-analyze")
    assert result.exit_code == 0
    assert "0 new, 17 unchanged, 0 updated, 0 failed" in result.stdout


def test_bad_inputs_fail_one_line_each_and_the_rest_is_ingested(tmp_path, closed_port_url):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "big.md").write_text(GOOD * 100)
    missing = tmp_path / "missing.txt"
    result = invoke("ingest", tmp_path, missing, closed_port_url, "--db", tmp_path / "x.db",
                    "--no-analyze", "--max-bytes", 1000)
    assert result.exit_code == 1
    assert "1 new, 0 unchanged, 0 updated, 4 failed" in result.stdout
    failures = [line for line in result.stderr.splitlines() if line.startswith("failed")]
    assert len(failures) == 4
    for name, code in ((tmp_path / "empty.txt", "NL101"), (tmp_path / "big.md", "NL106"),
                       (missing, "NL107"), (closed_port_url, "NL109")):
        assert any(f"{name}: {code}" in line for line in failures), (name, failures)


def test_articles_filters_and_json(demo_db):
    def ids(*options) -> set[str]:
        result = invoke("articles", "--db", demo_db, "--json", *options)
        assert result.exit_code == 0, result.output
        return {row["id"] for row in json.loads(result.stdout)}

    assert len(ids()) == 17
    assert ids("--lang", "de") == {"grenze-finnland-de"}
    assert ids("--outlet", "rights-monitor.example") == {"ovd-detentions"}
    assert ids("--since", "2023-01-01") == {"casualty-count", "wives-picket-moscow-ru"}
    assert ids("--since", "2022-09-22", "--until", "2022-09-23") == {
        "ovd-detentions", "ovd-detentions-revised"}
    assert ids("--search", "ONERROR") == {"defaced-websites"}
    assert "granitsa-seychas-demo-2" in ids("--lang", "ru")


def test_articles_table_fits_a_terminal_and_wraps_titles(demo_db, narrow_console):
    result = invoke("articles", "--db", demo_db, "--lang", "en")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "11 articles" in lines[0]
    words = " ".join(line.split("│")[-2].strip() for line in lines if line.count("│") > 2)
    assert "Hackers deface enlistment office websites in several regions" in " ".join(
        words.split())


def test_show_one_article(demo_db):
    result = invoke("show", "hiding-interview", "--db", demo_db)
    assert result.exit_code == 0
    assert "published: 2022-10-14" in result.stdout
    assert "name changed for his safety" in result.stdout
    record = json.loads(invoke("show", "hiding-interview", "--db", demo_db, "--json").stdout)
    assert record["outlet"] == "volga-independent.example"
    assert "source_path" not in record


def test_show_unknown_id_is_a_coded_error(demo_db):
    result = invoke("show", "no-such-article", "--db", demo_db)
    assert result.exit_code == 2
    assert "NL301" in result.stderr and "no-such-article" in result.stderr


def test_stats(demo_db):
    data = json.loads(invoke("stats", "--db", demo_db, "--json").stdout)
    assert data["articles"] == 17
    assert data["by_language"] == {"en": 11, "ru": 5, "de": 1}
    assert data["by_month"]["2022-09"] == 13
    assert data["language_agreement"]["agree"] == data["language_agreement"]["declared"]
    text = invoke("stats", "--db", demo_db).stdout
    assert "17 articles" in text and "declared language agrees with detected" in text


def test_summary_points_to_the_next_commands(demo_db):
    result = invoke("summary", "--db", demo_db)
    assert result.exit_code == 0
    assert "17 articles from 14 outlets" in result.stdout
    assert f"newsledger serve --db {demo_db}" in result.stdout
    assert "newsledger export figures --format csv" in result.stdout
    data = json.loads(invoke("summary", "--db", demo_db, "--json").stdout)
    assert data["months"] == ["2022-09", "2023-11"]
    assert data["figures"] == 0 and data["top_claims"] == []
