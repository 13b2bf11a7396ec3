"""The one JSON error shape as the OpenAPI document declares it on every route."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    code: str = Field(pattern=r"^NL[0-9]{3}$", description="Stable error code.")
    message: str = Field(description="One line: the code and what went wrong.")


class ErrorBody(BaseModel):
    """Every error answer of the API."""

    error: ErrorDetail


MEANING = {
    400: "Parameters that contradict each other (since after until).",
    404: "No such id in the ledger.",
    422: "A parameter outside its declared schema.",
    500: "An internal error (details in the server log).",
}


def errors(*statuses: int) -> dict[int | str, dict]:
    """OpenAPI ``responses`` for the error statuses a route can answer (and 500)."""
    return {status: {"model": ErrorBody, "description": MEANING[status]}
            for status in (*statuses, 500)}
