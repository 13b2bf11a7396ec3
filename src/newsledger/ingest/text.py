"""Plain text and Markdown articles.

The text itself may state a title (a headline-like first line), a URL (an ``Original url:``
line) and a publication date (a dateline: a line that is only a date). Nothing is guessed
from dates inside sentences or captions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import dateparser

from newsledger.ingest.registry import Source, register
from newsledger.ingest.urls import outlet_of
from newsledger.models import Article

_HEAD_LINES = 15
_URL = re.compile(r"https?://[^\s<>()\[\]]+")
_ORIGINAL_URL = re.compile(r"^\s*(?:original|source)\s+url\s*:\s*(.*)$",
                           re.IGNORECASE | re.MULTILINE)
_NUMERIC_DATE = re.compile(
    r"^(?:(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})|(?P<d2>\d{1,2})[./](?P<m2>\d{1,2})[./](?P<y2>\d{4}))$"
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NAVIGATION = re.compile(r"^\s*(?:\d+\.\s|[-*•|]|skip to|menu\b|search\b|home\b)", re.IGNORECASE)
_MARKDOWN_HEADING = re.compile(r"^\s*#+\s*")
_DATE_SETTINGS = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
                  "RETURN_AS_TIMEZONE_AWARE": False}


def _lines(text: str, limit: int) -> Iterator[str]:
    for count, line in enumerate(line for line in text.splitlines() if line.strip()):
        if count >= limit:
            return
        yield line.strip()


def find_title(text: str) -> str | None:
    """The first headline-like line: a few words, no sentence end, not navigation."""
    for line in _lines(text, _HEAD_LINES):
        candidate = _MARKDOWN_HEADING.sub("", line).strip()
        words = candidate.split()
        if _NAVIGATION.match(line) or _URL.search(candidate) or len(words) < 3:
            continue
        if len(words) > 25 or candidate.endswith((".", ":", ";")):
            return None
        return candidate if candidate in text else None
    return None


def find_url(text: str) -> str | None:
    """The URL named by an ``Original url:`` line (on the line itself or the next one)."""
    match = _ORIGINAL_URL.search(text)
    if not match:
        return None
    found = _URL.search(text, match.start(1), match.start(1) + 400)
    return found.group(0).rstrip(".,;>") if found else None


def parse_dateline(line: str) -> str | None:
    """ISO date of a line that is only a date ("October 6, 2022", "06.10.2022"), else None."""
    line = line.strip().strip("|").strip()
    numeric = _NUMERIC_DATE.match(line)
    if numeric:
        year = numeric["y"] or numeric["y2"]
        month = numeric["m"] or numeric["m2"]
        day = numeric["d"] or numeric["d2"]
        try:
            return date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            return None
    if len(line) > 40 or not _YEAR.search(line) or len(line.split()) > 6:
        return None
    parsed = dateparser.parse(line, settings=_DATE_SETTINGS)
    return parsed.date().isoformat() if parsed else None


def find_published(text: str) -> str | None:
    for line in _lines(text, _HEAD_LINES + 10):
        found = parse_dateline(line)
        if found:
            return found
    return None


@register(".txt", ".md", ".markdown", "text")
def read_text(source: Source) -> Iterator[Article]:
    url = source.url or find_url(source.text)
    yield Article(
        id=source.stem, text=source.text, url=url, outlet=outlet_of(url),
        published=find_published(source.text), title=find_title(source.text),
        source_path=source.name,
    )
