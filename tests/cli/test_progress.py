"""Progress bars only on a terminal, and Ctrl-C: one line saying what was kept, exit 130."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from newsledger import pipeline
from newsledger.cli import app
from newsledger.cli.app import errors
from newsledger.cli.progress import INTERRUPTED_EXIT, RateColumn, progress
from newsledger.publish import exports

runner = CliRunner()
TEXTS = {"first": "Some 9,000 Russians crossed into Kazakhstan last week.",
         "second": "Police detained 57 people in Omsk on Saturday."}


def invoke(*args):
    return runner.invoke(app, [str(arg) for arg in args])


@pytest.fixture
def reports(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.json").write_text(json.dumps(
            {"id": name, "published": "2022-09-25", "language": "en", "text": text}))
    return folder


def _interrupt(*_args, **_kwargs):
    raise KeyboardInterrupt


def _one_line(result) -> str:
    assert result.exit_code == INTERRUPTED_EXIT, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("interrupted: "), result.stderr
    return lines[0]


def test_ctrl_c_in_the_corpus_stages_says_the_articles_are_kept(reports, tmp_path, monkeypatch):
    db = tmp_path / "ledger.db"
    monkeypatch.setattr(pipeline, "run_corpus_stages", _interrupt)
    line = _one_line(invoke("ingest", reports, "--db", db, "--workers", "0"))
    assert line.startswith("interrupted: 2 articles stored, corpus stages due")
    stored = json.loads(invoke("articles", "--db", db, "--json").stdout)
    assert {row["id"] for row in stored} == set(TEXTS)


def test_ctrl_c_in_analyze_counts_what_was_analyzed(reports, tmp_path, monkeypatch):
    db = tmp_path / "ledger.db"
    assert invoke("ingest", reports, "--db", db, "--workers", "0").exit_code == 0
    monkeypatch.setattr(pipeline, "run_corpus_stages", _interrupt)
    line = _one_line(invoke("analyze", "--db", db))
    assert line.startswith("interrupted: 2 of 2 articles analyzed")


def test_ctrl_c_in_an_export_leaves_the_output_as_it_was(reports, tmp_path, monkeypatch):
    db = tmp_path / "ledger.db"
    assert invoke("ingest", reports, "--db", db, "--workers", "0").exit_code == 0
    fresh, kept = tmp_path / "fresh.csv", tmp_path / "kept.csv"
    kept.write_text("an earlier export\n")

    def half_written(stream, columns, records):
        stream.write(b"article,number_text\n")
        next(iter(records))
        raise KeyboardInterrupt

    monkeypatch.setitem(exports.FORMATS, "csv", half_written)
    for output in (fresh, kept):
        assert "nothing written" in _one_line(invoke("export", "figures", "--db", db,
                                                     "-o", output))
    assert not fresh.exists() and kept.read_text() == "an earlier export\n"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_bars_are_drawn_on_a_terminal_only(reports, tmp_path, monkeypatch):
    result = invoke("ingest", reports, "--db", tmp_path / "ledger.db")
    assert result.exit_code == 0 and result.stderr == ""
    assert progress("rows").disable
    monkeypatch.setattr(errors, "_force_terminal", True)
    assert not progress("rows").disable


def test_the_rate_column_reads_per_second_or_per_minute():
    assert RateColumn().render(SimpleNamespace(finished_speed=None, speed=12.5)).plain == \
        "12.5/s"
    assert RateColumn().render(SimpleNamespace(finished_speed=None, speed=0.5)).plain == \
        "30.0/min"
    assert RateColumn().render(SimpleNamespace(finished_speed=None, speed=None)).plain == ""


def test_ctrl_c_in_evaluate_says_nothing_was_scored(reports, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "run_corpus_stages", _interrupt)
    assert _one_line(invoke("evaluate", reports)) == "interrupted: nothing scored, nothing kept"
    db = tmp_path / "kept.db"
    line = _one_line(invoke("evaluate", reports, "--db", db))
    assert line == f"interrupted: nothing scored; {db} holds what was ingested"
    assert len(json.loads(invoke("articles", "--db", db, "--json").stdout)) == 2
