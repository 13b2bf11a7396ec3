"""Cite records: each kind names its ledger id, permalink, sources and the ledger's as-of date,
from mappings or from records with attributes."""

from __future__ import annotations

import pytest

from newsledger.models import Claim, ClaimMention, Conflict
from newsledger.publish.cite import article_ids, cite

AS_OF = "2022-10-05T12:00:00+00:00"
FIGURE = {"id": "fig-0123456789ab", "article": "wire", "outlet": "wire.example.org",
          "published": "2022-09-27", "quote": "More than 98,000 Russians have entered",
          "url": "https://wire.example.org/border"}
MENTIONS = [
    {"article": "copy", "outlet": "daily.example.com", "published": "2022-09-28",
     "quote": "98,000 Russians"},
    {"article": "late", "outlet": None, "published": None, "quote": "98 000 россиян"},
    {"article": "wire", "outlet": "wire.example.org", "published": "2022-09-27",
     "quote": "More than 98,000 Russians"},
]


def test_a_figure_cites_its_outlet_date_quote_url_and_the_ledger_date():
    record = cite("figure", FIGURE, AS_OF)
    assert record["ledger_id"] == "fig-0123456789ab"
    assert record["permalink"] == "/figures/fig-0123456789ab"
    assert record["retrieved_at"] == "2022-10-05"
    assert record["sources"] == [{"article": "wire", "outlet": "wire.example.org",
                                  "date": "2022-09-27", "quote": FIGURE["quote"],
                                  "url": "https://wire.example.org/border"}]
    assert record["citation"] == (
        "wire.example.org (2022-09-27): “More than 98,000 Russians have entered” "
        "https://wire.example.org/border. newsledger figure fig-0123456789ab, "
        "ledger as of 2022-10-05.")
    assert cite("figure", FIGURE, AS_OF) == record  # no clock: the same ledger cites alike


@pytest.mark.parametrize("claim", [{"id": "claim-1", "mentions": MENTIONS}, Claim(
    "claim-1", "left_country", None, None, 98000, 98000, 1, 2, mentions=tuple(
        ClaimMention(f"fig-{n}", m["article"], "98,000", m["quote"], 98000, 98000, "exact",
                     outlet=m["outlet"], published=m["published"])
        for n, m in enumerate(MENTIONS)))])
def test_a_claim_cites_its_earliest_mention_as_a_mapping_or_a_record(claim):
    record = cite("claim", claim, AS_OF, {"wire": "https://wire.example.org/border"})
    assert record["permalink"] == "/claims/claim-1"
    assert [(s["article"], s["url"]) for s in record["sources"]] == [
        ("wire", "https://wire.example.org/border")]
    assert article_ids("claim", claim) == ["wire"]


def test_an_event_and_a_conflict_cite_their_sources():
    event = cite("event", {"event_id": "event-9", "mentions": MENTIONS}, None)
    assert event["ledger_id"] == "event-9" and event["retrieved_at"] is None
    assert event["sources"][0]["article"] == "wire" and "as of unknown" in event["citation"]
    conflict = cite("conflict", Conflict(
        "figure-1/x", "figure", "wire", "late", "98,000", "9,800", "", outlets=(
            "wire.example.org", None), dates=("2022-09-27", None)), AS_OF, {"late": "https://x"})
    assert conflict["permalink"] == "/conflicts/figure-1%2Fx"
    assert [(s["article"], s["quote"], s["url"]) for s in conflict["sources"]] == [
        ("wire", "98,000", None), ("late", "9,800", "https://x")]
    assert " / " in conflict["citation"]
    with pytest.raises(ValueError):
        cite("story", {}, AS_OF)
