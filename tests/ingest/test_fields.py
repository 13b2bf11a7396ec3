"""Every article field is checked and normalised before storing, the same on every database:
dates become YYYY-MM-DD or null (with a warning), long ids are shortened, NULs removed."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

from newsledger.errors import InvalidDate, InvalidField
from newsledger.ingest import read_articles
from newsledger.ingest.published import normalise_published
from newsledger.models import MAX_ID, Article, normalised, short_id
from newsledger.pipeline import ingest
from newsledger.settings import Settings
from newsledger.store import Ledger

_spec = importlib.util.spec_from_file_location(
    "store_fixtures", Path(__file__).resolve().parents[1] / "store" / "conftest.py")
_store_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_store_fixtures)
postgres_available = _store_fixtures.postgres_available
postgres_schema_url = _store_fixtures.postgres_schema_url
ledger_url = _store_fixtures.ledger_url

TEXT = "Some 500 people crossed the border on Monday, officials said."
# 21 September 2022, 12:00 UTC: the file time relative dates count from.
WRITTEN = 1_663_761_600


def write_json(path: Path, **fields) -> Path:
    path.write_text(json.dumps({"id": path.stem, "text": TEXT, **fields}))
    os.utime(path, (WRITTEN, WRITTEN))
    return path


@pytest.mark.parametrize(("value", "day"), [
    ("2022-09-21", "2022-09-21"),
    ("2022-09-21T10:00:00+00:00", "2022-09-21"),
    ("2022-09-21 23:30:00-05:00", "2022-09-21"),
    ("yesterday", "2022-09-20"),
    ("3 days ago", "2022-09-18"),
    ("21 September 2022", "2022-09-21"),
])
def test_dates_are_normalised_to_a_day(value, day):
    assert normalise_published(value, WRITTEN) == (day, False)


@pytest.mark.parametrize("value", ["2022-13-45", "2022-02-30", "someday", "2022", "Sep 2022",
                                   "99999999999 days ago", "next year", 20220921, "x" * 100])
def test_values_that_are_no_day_are_refused(value):
    assert normalise_published(value, WRITTEN) == (None, True)


@pytest.mark.parametrize("value", ["2022-13-45", "2022-02-30", "yesterdai"])
def test_an_impossible_date_keeps_the_article_without_it_and_warns(tmp_path, value):
    path = write_json(tmp_path / "bad-date.json", published=value)
    warning, article = read_articles([str(path)], Settings(analyze=False))
    assert isinstance(warning, InvalidDate)
    assert str(warning).startswith(f"{path}: NL116 published '{value}' is no date")
    assert article.id == "bad-date" and article.published is None


def test_a_relative_date_counts_from_the_file_time(tmp_path):
    path = write_json(tmp_path / "relative.json", published="yesterday")
    [article] = read_articles([str(path)], Settings(analyze=False))
    assert article.published == "2022-09-20"


def test_normalised_fields():
    article, notes = normalised(Article(
        id="x" * 300, text="a\x00b", title="t\x00", language="english-uk", outlet={"a": 1},
        published="2022-09"))
    assert len(article.id) == MAX_ID and article.id == short_id("x" * 300)
    assert short_id("x" * 300) != short_id("x" * 299 + "y")
    assert (article.text, article.title, article.language, article.outlet) == ("ab", "t",
                                                                             None, None)
    assert article.published is None
    assert len(notes) == 3


def test_every_field_is_stored_alike_on_both_databases(tmp_path, ledger_url):
    long_id = "long-" + "x" * 300
    write_json(tmp_path / "a.json", id=long_id, language="english-united-kingdom",
               title="Title\x00", published="2022-09-21T10:00:00+00:00")
    write_json(tmp_path / "b.json", text=f"{TEXT}\x00 More.", outlet="o" * 300)
    channel = {"name": {"first": "Border", "last": "Watch"}, "type": "public_channel",
               "messages": [{"id": 7, "type": "message", "date": "2022-09-24T21:15:03",
                             "text": TEXT}]}
    (tmp_path / "c.json").write_text(json.dumps(channel))
    warnings: list[str] = []
    with Ledger(ledger_url) as ledger:
        report = ingest([str(tmp_path)], ledger, Settings(analyze=False),
                        on_item=lambda status, label: warnings.append(label)
                        if status == "warning" else None)
        assert (report.new, report.failed) == (3, 0), report.errors
        assert report.warnings == len(warnings) == 2  # the long language and the channel name
        stored = {article.source_path.rsplit("/", 1)[-1]: article for article in ledger.articles()}
    first, second, third = stored["a.json"], stored["b.json"], stored["c.json"]
    assert first.id == short_id(long_id) and len(first.id) == MAX_ID
    assert (first.language, first.title, first.published) == (None, "Title", "2022-09-21")
    assert second.text == f"{TEXT} More." and len(second.outlet) == 255
    assert third.outlet is None and third.id == "telegram-channel-7"
    assert any("NL117 outlet is dict" in warning for warning in warnings)


def test_a_field_of_the_wrong_type_is_a_warning_not_a_crash(tmp_path):
    channel = {"name": ["Border"], "messages": [{"id": 1, "type": "message", "text": TEXT}]}
    (tmp_path / "result.json").write_text(json.dumps(channel))
    warning, article = read_articles([str(tmp_path / "result.json")], Settings(analyze=False))
    assert isinstance(warning, InvalidField) and article.outlet is None


def test_a_json_field_of_another_type_is_coerced_or_dropped_with_a_warning(tmp_path):
    path = write_json(tmp_path / "typed.json", published=20220921, title=7, outlet=["o"],
                      url={"href": "https://example.org/"})
    items = list(read_articles([str(path)], Settings(analyze=False)))
    *warnings, article = items
    assert [type(warning) for warning in warnings] == [InvalidDate, InvalidField, InvalidField]
    assert (article.title, article.outlet, article.url, article.published) == ("7", None,
                                                                               None, None)
