from dataclasses import replace

from newsledger import pipeline
from newsledger.models import Article
from newsledger.pipeline import Analysis, analyze_article, article_stage
from newsledger.store import Ledger


def test_article_stages_run_by_order_whatever_the_registration_order(monkeypatch):
    import newsledger.stages  # noqa: F401  (built-in stages registered before the swap)

    monkeypatch.setattr(pipeline, "ARTICLE_STAGES", {})
    calls = []

    @article_stage("late", order=90)
    def late(analysis: Analysis) -> Analysis:
        calls.append("late")
        return analysis

    @article_stage("early", order=1)
    def early(analysis: Analysis) -> Analysis:
        calls.append("early")
        return replace(analysis, figures=())

    analyze_article(Article(id="a", text="Nothing here."))
    assert calls == ["early", "late"]


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
