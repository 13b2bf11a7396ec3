"""An unexpected exception in one input is one NL139 line; the others go in, and ingest exits
with 3. Names with line breaks or terminal escapes are printed quoted."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.errors import InternalError, NoTelegramChannels, quote_name
from newsledger.ingest import read_articles, registry
from newsledger.pipeline import ingest
from newsledger.settings import Settings

GOOD = "Queues at the border\n\nSome 500 people crossed the border on Monday, officials said.\n"


def crash_on_markdown(monkeypatch):
    text_reader = registry.READERS[".txt"]

    def crashing(source):
        if source.name.endswith(".md"):
            raise ZeroDivisionError("boom")
        return text_reader(source)

    monkeypatch.setitem(registry.READERS, ".md", crashing)


def test_a_reader_crash_is_one_line_and_the_others_go_in(tmp_path, monkeypatch, ledger):
    crash_on_markdown(monkeypatch)
    for name in ("a.txt", "b.md", "c.txt"):
        (tmp_path / name).write_text(GOOD)
    first, crash, last = read_articles([str(tmp_path)], Settings(analyze=False))
    assert (first.id, last.id) == ("a", "c")
    assert isinstance(crash, InternalError)
    assert str(crash) == (f"{tmp_path / 'b.md'}: NL139 internal error (ZeroDivisionError: boom);"
                          " please report it")
    report = ingest([str(tmp_path)], ledger, Settings(analyze=False))
    assert (report.new, report.failed, report.crashed) == (2, 1, 1)


def test_a_crash_while_analysing_one_article_does_not_stop_the_others(tmp_path, monkeypatch,
                                                                      ledger):
    from newsledger import pipeline

    def analyse(article, seconds=None):
        if article.id == "b":
            raise KeyError("stage")
        return pipeline.Analysis(article)

    monkeypatch.setattr(pipeline, "analyze_article", analyse)
    monkeypatch.setattr(pipeline, "run_corpus_stages", lambda *args, **kwargs: None)
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(GOOD)
    report = ingest([str(tmp_path)], ledger, Settings(analyze=True))
    assert (report.new, report.crashed) == (2, 1)
    assert "NL139 internal error (KeyError" in report.errors[0]


def test_the_cli_exits_3_after_a_crash_and_1_after_a_failure(tmp_path, monkeypatch):
    crash_on_markdown(monkeypatch)
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.md").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("")
    runner = CliRunner()
    crashed = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db"),
                                  "--no-analyze"])
    assert crashed.exit_code == 3, crashed.output
    assert "1 new, 0 unchanged, 0 updated, 2 failed (1 by an internal error)" in crashed.stdout
    (tmp_path / "b.md").unlink()
    failed = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db"),
                                 "--no-analyze"])
    assert failed.exit_code == 1


def test_names_with_line_breaks_and_escapes_are_quoted(tmp_path):
    name = tmp_path / "bad\nname\x1b[31m.txt"
    name.write_text("")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(name), "--db", str(tmp_path / "x.db"),
                                 "--no-analyze"])
    [line] = [line for line in result.stderr.splitlines() if "NL101" in line]
    assert "\x1b" not in result.stderr
    assert line == f"failed {quote_name(str(name))}: NL101 empty input"
    assert quote_name(str(name)).startswith("'") and "\\n" in quote_name(str(name))
    assert quote_name("plain/name.txt") == "plain/name.txt"


def test_a_telegram_account_export_reads_its_channels_only(tmp_path):
    message = {"id": 3, "type": "message", "date": "2022-09-24T21:15:03", "text": GOOD}
    account = {"about": "Here is the data you requested.", "chats": {"list": [
        {"name": "Mum", "type": "personal_chat", "id": 1, "messages": [message]},
        {"name": "Border Watch", "type": "public_channel", "id": 2, "messages": [message]},
    ]}}
    (tmp_path / "result.json").write_text(json.dumps(account))
    [article] = read_articles([str(tmp_path)], Settings(analyze=False))
    assert (article.id, article.outlet) == ("border-watch-3", "Border Watch")
    account["chats"]["list"].pop()
    (tmp_path / "result.json").write_text(json.dumps(account))
    [error] = read_articles([str(tmp_path)], Settings(analyze=False))
    assert isinstance(error, NoTelegramChannels)
