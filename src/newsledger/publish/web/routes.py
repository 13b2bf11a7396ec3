"""The pages and their JSON twins: every view returns data; ``twin`` serves it as JSON under
``/api`` and as an HTML page rendered from the same data."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.convertors import Convertor, register_url_convertor

from newsledger.publish.web import charts, geography
from newsledger.publish.web.params import (
    ConflictKind,
    Counted,
    Paging,
    event_filters,
    filter_values,
    filters,
)
from newsledger.publish.web.responses import errors
from newsledger.reconcile.place_counts import place_counts
from newsledger.store import Ledger, browse, browse_events
from newsledger.store import claims as claim_store
from newsledger.store.browse import Filters
from newsledger.store.browse_events import EventFilters
from newsledger.store.events import place_rows

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
    whose rows come straight from a table)."""
    if isinstance(data, dict):
        return {k: without_private(v) for k, v in data.items() if k not in PRIVATE_KEYS}
    if isinstance(data, list):
        return [without_private(item) for item in data]
    return data


def ledger_of(request: Request) -> Ledger:
    return request.app.state.ledger


def facets(request: Request) -> dict:
    """Filter choices for the HTML forms (not part of the JSON twins)."""
    return {"facets": request.app.state.cache.get(
        "facets", lambda: browse.facets(ledger_of(request)))}


def event_choices(request: Request) -> dict:
    """Event types and places for the events filter form."""
    return {"facets": request.app.state.cache.get(
        "event_facets", lambda: browse_events.event_facets(ledger_of(request)))}


def twin(path: str, template: str, extras: Callable[[Request], dict] | None = None,
         statuses: tuple[int, ...] = (422,), opens: tuple[str, str, str] | None = None):
    """Register ``view`` at ``/api{path}`` (JSON, documented with the error ``statuses`` it
    can answer) and at ``path`` (HTML from ``template``). An id in ``path`` is written
    ``{name:ledger_id}``. ``opens`` (view, its id parameter, item field) documents the OpenAPI
    link from a list to its first item."""

    def decorate(view):
        responses = errors(*statuses)
        if opens:
            target, parameter, field = opens
            responses[200] = {"links": {target: {
                "operationId": "api_" + target,
                "parameters": {parameter: f"$response.body#/items/0/{field}"}}}}

        @wraps(view)
        def api(**kwargs):  # plain JSON data: json.dumps, without FastAPI's slower encoder
            return JSONResponse(without_private(view(**kwargs)))

        router.add_api_route("/api" + path, api, methods=["GET"], name="api_" + view.__name__,
                             operation_id="api_" + view.__name__, responses=responses,
                             summary=(view.__doc__ or "").split("\n")[0].rstrip("."))

        @wraps(view)
        def page(**kwargs):
            request = kwargs["request"]
            context = {"data": without_private(view(**kwargs)),
                       **(extras(request) if extras else {})}
            return request.app.state.templates.TemplateResponse(request, template, context)

        router.add_api_route(path, page, methods=["GET"], name=view.__name__,
                             include_in_schema=False, response_class=HTMLResponse)
        return view

    return decorate


def listing(request: Request, page: browse.Page, **extra) -> dict:
    """A list response: its items, total, offset, limit and the URL of the next page."""
    following = (str(request.url.include_query_params(offset=page.next_offset))
                 if page.next_offset is not None else None)
    return {"total": page.total, "offset": page.offset, "limit": page.limit, "next": following,
            **extra, "items": page.rows}


def _summary(claim: dict) -> dict:
    """A claim without its mention list (outlets kept)."""
    data = claim.get("data") or {}
    return {**{k: v for k, v in claim.items() if k != "data"}, "outlets": data.get("outlets", [])}


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
    return request.app.state.cache.get("overview", lambda: _overview(ledger_of(request)))


def _overview(ledger: Ledger) -> dict:
    marks, undated = browse.chart_marks(ledger, Filters())
    return {
        "totals": browse.totals(ledger),
        "chart": {"marks": marks, "undated": undated},
        "claims": [_summary(c) for c in browse.claims(ledger, limit=8).rows],
        "conflicts": browse.conflicts(ledger, limit=6).rows,
        "places": place_counts(place_rows(ledger)),
    }


@twin("/search", "search.html", extras=facets, statuses=(400, 422),
      opens=("article", "article_id", "id"))
def search(request: Request, chosen: Filters = Depends(filters),
           paging: Paging = Depends()) -> dict:
    """Articles by full-text search and filters (best matches first, else ingest order)."""
    page = browse.articles(ledger_of(request), chosen, paging.offset, paging.limit)
    return listing(request, page, filters=filter_values(chosen))


@twin("/figures", "figures.html", extras=facets, statuses=(400, 422))
def figures(request: Request, chosen: Filters = Depends(filters),
            paging: Paging = Depends()) -> dict:
    """Figures with their evidence, filtered; CSV and JSON Lines downloads of the whole list."""
    page = browse.figures(ledger_of(request), chosen, paging.offset, paging.limit)
    query = request.url.query
    downloads = {kind: str(request.url_for("download_figures", kind=kind)) + (
        f"?{query}" if query else "") for kind in ("csv", "jsonl")}
    return listing(request, page, filters=filter_values(chosen), downloads=downloads)


@twin("/articles/{article_id:ledger_id}", "article.html", statuses=(404, 422))
def article(request: Request, article_id: Identifier) -> dict:
    """One article: its text, figures, event mentions, story, claims and conflicts."""
    ledger = ledger_of(request)
    record = ledger.article_row(article_id)
    story_id = browse.story_of(ledger, article_id)
    return {
        "article": record,
        "figures": list(ledger.figures(article=article_id)),
        "events": browse_events.events_of_article(ledger, article_id),
        "story": browse.story(ledger, story_id) if story_id else None,
        "claims": browse.claims_of_article(ledger, article_id),
        "conflicts": browse.conflicts(ledger, article=article_id, limit=20).rows,
    }


@twin("/claims", "claims.html", opens=("claim", "claim_id", "id"))
def claims(request: Request,
           counted: Annotated[Counted | None, Query(description="Claim category.")] = None,
           paging: Paging = Depends()) -> dict:
    """Claims (figures stating one quantity), most independent stories first."""
    chosen = counted or None
    page = browse.claims(ledger_of(request), chosen, paging.offset, paging.limit)
    page.rows[:] = [_summary(c) for c in page.rows]
    return listing(request, page, filters={"counted": chosen} if chosen else {})


@twin("/claims/{claim_id:ledger_id}", "claim.html", statuses=(404, 422))
def claim(request: Request, claim_id: Identifier) -> dict:
    """One claim with every mention (quote, outlet, date, language, story)."""
    return claim_store.claim(ledger_of(request), claim_id)


@twin("/stories", "stories.html", opens=("story", "story_id", "id"))
def stories(request: Request, paging: Paging = Depends()) -> dict:
    """Stories (copies, near-duplicates and translations of one text), largest first."""
    return listing(request, browse.stories(ledger_of(request), paging.offset, paging.limit))


@twin("/stories/{story_id:ledger_id}", "story.html", statuses=(404, 422))
def story(request: Request, story_id: Identifier) -> dict:
    """One story: its members with relation and similarity, origin first."""
    return browse.story(ledger_of(request), story_id)


@twin("/conflicts", "conflicts.html")
def conflicts(request: Request,
              kind: Annotated[ConflictKind | None, Query(description="Conflict kind.")] = None,
              paging: Paging = Depends()) -> dict:
    """Pairs of quotes that cannot both be true, newest first."""
    page = browse.conflicts(ledger_of(request), kind or None, None, paging.offset, paging.limit)
    return listing(request, page, filters={"kind": kind} if kind else {})


@twin("/events", "events.html", extras=event_choices, statuses=(400, 422),
      opens=("event", "event_id", "event_id"))
def events(request: Request, chosen: EventFilters = Depends(event_filters),
           paging: Paging = Depends()) -> dict:
    """Real-world events (mentions merged) with type, date, place, actors, figures, mentions
    and independent stories; latest first."""
    page = request.app.state.cache.get(
        ("events", chosen, paging.offset, paging.limit),
        lambda: browse_events.merged_events(ledger_of(request), chosen, paging.offset,
                                            paging.limit))
    return listing(request, page, filters=filter_values(chosen))


@twin("/events/{event_id:ledger_id}", "event.html", statuses=(404, 422))
def event(request: Request, event_id: Identifier) -> dict:
    """One event with every mention (quote, outlet, date, language, story)."""
    return browse_events.merged_event(ledger_of(request), event_id)
