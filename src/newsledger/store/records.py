"""The corpus stages' records as rows: claims, conflicts and stories mapped to their tables
and back, replaced whole by their stages and read in order.

Each claim and conflict row keeps its evidence as JSON in ``data``; this module is the one
place that writes and reads it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, fields

from sqlalchemy import Table, insert, select

from newsledger.models import Claim, ClaimMention, Conflict, Counterpart, Story, StoryMember
from newsledger.store import corpus_state, schema
from newsledger.store.engine import locked

_CLAIM_COLUMNS = tuple(column.name for column in schema.claims.c if column.name != "data")
_CONFLICT_COLUMNS = tuple(column.name for column in schema.conflicts.c if column.name != "data")
_CONFLICT_DATA = tuple(spec.name for spec in fields(Conflict)
                       if spec.name not in _CONFLICT_COLUMNS and spec.name not in
                       ("titles", "languages"))
_PAIRS = ("outlets", "dates", "numbers", "titles", "languages")
_MENTION = tuple(spec.name for spec in fields(ClaimMention))  # flat: no deep copy needed


def claim_row(claim: Claim) -> dict:
    return {**{name: getattr(claim, name) for name in _CLAIM_COLUMNS},
            "data": json.dumps({"rate": claim.rate, "who": claim.who,
                                "outlets": list(claim.outlets),
                                "mentions": [{name: getattr(m, name) for name in _MENTION}
                                             for m in claim.mentions],
                                "sources": claim.sources, "origins": list(claim.origins),
                                "as_of": claim.as_of, "estimate": claim.estimate},
                               ensure_ascii=False)}


def claim_of(row: dict) -> Claim:
    data = json.loads(row["data"])
    return Claim(**{name: row[name] for name in _CLAIM_COLUMNS},
                 rate=data.get("rate"), who=data.get("who"),
                 outlets=tuple(data.get("outlets") or ()),
                 sources=data.get("sources"), origins=tuple(data.get("origins") or ()),
                 as_of=data.get("as_of"), estimate=data.get("estimate", False),
                 mentions=tuple(ClaimMention(**mention) for mention in data.get("mentions", ())))


def conflict_row(conflict: Conflict) -> dict:
    data = {name: getattr(conflict, name) for name in _CONFLICT_DATA}
    data["others"] = tuple(asdict(other) for other in conflict.others)
    return {**{name: getattr(conflict, name) for name in _CONFLICT_COLUMNS},
            "data": json.dumps({k: v for k, v in data.items() if v not in (None, ())},
                               ensure_ascii=False)}


def conflict_of(row: dict) -> Conflict:
    """A conflict row, with both articles' ``title_a``/``title_b`` and ``language_a``/
    ``language_b`` where the query joined them."""
    data = json.loads(row["data"])
    values = {name: data[name] for name in _CONFLICT_DATA if name in data}
    for name in _PAIRS:
        if name in values:
            values[name] = tuple(values[name])
    values["others"] = tuple(Counterpart(**other) for other in values.get("others", ()))
    if "intervals" in values:
        values["intervals"] = tuple(tuple(pair) for pair in values["intervals"])
    return Conflict(**{name: row[name] for name in _CONFLICT_COLUMNS}, **values,
                    titles=(row.get("title_a"), row.get("title_b")),
                    languages=(row.get("language_a"), row.get("language_b")))


def story_rows(rows: Iterable) -> Iterator[Story]:
    """Stories from story rows joined with their members, in story order."""
    current: list = []
    for row in rows:
        if current and current[0].id != row.id:
            yield _story(current)
            current = []
        current.append(row)
    if current:
        yield _story(current)


def _story(rows: list) -> Story:
    return Story(rows[0].id, rows[0].origin, tuple(
        StoryMember(row.article, row.relation, row.score, row.evidence) for row in rows))


def replace_stories(ledger, stories: Iterable[Story]) -> None:
    with locked(ledger.engine) as connection:
        corpus_state.forget_stage(connection, "stories")
        connection.execute(schema.story_members.delete())
        connection.execute(schema.stories.delete())
        for story in stories:
            connection.execute(insert(schema.stories).values(
                id=story.id, origin=story.origin, size=len(story.members)))
            connection.execute(insert(schema.story_members), [
                {"article": m.article, "story": story.id, "relation": m.relation,
                 "score": m.score, "evidence": m.evidence} for m in story.members])


def _replace(ledger, table: Table, rows: Iterable[dict], where=None) -> int:
    """Replace every row of ``table`` (those matching ``where``) in one transaction. The rows
    are computed before the write lock is taken, so other writers never wait for the stage.
    Replacing a whole table makes its stage rebuild on its next run."""
    prepared = list(rows)
    with locked(ledger.engine) as connection:
        if where is None:
            corpus_state.forget_stage(connection, table.name)
        connection.execute(table.delete() if where is None else table.delete().where(where))
        for start in range(0, len(prepared), 500):
            connection.execute(insert(table), prepared[start:start + 500])
    return len(prepared)


def _read(ledger, query) -> Iterator[dict]:
    with ledger.engine.connect() as connection:
        for row in connection.execution_options(yield_per=500).execute(query):
            yield dict(row._mapping)


def replace_claims(ledger, claims: Iterable[Claim]) -> int:
    return _replace(ledger, schema.claims, map(claim_row, claims))


def claims(ledger) -> Iterator[Claim]:
    """Every claim, most independent stories first (filtered reads: ``newsledger.query``)."""
    table = schema.claims
    query = select(table).order_by(table.c.stories.desc(), table.c.articles.desc(), table.c.id)
    return map(claim_of, _read(ledger, query))


def replace_conflicts(ledger, conflicts: Iterable[Conflict], kind: str | None = None) -> int:
    """Replace every conflict, or with ``kind`` only those of that kind."""
    where = None if kind is None else schema.conflicts.c.kind == kind
    return _replace(ledger, schema.conflicts, map(conflict_row, conflicts), where)


def conflicts(ledger) -> Iterator[Conflict]:
    """Every conflict by kind and id."""
    table = schema.conflicts
    return map(conflict_of, _read(ledger, select(table).order_by(table.c.kind, table.c.id)))


def replace_claim_parts(ledger, parts, claims: dict[str, list[Claim]]) -> None:
    """Replace the claims of ``parts`` (None: every claim) by ``claims`` (part -> claims),
    each part holding its claims' articles."""
    rows = {part: [claim_row(claim) for claim in found] for part, found in claims.items()}
    articles = {part: {m.article for claim in found for m in claim.mentions}
                for part, found in claims.items()}
    with locked(ledger.engine) as connection:
        corpus_state.replace_parts(connection, "claims", parts, schema.claims, rows, articles)


def replace_conflict_parts(ledger, parts, by_part: dict[str, tuple[set[str], list[Conflict]]],
                           others: Iterable[Conflict], stale: dict[str, set[str]]) -> None:
    """Replace the figure conflicts of ``parts`` (None: every conflict, all kinds), and the
    conflicts of each other kind that name an article of ``stale[kind]``, by ``others``."""
    table = schema.conflicts
    rows = {part: [conflict_row(c) for c in found] for part, (_a, found) in by_part.items()}
    other_rows = [conflict_row(c) for c in others]
    with locked(ledger.engine) as connection:
        for kind, articles in stale.items() if parts is not None else ():
            for side in (table.c.article_a, table.c.article_b):
                for chunk in corpus_state.chunks(articles):
                    connection.execute(table.delete().where(table.c.kind == kind,
                                                            side.in_(chunk)))
        corpus_state.replace_parts(connection, "conflicts", parts, table, rows,
                                   {part: held for part, (held, _c) in by_part.items()})
        for start in range(0, len(other_rows), 500):
            connection.execute(insert(table), other_rows[start:start + 500])
