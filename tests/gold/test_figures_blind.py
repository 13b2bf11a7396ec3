"""Mechanical checks of the blind figures gold sets, as in the dev README.

``figures_blind`` (24 articles, 12 languages) and ``figures_fresh`` (6 articles, written after
the first round of fixes) and ``figures_fresh2`` (6 articles, varied phrasing of each category:
nominalisations, passives, relative clauses) were written and labelled by hand before the
extractor saw them; these checks keep later edits honest: quotes are exact substrings of the
text, the number expression lies inside its quote, intervals agree with their qualifier, and no
two lines share a key.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.models import COUNTED, QUALIFIERS

HERE = Path(__file__).resolve().parent
# articles, languages
SETS = {"figures_blind": (24, 12), "figures_fresh": (6, 5), "figures_fresh2": (6, 5),
        "figures_fresh3": (7, 7)}
VAGUE = {(24, 99), (200, 999), (2000, 9999), (20000, 99999), (200000, 999999),
         (2000000, 9999999)}
FIELDS = {"article", "quote", "number_text", "low", "high", "qualifier", "counted", "who",
          "place", "period", "attributed_to"}


def _articles(name: str) -> dict[str, dict]:
    paths = sorted((HERE / name / "articles").glob("*.json"))
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in paths}


def _gold(name: str) -> list[dict]:
    lines = (HERE / name / "gold_figures.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


ARTICLES = {name: _articles(name) for name in SETS}
GOLD = {name: _gold(name) for name in SETS}
ALL_ARTICLES = {key: article for articles in ARTICLES.values() for key, article in articles.items()}
ALL_GOLD = [record for records in GOLD.values() for record in records]


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


@pytest.mark.parametrize("name", sorted(SETS))
def test_set_size_languages_and_every_article_has_gold(name):
    articles, languages = SETS[name]
    assert len(ARTICLES[name]) == articles
    assert len({article["language"] for article in ARTICLES[name].values()}) == languages
    assert {record["article"] for record in GOLD[name]} == set(ARTICLES[name])


@pytest.mark.parametrize("name", sorted(ALL_ARTICLES))
def test_article_record_follows_the_corpus_format(name):
    article = ALL_ARTICLES[name]
    assert set(article) == {"id", "url", "outlet", "published", "language", "title", "text"}
    assert article["id"] == name
    assert 800 <= len(article["text"]) <= 2000
    assert article["url"].startswith(f"https://{article['outlet']}/")
    assert article["title"] is None or article["title"] in article["text"]


@pytest.mark.parametrize("index", range(len(ALL_GOLD)))
def test_gold_line_is_consistent(index):
    record = ALL_GOLD[index]
    assert FIELDS <= set(record) <= FIELDS | {"rate"}
    assert record["quote"] in ALL_ARTICLES[record["article"]]["text"]
    assert record["number_text"] in record["quote"]
    assert record["qualifier"] in QUALIFIERS
    assert record["counted"] in COUNTED
    assert record.get("rate", "per_day") == "per_day"
    assert interval_agrees(record), record


def test_no_two_gold_lines_share_article_quote_and_number_text():
    keys = [(r["article"], r["quote"], r["number_text"]) for r in ALL_GOLD]
    assert len(keys) == len(set(keys))
