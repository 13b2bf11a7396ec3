"""Schema upgrades: a schema 5 store (integer figure ids) comes up with content-hash figure ids,
its claims pointing at them; analysing again keeps every figure id."""

from __future__ import annotations

import json

from sqlalchemy import Column, Integer, MetaData, Table, insert, select, update

from newsledger import pipeline
from newsledger.models import Article, figure_id
from newsledger.settings import Settings
from newsledger.store import Ledger, schema

ARTICLES = [
    Article(id="crossing", language="en", published="2022-09-27", outlet="one.example.org",
            text="Border\n\nMore than 98,000 Russians have entered Kazakhstan since September "
                 "21, the Kazakh interior ministry said."),
    Article(id="crossing-later", language="en", published="2022-10-04", outlet="two.example.org",
            text="Border again\n\nMore than 200,000 Russians have entered Kazakhstan since "
                 "September 21, the interior ministry said. Police detained 300 people."),
]


def _analysed(url: str) -> Ledger:
    ledger = Ledger(url)
    for article in ARTICLES:
        ledger.store_article(article)
    pipeline.analyze(ledger, Settings())
    return ledger


def _figure_ids(ledger: Ledger) -> list[str]:
    return sorted(row["id"] for row in ledger.figures())


def _claim_figures(ledger: Ledger) -> set[str]:
    with ledger.engine.connect() as connection:
        rows = connection.execute(select(schema.claims.c.data)).scalars().all()
    return {m["figure"] for data in rows for m in json.loads(data)["mentions"]}


def test_figure_ids_are_content_hashes_that_survive_analyze(ledger_url):
    ledger = _analysed(ledger_url)
    first = _figure_ids(ledger)
    assert first and all(i.startswith("fig-") and len(i) == 16 for i in first)
    row = next(ledger.figures())
    assert row["id"] == figure_id(row["article"], row["number_start"], row["number_end"],
                                  row["number_text"])
    pipeline.analyze(ledger, Settings())
    assert _figure_ids(ledger) == first
    assert _claim_figures(ledger) and _claim_figures(ledger) <= set(first)
    ledger.close()


def test_the_same_input_gives_the_same_figure_ids(tmp_path):
    one, two = (_analysed(str(tmp_path / f"{name}.db")) for name in ("one", "two"))
    assert _figure_ids(one) == _figure_ids(two)
    one.close()
    two.close()


def _as_schema_5(ledger: Ledger) -> dict[str, int]:
    """Turn the ledger into a schema 5 store: integer figure ids, claims pointing at them.
    Returns each figure's new id -> its integer id."""
    old = Table("figures", MetaData(), Column("id", Integer, primary_key=True, autoincrement=True),
                *[c._copy() for c in schema.figures.columns if c.name != "id"])
    rows = [dict(r) for r in ledger.figures()]
    numbers = {row["id"]: number for number, row in enumerate(rows, 1)}
    with ledger.engine.begin() as connection:
        schema.figures.drop(connection)
        old.create(connection)
        connection.execute(insert(old), [
            {**{c.name: row[c.name] for c in schema.figures.columns}, "id": numbers[row["id"]]}
            for row in rows])
        for claim_id, data in connection.execute(
                select(schema.claims.c.id, schema.claims.c.data)).all():
            record = json.loads(data)
            for mention in record["mentions"]:
                mention["figure"] = numbers[mention["figure"]]
            connection.execute(update(schema.claims).where(schema.claims.c.id == claim_id)
                               .values(data=json.dumps(record)))
        connection.execute(update(schema.meta).where(schema.meta.c.key == "schema_version")
                           .values(value="5"))
    return numbers


def test_a_schema_5_store_gets_hash_figure_ids_and_claims_follow(ledger_url):
    ledger = _analysed(ledger_url)
    ids, claimed = _figure_ids(ledger), _claim_figures(ledger)
    numbers = _as_schema_5(ledger)
    ledger.close()
    assert isinstance(next(iter(numbers.values())), int)
    upgraded = Ledger(ledger_url, mode="write")
    with upgraded.engine.connect() as connection:
        version = connection.execute(select(schema.meta.c.value).where(
            schema.meta.c.key == "schema_version")).scalar()
    assert version == str(schema.SCHEMA_VERSION) == "7"
    assert _figure_ids(upgraded) == ids
    assert _claim_figures(upgraded) == claimed
    upgraded.close()
