"""Walk what the user named (files, folders, URLs) and read each input's text.

Yields a ``Source`` per readable input or a coded error per bad one, so one bad file never
stops the others. Folders are walked recursively in sorted order, one file at a time; a file
below the named folder is known by its path there ("a/report.txt" has the stem "a~report"), so
files of one name in different folders stay different articles.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path

from newsledger.errors import (
    InputError,
    InputNotFound,
    InputTooLarge,
    InternalError,
    NewsledgerError,
    NotRegularFile,
    UnreadableInput,
    UnsupportedInput,
)
from newsledger.ingest.compressed import gunzip_limited
from newsledger.ingest.decode import decode_bytes
from newsledger.ingest.registry import READERS, Source

# Files in a folder that document the folder rather than hold articles.
_DOCUMENTATION = {"readme", "license", "licence", "changelog", "contributing", "notice"}
# Joins the folders of a path below the named folder and the file's stem into its stem.
FOLDER_SEPARATOR = "~"
# Formats whose readers take raw bytes: archives, and feeds (feedparser reads the encoding a
# feed declares, UTF-16 and UTF-32 included).
RAW_FORMATS = {".warc", ".warc.gz", ".arc", ".arc.gz", ".rss", ".atom", ".xml"}
# Raw formats that may be gzip-compressed: unpacked here, at most ``max_bytes`` of them.
_ARCHIVES = {".warc", ".warc.gz", ".arc", ".arc.gz"}


def is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def _walk(folder: Path) -> Iterator[Path]:
    for root, directories, files in os.walk(folder):
        directories[:] = sorted(d for d in directories if not d.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if name.startswith(".") or path.stem.lower() in _DOCUMENTATION:
                continue
            if reader_key(path) in READERS:
                yield path


def reader_key(path: Path) -> str:
    """The registry key for a file: its (double) suffix, lower-cased."""
    double = "".join(path.suffixes[-2:]).lower()
    return double if double in READERS else path.suffix.lower()


def _stat(path: Path, name: str) -> os.stat_result:
    try:
        info = path.stat()
    except FileNotFoundError as error:
        raise InputNotFound("no such file or folder", source=name) from error
    except OSError as error:
        raise UnreadableInput(f"cannot read: {error.strerror or error}", source=name) from error
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile("not a regular file (a FIFO, socket or device); skipped",
                             source=name)
    return info


def read_file(path: Path, max_bytes: int, *, in_folder: bool = False,
              below: Path | None = None) -> Source:
    """Read and decode one file, or raise a coded error naming it; ``below`` is the folder
    the walk started from (the file's stem then holds its path below it)."""
    name = str(path)
    if not os.path.lexists(path):
        raise InputNotFound("no such file or folder", source=name)
    key = reader_key(path)
    if key not in READERS:
        raise UnsupportedInput(f"unknown input format {path.suffix or '(no suffix)'!r}",
                               source=name)
    info = _stat(path, name)
    if info.st_size > max_bytes:
        raise InputTooLarge(f"{info.st_size} bytes is above the limit of {max_bytes}",
                            source=name)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableInput(f"cannot read: {error.strerror or error}", source=name) from error
    relative = path.relative_to(below) if below is not None else Path(path.name)
    stem = FOLDER_SEPARATOR.join((*relative.parent.parts, relative.name[: -len(key)]))
    raw = key in RAW_FORMATS
    if key in _ARCHIVES:
        data = gunzip_limited(data, max_bytes, name)
    text = "" if raw else decode_bytes(data, name)
    return Source(name=name, stem=stem, text=text, data=data if raw else None,
                  in_folder=in_folder, key=relative.as_posix() if below else name,
                  mtime=info.st_mtime,
                  max_bytes=max_bytes)


def _read(name: str, read) -> Source | NewsledgerError:
    """``read()``, or the coded line of what went wrong (an unexpected crash included)."""
    try:
        return read()
    except InputError as error:
        return error
    except Exception as error:  # noqa: BLE001  (one input's crash never stops the others)
        return InternalError.of(error, name)


def iter_sources(names: Iterable[str], max_bytes: int,
                 fetch=None) -> Iterator[Source | NewsledgerError]:
    """Each named input as a Source, folders expanded, errors yielded in place."""
    for name in names:
        if is_url(name):
            if fetch is None:
                yield UnsupportedInput("URLs are not supported here", source=name)
            else:
                yield _read(name, partial(fetch, name, max_bytes))
            continue
        path = Path(name)
        if not path.is_dir():
            yield _read(name, partial(read_file, path, max_bytes))
            continue
        try:
            files = list(_walk(path))
        except OSError as error:
            yield UnreadableInput(f"cannot read the folder: {error.strerror or error}",
                                  source=name)
            continue
        for file in files:
            yield _read(str(file), partial(read_file, file, max_bytes, in_folder=True,
                                           below=path))
