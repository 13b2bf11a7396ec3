"""CSV and JSON Lines downloads of a figure list (the same filters as ``/figures``), written by
the figures export (``publish.exports``): the same columns and bytes as ``newsledger export
figures``, private persons' names replaced by a role."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import StreamingResponse

from newsledger.publish.exports import ExportOptions, export_chunks
from newsledger.publish.web.params import figure_filter
from newsledger.publish.web.responses import errors
from newsledger.query import FigureFilter

router = APIRouter()

MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


def download_options(chosen: FigureFilter, public: bool = False) -> ExportOptions:
    """The export of a download: the whole quotes the figure list shows, names redacted (in the
    public edition, the public export: quotes cut to their number's clause)."""
    return ExportOptions(public=public, redact=True,
                         filters=tuple(sorted(chosen.values().items())))


@router.get("/api/figures.{kind}", name="download_figures", operation_id="download_figures",
            response_class=StreamingResponse,
            summary="Every figure matching the filters as CSV or JSON Lines",
            responses={200: {"description": "The figures, streamed.",
                             "content": {media.split(";")[0]: {} for media in MEDIA.values()}},
                       **errors(400, 422)})
def download_figures(request: Request,
                     kind: Annotated[Literal["csv", "jsonl"], Path(description="File format.")],
                     chosen: FigureFilter = Depends(figure_filter)) -> StreamingResponse:
    chunks = export_chunks(request.app.state.reader, "figures", kind, download_options(
        chosen, request.app.state.public))
    return StreamingResponse(chunks, media_type=MEDIA[kind], headers={
        "Content-Disposition": f'attachment; filename="figures.{kind}"'})
