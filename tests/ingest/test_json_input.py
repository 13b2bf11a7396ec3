"""JSON and JSONL inputs that once raised tracebacks: each is one coded line now."""

from __future__ import annotations

import json

import pytest

from newsledger.errors import MalformedJSON
from newsledger.ingest import read_articles
from newsledger.models import content_hash
from newsledger.settings import Settings

GOOD = {"id": "good", "text": "Some 500 people crossed the border on Monday, officials said."}


def read(path) -> list:
    return list(read_articles([str(path)], Settings(analyze=False)))


@pytest.mark.parametrize("document", ["[" * 100_000, "1.5", "\"a string\"", "null", "true"])
def test_a_json_document_that_is_no_article_is_one_coded_line(tmp_path, document):
    path = tmp_path / "odd.json"
    path.write_text(document)
    [error] = read(path)
    assert isinstance(error, MalformedJSON)
    assert str(error).startswith(f"{path}: NL104 ")


@pytest.mark.parametrize("line", ["[" * 100_000, "1.5", "\"a string\""])
def test_a_jsonl_line_that_is_no_article_does_not_stop_the_others(tmp_path, line):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([json.dumps(GOOD), line, json.dumps({**GOOD, "id": "last"})]))
    first, error, last = read(path)
    assert (first.id, last.id) == ("good", "last")
    assert isinstance(error, MalformedJSON)
    assert "line 2" in str(error) or str(error).startswith(f"{path}:2: NL104")


def test_a_lone_surrogate_is_replaced_not_a_crash(tmp_path):
    path = tmp_path / "surrogate.json"
    path.write_text('{"id": "s", "title": "T\\ud800", "text": "Some 500 people \\ud800 crossed."}')
    [article] = read(path)
    assert article.text == "Some 500 people \ufffd crossed."
    assert article.title == "T\ufffd"
    assert content_hash("\ud800") == content_hash("\ud800")  # hashing never raises
