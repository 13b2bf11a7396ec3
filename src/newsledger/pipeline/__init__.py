"""The pipeline: the article stages over each article as it is read, then the corpus stages
over the ledger.

    ingest (read, language) -> figures -> events -> store -> stories -> claims -> conflicts
    -> merged events

Article stages take an ``Analysis`` (the article and what earlier stages added) and return a
new one, like spaCy components over a shared document; corpus stages read the ledger and
rewrite the parts of their tables that the articles changed since their last run touch
(``corpus.py``). Each is a ``Stage`` that declares what it reads and writes; the pipeline runs
the stages of ``ARTICLE_STAGES`` and ``CORPUS_STAGES`` in that order. The stage packages import
only ``base`` and ``models``; this package is the one place that joins them to the store.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from newsledger.errors import (
    InputWarning,
    InternalError,
    NewsledgerError,
    NotArticleData,
)
from newsledger.extract.events import extract_events
from newsledger.extract.figures import extract_figures
from newsledger.models import Article, Event, Figure
from newsledger.pipeline.corpus import (
    claims_stage,
    conflicts_stage,
    event_merge_stage,
    stories_stage,
)
from newsledger.reconcile.claims import story_of
from newsledger.reconcile.conflicts import reference_conflicts, with_sentences
from newsledger.settings import Settings
from newsledger.store import Ledger


@dataclass(frozen=True, slots=True)
class Analysis:
    """One article with what the article stages found in it."""

    article: Article
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True)
class Stage:
    """A named step: ``run`` over an ``Analysis`` (article stages) or over ``(ledger,
    settings)`` (corpus stages); ``reads`` and ``writes`` name the fields or tables it uses."""

    name: str
    run: Callable
    reads: tuple[str, ...]
    writes: tuple[str, ...]


def figures_stage(analysis: Analysis) -> Analysis:
    """Figures with their intervals, categories and evidence spans."""
    return replace(analysis, figures=tuple(extract_figures(analysis.article)))


def events_stage(analysis: Analysis) -> Analysis:
    """Event mentions, their participant figures taken from the figures stage."""
    return replace(analysis, events=tuple(extract_events(analysis.article, analysis.figures)))


def refresh_reference_conflicts(ledger: Ledger) -> int:
    """Recompute the ledger's reference conflicts alone (after an import); returns how many."""
    found = reference_conflicts(with_sentences(ledger, ledger.figures()), ledger.references(),
                                story_of(ledger))
    return ledger.replace_conflicts(found, kind="reference")


STORY_STATE = ("story_items", "story_bands", "story_anchors", "story_pairs")
PARTS = ("part_articles", "part_rows")
ARTICLE_STAGES: tuple[Stage, ...] = (
    Stage("figures", figures_stage, reads=("article",), writes=("figures",)),
    Stage("events", events_stage, reads=("article", "figures"), writes=("events",)),
)
CORPUS_STAGES: tuple[Stage, ...] = (
    Stage("stories", stories_stage, reads=("articles", "corpus_dirty", *STORY_STATE),
          writes=("stories", "story_members", "corpus_dirty", *STORY_STATE)),
    Stage("claims", claims_stage, reads=("figures", "stories", "corpus_dirty", *PARTS),
          writes=("claims", *PARTS)),
    Stage("conflicts", conflicts_stage,
          reads=("articles", "figures", "stories", "corpus_dirty", *PARTS),
          writes=("conflicts", *PARTS)),
    Stage("events", event_merge_stage, reads=("events", "stories", "corpus_dirty", *PARTS),
          writes=("events.event_id", *PARTS)),
)


def _timed(seconds: dict[str, float] | None, name: str, started: float) -> None:
    if seconds is not None:
        seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started


def analyze_article(article: Article, seconds: dict[str, float] | None = None) -> Analysis:
    """Run every article stage over one article (adding each stage's time to ``seconds``)."""
    analysis = Analysis(article)
    for stage in ARTICLE_STAGES:
        started = time.perf_counter()
        analysis = stage.run(analysis)
        _timed(seconds, stage.name, started)
    return analysis


def analyze_articles(articles: Iterable[Article]) -> Iterator[Analysis]:
    """The article stages as a stream."""
    for article in articles:
        yield analyze_article(article)


def run_corpus_stages(ledger: Ledger, settings: Settings,
                      seconds: dict[str, float] | None = None, *, only_if_due: bool = False,
                      ) -> bool:
    """Run every corpus stage over what changed in the ledger (``pipeline.corpus``; adding
    each stage's time to ``seconds``), one run at a time per ledger; with ``only_if_due``,
    only when an article changed since they last finished (a run killed half-way is
    repeated). True when the stages ran.

    The changes a run saw, and the due flag, are cleared only when every stage finished (and
    the flag only when no article was stored meanwhile; a writer storing one later runs the
    stages again itself)."""
    if only_if_due and ledger.corpus_due() is None:
        return False
    with ledger.corpus_lock():
        token = ledger.corpus_due()
        if only_if_due and token is None:
            return False
        seen = ledger.dirty()
        for stage in CORPUS_STAGES:
            started = time.perf_counter()
            stage.run(ledger, settings)
            _timed(seconds, stage.name, started)
        ledger.clear_dirty(seen)
        ledger.corpus_done(token)
    return True


@dataclass
class IngestReport:
    """What an ingest run did; ``errors`` holds one line per failed input, ``warnings`` counts
    the fields dropped from stored articles (their lines go to ``on_item``); ``crashed``
    counts the failed inputs that met an unexpected exception (NL139, a bug)."""

    new: int = 0
    unchanged: int = 0
    updated: int = 0
    failed: int = 0
    skipped: int = 0
    crashed: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: int = 0
    article_seconds: dict[str, float] = field(default_factory=dict)  # per article stage
    corpus_seconds: dict[str, float] = field(default_factory=dict)  # per corpus stage

    def summary(self) -> str:
        text = (f"{self.new} new, {self.unchanged} unchanged, {self.updated} updated, "
                f"{self.failed} failed")
        if self.crashed:
            text += f" ({self.crashed} by an internal error)"
        if self.warnings:
            text += f", {self.warnings} warnings"
        return text + (f" ({self.skipped} non-article files skipped)" if self.skipped else "")


def ingest(
    names: Iterable[str], ledger: Ledger, settings: Settings | None = None,
    on_item: Callable[[str, str], None] | None = None, fetch=None,
) -> IngestReport:
    """Read, analyse and store every article in ``names``; each article in its own transaction.
    The corpus stages run after, when anything changed since they last finished.

    ``on_item(status, label)`` hears of each item: "new", "unchanged", "updated" (label: the
    id), "failed", "skipped" and "warning" (label: the coded line).
    """
    from newsledger.pipeline.workers import analysed_stream

    settings = settings or Settings()
    report = IngestReport()
    items = analysed_stream(names, ledger, settings, report.article_seconds, fetch=fetch)
    return store_stream(items, ledger, settings, report, on_item)


def store_stream(
    items: Iterable[Article | Analysis | NewsledgerError], ledger: Ledger, settings: Settings,
    report: IngestReport, on_item: Callable[[str, str], None] | None = None,
) -> IngestReport:
    """Store a stream of articles (analysed or not) and coded lines in order, counting them in
    ``report``; then the corpus stages, when due (``ingest`` and ``crawl`` end here)."""
    for item in items:
        if isinstance(item, Article | Analysis):
            try:
                status, label = _store(item, ledger, settings, report.article_seconds)
                setattr(report, status, getattr(report, status) + 1)
            except NewsledgerError as error:
                item = error
            except Exception as error:  # noqa: BLE001  (one article's crash never stops the others)
                article = item.article if isinstance(item, Analysis) else item
                item = InternalError.of(error, article.source_path or article.id)
        if isinstance(item, NotArticleData):
            report.skipped += 1
            status, label = "skipped", str(item)
        elif isinstance(item, InputWarning):
            report.warnings += 1
            status, label = "warning", str(item)
        elif isinstance(item, NewsledgerError):
            report.failed += 1
            report.crashed += isinstance(item, InternalError)
            report.errors.append(str(item))
            status, label = "failed", str(item)
        if on_item:
            on_item(status, label)
    if settings.analyze:
        run_corpus_stages(ledger, settings, report.corpus_seconds, only_if_due=True)
    return report


def _store(item: Article | Analysis, ledger: Ledger, settings: Settings,
           seconds: dict[str, float]) -> tuple[str, str]:
    """Store an article (analysing it first) or an article analysed by a worker; returns
    the status and the article's id."""
    if isinstance(item, Analysis):
        return ledger.store_article(item.article, item.figures, item.events), item.article.id
    if ledger.is_unchanged(item):
        return "unchanged", item.id
    analysis = analyze_article(item, seconds) if settings.analyze else Analysis(item)
    return ledger.store_article(item, analysis.figures, analysis.events), item.id


def analyze(ledger: Ledger, settings: Settings | None = None,
            on_item: Callable[[str, str], None] | None = None) -> int:
    """Re-run every stage over what is stored (after the code or tables changed); the corpus
    stages rebuild from scratch."""
    settings = settings or Settings()
    ledger.forget_corpus_state()
    count = 0
    for analysis in analyze_articles(ledger.articles()):
        ledger.replace_analysis(analysis.article.id, analysis.figures, analysis.events)
        count += 1
        if on_item:
            on_item("analyzed", analysis.article.id)
    run_corpus_stages(ledger, settings)
    return count
