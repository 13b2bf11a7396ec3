"""What a newsroom's PostgreSQL ledger needs: concurrent writers, and copies between databases."""

from __future__ import annotations

import json
import threading
from dataclasses import replace

import pytest

from newsledger import pipeline
from newsledger.errors import MigrationFailed
from newsledger.models import Article, Figure, Story, StoryMember
from newsledger.store import Ledger
from newsledger.store.copy import copy_ledger, table_counts


def write_folder(folder, prefix: str, count: int) -> None:
    folder.mkdir()
    (folder / "batch.jsonl").write_text("\n".join(json.dumps({
        "id": f"{prefix}-{number}", "language": "en",
        "text": f"Report {prefix} {number}\n\nAbout {number}00 people crossed the border.",
    }) for number in range(count)))


def test_two_writers_ingesting_different_folders_both_land(tmp_path, ledger_url, quick_settings):
    folders = [tmp_path / "north", tmp_path / "south"]
    for folder in folders:
        write_folder(folder, folder.name, 60)
    Ledger(ledger_url).close()  # create the schema before the writers race
    failures = []

    def writer(folder) -> None:
        try:
            with Ledger(ledger_url) as ledger:
                report = pipeline.ingest([str(folder)], ledger, quick_settings)
                assert report.new == 60, report.summary()
        except Exception as error:  # noqa: BLE001  (reported by the assertion below)
            failures.append(repr(error))

    threads = [threading.Thread(target=writer, args=(folder,)) for folder in folders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with Ledger(ledger_url) as ledger, ledger.engine.connect() as connection:
        orders = [row[0] for row in connection.exec_driver_sql(
            "select ingest_order from articles order by ingest_order")]
    assert orders == list(range(1, 121))


def _small_ledger(db: str) -> None:
    text = "Some 300 people crossed the border at Verkhny Lars on Monday."
    figure = Figure(article="a", number_text="300", quote=text, low=300, high=300,
                    qualifier="approx", counted="crossed_border", number_start=5,
                    number_end=8, quote_start=0, quote_end=len(text))
    with Ledger(db) as ledger:
        # one span and text twice is one figure (its id is their hash)
        ledger.store_article(Article(id="a", text=text, language="en"), [figure, figure])
        ledger.store_article(Article(id="b", text=text + " Copy.", language="en"),
                             [replace(figure, article="b")])
        ledger.store_article(Article(id="b", text=text + " Copy, updated.", language="en"))
        ledger.replace_stories([Story("s1", "a", (StoryMember("a", "origin"),
                                                  StoryMember("b", "copy", 0.9)))])


def test_migrate_copies_every_table_and_counts_match(tmp_path, postgres_schema_url):
    source = f"sqlite:///{tmp_path / 'a.db'}"
    _small_ledger(source)
    counts = copy_ledger(source, postgres_schema_url, batch_size=1)
    assert counts == table_counts(source) == table_counts(postgres_schema_url)
    assert counts["articles"] == 2 and counts["figures"] == 1 and counts["article_versions"] == 1
    with Ledger(source) as a, Ledger(postgres_schema_url) as b:
        assert list(a.figures()) == list(b.figures())
        assert list(a.stories()) == list(b.stories())
        b.store_article(Article(id="c", text="A third text: 40 people left."),
                        [Figure(article="c", number_text="40", quote="40 people left",
                                low=40, high=40, qualifier="exact", counted="left_country",
                                number_start=14, number_end=16, quote_start=14,
                                quote_end=28)])  # sequences continue after copied ids
        assert b.count("figures") == 2
    back = f"sqlite:///{tmp_path / 'back.db'}"
    assert copy_ledger(postgres_schema_url, back)["articles"] == 3


def test_migrate_refuses_a_target_that_holds_articles(tmp_path, ledger_url):
    source = f"sqlite:///{tmp_path / 'a.db'}"
    _small_ledger(source)
    _small_ledger(ledger_url)
    with pytest.raises(MigrationFailed, match="NL203"):
        copy_ledger(source, ledger_url)


def test_writers_racing_on_a_fresh_store_with_overlapping_input(tmp_path, ledger_url,
                                                                 quick_settings):
    """No schema yet, the same articles in both inputs: the schema is created once, each
    article stored once, and neither writer fails."""
    folder = tmp_path / "both"
    write_folder(folder, "both", 80)
    failures, reports = [], []
    start = threading.Barrier(4)

    def writer() -> None:
        try:
            start.wait()
            with Ledger(ledger_url) as ledger:
                reports.append(pipeline.ingest([str(folder)], ledger, quick_settings))
        except Exception as error:  # noqa: BLE001  (reported by the assertion below)
            failures.append(repr(error))

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert sum(report.new for report in reports) == 80
    assert all(report.failed == 0 for report in reports)
    with Ledger(ledger_url) as ledger:
        assert ledger.count("articles") == 80
