"""WARC and ARC crawl files (``.warc``, ``.arc``, gzipped or not; warcio): each HTML page is an
article.

A page is a successful HTML ``response`` record or an HTML ``resource`` record (ARC records are
read as responses); it is read by the HTML reader with its target URI as url. Other records
(requests, metadata, images, redirects, revisits) are passed over, and a page without article
text is reported under the archive's name and the record's URI while the rest goes on. An
archive without any page says so, and so does one warcio finds damaged (its warnings, which it
writes to stderr, become that one line). The archive arrives unpacked (``sources``), and no
record is read past ``Source.max_bytes``.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from newsledger.errors import (
    DecompressedTooLarge,
    EmptyArchive,
    InputError,
    MalformedArchive,
    printable,
)
from newsledger.ingest.decode import decode_bytes
from newsledger.ingest.html import read_html
from newsledger.ingest.registry import Source, register
from newsledger.models import Article

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# What warcio writes to stderr that is no damage: a URI it mended itself.
_BENIGN = ("Replacing spaces in invalid WARC-Target-URI",)
# How a WARC file and an ARC file begin (unpacked): anything else is no archive.
_STARTS = (b"WARC/", b"filedesc://")
# What warcio raises on damaged archives, besides its own ArchiveLoadFailed.
_DAMAGE = (ArchiveLoadFailed, StatusAndHeadersParserException, ValueError, EOFError, OSError,
           IndexError)


def _content_type(record) -> str | None:
    """The HTML content type of a page record, or None when the record is no page."""
    if record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    elif record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        content_type = record.http_headers.get_header("Content-Type") or ""
        if not status.startswith("2"):
            return None
    else:
        return None
    content_type = content_type.lower()
    return content_type if content_type.startswith(_HTML_TYPES) else None


def _html_page(record, archive: Source) -> Source | None:
    """The record as an HTML Source, or None when it is no HTML page."""
    content_type = _content_type(record)
    if content_type is None:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    name = f"{archive.name}#{uri}"
    data = record.content_stream().read(archive.max_bytes + 1)
    if len(data) > archive.max_bytes:
        raise DecompressedTooLarge(f"page of more than {archive.max_bytes} bytes (the limit)",
                                   source=name)
    charset = content_type.partition("charset=")[2].split(";")[0].strip()
    try:
        text = data.decode(charset) if charset else decode_bytes(data, name)
    except (LookupError, UnicodeDecodeError):
        text = decode_bytes(data, name)
    return Source(name=name, stem="", text=text, url=uri or None, content_type="html",
                  key=f"{archive.key}#{uri}", mtime=archive.mtime)


def _read_records(source: Source) -> tuple[list[Source | InputError], int, str]:
    """The pages (or per-page errors) of an archive, its record count and what went wrong."""
    pages: list[Source | InputError] = []
    records, problem = 0, ""
    warnings = io.StringIO()
    with contextlib.redirect_stderr(warnings):
        try:
            for record in ArchiveIterator(io.BytesIO(source.data or b""), arc2warc=True):
                records += 1
                try:
                    page = _html_page(record, source)
                except InputError as error:
                    page = error
                if page is not None:
                    pages.append(page)
        except _DAMAGE as error:
            problem = f"{type(error).__name__}: {error}" if records else str(error)
    said = " ".join(line.strip() for line in warnings.getvalue().splitlines()
                    if line.strip() and not line.startswith(_BENIGN))
    if said and not problem:
        problem = f"warcio warns: {said}"
    return pages, records, printable(problem)[:300]


@register(".warc", ".warc.gz", ".arc", ".arc.gz")
def read_warc(source: Source) -> Iterator[Article | InputError]:
    if not (source.data or b"").lstrip().startswith(_STARTS):
        raise MalformedArchive("not a WARC or ARC file (it starts with neither \"WARC/\" nor "
                               "\"filedesc://\")", source=source.name)
    pages, records, problem = _read_records(source)
    for page in pages:
        if isinstance(page, InputError):
            yield page
            continue
        try:
            yield from read_html(page)
        except InputError as error:
            yield error
    if problem and not records:
        raise MalformedArchive(f"not a readable WARC or ARC file: {problem}", source=source.name)
    if problem:
        raise MalformedArchive(f"damaged after {records} records: {problem}", source=source.name)
    if not records:
        raise MalformedArchive("no WARC or ARC records found", source=source.name)
    if not pages:
        raise EmptyArchive(f"no HTML page in its {records} records", source=source.name)
