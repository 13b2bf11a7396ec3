"""WARC crawl files (``.warc``, ``.warc.gz``; warcio): each HTML response is an article.

A record is read by the HTML reader with its target URI as url; the other records (requests,
metadata, images, redirects) are passed over, and a page without article text is reported
under the archive's name and the record's URI while the rest of the archive goes on.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsledger.errors import InputError, MalformedArchive
from newsledger.ingest.decode import decode_bytes
from newsledger.ingest.html import read_html
from newsledger.ingest.registry import Source, register
from newsledger.models import Article

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _html_page(record, archive: Source) -> Source | None:
    """The record as an HTML Source, or None when it is no successful HTML response."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not status.startswith("2") or not content_type.startswith(_HTML_TYPES):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    name = f"{archive.name}#{uri}"
    data = record.content_stream().read()
    charset = content_type.partition("charset=")[2].split(";")[0].strip()
    try:
        text = data.decode(charset) if charset else decode_bytes(data, name)
    except (LookupError, UnicodeDecodeError):
        text = decode_bytes(data, name)
    return Source(name=name, stem="", text=text, url=uri, content_type="html")


@register(".warc", ".warc.gz")
def read_warc(source: Source) -> Iterator[Article | InputError]:
    records = 0
    try:
        for record in ArchiveIterator(io.BytesIO(source.data or b"")):
            if not record.format.startswith("warc"):
                continue  # old ARC files, or text warcio misreads as one
            records += 1
            try:
                page = _html_page(record, source)
                if page is not None:
                    yield from read_html(page)
            except InputError as error:
                yield error
    except ArchiveLoadFailed as error:
        raise MalformedArchive(f"not a readable WARC file: {error}", source=source.name) from error
    if not records:
        raise MalformedArchive("no WARC records found", source=source.name)
