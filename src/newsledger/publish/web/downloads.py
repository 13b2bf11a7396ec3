"""CSV and JSON Lines downloads of a figure list (the same filters as ``/figures``)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import StreamingResponse

from newsledger.publish.web.params import filters
from newsledger.publish.web.responses import errors
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


def csv_chunks(pages: Iterable[list[dict]]) -> Iterator[str]:
    """CSV text, one chunk per page of rows, the header in the first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for rows in pages:
        writer.writerows([_cell(row.get(column)) for column in COLUMNS] for row in rows)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def jsonl_chunks(pages: Iterable[list[dict]]) -> Iterator[str]:
    """JSON Lines text, one chunk per page of rows."""
    for rows in pages:
        yield "".join(json.dumps({column: row.get(column) for column in COLUMNS},
                                 ensure_ascii=False) + "\n" for row in rows)


@router.get("/api/figures.{kind}", name="download_figures", operation_id="download_figures",
            response_class=StreamingResponse,
            summary="Every figure matching the filters as CSV or JSON Lines",
            responses={200: {"description": "The figures, streamed.",
                             "content": {media.split(";")[0]: {} for media in MEDIA.values()}},
                       **errors(400, 422)})
def download_figures(request: Request,
                     kind: Annotated[Literal["csv", "jsonl"], Path(description="File format.")],
                     chosen: Filters = Depends(filters)) -> StreamingResponse:
    pages = browse.figure_pages(request.app.state.ledger, chosen)
    chunks = csv_chunks(pages) if kind == "csv" else jsonl_chunks(pages)
    return StreamingResponse(chunks, media_type=MEDIA[kind], headers={
        "Content-Disposition": f'attachment; filename="figures.{kind}"'})
