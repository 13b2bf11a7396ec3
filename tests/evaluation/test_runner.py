"""The one evaluation run: a gold corpus written for this test, ingested and scored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.errors import BadOption, InputNotFound
from newsledger.evaluation import report
from newsledger.evaluation.runner import GoldSet, evaluate
from newsledger.settings import Settings

TEXT = ("Kazakh border guards said on Monday that 12,400 Russians entered the country in the "
        "week after the mobilization order. Andrei Volkov, 27, a programmer from Kazan, "
        "crossed on foot. \"We waited nine hours,\" Volkov said.")


def _corpus(folder: Path, with_gold: bool = True) -> Path:
    (folder / "articles").mkdir(parents=True)
    article = {"id": "k1", "url": "https://example.org/k1", "outlet": "example.org",
               "published": "2022-10-03", "language": "en", "title": None, "text": TEXT}
    (folder / "articles" / "k1.json").write_text(json.dumps(article), encoding="utf-8")
    if with_gold:
        quote = "12,400 Russians entered the country"
        (folder / "gold_figures.jsonl").write_text(json.dumps({
            "article": "k1", "quote": quote, "number_text": "12,400", "low": 12400,
            "high": 12400, "qualifier": "exact", "counted": "entered_country"}) + "\n")
        (folder / "persons_gold.jsonl").write_text(json.dumps({
            "article": "k1", "name": "Andrei Volkov", "variants": ["Volkov"],
            "kind": "private"}) + "\n")
    return folder


@pytest.fixture
def settings() -> Settings:
    return Settings(analyze=True)


def test_a_corpus_is_ingested_and_every_kind_with_gold_is_scored(tmp_path, settings):
    result = evaluate(GoldSet(str(_corpus(tmp_path / "gold"))), settings=settings)
    assert result.articles == 1
    assert result.figures.matched == 1 and result.metric("figures.f1") == 1.0
    assert result.persons.private_left == () and result.metric("persons.recall") == 1.0
    assert result.events is None and result.stories is None and result.conflicts is None
    assert result.metric("stories.f1") is None
    assert set(result.scores()) == {"figures", "persons"}


def test_event_gold_named_outside_the_folder_is_scored(tmp_path, settings):
    start = TEXT.index("12,400")
    events = tmp_path / "events.jsonl"
    events.write_text(json.dumps({"article": "k1", "type": "border_crossing_surge",
                                  "quote": [start, start + 35], "date": None, "place": None,
                                  "figure": None}) + "\n")
    result = evaluate(GoldSet(str(_corpus(tmp_path / "gold")), events=(str(events),)),
                      settings=settings)
    assert result.events.gold == 1 and result.events.predicted >= 0


def test_the_report_ends_with_the_summary_and_the_json_has_every_kind(tmp_path, settings):
    result = evaluate(GoldSet(str(_corpus(tmp_path / "gold"))), settings=settings)
    text = report.format_text(result)
    assert text.splitlines()[-1] == report.summary_line(result)
    assert text.splitlines()[-1].startswith("figures strict_f1=")
    assert "persons_recall=1.000" in text.splitlines()[-1]
    record = report.as_json(result)
    assert record["corpus"] == str(tmp_path / "gold") and record["articles"] == 1
    assert set(record) == {"corpus", "articles", "figures", "persons"}


def test_a_folder_without_gold_and_a_wrong_split_fail_with_codes(tmp_path, settings):
    with pytest.raises(InputNotFound):
        evaluate(GoldSet(str(_corpus(tmp_path / "bare", with_gold=False))), settings=settings)
    with pytest.raises(BadOption):
        evaluate(GoldSet(str(tmp_path), labels=str(tmp_path), split="dev"), settings=settings)


def test_the_cli_prints_the_same_run_as_json_and_text(tmp_path):
    from typer.testing import CliRunner

    from newsledger.cli import app

    corpus = str(_corpus(tmp_path / "gold"))
    result = CliRunner().invoke(app, ["evaluate", corpus, "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["figures"]["matched"] == 1 and record["persons"]["private_left"] == 0
    text = CliRunner().invoke(app, ["evaluate", corpus])
    assert text.stdout.splitlines()[-1].startswith("figures strict_f1=1.000 f1=1.000")
    wrong = CliRunner().invoke(app, ["evaluate", corpus, "--labels", corpus, "--split", "dev"])
    assert wrong.exit_code != 0 and "NL302" in wrong.output
