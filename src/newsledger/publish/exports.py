"""Exports: one registry of tables (``EXPORTERS``), four formats, provenance beside the file.

A table registers an ``Exporter``: its columns in a fixed order with a type and a description
(docs/exports.md and the Datasette metadata are made from them), a ``rows`` function streaming
records from a ``query.Reader`` in a deterministic order, and what a public export must change.
Other modules add their tables with ``register(Exporter(...))``.

Public exports (the default) never carry raw article text, trim figure quotes to the clause
holding the number, and replace private persons' names by a role (``publish.redact``).
Provenance goes into a sidecar ``<file>.provenance.json``; its date is the ledger's newest
``ingested_at``, so the same ledger always gives byte-identical files.
"""

from __future__ import annotations

import csv
import io
import json
import os
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import import_module
from importlib.metadata import version
from itertools import chain
from pathlib import Path
from typing import BinaryIO, TypeVar

from newsledger.errors import BadOption, ExportNotWritten, ExportRefused
from newsledger.publish.acled import write_acled
from newsledger.publish.geojson import write_geojson
from newsledger.publish.redact import PersonCache, redact_value
from newsledger.query import Reader

COLUMN_TYPES = ("string", "integer", "float", "json")
T = TypeVar("T")


@dataclass(frozen=True)
class Column:
    """One exported column: its name, its type (one of ``COLUMN_TYPES``) and what it holds."""

    name: str
    type: str
    description: str


@dataclass(frozen=True)
class Exporter:
    """How one table leaves the ledger.

    ``rows(reader, **filters)`` streams records in a deterministic order; ``filters`` names the
    keyword filters it accepts, the fields of ``query_filter`` (a ``newsledger.query`` filter
    type, which checks their values before anything is written).
    ``redact`` maps a text column to the column holding the id of the article whose text names
    the persons in it ("" when each nested record carries its own ``article``).
    ``public_omit`` columns are left out of public exports, and ``public`` (when set) rewrites
    a record for a public export (before redaction, so offsets still hold).
    ``formats`` gives a table its own shape for a format (stories as JSON: lists of ids).
    """

    table: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[..., Iterator[dict]]
    filters: tuple[str, ...] = ()
    query_filter: type | None = None
    redact: Mapping[str, str] = field(default_factory=dict)
    public_omit: tuple[str, ...] = ()
    public: Callable[[dict], dict] | None = None
    formats: Mapping[str, Callable[[BinaryIO, tuple[Column, ...], Iterable[dict]], int]] = field(
        default_factory=dict)

    def column_names(self, public: bool) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if not (public and c.name in self.public_omit))


EXPORTERS: dict[str, Exporter] = {}
# Modules that register exporters when first needed (add yours here).
EXPORTER_MODULES = ["newsledger.publish.tables", "newsledger.publish.resolved"]


def register(exporter: Exporter) -> Exporter:
    """Add (or replace) the exporter of ``exporter.table``."""
    unknown = {c.type for c in exporter.columns} - set(COLUMN_TYPES)
    if unknown:
        raise ValueError(f"{exporter.table}: unknown column types {sorted(unknown)}")
    EXPORTERS[exporter.table] = exporter
    return exporter


@dataclass(frozen=True)
class ExportOptions:
    """What to export: ``public`` drops private columns and trims quotes; ``redact`` replaces
    private persons' names (a public export is always redacted)."""

    public: bool = True
    redact: bool = True
    filters: tuple[tuple[str, str], ...] = ()
    excel: bool = False  # CSV that a spreadsheet reads as UTF-8: a byte order mark first

    def __post_init__(self) -> None:
        if self.public and not self.redact:
            raise ExportRefused("a public export is always redacted; use --private to skip it")


def load_exporters() -> dict[str, Exporter]:
    """Every registered exporter (importing ``EXPORTER_MODULES`` first)."""
    for module in EXPORTER_MODULES:
        import_module(module)
    return EXPORTERS


def exporter_for(table: str) -> Exporter:
    load_exporters()
    if table not in EXPORTERS:
        raise BadOption(f"no export for {table!r}; choose one of {', '.join(sorted(EXPORTERS))}")
    return EXPORTERS[table]


def _check_filters(exporter: Exporter, filters: Mapping[str, str]) -> None:
    unknown = set(filters) - set(exporter.filters)
    if unknown:
        raise BadOption(f"{exporter.table} cannot be filtered by {sorted(unknown)[0]!r}; "
                        f"filters: {', '.join(exporter.filters) or 'none'}")
    if exporter.query_filter is not None:
        exporter.query_filter(**filters)  # a value outside the filter is NL320


def export_records(reader: Reader, table: str, options: ExportOptions) -> Iterator[dict]:
    """The records of ``table`` as exported: columns in order, redacted and trimmed (the one
    place exports are redacted)."""
    exporter = exporter_for(table)
    filters = dict(options.filters)
    _check_filters(exporter, filters)
    names = exporter.column_names(options.public)
    persons = PersonCache(reader) if options.redact else None
    for row in exporter.rows(reader, **filters):
        if options.public and exporter.public is not None:
            row = exporter.public(row)
        if persons is not None:
            row = _redacted(row, exporter, persons)
        yield {name: row.get(name) for name in names}


def _redacted(row: dict, exporter: Exporter, persons: PersonCache) -> dict:
    row = dict(row)
    for column, article_column in exporter.redact.items():
        if row.get(column) is not None:
            row[column] = redact_value(row[column], persons, row.get(article_column))
    return row


# formats ------------------------------------------------------------------------------------
# A spreadsheet runs a cell starting with these as a formula; such text cells get a quote.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _text_cell(value) -> object:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


CHUNK_ROWS = 500  # records per chunk of a streamed export


def csv_chunks(columns: tuple[Column, ...], records: Iterable[dict]) -> Iterator[bytes]:
    """CSV (UTF-8, header first), ``CHUNK_ROWS`` records per chunk."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([c.name for c in columns])
    for count, record in enumerate(records, 1):
        writer.writerow([_text_cell(record[c.name]) for c in columns])
        if count % CHUNK_ROWS == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode("utf-8")


def _json_line(record: dict) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def jsonl_chunks(columns: tuple[Column, ...], records: Iterable[dict]) -> Iterator[bytes]:
    """JSON Lines, ``CHUNK_ROWS`` records per chunk."""
    lines = []
    for record in records:
        lines.append(_json_line(record) + b"\n")
        if len(lines) == CHUNK_ROWS:
            yield b"".join(lines)
            lines = []
    if lines:
        yield b"".join(lines)


class _Counted:
    """Records passed through, counted."""

    def __init__(self, records: Iterable[dict]) -> None:
        self.records, self.count = records, 0

    def __iter__(self) -> Iterator[dict]:
        for record in self.records:
            self.count += 1
            yield record


def _chunked(chunks: Callable[[tuple[Column, ...], Iterable[dict]], Iterator[bytes]]):
    def write(stream: BinaryIO, columns: tuple[Column, ...], records: Iterable[dict]) -> int:
        counted = _Counted(records)
        for chunk in chunks(columns, counted):
            stream.write(chunk)
        return counted.count

    return write


write_csv = _chunked(csv_chunks)
write_jsonl = _chunked(jsonl_chunks)
# Formats that can be streamed a chunk at a time (the web app's downloads).
CHUNKED = {"csv": csv_chunks, "jsonl": jsonl_chunks}


def write_json(stream: BinaryIO, columns: tuple[Column, ...], records: Iterable[dict]) -> int:
    """One JSON array, written a record at a time."""
    count = 0
    for count, record in enumerate(records, 1):
        stream.write((b"[\n" if count == 1 else b",\n") + _json_line(record))
    stream.write(b"\n]\n" if count else b"[]\n")
    return count


_ARROW_TYPES = {"string": "string", "integer": "int64", "float": "float64", "json": "string"}


def write_parquet(stream: BinaryIO, columns: tuple[Column, ...], records: Iterable[dict],
                  batch_size: int = 2000) -> int:
    """Parquet in row groups of ``batch_size``; ``json`` columns are JSON text."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c.name, getattr(pa, _ARROW_TYPES[c.type])()) for c in columns])
    count = 0
    with pq.ParquetWriter(stream, schema) as writer:
        batch: list[dict] = []
        for record in records:
            count += 1
            batch.append({c.name: json.dumps(record[c.name], ensure_ascii=False, sort_keys=True)
                          if c.type == "json" and record[c.name] is not None else record[c.name]
                          for c in columns})
            if len(batch) >= batch_size:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch or not count:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return count


FORMATS: dict[str, Callable[[BinaryIO, tuple[Column, ...], Iterable[dict]], int]] = {
    "csv": write_csv, "jsonl": write_jsonl, "json": write_json, "parquet": write_parquet,
    "acled": write_acled, "geojson": write_geojson,  # acled: events only; geojson: place_id
}


UTF8_BOM = b"\xef\xbb\xbf"
# Formats that only some tables can take: a list of tables, or the column they need.
FORMAT_TABLES: dict[str, tuple[str, ...]] = {"acled": ("events",)}
FORMAT_COLUMNS: dict[str, str] = {"geojson": "place_id"}


def format_tables(fmt: str) -> tuple[str, ...]:
    """The tables ``fmt`` can export."""
    exporters = load_exporters()
    if fmt in FORMAT_COLUMNS:
        return tuple(name for name, exporter in exporters.items()
                     if FORMAT_COLUMNS[fmt] in exporter.column_names(public=True))
    return FORMAT_TABLES.get(fmt, tuple(exporters))


def check_export(table: str, fmt: str, options: ExportOptions) -> Exporter:
    """Refuse an unknown table, format or filter, before anything is opened or written."""
    if fmt not in FORMATS:
        raise BadOption(f"no format {fmt!r}; choose one of {', '.join(FORMATS)}")
    exporter = exporter_for(table)
    if table not in format_tables(fmt):
        raise BadOption(f"the {fmt} format exports {', '.join(format_tables(fmt))} only")
    if options.excel and fmt != "csv":
        raise BadOption(f"--excel marks CSV for spreadsheets; {fmt} is not CSV")
    _check_filters(exporter, dict(options.filters))
    return exporter


def _columns(exporter: Exporter, options: ExportOptions) -> tuple[Column, ...]:
    names = exporter.column_names(options.public)
    return tuple(c for c in exporter.columns if c.name in names)


def _reporting(records: Iterable[dict], on_record: Callable[[], None] | None
               ) -> Iterable[dict]:
    if on_record is None:
        return records
    return (on_record() or record for record in records)


def write_export(reader: Reader, table: str, fmt: str, stream: BinaryIO,
                 options: ExportOptions = ExportOptions(),
                 on_record: Callable[[], None] | None = None) -> dict:
    """Write ``table`` to ``stream`` in format ``fmt`` (calling ``on_record`` as each record
    goes out); returns its provenance record."""
    exporter = check_export(table, fmt, options)
    columns = _columns(exporter, options)
    writer = exporter.formats.get(fmt, FORMATS[fmt])
    if options.excel:
        stream.write(UTF8_BOM)
    count = writer(stream, columns, _reporting(export_records(reader, table, options),
                                               on_record))
    return provenance(reader, table, fmt, count, options, tuple(c.name for c in columns))


def export_chunks(reader: Reader, table: str, fmt: str,
                  options: ExportOptions = ExportOptions()) -> Iterator[bytes]:
    """``table`` in a streamable format (``CHUNKED``) as chunks of bytes: the same records
    and bytes ``write_export`` writes. Options are checked before the first chunk."""
    exporter = check_export(table, fmt, options)
    if fmt not in CHUNKED or fmt in exporter.formats:
        raise BadOption(f"{table} cannot be streamed as {fmt}; stream one of "
                        f"{', '.join(CHUNKED)}")
    chunks = CHUNKED[fmt](_columns(exporter, options), export_records(reader, table, options))
    return chain([UTF8_BOM], chunks) if options.excel else chunks


def provenance(reader: Reader, table: str, fmt: str, rows: int, options: ExportOptions,
               columns: tuple[str, ...]) -> dict:
    """Where an export came from: tool version, ledger, its date, the filters and the mode."""
    return {
        "table": table, "format": fmt, "rows": rows, "columns": list(columns),
        "tool": f"newsledger {version('newsledger')}", "ledger": reader.name(),
        "as_of": reader.as_of(), "filters": dict(options.filters),
        "public": options.public, "redacted": options.redact,
    }


def provenance_json(record: dict) -> bytes:
    return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# files --------------------------------------------------------------------------------------
def replace_file(path: str, write: Callable[[BinaryIO], T]) -> T:
    """Run ``write`` on a new file beside ``path`` and rename it to ``path`` when it succeeded:
    a failed export never truncates nor creates ``path``. A device or pipe (``/dev/stdout``)
    is written directly. Returns what ``write`` returned."""
    target = Path(path)
    if target.exists() and not target.is_file() and not target.is_dir():
        with open(target, "wb") as stream:
            return write(stream)
    temporary = target.parent / f".{target.name}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise ExportNotWritten(f"cannot write here: {error.strerror}", source=path) from error
    try:
        with os.fdopen(descriptor, "wb") as stream:
            result = write(stream)
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ExportNotWritten(f"cannot write here: {error.strerror}", source=path) from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return result


def export_file(reader: Reader, table: str, fmt: str, output: str,
                options: ExportOptions = ExportOptions(),
                on_record: Callable[[], None] | None = None) -> dict:
    """Write ``table`` to the file ``output`` and its provenance to
    ``<output>.provenance.json``, each through ``replace_file``; returns the provenance."""
    check_export(table, fmt, options)
    record = replace_file(output, lambda stream: write_export(reader, table, fmt, stream,
                                                              options, on_record))
    replace_file(output + ".provenance.json", lambda stream: stream.write(provenance_json(record)))
    return record
