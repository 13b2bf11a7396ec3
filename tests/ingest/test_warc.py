"""WARC and ARC files: each HTML response or resource record is an article with its target
URI as url; damaged archives and archives without pages are one coded line."""

from __future__ import annotations

import gzip
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsledger.errors import DecompressedTooLarge, EmptyArchive, MalformedArchive, MalformedHTML
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


def _archive(*records, compressed=False) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compressed)
    for record in records:
        _record(writer, *record)
    return buffer.getvalue()


def test_an_html_resource_record_is_read(tmp_path):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warc_record(
        "https://www.example.org/fire", "resource", payload=io.BytesIO(PAGE.encode()),
        warc_content_type="text/html; charset=utf-8"))
    (tmp_path / "resource.warc.gz").write_bytes(buffer.getvalue())
    [article] = read_articles([str(tmp_path / "resource.warc.gz")], Settings(analyze=False))
    assert article.url == "https://www.example.org/fire" and "burning bottle" in article.text


def test_an_archive_without_pages_says_so(tmp_path):
    path = tmp_path / "images.warc"
    path.write_bytes(_archive(("https://www.example.org/logo.png", "response", b"\x89PNG",
                               "image/png")))
    [error] = read_articles([str(path)], Settings(analyze=False))
    assert isinstance(error, EmptyArchive)
    assert str(error).startswith(f"{path}: NL122 no HTML page")


def test_arc_files_are_read_by_name_and_in_a_folder(tmp_path):
    version = b"1 0 Example\nURL IP-address Archive-date Content-type Archive-length\n"
    arc = (b"filedesc://crawl.arc 0.0.0.0 20220921000000 text/plain "
           + str(len(version)).encode() + b"\n" + version + b"\n")
    body = (b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + PAGE.encode())
    arc += (b"https://www.example.org/fire 93.184.216.34 20220921000000 text/html "
            + str(len(body)).encode() + b"\n" + body + b"\n")
    (tmp_path / "crawl.arc").write_bytes(arc)
    [by_name] = read_articles([str(tmp_path / "crawl.arc")], Settings(analyze=False))
    [in_folder] = read_articles([str(tmp_path)], Settings(analyze=False))
    assert by_name.url == in_folder.url == "https://www.example.org/fire"


def test_warcio_warnings_become_one_coded_line(tmp_path, capfd):
    data = _archive(("https://www.example.org/fire", "response", PAGE.encode()))
    path = tmp_path / "trunc.warc"
    path.write_bytes(data.replace(b"\r\n\r\nWARC/", b"XX\r\n\r\nWARC/") + b"junk\r\n")
    items = list(read_articles([str(path)], Settings(analyze=False)))
    assert capfd.readouterr().err == ""
    errors = [item for item in items if isinstance(item, MalformedArchive)]
    assert len(errors) == 1 and "\n" not in str(errors[0])


def test_a_multi_line_library_message_is_one_line():
    error = MalformedArchive("not readable:\n  Unknown archive format\n  first line: x",
                             source="a\nb.warc")
    assert str(error) == "'a\\nb.warc': NL114 not readable: Unknown archive format first line: x"


@pytest.mark.parametrize("name", ["bomb.warc.gz", "bomb.warc"])
def test_a_gzip_bomb_is_refused_after_the_limit(tmp_path, name):
    header = _archive(("https://www.example.org/fire", "response", b"<html><body>" + b" " * 10))
    bomb = gzip.compress(header + b"\x00" * 5_000_000, compresslevel=9)
    (tmp_path / name).write_bytes(bomb)
    [error] = read_articles([str(tmp_path / name)], Settings(analyze=False,
                                                             max_input_bytes=100_000))
    assert isinstance(error, DecompressedTooLarge)
    assert "more than 100000 bytes" in str(error)
