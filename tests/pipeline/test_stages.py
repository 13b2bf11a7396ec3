from dataclasses import replace

from newsledger import pipeline
from newsledger.models import Article
from newsledger.pipeline import Analysis, Stage, analyze_article
from newsledger.settings import Settings
from newsledger.store import Ledger


def test_article_stages_run_in_the_order_listed(monkeypatch):
    calls = []

    def late(analysis: Analysis) -> Analysis:
        calls.append("late")
        return analysis

    def early(analysis: Analysis) -> Analysis:
        calls.append("early")
        return replace(analysis, figures=())

    monkeypatch.setattr(pipeline, "ARTICLE_STAGES", (
        Stage("early", early, reads=("article",), writes=("figures",)),
        Stage("late", late, reads=("figures",), writes=())))
    analyze_article(Article(id="a", text="Nothing here."))
    assert calls == ["early", "late"]


def test_each_stage_reads_only_what_the_article_or_an_earlier_stage_gives():
    given = {"article"}
    for stage in pipeline.ARTICLE_STAGES:
        assert set(stage.reads) <= given, stage.name
        given |= set(stage.writes)
    tables = {"articles", "figures", "events", "corpus_dirty"}  # what storing an article writes
    for stage in pipeline.CORPUS_STAGES:
        written = {name.split(".")[0] for name in stage.writes}
        own = written - tables  # a corpus stage reads back the state its last run kept
        assert set(stage.reads) <= tables | own, stage.name
        tables |= written


def test_ingest_is_idempotent_and_keeps_changed_text_as_a_new_version(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text("A headline about the border\n\nSome 500 people crossed.\n")
    ledger = Ledger(str(tmp_path / "l.db"))
    assert pipeline.ingest([str(folder)], ledger).summary().startswith("1 new, 0 unchanged")
    assert pipeline.ingest([str(folder)], ledger).summary().startswith("0 new, 1 unchanged")
    (folder / "one.txt").write_text("A headline about the border\n\nSome 600 people crossed.\n")
    report = pipeline.ingest([str(folder)], ledger)
    assert report.updated == 1
    assert "600" in ledger.article("one").text
    assert ledger.count("article_versions") == 1
    ledger.close()


def _counting_stage(monkeypatch, calls: list, fail_once: bool = False):
    """Replace the corpus stages by one that counts its runs (and dies on its first)."""

    def counting(ledger, settings) -> None:
        calls.append(ledger.count("articles"))
        if fail_once and len(calls) == 1:
            raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "CORPUS_STAGES", (
        Stage("counting", counting, reads=("articles",), writes=()),))
    return counting


def test_corpus_stages_interrupted_after_the_last_article_run_on_the_next_ingest(
        tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text("A headline about the border\n\nSome 500 people crossed.\n")
    calls: list[int] = []
    _counting_stage(monkeypatch, calls, fail_once=True)
    with Ledger(str(tmp_path / "l.db")) as ledger:
        try:
            pipeline.ingest([str(folder)], ledger)
        except KeyboardInterrupt:
            pass
        assert ledger.corpus_due() is not None
        report = pipeline.ingest([str(folder)], ledger)
        assert report.summary().startswith("0 new, 1 unchanged")
        assert calls == [1, 1] and ledger.corpus_due() is None
        pipeline.ingest([str(folder)], ledger)
        assert calls == [1, 1]  # done: nothing due


def test_an_article_stored_while_the_corpus_stages_run_keeps_them_due(tmp_path, monkeypatch):
    calls: list[int] = []
    with Ledger(str(tmp_path / "l.db")) as ledger:
        ledger.store_article(Article(id="a", text="Some 300 people left."))
        def storing(stage_ledger, settings) -> None:
            calls.append(stage_ledger.count("articles"))
            if len(calls) == 1:  # another writer stores an article meanwhile
                stage_ledger.store_article(Article(id="b", text="Some 400 people left."))

        monkeypatch.setattr(pipeline, "CORPUS_STAGES", (
            Stage("storing", storing, reads=("articles",), writes=("articles",)),))

        assert pipeline.run_corpus_stages(ledger, Settings(), only_if_due=True)
        assert ledger.corpus_due() is not None
        assert pipeline.run_corpus_stages(ledger, Settings(), only_if_due=True)
        assert calls == [1, 2] and ledger.corpus_due() is None
        assert not pipeline.run_corpus_stages(ledger, Settings(), only_if_due=True)
