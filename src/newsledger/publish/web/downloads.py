"""CSV and JSON Lines downloads of a figure list (the same filters as ``/figures``)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import StreamingResponse

from newsledger.publish.web.params import filters
from newsledger.store import browse
from newsledger.store.browse import Filters

router = APIRouter()

COLUMNS = (
    "article", "number_text", "quote", "low", "high", "qualifier", "counted", "who", "place",
    "period", "attributed_to", "rate", "place_id", "period_start", "period_end", "outlet",
    "published", "language", "title",
)
# A spreadsheet runs a cell starting with these as a formula; such text cells get a quote.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


def _cell(value) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def csv_lines(rows: Iterator[dict]) -> Iterator[str]:
    """CSV text, one chunk per row, header first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in COLUMNS])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def jsonl_lines(rows: Iterator[dict]) -> Iterator[str]:
    for row in rows:
        yield json.dumps({column: row.get(column) for column in COLUMNS}, ensure_ascii=False) + "\n"


@router.get("/api/figures.{kind}", name="download_figures", response_class=StreamingResponse,
            summary="Every figure matching the filters as CSV or JSON Lines")
def download_figures(request: Request, kind: str = Path(..., pattern="^(csv|jsonl)$"),
                     chosen: Filters = Depends(filters)) -> StreamingResponse:
    rows = browse.iter_figures(request.app.state.ledger, chosen)
    lines = csv_lines(rows) if kind == "csv" else jsonl_lines(rows)
    return StreamingResponse(lines, media_type=MEDIA[kind], headers={
        "Content-Disposition": f'attachment; filename="figures.{kind}"'})
