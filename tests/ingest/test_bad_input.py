"""Bad inputs: each one coded error line naming the input; the other inputs still come through."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsledger.errors import (
    BinaryInput,
    EmptyInput,
    EncodingProblem,
    InputNotFound,
    InputTooLarge,
    MalformedJSON,
    MissingText,
    UnreadableInput,
)
from newsledger.ingest import read_articles
from newsledger.settings import Settings

GOOD = "Queues at the border\n\nSome 500 people crossed the border on Monday, officials said.\n"


def read(paths, **settings) -> list:
    return list(read_articles([str(path) for path in paths], Settings(analyze=False, **settings)))


def only_error(path: Path, kind: type, **settings):
    [error] = read([path], **settings)
    assert isinstance(error, kind), error
    assert str(error).startswith(f"{path}: {kind.code} ")
    assert "\n" not in str(error)
    return error


@pytest.mark.parametrize(("content", "kind"), [
    (b"", EmptyInput),
    (b"  \n\t\n", EmptyInput),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", BinaryInput),
    (b"\x98\x98\x98 data", EncodingProblem),
])
def test_undecodable_files(tmp_path, content, kind):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    only_error(path, kind)


@pytest.mark.parametrize(("encoding", "text"), [
    ("cp1251", "Очереди на границе\n\nНа границе с Казахстаном стояли сотни машин, "
               "сообщили пограничники.\n"),
    ("latin-1", "Files d'attente à la frontière\n\nPrès de la frontière, des centaines de "
                "voitures attendaient déjà à l'aube, a déclaré un garde.\n"),
])
def test_legacy_encodings_are_detected_before_giving_up(tmp_path, encoding, text):
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    [article] = read([path])
    assert article.text == text


def test_malformed_json_says_the_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "id": "x",\n  "text": "unterminated\n}\n')
    error = only_error(path, MalformedJSON)
    assert "line 3" in str(error)


def test_malformed_jsonl_line_does_not_stop_the_others(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "a", "text": GOOD}), "{not json", json.dumps({"id": "b"}),
             json.dumps({"id": "c", "text": GOOD})]
    path.write_text("\n".join(lines))
    first, broken, textless, last = read([path])
    assert (first.id, last.id) == ("a", "c")
    assert isinstance(broken, MalformedJSON) and "line 2" in str(broken)
    assert isinstance(textless, MissingText) and str(textless).startswith(f"{path}:3: NL105")


def test_json_article_without_text(tmp_path):
    path = tmp_path / "notext.json"
    path.write_text(json.dumps({"id": "notext", "title": "A title only", "text": "  "}))
    only_error(path, MissingText)


def test_file_above_the_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(GOOD * 10)
    error = only_error(path, InputTooLarge, max_input_bytes=100)
    assert "limit of 100" in str(error)


def test_default_size_limit_is_20_mb():
    assert Settings().max_input_bytes == 20_000_000


def test_missing_path(tmp_path):
    only_error(tmp_path / "nowhere.txt", InputNotFound)


def test_unreadable_file_at_the_os_boundary(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(GOOD)
    real_read_bytes = Path.read_bytes

    def refuse(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    error = only_error(path, UnreadableInput)
    assert "Permission denied" in str(error)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_by_mode(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text(GOOD)
    path.chmod(0)
    try:
        only_error(path, UnreadableInput)
    finally:
        path.chmod(0o644)


def test_one_bad_file_in_a_folder_does_not_stop_the_rest(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.json").write_text("{")
    (tmp_path / "d.md").write_text(GOOD)
    items = read([tmp_path])
    assert [getattr(item, "id", None) for item in items] == ["a", None, None, "d"]
    assert [type(item) for item in items[1:3]] == [EmptyInput, MalformedJSON]
