"""Incremental corpus stages: a corpus ingested in five batches gives the ledger one ingest of
it gives, and what ``analyze`` (a full rebuild) gives, byte for byte in every export, on
SQLite and PostgreSQL; a run killed half-way is repeated right, and a changed text rebuilds."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from newsledger import pipeline
from newsledger.pipeline import Stage
from newsledger.publish.exports import ExportOptions, write_export
from newsledger.query import Reader
from newsledger.settings import Settings
from newsledger.store import Ledger
from newsledger.store.references import replace_file

REPO = Path(__file__).resolve().parents[2]
CORPORA = {"demo": REPO / "demo", "dev": REPO / ".." / "shared" / "corpus" / "dev" / "articles"}
TABLES = ("figures", "claims", "conflicts", "stories", "events")


def _official(counted: str, place: str, since: str, as_of: str, value: int) -> dict:
    return {"id": f"{counted}-{place}", "source": "Ministry", "as_of": as_of, "since": since,
            "counted": counted, "place": place, "place_id": None, "low": value, "high": value,
            "qualifier": "exact", "url": "https://example.org", "note": None,
            "file": "official.csv", "line": 2}


OFFICIAL = [_official("entered_country", "Kazakhstan", "2022-09-21", "2022-09-28", 6_400),
            _official("arrested", "Russia", "2022-09-21", "2022-09-21", 100)]


def _inputs(name: str) -> list[str]:
    folder = CORPORA[name]
    if not folder.is_dir():
        pytest.skip(f"{folder} not found")
    return [str(path) for path in sorted(folder.iterdir()) if path.name != "README.md"]


def _exports(db: str) -> dict[str, bytes]:
    found = {}
    with Ledger(db) as ledger:
        for table in TABLES:
            stream = io.BytesIO()
            write_export(Reader(ledger), table, "jsonl", stream,
                         ExportOptions(public=False, redact=False))
            found[table] = stream.getvalue()
    return found


def _ingested_at_once(inputs: list[str], db: str) -> dict[str, bytes]:
    with Ledger(db) as ledger:
        replace_file(ledger, "official.csv", OFFICIAL)
        pipeline.ingest(inputs, ledger, Settings())
    return _exports(db)


def _batches(inputs: list[str], count: int = 5) -> list[list[str]]:
    return [inputs[k * len(inputs) // count:(k + 1) * len(inputs) // count]
            for k in range(count)]


@pytest.mark.parametrize("name", ["demo", "dev"])
def test_five_batches_give_the_ledger_of_one_ingest_and_of_a_full_rebuild(name, ledger_urls):
    inputs = _inputs(name)
    once, batched = ledger_urls
    reference = _ingested_at_once(inputs, once)
    assert reference["stories"] and reference["claims"] and reference["events"]
    if name == "demo":
        assert reference["conflicts"].count(b'"kind": "reference"') == 2
    with Ledger(batched) as ledger:
        replace_file(ledger, "official.csv", OFFICIAL)
        for batch in _batches(inputs):
            pipeline.ingest(batch, ledger, Settings())
        assert ledger.corpus_due() is None and ledger.dirty() == []
    assert _exports(batched) == reference
    with Ledger(batched) as ledger:
        pipeline.analyze(ledger, Settings())
    assert _exports(batched) == reference


def test_a_run_killed_after_the_stories_stage_is_repeated_over_the_same_changes(
        tmp_path, monkeypatch):
    inputs = _inputs("demo")
    reference = _ingested_at_once(inputs, str(tmp_path / "once.db"))
    first, second = inputs[:len(inputs) // 2], inputs[len(inputs) // 2:]
    db = str(tmp_path / "killed.db")
    with Ledger(db) as ledger:
        replace_file(ledger, "official.csv", OFFICIAL)
        pipeline.ingest(first, ledger, Settings())
        stages = pipeline.CORPUS_STAGES

        def killed(stage_ledger, settings) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(pipeline, "CORPUS_STAGES", (
            stages[0], Stage("killed", killed, reads=(), writes=())))
        with pytest.raises(KeyboardInterrupt):
            pipeline.ingest(second, ledger, Settings())
        assert ledger.corpus_due() is not None and ledger.dirty()
        monkeypatch.setattr(pipeline, "CORPUS_STAGES", stages)
        assert pipeline.ingest(second, ledger, Settings()).new == 0
    assert _exports(db) == reference
    with Ledger(db) as ledger:  # a table replaced from outside its stage is rebuilt
        ledger.replace_claims([])
        pipeline.run_corpus_stages(ledger, Settings())
    assert _exports(db) == reference


def test_a_changed_text_rebuilds_the_stories_and_gives_the_ledger_of_its_new_corpus(tmp_path):
    inputs = _inputs("demo")
    folder = tmp_path / "corpus"
    folder.mkdir()
    copies = []
    for path in map(Path, inputs):
        if path.is_file():
            (folder / path.name).write_bytes(path.read_bytes())
            copies.append(str(folder / path.name))
    db = str(tmp_path / "changed.db")
    with Ledger(db) as ledger:
        for batch in _batches(copies, 2):
            pipeline.ingest(batch, ledger, Settings())
        changed = Path(copies[1])
        changed.write_text(changed.read_text(encoding="utf-8").replace("the", "a", 3),
                           encoding="utf-8")
        assert pipeline.ingest([str(changed)], ledger, Settings()).updated == 1
    fresh = str(tmp_path / "fresh.db")
    with Ledger(fresh) as ledger:
        pipeline.ingest(copies, ledger, Settings())
    assert _exports(db) == _exports(fresh)
