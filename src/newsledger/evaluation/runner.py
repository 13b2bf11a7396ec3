"""The one evaluation run: ingest a gold set into a store, run the pipeline, score every kind.

``evaluate(GoldSet(...))`` is what ``newsledger evaluate``, ``api.evaluate`` and the test gate
call. It ingests the gold corpus (or the labelled articles of one split of our labels) into a
temporary store (or ``db``) the way ``newsledger ingest`` does, so articles get their detected
language and the dates ingest reads, runs the whole pipeline, and scores what was stored
against each gold file the set has: figures, events, stories, conflicts and persons.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newsledger import pipeline
from newsledger.errors import BadOption, InputNotFound
from newsledger.evaluation import gold as files
from newsledger.evaluation.conflicts import score_conflicts
from newsledger.evaluation.events import EventScore, score_events
from newsledger.evaluation.figures import FigureScore, score_figures
from newsledger.evaluation.persons import PersonScore, score_persons
from newsledger.evaluation.stories import score_stories
from newsledger.labels import labelled_split, read_jsonl, resolve_quotes
from newsledger.settings import Settings
from newsledger.store import Ledger

SPLITS = ("test", "train", "all")
KINDS = ("figures", "events", "stories", "conflicts", "persons")


@dataclass(frozen=True)
class GoldSet:
    """A gold set to score: a gold corpus folder, or ``labels`` (our label folder of ids and
    offsets into ``corpus``) with the ``split`` to score. ``events`` and ``persons`` name gold
    files kept outside the folder (default: its ``events_gold.jsonl``, ``persons_gold.jsonl``)."""

    corpus: str
    labels: str | None = None
    split: str = "test"
    events: tuple[str, ...] = ()
    persons: str | None = None

    @property
    def name(self) -> str:
        if self.labels:
            return f"{self.corpus} ({self.labels}, split {self.split})"
        return str(self.corpus)


@dataclass(frozen=True)
class Evaluation:
    """The scores of one run; a kind without gold in the set is None."""

    corpus: str
    articles: int
    words: int
    seconds: float
    figures: FigureScore | None = None
    events: EventScore | None = None
    stories: dict | None = field(default=None)
    conflicts: dict | None = field(default=None)
    persons: PersonScore | None = None

    def scores(self) -> dict[str, dict]:
        """kind → its scores as plain data, for every kind scored."""
        result = {}
        for kind in KINDS:
            score = getattr(self, kind)
            if score is not None:
                result[kind] = score if isinstance(score, dict) else score.as_dict()
        return result

    def metric(self, name: str) -> float | None:
        """One score by ``kind.measure`` (``figures.strict_f1``); None when not scored."""
        kind, _, measure = name.partition(".")
        return self.scores().get(kind, {}).get(measure)


def evaluate(gold: GoldSet, db: str | None = None, settings: Settings | None = None,
             on_item: Callable[[str, str], None] | None = None) -> Evaluation:
    """Ingest ``gold`` into a temporary store (or ``db``), run the whole pipeline and score it;
    ``on_item`` hears of each article as ``pipeline.ingest`` tells it."""
    if gold.split not in SPLITS:
        raise BadOption(f"--split must be test, train or all, not {gold.split!r}")
    settings = settings or Settings.from_env(analyze=True)
    with tempfile.TemporaryDirectory(prefix="newsledger-evaluate-") as folder:
        corpus = gold.corpus
        if gold.labels:
            corpus = str(labelled_split(gold.labels, gold.corpus, gold.split,
                                        Path(folder, "gold")))
        with Ledger(db or str(Path(folder, "evaluate.db")), mode="create") as ledger:
            started = time.perf_counter()
            report = pipeline.ingest([corpus], ledger, settings, on_item=on_item)
            seconds = time.perf_counter() - started
            if not report.new and not report.updated:
                pipeline.analyze(ledger, settings, on_item=on_item)
            return score_ledger(ledger, corpus, gold.events, gold.persons, seconds, gold.name)


def score_ledger(ledger: Ledger, corpus_dir: str | Path, events: tuple[str, ...] = (),
                 persons: str | None = None, seconds: float = 0.0,
                 name: str | None = None) -> Evaluation:
    """Scores of what ``ledger`` stores against the gold files of ``corpus_dir`` (and the
    ``events`` and ``persons`` gold files named outside it)."""
    folder = Path(corpus_dir)
    articles = list(ledger.articles())
    texts = {article.id: article.text for article in articles}
    event_files = [Path(path) for path in events] or [
        path for path in [folder / files.EVENTS] if path.exists()]
    persons_file = Path(persons) if persons else folder / files.PERSONS
    scored = {
        "figures": _figures(ledger, folder, articles),
        "events": _events(ledger, event_files, texts) if event_files else None,
        "stories": _stories(ledger, folder),
        "conflicts": _conflicts(ledger, folder),
        "persons": _persons(articles, persons_file) if persons_file.exists() else None,
    }
    if not any(score is not None for score in scored.values()):
        raise InputNotFound("no gold files", source=str(folder))
    return Evaluation(name or str(corpus_dir), len(texts),
                      sum(len(text.split()) for text in texts.values()), seconds, **scored)


FIGURE_FIELDS = ("article", "number_text", "quote", "low", "high", "qualifier", "counted", "who",
                 "place", "period", "attributed_to", "rate", "quote_start", "quote_end")
EVENT_FIELDS = ("article", "type", "quote", "date", "date_precision", "place", "country",
                "actors", "figure", "quote_start", "quote_end")


def _figures(ledger: Ledger, folder: Path, articles: list) -> FigureScore | None:
    if not (folder / files.FIGURES).is_file():
        return None
    predicted = [{name: row[name] for name in FIGURE_FIELDS} for row in ledger.figures()]
    return score_figures(predicted, read_jsonl(folder / files.FIGURES),
                         {article.id: article.text for article in articles},
                         {article.id: article.lang for article in articles})


def _events(ledger: Ledger, paths: list[Path], texts: dict[str, str]) -> EventScore:
    gold = resolve_quotes([record for path in paths for record in read_jsonl(path)], texts)
    predicted = [{name: row[name] for name in EVENT_FIELDS} for row in ledger.events()]
    return score_events(predicted, gold, texts)


def _stories(ledger: Ledger, folder: Path) -> dict | None:
    if not (folder / files.STORIES).is_file():
        return None
    stored = [[member.article for member in story.members] for story in ledger.stories()]
    return score_stories(stored, files.read_json(folder / files.STORIES))


def _conflicts(ledger: Ledger, folder: Path) -> dict | None:
    if not (folder / files.CONFLICTS).is_file():
        return None
    found = [{"kind": c.kind, "articles": [c.article_a, c.article_b], "a": c.a, "b": c.b,
              "others": [{"article": o.article, "quote": o.quote} for o in c.others]}
             for c in ledger.conflicts()]
    return score_conflicts(found, read_jsonl(folder / files.CONFLICTS))


def _persons(articles: list, path: Path) -> PersonScore:
    """Each stored article redacted as public exports redact it (its stored language)."""
    from newsledger.publish.persons import PersonIndex
    from newsledger.publish.redact import redact_text

    redacted = {article.id: redact_text(PersonIndex(article.text, article.lang), article.text)
                for article in articles}
    return score_persons(redacted, read_jsonl(path))
