"""Walk what the user named (files, folders, URLs) and read each input's text.

Yields a ``Source`` per readable input or a coded error per bad one, so one bad file never
stops the others. Folders are walked recursively in sorted order, one file at a time.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsledger.errors import (
    InputError,
    InputNotFound,
    InputTooLarge,
    UnreadableInput,
    UnsupportedInput,
)
from newsledger.ingest.decode import decode_bytes
from newsledger.ingest.registry import READERS, Source

# Files in a folder that document the folder rather than hold articles.
_DOCUMENTATION = {"readme", "license", "licence", "changelog", "contributing", "notice"}


def is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def _walk(folder: Path) -> Iterator[Path]:
    for root, directories, files in os.walk(folder):
        directories[:] = sorted(d for d in directories if not d.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if name.startswith(".") or path.stem.lower() in _DOCUMENTATION:
                continue
            if path.suffix.lower() in READERS or path.suffix.lower() == ".warc.gz":
                yield path
            elif "".join(path.suffixes[-2:]).lower() in READERS:
                yield path


def reader_key(path: Path) -> str:
    """The registry key for a file: its (double) suffix, lower-cased."""
    double = "".join(path.suffixes[-2:]).lower()
    return double if double in READERS else path.suffix.lower()


def read_file(path: Path, max_bytes: int, *, in_folder: bool = False) -> Source:
    """Read and decode one file, or raise a coded error naming it."""
    name = str(path)
    if not path.exists():
        raise InputNotFound("no such file or folder", source=name)
    if reader_key(path) not in READERS:
        raise UnsupportedInput(f"unknown input format {path.suffix or '(no suffix)'!r}",
                               source=name)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLarge(f"{size} bytes is above the limit of {max_bytes}", source=name)
        data = path.read_bytes()
    except (PermissionError, IsADirectoryError, OSError) as error:
        if isinstance(error, InputError):
            raise
        raise UnreadableInput(f"cannot read: {error.strerror or error}", source=name) from error
    stem = path.name[: -len(reader_key(path))] if reader_key(path) else path.stem
    binary_format = reader_key(path) in BINARY_FORMATS
    text = "" if binary_format else decode_bytes(data, name)
    return Source(name=name, stem=stem, text=text, data=data if binary_format else None,
                  in_folder=in_folder)


# Formats whose readers take raw bytes (WARC archives).
BINARY_FORMATS = {".warc", ".warc.gz"}


def iter_sources(names: Iterable[str], max_bytes: int, fetch=None) -> Iterator[Source | InputError]:
    """Each named input as a Source, folders expanded, errors yielded in place."""
    for name in names:
        try:
            if is_url(name):
                if fetch is None:
                    raise UnsupportedInput("URLs are not supported here", source=name)
                yield fetch(name, max_bytes)
                continue
            path = Path(name)
            if path.is_dir():
                for file in _walk(path):
                    try:
                        yield read_file(file, max_bytes, in_folder=True)
                    except InputError as error:
                        yield error
                continue
            yield read_file(path, max_bytes)
        except InputError as error:
            yield error

