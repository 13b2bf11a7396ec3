"""Permalinks and the article list: one figure and one conflict with their cite records, and
every article (the list the search page filters by text)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from newsledger.models import plain
from newsledger.publish.web.params import article_filter, filter_values, paging
from newsledger.publish.web.routes import Identifier, cited, listing, reader_of, twin
from newsledger.query import ArticleFilter, Page

router = APIRouter()


@twin("/articles", "articles.html", statuses=(400, 422), opens=("article", "article_id", "id"),
      on=router)
def articles(request: Request, chosen: ArticleFilter = Depends(article_filter),
             page: Page = Depends(paging)) -> dict:
    """Every article with its outlet, date, language and figure count, in ingest order."""
    result = reader_of(request).articles(chosen, page)
    return listing(request, result, filters=filter_values(chosen))


@twin("/figures/{figure_id:ledger_id}", "figure.html", statuses=(404, 422), on=router)
def figure(request: Request, figure_id: Identifier) -> dict:
    """One figure: its record, the quote it came from, its article and its cite."""
    record = reader_of(request).figure(figure_id)
    return {**record, "cite": cited(request, "figure", record)}


@twin("/conflicts/{conflict_id:ledger_id}", "conflict.html", statuses=(404, 422),
      on=router)
def conflict(request: Request, conflict_id: Identifier) -> dict:
    """One conflict: both quotes with their articles, why they disagree, and its cite."""
    record = reader_of(request).conflict(conflict_id)
    return {**plain(record), "cite": cited(request, "conflict", record)}
