"""Article ids are unique per source and stable from run to run."""

from __future__ import annotations

import json

from newsledger.ingest import read_articles
from newsledger.pipeline import ingest
from newsledger.settings import Settings

TEXT = "Some 500 people crossed the border on Monday, officials said. {}\n"
FEED = """<rss version='2.0'><channel><title>Border desk</title>
<item><title>Morning queue</title><link>https://example.org/live</link>
<description>Some 500 people crossed in the morning, officials said.</description></item>
<item><title>Evening queue</title><link>https://example.org/live</link>
<description>Some 900 people crossed in the evening, officials said.</description></item>
</channel></rss>"""


def folder_of_reports(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(TEXT.format(folder))
    (tmp_path / "report.md").write_text(TEXT.format("md"))
    (tmp_path / "report.txt").write_text(TEXT.format("txt"))
    (tmp_path / "live.rss").write_text(FEED)
    (tmp_path / "own.json").write_text(json.dumps({"id": "own-id", "text": TEXT.format("j")}))
    return tmp_path


def test_same_names_in_different_folders_and_same_links_are_different_articles(tmp_path):
    ids = [article.id for article in read_articles([str(folder_of_reports(tmp_path))],
                                                   Settings(analyze=False))]
    assert len(ids) == len(set(ids)) == 7
    assert {"a~report", "b~report", "report", "own-id"} <= set(ids)


def test_a_second_run_changes_nothing(tmp_path, ledger):
    (tmp_path / "in").mkdir()
    folder = folder_of_reports(tmp_path / "in")
    first = ingest([str(folder)], ledger, Settings(analyze=False))
    second = ingest([str(folder)], ledger, Settings(analyze=False))
    assert (first.new, first.updated) == (7, 0)
    assert (second.new, second.updated, second.unchanged) == (0, 0, 7)


def test_a_single_file_keeps_its_stem_as_id(tmp_path):
    (tmp_path / "report.txt").write_text(TEXT.format(1))
    [article] = read_articles([str(tmp_path / "report.txt")], Settings(analyze=False))
    assert article.id == "report"


def test_two_named_files_of_one_name_are_two_articles(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(TEXT.format(folder))
    names = [str(tmp_path / "a" / "report.txt"), str(tmp_path / "b" / "report.txt")]
    first, second = read_articles(names, Settings(analyze=False))
    assert first.id == "report" and second.id.startswith("report-") and len(second.id) == 15
