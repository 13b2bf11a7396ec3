"""The pages and their JSON twins: every view returns data; ``twin`` serves it as JSON under
``/api`` and as an HTML page rendered from the same data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass
from functools import wraps
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.convertors import Convertor, register_url_convertor

from newsledger.errors import BadOption
from newsledger.models import Claim, plain
from newsledger.publish.cite import cite_with
from newsledger.publish.redact import PersonCache
from newsledger.publish.web import charts, geography
from newsledger.publish.web.params import (
    ConflictKind,
    Counted,
    article_filter,
    event_filter,
    figure_filter,
    filter_values,
    paging,
)
from newsledger.publish.web.public import public_data
from newsledger.publish.web.responses import errors
from newsledger.query import (
    ArticleFilter,
    ClaimFilter,
    ConflictFilter,
    EventFilter,
    FigureFilter,
    Page,
    Reader,
    Result,
    StoryFilter,
)

router = APIRouter()
PRIVATE_KEYS = frozenset({"source_path"})  # where a file was read from: never served


class LedgerId(Convertor[str]):
    """An id in a route: any text but NUL, "/" included (links quote it as %2F). No stored id
    holds a NUL (PostgreSQL text cannot), so a path with one matches no route: a 404 on every
    database, never a query."""

    regex = r"[^\x00]+"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return quote(str(value), safe="")


register_url_convertor("ledger_id", LedgerId())
Identifier = Annotated[str, Path(max_length=255, description="Stable id.")]


def without_private(data):
    """``data`` with every ``PRIVATE_KEYS`` entry dropped, at any depth (a guard for views
    whose rows come straight from a table); records become dicts (``models.plain``)."""
    if is_dataclass(data) and not isinstance(data, type):
        data = plain(data)
    if isinstance(data, dict):
        return {k: without_private(v) for k, v in data.items() if k not in PRIVATE_KEYS}
    if isinstance(data, list | tuple):
        return [without_private(item) for item in data]
    return data


def reader_of(request: Request) -> Reader:
    return request.app.state.reader


def shown(request: Request, data):
    """A view's data as this app serves it: without private keys, and in the public edition
    redacted (``public.public_data``); text search is off there (a hit would tell that an
    article names someone)."""
    if not request.app.state.public:
        return without_private(data)
    if request.query_params.get("q"):
        raise BadOption("the public edition has no text search (it would find private names)")
    return public_data(without_private(data), PersonCache(reader_of(request)))


def cited(request: Request, kind: str, record) -> dict:
    """The cite record of ``record`` (``publish.cite``); the public edition redacts it with
    the rest of the page."""
    return cite_with(reader_of(request), kind, record)


def facets(request: Request) -> dict:
    """Filter choices for the HTML forms (not part of the JSON twins)."""
    return {"facets": request.app.state.cache.get("facets", reader_of(request).facets)}


def event_choices(request: Request) -> dict:
    """Event types and places for the events filter form."""
    return {"facets": request.app.state.cache.get("event_facets",
                                                  reader_of(request).event_facets)}


def twin(path: str, template: str, extras: Callable[[Request], dict] | None = None,
         statuses: tuple[int, ...] = (422,), opens: tuple[str, str, str] | None = None,
         on: APIRouter = router):
    """Register ``view`` at ``/api{path}`` (JSON, documented with the error ``statuses`` it
    can answer) and at ``path`` (HTML from ``template``). An id in ``path`` is written
    ``{name:ledger_id}``. ``opens`` (view, its id parameter, item field) documents the OpenAPI
    link from a list to its first item. ``on`` is the router they are added to."""

    def decorate(view):
        responses = errors(*statuses)
        if opens:
            target, parameter, field = opens
            responses[200] = {"links": {target: {
                "operationId": "api_" + target,
                "parameters": {parameter: f"$response.body#/items/0/{field}"}}}}

        @wraps(view)
        def api(**kwargs):  # plain JSON data: json.dumps, without FastAPI's slower encoder
            return JSONResponse(shown(kwargs["request"], view(**kwargs)))

        on.add_api_route("/api" + path, api, methods=["GET"], name="api_" + view.__name__,
                             operation_id="api_" + view.__name__, responses=responses,
                             summary=(view.__doc__ or "").split("\n")[0].rstrip("."))

        @wraps(view)
        def page(**kwargs):
            request = kwargs["request"]
            context = {"data": shown(request, view(**kwargs)),
                       **(extras(request) if extras else {})}
            return request.app.state.templates.TemplateResponse(request, template, context)

        on.add_api_route(path, page, methods=["GET"], name=view.__name__,
                             include_in_schema=False, response_class=HTMLResponse)
        return view

    return decorate


def listing(request: Request, result: Result, **extra) -> dict:
    """A list response: its items, total, offset, limit and the URL of the next page."""
    following = (str(request.url.include_query_params(offset=result.next.offset))
                 if result.next is not None else None)
    return {"total": result.total, "offset": result.page.offset, "limit": result.page.limit,
            "next": following, **extra, "items": result.rows}


def _summary(claim: Claim) -> dict:
    """A claim without its mention list (which is never turned into JSON)."""
    return {spec.name: plain(getattr(claim, spec.name)) for spec in fields(claim)
            if spec.name != "mentions"}


def drawings(request: Request) -> dict:
    """The overview's chart and map geometry (page only), computed once per ledger version."""
    def draw() -> dict:
        data = overview(request)
        return {"chart": charts.timeline(data["chart"]["marks"], data["chart"]["undated"]),
                "geo": geography.place_map(data["places"])}

    return request.app.state.cache.get("drawings", draw)


@twin("/", "overview.html", extras=drawings, statuses=())
def overview(request: Request) -> dict:
    """Ledger totals, figures by category over time, figures and events by place, best
    corroborated claims, newest conflicts."""
    return request.app.state.cache.get("overview", lambda: _overview(reader_of(request)))


def _overview(reader: Reader) -> dict:
    marks, undated = reader.chart_marks()
    return {
        "totals": reader.totals(),
        "chart": {"marks": marks, "undated": undated},
        "claims": [_summary(c) for c in reader.claims(page=Page(8))],
        "conflicts": reader.conflicts(page=Page(6)).rows,
        "places": reader.places(),
    }


@twin("/search", "search.html", extras=facets, statuses=(400, 422),
      opens=("article", "article_id", "id"))
def search(request: Request, chosen: ArticleFilter = Depends(article_filter),
           page: Page = Depends(paging)) -> dict:
    """Articles by full-text search and filters (best matches first, else ingest order)."""
    result = reader_of(request).articles(chosen, page)
    return listing(request, result, filters=filter_values(chosen))


@twin("/figures", "figures.html", extras=facets, statuses=(400, 422))
def figures(request: Request, chosen: FigureFilter = Depends(figure_filter),
            page: Page = Depends(paging)) -> dict:
    """Figures with their evidence, filtered; CSV and JSON Lines downloads of the whole list."""
    result = reader_of(request).figures(chosen, page)
    query = request.url.query
    downloads = {kind: str(request.url_for("download_figures", kind=kind)) + (
        f"?{query}" if query else "") for kind in ("csv", "jsonl")}
    return listing(request, result, filters=filter_values(chosen), downloads=downloads)


@twin("/articles/{article_id:ledger_id}", "article.html", statuses=(404, 422))
def article(request: Request, article_id: Identifier) -> dict:
    """One article: its text, figures, event mentions, story, claims and conflicts."""
    reader, every = reader_of(request), Page(None)
    record = reader.article(article_id)
    story = reader.stories(StoryFilter(article=article_id), Page(1)).rows
    return {
        "article": record,
        "figures": reader.figures(FigureFilter(article=article_id), every).rows,
        "events": reader.event_mentions(EventFilter(article=article_id), every).rows,
        "story": story[0] if story else None,
        "claims": [_summary(c) for c in reader.claims(ClaimFilter(article=article_id), every)],
        "conflicts": reader.conflicts(ConflictFilter(article=article_id), Page(20)).rows,
    }


@twin("/claims", "claims.html", opens=("claim", "claim_id", "id"))
def claims(request: Request,
           counted: Annotated[Counted | None, Query(description="Claim category.")] = None,
           page: Page = Depends(paging)) -> dict:
    """Claims (figures stating one quantity), most independent stories first."""
    chosen = ClaimFilter(counted=counted)
    result = reader_of(request).claims(chosen, page)
    result.rows[:] = [_summary(c) for c in result.rows]
    return listing(request, result, filters=filter_values(chosen))


@twin("/claims/{claim_id:ledger_id}", "claim.html", statuses=(404, 422))
def claim(request: Request, claim_id: Identifier) -> dict:
    """One claim with every mention (quote, outlet, date, language, story) and its cite."""
    record = reader_of(request).claim(claim_id)
    return {**plain(record), "cite": cited(request, "claim", record)}


@twin("/stories", "stories.html", opens=("story", "story_id", "id"))
def stories(request: Request, page: Page = Depends(paging)) -> dict:
    """Stories (copies, near-duplicates and translations of one text), largest first."""
    return listing(request, reader_of(request).stories(page=page))


@twin("/stories/{story_id:ledger_id}", "story.html", statuses=(404, 422))
def story(request: Request, story_id: Identifier) -> dict:
    """One story: its members with relation and similarity, origin first."""
    return reader_of(request).story(story_id)


@twin("/conflicts", "conflicts.html")
def conflicts(request: Request,
              kind: Annotated[ConflictKind | None, Query(description="Conflict kind.")] = None,
              page: Page = Depends(paging)) -> dict:
    """Pairs of quotes that cannot both be true, newest first."""
    chosen = ConflictFilter(kind=kind)
    result = reader_of(request).conflicts(chosen, page)
    result.rows[:] = [{**plain(c), "cite": cited(request, "conflict", c)} for c in result.rows]
    return listing(request, result, filters=filter_values(chosen))


@twin("/events", "events.html", extras=event_choices, statuses=(400, 422),
      opens=("event", "event_id", "event_id"))
def events(request: Request, chosen: EventFilter = Depends(event_filter),
           page: Page = Depends(paging)) -> dict:
    """Real-world events (mentions merged) with type, date, place, actors, figures, mentions
    and independent stories; latest first."""
    result = request.app.state.cache.get(("events", chosen, page),
                                         lambda: reader_of(request).events(chosen, page))
    return listing(request, result, filters=filter_values(chosen))


@twin("/events/{event_id:ledger_id}", "event.html", statuses=(404, 422))
def event(request: Request, event_id: Identifier) -> dict:
    """One event with every mention (quote, outlet, date, language, story) and its cite."""
    record = reader_of(request).event(event_id)
    return {**record, "cite": cited(request, "event", record)}
