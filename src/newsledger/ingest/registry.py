"""Input formats register here: a reader turns one input's text into articles.

A reader is ``reader(source: Source) -> Iterable[Article]``; the built-in formats use the
same ``register`` decorator a plug-in would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from newsledger.models import Article


@dataclass(frozen=True, slots=True)
class Source:
    """One input after reading and decoding: where it came from and its text."""

    name: str  # path or URL, as the user named it
    # the default article id: the file name without extension ("report"), in a folder walk the
    # path below the named folder ("a~report" for a/report.txt); "" for URLs
    stem: str
    text: str
    url: str | None = None  # set when fetched from the web
    content_type: str | None = None
    data: bytes | None = None  # raw bytes, for the formats that decode themselves (WARC, feeds)
    in_folder: bool = False  # met in a folder walk rather than named by the user
    key: str = ""  # what tells this input from others of the same stem (path below the folder)
    mtime: float | None = None  # when the file was last changed (or fetched): relative dates
    max_bytes: int = 20_000_000  # the size limit, for what a reader decompresses


Reader = Callable[[Source], Iterable[Article]]
READERS: dict[str, Reader] = {}


def register(*formats: str) -> Callable[[Reader], Reader]:
    """Register a reader for file suffixes (".txt") or content kinds ("html", "feed")."""

    def decorate(reader: Reader) -> Reader:
        for name in formats:
            READERS[name] = reader
        return reader

    return decorate
