"""WARC files: each HTML response record is an article with its target URI as url."""

from __future__ import annotations

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsledger.errors import MalformedArchive, MalformedHTML
from newsledger.ingest import read_articles
from newsledger.settings import Settings

PAGE = """<html><head><title>Recruitment office set alight in the night</title></head><body>
<article><h1>Recruitment office set alight in the night</h1>
<p>A fire broke out at a military enlistment office in a regional town overnight, local
officials said on Monday, adding that nobody was hurt and that the damage was limited.</p>
<p>Police said a man had thrown a burning bottle at the door and was detained soon after.</p>
</article></body></html>"""


def _record(writer, uri, record_type, body=b"", content_type="text/html; charset=utf-8",
            status="200 OK"):
    headers = StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True)
    if record_type == "response":
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        uri, record_type, payload=io.BytesIO(body), http_headers=headers))


def write_warc(path, compressed: bool) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compressed)
    _record(writer, "https://www.example.org/fire", "request")
    _record(writer, "https://www.example.org/fire", "response", PAGE.encode())
    _record(writer, "https://www.example.org/logo.png", "response", b"\x89PNG", "image/png")
    _record(writer, "https://www.example.org/old", "response", b"", status="301 Moved")
    _record(writer, "https://www.example.org/empty", "response", b"<html><body></body></html>")
    path.write_bytes(buffer.getvalue())


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_articles(tmp_path, name):
    write_warc(tmp_path / name, compressed=name.endswith(".gz"))
    article, error = read_articles([str(tmp_path)], Settings(analyze=False))
    assert article.url == "https://www.example.org/fire"
    assert article.outlet == "example.org"
    assert article.title == "Recruitment office set alight in the night"
    assert "burning bottle" in article.text
    assert article.id.startswith("example-org-fire-")
    assert isinstance(error, MalformedHTML)
    assert str(error).startswith(f"{tmp_path / name}#https://www.example.org/empty: NL110")


def test_a_file_that_is_no_warc(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not an archive\n\n")
    [error] = read_articles([str(path)], Settings(analyze=False))
    assert isinstance(error, MalformedArchive)
    assert str(path) in str(error)
