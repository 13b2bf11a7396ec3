"""The public edition as one SQLite file: every export table, as a public export writes it.

``write_public_sqlite(reader, output)`` writes one table per registered exporter with the
public rules of ``publish.exports`` (no article text beyond each record's own quote, quotes cut
to the clause of their figure, private persons' names replaced by a role, no ``source_path``,
which no exporter carries) and a ``provenance`` table. The file is built beside ``output`` and
renamed onto it only when complete, so a failure never truncates nor creates it; an existing
``output`` is refused unless ``force``. ``publish.datasette.public_metadata`` describes it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from pathlib import Path

from newsledger.errors import ExportNotWritten, ExportRefused
from newsledger.publish.exports import ExportOptions, export_records, load_exporters, provenance
from newsledger.query import Reader

SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "float": "REAL", "json": "TEXT"}
# Columns a public file never holds, whatever an exporter registers.
NEVER_PUBLIC = frozenset({"text", "source_path"})


def _cell(value, kind: str):
    if kind == "json" and value is not None:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _fill(connection: sqlite3.Connection, reader: Reader) -> list[dict]:
    options, records = ExportOptions(public=True, redact=True), []
    for table, exporter in sorted(load_exporters().items()):
        names = [n for n in exporter.column_names(public=True) if n not in NEVER_PUBLIC]
        kinds = {c.name: c.type for c in exporter.columns}
        columns = ", ".join(f'"{n}" {SQL_TYPES[kinds[n]]}' for n in names)
        connection.execute(f'CREATE TABLE "{table}" ({columns})')
        insert = (f'INSERT INTO "{table}" VALUES ({", ".join("?" for _ in names)})')
        count = 0
        for row in export_records(reader, table, options):
            connection.execute(insert, [_cell(row[n], kinds[n]) for n in names])
            count += 1
        records.append(provenance(reader, table, "sqlite", count, options, tuple(names)))
    connection.execute("CREATE TABLE provenance (\"table\" TEXT, record TEXT)")
    connection.executemany("INSERT INTO provenance VALUES (?, ?)", [
        (r["table"], json.dumps(r, ensure_ascii=False, sort_keys=True)) for r in records])
    return records


def write_public_sqlite(reader: Reader, output: str, force: bool = False) -> list[dict]:
    """Write the public edition of the ledger ``reader`` reads to the SQLite file ``output``;
    returns the provenance of each table."""
    target = Path(output)
    if target.exists() and not force:
        raise ExportRefused("the output exists; give --force to replace it", source=output)
    if target.exists() and not target.is_file():
        raise ExportNotWritten("the output is not a regular file", source=output)
    temporary = target.parent / f".{target.name}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        connection = sqlite3.connect(temporary)
    except sqlite3.Error as error:
        raise ExportNotWritten(f"cannot write here: {error}", source=output) from error
    try:
        with connection:
            records = _fill(connection, reader)
        connection.close()
        os.replace(temporary, target)
    except OSError as error:
        connection.close()
        temporary.unlink(missing_ok=True)
        raise ExportNotWritten(f"cannot write here: {error.strerror}", source=output) from error
    except BaseException:
        connection.close()
        temporary.unlink(missing_ok=True)
        raise
    return records
