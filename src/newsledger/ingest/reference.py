"""Official reference figures from a CSV file (``newsledger reference import``).

Columns: ``source`` (who states it), ``as_of`` (YYYY-MM-DD, the day it stands at), ``counted``
(a codebook category), ``place``, ``value`` or ``low``/``high``, ``url`` (where the statement
is reported) and ``note``; optionally ``since`` (YYYY-MM-DD, the first day the value counts
from: the day itself for a one-day count, empty for a running total). A bad row is one coded
line naming the file and line; the other rows still load.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsledger.base.places import resolve_place
from newsledger.errors import BadReferenceFile, BadReferenceRow
from newsledger.models import COUNTED

REQUIRED = ("source", "as_of", "counted", "place", "url")
OPTIONAL = ("value", "low", "high", "since", "note")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMBER = re.compile(r"\d{1,3}(?:[, _]\d{3})+|\d+")


@dataclass(frozen=True)
class ReferenceFile:
    """The good rows of one file (store records) and one error per bad row."""

    name: str
    rows: tuple[dict, ...]
    errors: tuple[BadReferenceRow, ...]


def _day(value: str, column: str) -> str:
    try:
        if _DAY.fullmatch(value):
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise ValueError(f"{column} {value!r} is no YYYY-MM-DD day")


def _count(value: str, column: str) -> int | None:
    if not value:
        return None
    if not _NUMBER.fullmatch(value):
        raise ValueError(f"{column} {value!r} is no whole number of people")
    return int(re.sub(r"[, _]", "", value))


def _interval(cells: dict[str, str]) -> tuple[int | None, int | None, str]:
    """(low, high, qualifier) from ``value`` or ``low``/``high``."""
    value = _count(cells.get("value", ""), "value")
    low, high = _count(cells.get("low", ""), "low"), _count(cells.get("high", ""), "high")
    if value is not None:
        if low is not None or high is not None:
            raise ValueError("give value or low/high, not both")
        return value, value, "exact"
    if low is None and high is None:
        raise ValueError("no value, low or high")
    if low is not None and high is not None:
        if low > high:
            raise ValueError(f"low {low} is above high {high}")
        return low, high, "exact" if low == high else "range"
    return low, high, "at_least" if high is None else "at_most"


def reference_id(source: str, as_of: str, since: str | None, counted: str,
                 place_key: str | None) -> str:
    """One official statement of one quantity: who, for which days, what and where."""
    seed = f"{source.casefold()}|{as_of}|{since or ''}|{counted}|{place_key or ''}"
    return "ref-" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:12]


def reference_row(cells: dict[str, str], name: str, line: int) -> dict:
    """One CSV row (stripped cells) as a store record; ValueError names the problem."""
    missing = [column for column in ("source", "as_of", "counted", "url") if not cells.get(column)]
    if missing:
        raise ValueError(f"no {', '.join(missing)}")
    as_of = _day(cells["as_of"], "as_of")
    since = _day(cells["since"], "since") if cells.get("since") else None
    if since and since > as_of:
        raise ValueError(f"since {since} is after as_of {as_of}")
    if cells["counted"] not in COUNTED:
        raise ValueError(f"counted {cells['counted']!r} is no codebook category "
                         f"({', '.join(COUNTED)})")
    if not cells["url"].startswith(("https://", "http://")):
        raise ValueError(f"url {cells['url']!r} is no http(s) URL")
    low, high, qualifier = _interval(cells)
    place = cells.get("place") or None
    found = resolve_place(place) if place else None
    place_id = found.id if found else None
    return {
        "id": reference_id(cells["source"], as_of, since, cells["counted"],
                           place_id or (place or "").casefold()),
        "source": cells["source"], "as_of": as_of, "since": since,
        "counted": cells["counted"], "place": place, "place_id": place_id, "low": low,
        "high": high, "qualifier": qualifier, "url": cells["url"],
        "note": cells.get("note") or None, "file": name, "line": line,
    }


def _text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise BadReferenceFile("no such file", source=str(path)) from None
    except IsADirectoryError:
        raise BadReferenceFile("is a folder, not a CSV file", source=str(path)) from None
    except UnicodeDecodeError as error:
        raise BadReferenceFile(f"is not UTF-8 text (byte {error.start})",
                               source=str(path)) from None


def read_reference_csv(path: str | Path) -> ReferenceFile:
    """Every row of a reference CSV: good rows as store records, bad ones as coded errors.
    A row repeating an earlier row's statement (same id) is an error; the first one loads."""
    path = Path(path)
    reader = csv.DictReader(io.StringIO(_text(path), newline=""))
    header = [(column or "").strip() for column in reader.fieldnames or []]
    missing = [column for column in REQUIRED if column not in header]
    if not {"value", "low", "high"} & set(header):
        missing.append("value (or low/high)")
    if missing:
        raise BadReferenceFile(f"has no column {', '.join(missing)} (columns: "
                               f"{', '.join(REQUIRED + OPTIONAL)})", source=str(path))
    rows: dict[str, dict] = {}
    errors = []
    for record in reader:
        line = reader.line_num
        cells = {key.strip(): (value or "").strip() for key, value in record.items() if key}
        if not any(cells.values()):
            continue
        try:
            if None in record:
                raise ValueError(f"{len(header) + len(record[None])} cells for "
                                 f"{len(header)} columns")
            row = reference_row(cells, path.name, line)
            if row["id"] in rows:
                raise ValueError(f"repeats line {rows[row['id']]['line']} (the same source, "
                                 "as_of, since, counted and place)")
            rows[row["id"]] = row
        except ValueError as error:
            errors.append(BadReferenceRow(str(error), source=f"{path}:{line}"))
    return ReferenceFile(path.name, tuple(rows.values()), tuple(errors))
