"""Recall of the number engine on the gold number_text of the dev corpus and the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.base.numbers import find_number_expressions

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
GOLD = [CORPUS / "dev" / "gold_figures.jsonl", CORPUS / "seeds" / "gold_figures.jsonl"]

pytestmark = pytest.mark.skipif(not GOLD[0].exists(), reason="shared corpus not available")


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def _gold() -> list[tuple[dict, str]]:
    languages = {
        article["id"]: article["language"]
        for article in (json.loads(path.read_text(encoding="utf-8"))
                        for path in (CORPUS / "dev" / "articles").glob("*.json"))
    }
    return [(line, languages.get(line["article"], "en"))
            for path in GOLD if path.exists()
            for line in map(json.loads, path.read_text(encoding="utf-8").splitlines())]


def test_gold_number_texts_are_found_with_their_interval():
    found = strict = 0
    gold = _gold()
    for line, language in gold:
        matches = [expression for expression in find_number_expressions(line["quote"], language)
                   if _normal(expression.text) == _normal(line["number_text"])]
        if matches:
            found += 1
            expression = matches[0]
            strict += (expression.low, expression.high, expression.qualifier) == (
                line["low"], line["high"], line["qualifier"])
    print(f"number_text recall {found}/{len(gold)}, with interval {strict}/{len(gold)}")
    assert found / len(gold) >= 0.97
    assert strict / len(gold) >= 0.95
