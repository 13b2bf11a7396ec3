"""The ledger: idempotent ingest, versions instead of overwrites, one transaction per article."""

from __future__ import annotations

import json

import pytest

from newsledger import pipeline
from newsledger.ingest import jsonfile
from newsledger.ingest.registry import READERS
from newsledger.models import Article
from newsledger.store import Ledger


def write_batch(path, count: int) -> None:
    path.write_text("\n".join(json.dumps({
        "id": f"story-{number}", "url": f"https://example.org/{number}", "language": "en",
        "text": f"Report {number}\n\nAbout {number}00 people crossed the border today.",
    }) for number in range(count)))


def test_dev_corpus_and_seeds_ingest_once(corpus_dir, ledger, quick_settings):
    inputs = [str(corpus_dir / "dev" / "articles"), str(corpus_dir / "seeds")]
    first = pipeline.ingest(inputs, ledger, quick_settings)
    assert first.summary().startswith("64 new, 0 unchanged, 0 updated, 0 failed")
    second = pipeline.ingest(inputs, ledger, quick_settings)
    assert second.summary().startswith("0 new, 64 unchanged, 0 updated, 0 failed")
    assert ledger.count("articles") == 64
    assert ledger.count("article_versions") == 0
    agreement = ledger.stats()["language_agreement"]
    assert agreement == {"declared": 59, "agree": 59}


def test_changed_text_under_the_same_id_is_a_new_version(ledger):
    article = Article(id="a", text="First text: 300 people left.", title="First")
    assert ledger.store_article(article) == "new"
    assert ledger.store_article(article) == "unchanged"
    changed = Article(id="a", text="First text: 3,000 people left.", title="First")
    assert ledger.store_article(changed) == "updated"
    assert ledger.article("a").text == changed.text
    row = ledger.article_row("a")
    assert row["version"] == 2
    assert ledger.count("article_versions") == 1
    with ledger.engine.connect() as connection:
        [(text, version)] = connection.exec_driver_sql(
            "select text, version from article_versions where article = 'a'").all()
    assert (text, version) == (article.text, 1)


def test_an_interrupted_run_keeps_what_was_stored_and_a_rerun_resumes(
        tmp_path, ledger_url, monkeypatch, quick_settings):
    path = tmp_path / "batch.jsonl"
    write_batch(path, 5)

    def interrupted(source):
        for count, item in enumerate(jsonfile.read_jsonl(source)):
            if count == 3:
                raise KeyboardInterrupt
            yield item

    database = ledger_url
    monkeypatch.setitem(READERS, ".jsonl", interrupted)
    with Ledger(database) as ledger, pytest.raises(KeyboardInterrupt):
        pipeline.ingest([str(path)], ledger, quick_settings)
    monkeypatch.setitem(READERS, ".jsonl", jsonfile.read_jsonl)
    with Ledger(database) as ledger:
        assert [a.id for a in ledger.articles()] == ["story-0", "story-1", "story-2"]
        report = pipeline.ingest([str(path)], ledger, quick_settings)
    assert report.summary().startswith("2 new, 3 unchanged, 0 updated, 0 failed")


def test_each_article_is_stored_with_its_analysis_in_one_transaction(ledger, monkeypatch):
    """A failure while writing an article's analysis leaves no half-stored article."""
    article = Article(id="x", text="Some 500 people crossed the border on Monday.")

    def broken_write(*_args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Ledger, "_write_analysis", staticmethod(broken_write))
    with pytest.raises(RuntimeError):
        ledger.store_article(article)
    assert ledger.count("articles") == 0


def test_ingest_keeps_counts_not_articles(tmp_path, ledger_url, quick_settings):
    """Memory stays flat: the report holds counts (and error lines), never the articles."""
    path = tmp_path / "many.jsonl"
    write_batch(path, 200)
    with Ledger(ledger_url) as ledger:
        report = pipeline.ingest([str(path)], ledger, quick_settings)
    assert report.new == 200
    assert {name: value for name, value in vars(report).items()
            if isinstance(value, list | tuple | dict | set)
            and not name.endswith("_seconds")} == {"errors": []}
    assert len(report.article_seconds) + len(report.corpus_seconds) <= 10  # one per stage


def test_a_folder_streams_one_file_at_a_time(tmp_path, monkeypatch, quick_settings):
    from newsledger.ingest import read_articles, sources

    for number in range(5):
        (tmp_path / f"{number}.txt").write_text(f"Report number {number} on the border queue.")
    reads = []
    real_read_file = sources.read_file

    def counting_read_file(path, *args, **kwargs):
        reads.append(path.name)
        return real_read_file(path, *args, **kwargs)

    monkeypatch.setattr(sources, "read_file", counting_read_file)
    stream = read_articles([str(tmp_path)], quick_settings)
    assert next(stream).id == "0"
    assert reads == ["0.txt"]
