"""Worker processes analyse, one process stores in order: the ledger is the same whatever the
number of workers."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsledger import pipeline
from newsledger.errors import InternalError
from newsledger.pipeline import ingest, workers
from newsledger.publish.exports import ExportOptions, load_exporters, write_export
from newsledger.query import Reader
from newsledger.settings import Settings
from newsledger.store import Ledger

TEXTS = {
    "border.txt": "Queues at the border\n\nSome 500 people crossed the border into Georgia on "
                  "Monday, officials said. Another 1,200 waited at the checkpoint overnight.\n",
    "border-copy.txt": "Queues at the border\n\nSome 500 people crossed the border into Georgia "
                       "on Monday, officials said. Another 1,200 waited at the checkpoint "
                       "overnight.\n",
    "protest.txt": "Protest in the capital\n\nAt least 300 people were detained at protests "
                   "against the mobilization in Moscow on Wednesday, a monitoring group said.\n",
    "ru.txt": "Очереди на границе\n\nОколо 3000 человек пересекли границу с Казахстаном за "
              "сутки, сообщили пограничники. Ещё 200 машин ждали на пункте пропуска.\n",
    "de.txt": "Flucht über die Grenze\n\nRund 700 Menschen haben am Dienstag die Grenze nach "
              "Finnland überquert, teilte der Grenzschutz mit.\n",
    "short.txt": "Nothing to count here at all, only words about the weather today.\n",
}


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def _exports(ledger: Ledger) -> dict[str, bytes]:
    options = ExportOptions(public=False, redact=True)
    exports = {}
    for table in load_exporters():
        for fmt in ("jsonl", "csv"):
            stream = io.BytesIO()
            write_export(Reader(ledger), table, fmt, stream, options)
            exports[f"{table}.{fmt}"] = stream.getvalue()
    return exports


def _ingest(folder: Path, path: Path, count: int) -> tuple[pipeline.IngestReport, dict]:
    with Ledger(str(path)) as ledger:
        report = ingest([str(folder)], ledger, Settings(workers=count))
        return report, _exports(ledger)


def test_one_worker_and_two_give_the_same_exports_byte_for_byte(tmp_path):
    folder = _folder(tmp_path)
    one_report, one = _ingest(folder, tmp_path / "one.db", 1)
    two_report, two = _ingest(folder, tmp_path / "two.db", 2)
    assert one_report.summary() == two_report.summary()
    assert (two_report.new, two_report.failed) == (len(TEXTS), 1)
    assert json.loads(one["figures.jsonl"].splitlines()[0])  # the comparison is not of nothing
    assert len(one["stories.jsonl"].splitlines()) >= 1
    assert one == two
    assert "language" in two_report.article_seconds and "figures" in two_report.article_seconds


def test_the_window_keeps_input_order_when_it_is_smaller_than_the_input(tmp_path):
    folder = _folder(tmp_path)
    with Ledger(str(tmp_path / "l.db")) as ledger:
        settings = Settings(workers=2)
        stream = list(workers.analysed_stream([str(folder)], ledger, settings, {}, window=2))
    names = [Path(item.article.source_path).name for item in stream
             if isinstance(item, pipeline.Analysis)]
    assert names == sorted(TEXTS)
    assert all(item.article.detected_language for item in stream
               if isinstance(item, pipeline.Analysis) and item.article.id != "short")


def test_an_article_changed_by_an_earlier_input_of_the_run_is_analysed(tmp_path):
    """Stored unchanged when read, changed by the time it is stored: the same statuses as one
    process gives."""
    first = {"id": "a", "title": "Border", "text": "Some 500 people crossed the border."}
    second = {"id": "a", "title": "Border", "text": "Some 900 people crossed the border."}
    lines = tmp_path / "in.jsonl"
    statuses = {}
    for count in (1, 2):
        with Ledger(str(tmp_path / f"{count}.db")) as ledger:
            lines.write_text(json.dumps(second) + "\n")
            ingest([str(lines)], ledger, Settings(workers=count))
            lines.write_text(json.dumps(first) + "\n" + json.dumps(second) + "\n")
            report = ingest([str(lines)], ledger, Settings(workers=count))
            figures = [(row["low"], row["high"]) for row in ledger.figures()
                       if row["article"] == "a"]
            statuses[count] = (report.summary(), ledger.count("article_versions"), figures)
    assert statuses[1] == statuses[2]
    assert statuses[2][0].startswith("0 new, 0 unchanged, 2 updated")


def test_a_crash_in_a_worker_is_one_coded_line_and_the_others_go_in(tmp_path, monkeypatch):
    """Workers are forked, so a stage patched before the pool starts runs in them."""
    def analyse(article, seconds=None):
        if article.id == "protest":
            raise KeyError("stage")
        return pipeline.Analysis(article)

    monkeypatch.setattr(pipeline, "analyze_article", analyse)
    folder = _folder(tmp_path)
    with Ledger(str(tmp_path / "l.db")) as ledger:
        report = ingest([str(folder)], ledger, Settings(workers=2, analyze=True))
    assert (report.new, report.crashed) == (len(TEXTS) - 1, 1)
    assert report.errors[-1] == str(InternalError.of(KeyError("stage"),
                                                     str(folder / "protest.txt")))


def test_a_worker_that_dies_costs_only_its_article(tmp_path, monkeypatch):
    import os

    def analyse(article, seconds=None):
        if article.id == "de":
            os._exit(9)  # as if killed (out of memory)
        return pipeline.Analysis(article)

    monkeypatch.setattr(pipeline, "analyze_article", analyse)
    folder = _folder(tmp_path)
    with Ledger(str(tmp_path / "l.db")) as ledger:
        report = ingest([str(folder)], ledger, Settings(workers=2))
        assert ledger.count("articles") == len(TEXTS) - 1
    assert report.crashed == 1 and "worker process analysing it died" in report.errors[0]


@pytest.mark.parametrize(("setting", "expected"), [(3, 3), (0, workers.available_cores())])
def test_zero_workers_means_one_per_core(setting, expected):
    assert workers.worker_count(Settings(workers=setting)) == expected
