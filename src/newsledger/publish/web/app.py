"""The web app: read-only pages and a JSON API over one ledger, every error in one shape.

Article text is untrusted: templates autoescape everything, and a Content-Security-Policy
allows only the package's own scripts and styles, so injected markup stays inert.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import asynccontextmanager
from importlib.metadata import version

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException

from newsledger import query
from newsledger.base.codebook import codebook
from newsledger.errors import BadOption, NewsledgerError, NotFound, QueryError
from newsledger.models import COUNTED
from newsledger.publish.web import charts, downloads, records, routes, series_page, text
from newsledger.publish.web.result_cache import LedgerCache

VERSION = version("newsledger")
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def templates(public: bool = False) -> Jinja2Templates:
    environment = Environment(loader=PackageLoader("newsledger.publish.web", "templates"),
                              autoescape=select_autoescape(default=True), trim_blocks=True,
                              lstrip_blocks=True)
    environment.filters["number"] = charts.number
    environment.filters["marked"] = text.marked
    environment.filters["web_url"] = text.web_url
    environment.filters["id_path"] = text.id_path
    environment.filters["label"] = codebook().label
    environment.globals.update(
        describe=charts.describe, spread=charts.spread, series_chart=charts.series_chart,
        highlight=text.highlight,
        word_diff=text.word_diff, categories=COUNTED, version=VERSION, public=public,
    )
    return Jinja2Templates(env=environment)


def _error(request: Request, error: NewsledgerError, status: int,
           headers: Mapping[str, str] | None = None) -> Response:
    headers = {**HEADERS, **(headers or {})}
    if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
        return JSONResponse(error.as_dict(), status_code=status, headers=headers)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"error": error, "status": status}, status_code=status,
        headers=headers)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NewsledgerError)
    async def coded(request: Request, error: NewsledgerError) -> Response:
        return _error(request, error, error.status)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}"
            for e in error.errors())
        return _error(request, BadOption(problems), 422)

    @app.exception_handler(HTTPException)
    async def http(request: Request, error: HTTPException) -> Response:
        kind = NotFound if error.status_code == 404 else QueryError
        message = f"no page at {request.url.path}" if error.status_code == 404 else error.detail
        return _error(request, kind(str(message)), error.status_code, error.headers)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        return _error(request, NewsledgerError("internal error; see the server log"), 500)


def create_app(db: str, public: bool = False) -> FastAPI:
    """A read-only web app over the ledger ``db`` (SQLite path or database URL); ``public``
    serves the public edition (``web.public``): names redacted, records' own quotes only."""
    reader = query.open(db)  # read-only: serving never creates or changes a ledger

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        reader.close()

    app = FastAPI(
        title="newsledger", version=VERSION, lifespan=lifespan, docs_url=None,
        redoc_url=None, openapi_url="/openapi.json",
        description="Read-only JSON API over a newsledger store: every page of the web app "
                    "has a twin under /api with the same query parameters.",
    )
    app.state.reader = reader
    app.state.cache = LedgerCache(reader)
    app.state.public = public
    app.state.templates = templates(public)
    app.mount("/static", StaticFiles(packages=[("newsledger.publish.web", "static")]),
              name="static")
    app.include_router(downloads.router)
    app.include_router(routes.router)
    app.include_router(records.router)
    app.include_router(series_page.router)
    _install_error_handlers(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next) -> Response:
        response = await call_next(request)
        response.headers.update(HEADERS)
        return response

    return app
