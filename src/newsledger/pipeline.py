"""The pipeline: ingest → extract → resolve per article, then stories/claims/conflicts over the ledger.

Article stages take an ``Analysis`` (the article and what earlier stages added) and return a
new one, like spaCy components over a shared document; corpus stages read and write the
ledger as a whole. Both are plain registries that the built-in stages use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from newsledger.errors import InputError
from newsledger.ingest import read_articles
from newsledger.models import Article, Event, Figure
from newsledger.settings import Settings
from newsledger.store import Ledger


@dataclass(frozen=True, slots=True)
class Analysis:
    """One article with what the article stages found in it."""

    article: Article
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()


ArticleStage = Callable[[Analysis], Analysis]
CorpusStage = Callable[[Ledger, Settings], None]

# name -> (order, stage); stages run by ascending order: figures 10, resolve 20, events 30;
# corpus stages: stories 10, claims 20, conflicts 30, event merging 40.
ARTICLE_STAGES: dict[str, tuple[int, ArticleStage]] = {}
CORPUS_STAGES: dict[str, tuple[int, CorpusStage]] = {}


def article_stage(name: str, order: int) -> Callable[[ArticleStage], ArticleStage]:
    """Register an article stage; stages run by ascending ``order``."""

    def decorate(stage: ArticleStage) -> ArticleStage:
        ARTICLE_STAGES[name] = (order, stage)
        return stage

    return decorate


def corpus_stage(name: str, order: int) -> Callable[[CorpusStage], CorpusStage]:
    """Register a stage that runs over the whole ledger after articles change."""

    def decorate(stage: CorpusStage) -> CorpusStage:
        CORPUS_STAGES[name] = (order, stage)
        return stage

    return decorate


def _ordered(registry: dict) -> list:
    from newsledger import stages  # noqa: F401  (registers the built-in stages)

    return [stage for _order, stage in sorted(registry.values(), key=lambda item: item[0])]


def analyze_article(article: Article) -> Analysis:
    """Run every article stage over one article."""
    analysis = Analysis(article)
    for stage in _ordered(ARTICLE_STAGES):
        analysis = stage(analysis)
    return analysis


def analyze_articles(articles: Iterable[Article]) -> Iterator[Analysis]:
    """The article stages as a stream."""
    for article in articles:
        yield analyze_article(article)


def run_corpus_stages(ledger: Ledger, settings: Settings) -> None:
    for stage in _ordered(CORPUS_STAGES):
        stage(ledger, settings)


@dataclass
class IngestReport:
    """What an ingest run did; ``errors`` holds one line per failed input."""

    new: int = 0
    unchanged: int = 0
    updated: int = 0
    failed: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = f"{self.new} new, {self.unchanged} unchanged, {self.updated} updated, {self.failed} failed"
        return text + (f" ({self.skipped} non-article files skipped)" if self.skipped else "")


def ingest(
    names: Iterable[str], ledger: Ledger, settings: Settings | None = None,
    on_item: Callable[[str, str], None] | None = None, fetch=None,
) -> IngestReport:
    """Read, analyse and store every article in ``names``; each article in its own transaction."""
    from newsledger.errors import NotArticleData

    settings = settings or Settings()
    report = IngestReport()
    for item in read_articles(names, settings, fetch=fetch):
        if isinstance(item, NotArticleData):
            report.skipped += 1
            status, label = "skipped", str(item)
        elif isinstance(item, InputError):
            report.failed += 1
            report.errors.append(str(item))
            status, label = "failed", str(item)
        else:
            status, label = _store(item, ledger, settings), item.id
            setattr(report, status, getattr(report, status) + 1)
        if on_item:
            on_item(status, label)
    if settings.analyze and (report.new or report.updated):
        run_corpus_stages(ledger, settings)
    return report


def _store(article: Article, ledger: Ledger, settings: Settings) -> str:
    if ledger.is_unchanged(article):
        return "unchanged"
    analysis = analyze_article(article) if settings.analyze else Analysis(article)
    return ledger.store_article(article, analysis.figures, analysis.events)


def analyze(ledger: Ledger, settings: Settings | None = None,
            on_item: Callable[[str, str], None] | None = None) -> int:
    """Re-run every stage over what is stored (after the code or tables changed)."""
    settings = settings or Settings()
    count = 0
    for analysis in analyze_articles(ledger.articles()):
        ledger.replace_analysis(analysis.article.id, analysis.figures, analysis.events)
        count += 1
        if on_item:
            on_item("analyzed", analysis.article.id)
    run_corpus_stages(ledger, settings)
    return count
