"""Read queries of the read API over what the corpus stages store: stories with their
members, claims and conflicts, filtered and sorted (``query.Reader`` calls them)."""

from __future__ import annotations

import json

from sqlalchemy import and_, case, func, or_, select

from newsledger.errors import NotFound
from newsledger.models import Claim, Conflict
from newsledger.store import schema
from newsledger.store.browse import ARTICLE_COLUMNS, Listing
from newsledger.store.records import claim_of, conflict_of

A, S, M = schema.articles, schema.stories, schema.story_members
C, K = schema.claims, schema.conflicts
STORY_SORTS = {"size": (S.c.size.desc(), S.c.id), "id": (S.c.id,)}
CLAIM_SORTS = {"stories": (C.c.stories.desc(), C.c.articles.desc(), C.c.id),
               "newest": (C.c.last.desc().nulls_last(), C.c.id)}


def stories(ledger, filters, sort: str) -> Listing:
    """Stories with their origin's title, outlet, date, language and URL (members apart:
    ``members``)."""
    query = (select(S.c.id, S.c.origin, S.c.size, *ARTICLE_COLUMNS[1:])
             .join(A, A.c.id == S.c.origin))
    if filters.article:
        query = query.where(S.c.id.in_(select(M.c.story).where(M.c.article == filters.article)))
    return Listing(ledger, query, STORY_SORTS[sort])


def story(ledger, story_id: str) -> dict:
    """One story with its origin's metadata and its members; NotFound if none."""
    query = (select(S.c.id, S.c.origin, S.c.size, *ARTICLE_COLUMNS[1:])
             .join(A, A.c.id == S.c.origin).where(S.c.id == story_id))
    rows, _ = Listing(ledger, query, STORY_SORTS["id"]).page()
    if not rows:
        raise NotFound(f"no story with id {story_id!r}")
    return {**rows[0], "members": members(ledger, [story_id])[story_id]}


def members(ledger, story_ids: list[str]) -> dict[str, list[dict]]:
    """Story id -> its members (origin first, then by date) with their articles' metadata and
    the evidence that joined them."""
    query = (select(M.c.story, M.c.article, M.c.relation, M.c.score, M.c.evidence,
                    *ARTICLE_COLUMNS[1:])
             .join(A, A.c.id == M.c.article).where(M.c.story.in_(story_ids))
             .order_by(M.c.story, M.c.relation != "origin", A.c.published, A.c.ingest_order))
    found: dict[str, list[dict]] = {story_id: [] for story_id in story_ids}
    with ledger.engine.connect() as connection:
        for row in connection.execute(query):
            record = dict(row._mapping)
            record["evidence"] = json.loads(record["evidence"]) if record["evidence"] else None
            found[record.pop("story")].append(record)
    return found


def claims(ledger, filters, sort: str) -> Listing:
    """Claims (``models.Claim``); ``article`` keeps the claims with a mention in that
    article."""
    query = select(C)
    if filters.counted:
        query = query.where(C.c.counted == filters.counted)
    if filters.article:
        pattern = f'"article": {json.dumps(filters.article, ensure_ascii=False)}'
        query = query.where(C.c.data.contains(pattern, autoescape=True))
    return Listing(ledger, query, CLAIM_SORTS[sort], claim_of)


def claim(ledger, claim_id: str) -> Claim:
    rows, _ = Listing(ledger, select(C).where(C.c.id == claim_id), (C.c.id,), claim_of).page()
    if not rows:
        raise NotFound(f"no claim with id {claim_id!r}")
    return rows[0]


_a, _b = A.alias("a"), A.alias("b")
NEWEST = case((_a.c.published > _b.c.published, _a.c.published),
              else_=func.coalesce(_b.c.published, _a.c.published))
CONFLICT_SORTS = {"newest": (NEWEST.desc().nulls_last(), K.c.id), "kind": (K.c.kind, K.c.id)}


def _conflicts(ledger, conditions: list, sort: str) -> Listing:
    query = (
        select(K, _a.c.title.label("title_a"), _b.c.title.label("title_b"),
               func.coalesce(_a.c.language, _a.c.detected_language).label("language_a"),
               func.coalesce(_b.c.language, _b.c.detected_language).label("language_b"))
        .join(_a, _a.c.id == K.c.article_a).join(_b, _b.c.id == K.c.article_b)
        .where(and_(True, *conditions))
    )
    return Listing(ledger, query, CONFLICT_SORTS[sort], conflict_of)


def conflicts(ledger, filters, sort: str) -> Listing:
    """Conflicts (``models.Conflict``) with both articles' titles and languages; ``article``
    keeps the conflicts quoting that article, as ``a``, ``b`` or one of the ``others``."""
    conditions = [K.c.kind == filters.kind] if filters.kind else []
    if filters.article:
        other = f'"article": {json.dumps(filters.article, ensure_ascii=False)}'
        conditions.append(or_(K.c.article_a == filters.article,
                              K.c.article_b == filters.article,
                              K.c.data.contains(other, autoescape=True)))
    return _conflicts(ledger, conditions, sort)


def conflict(ledger, conflict_id: str) -> Conflict:
    """One conflict with both articles' titles and languages; NotFound if none."""
    rows, _ = _conflicts(ledger, [K.c.id == conflict_id], "kind").page()
    if not rows:
        raise NotFound(f"no conflict with id {conflict_id!r}")
    return rows[0]
