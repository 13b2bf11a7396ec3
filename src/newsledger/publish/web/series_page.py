"""The series page and its twin: one quantity as points on the days its figures speak of,
beside the official reference figures (``publish.series``), read through the app's reader."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from newsledger.extract.cues import rate_names
from newsledger.models import COUNTED
from newsledger.publish.series import build_series, read_sources
from newsledger.publish.web.routes import reader_of, twin

router = APIRouter()
Rate = Literal[("", *rate_names())]


def choices(request: Request) -> dict:
    """The form's categories and rates (page only)."""
    return {"categories": COUNTED, "rates": rate_names()}


@twin("/series", "series.html", extras=choices, on=router)
def series(
    request: Request,
    counted: Annotated[Literal[COUNTED], Query(description="Figure category (codebook).")] =
    "left_country",
    place: Annotated[str | None, Query(
        max_length=200, description="Gazetteer place id or name in any language.")] = None,
    rate: Annotated[Rate | None, Query(description="Figures of this rate instead of "
                                                   "totals.")] = None,
    reported: Annotated[bool, Query(description="Place figures that state no time of their "
                                                "own at their article's date (marked).")] = False,
) -> dict:
    """One quantity over the days its figures speak of, with sources, corroboration and
    quotes, beside the official figures; what was left out and why."""
    sources = request.app.state.cache.get(("series", counted),
                                          lambda: read_sources(reader_of(request), counted))
    return build_series(sources, counted, place or None, rate or None, reported)
