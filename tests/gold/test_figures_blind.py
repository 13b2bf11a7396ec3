"""Mechanical checks of the blind figures gold (tests/gold/figures_blind), as in the dev README.

The blind set was written and labelled by hand before the extractor saw it; these checks keep
later edits honest: quotes are exact substrings of the text, the number expression lies inside
its quote, intervals agree with their qualifier, and no two lines share a key.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.models import COUNTED, QUALIFIERS

BLIND = Path(__file__).resolve().parent / "figures_blind"
VAGUE = {(24, 99), (200, 999), (2000, 9999), (20000, 99999), (200000, 999999),
         (2000000, 9999999)}
FIELDS = {"article", "quote", "number_text", "low", "high", "qualifier", "counted", "who",
          "place", "period", "attributed_to"}


def _articles() -> dict[str, dict]:
    paths = sorted((BLIND / "articles").glob("*.json"))
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in paths}


def _gold() -> list[dict]:
    lines = (BLIND / "gold_figures.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


ARTICLES = _articles()
GOLD = _gold()


def interval_agrees(record: dict) -> bool:
    """Whether low/high have the shape the qualifier demands (dev README conventions)."""
    low, high = record["low"], record["high"]
    both = low is not None and high is not None
    return {
        "exact": both and low == high,
        "approx": both and low == high,
        "at_least": low is not None and high is None,
        "more_than": low is not None and high is None,
        "at_most": low is None and high is not None,
        "less_than": low is None and high is not None,
        "range": both and low < high,
        "vague": (low, high) in VAGUE,
    }[record["qualifier"]]


def test_the_set_has_24_articles_in_12_languages_and_every_article_has_gold():
    assert len(ARTICLES) == 24
    assert len({article["language"] for article in ARTICLES.values()}) == 12
    assert {record["article"] for record in GOLD} == set(ARTICLES)


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_record_follows_the_corpus_format(name):
    article = ARTICLES[name]
    assert set(article) == {"id", "url", "outlet", "published", "language", "title", "text"}
    assert article["id"] == name
    assert 800 <= len(article["text"]) <= 2000
    assert article["url"].startswith(f"https://{article['outlet']}/")
    assert article["title"] is None or article["title"] in article["text"]


@pytest.mark.parametrize("index", range(len(GOLD)))
def test_gold_line_is_consistent(index):
    record = GOLD[index]
    assert FIELDS <= set(record) <= FIELDS | {"rate"}
    assert record["quote"] in ARTICLES[record["article"]]["text"]
    assert record["number_text"] in record["quote"]
    assert record["qualifier"] in QUALIFIERS
    assert record["counted"] in COUNTED
    assert record.get("rate", "per_day") == "per_day"
    assert interval_agrees(record), record


def test_no_two_gold_lines_share_article_quote_and_number_text():
    keys = [(r["article"], r["quote"], r["number_text"]) for r in GOLD]
    assert len(keys) == len(set(keys))
