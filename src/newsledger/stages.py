"""The built-in stages. Each module registers itself with ``pipeline.article_stage`` or
``pipeline.corpus_stage`` and an order; importing it here puts it in the pipeline."""

from __future__ import annotations

from dataclasses import replace

from newsledger.extract.events import extract_events
from newsledger.extract.figures import extract_figures
from newsledger.pipeline import Analysis, article_stage
from newsledger.resolve import claims as _claims  # noqa: F401  (corpus stage "claims")
from newsledger.resolve import conflicts as _conflicts  # noqa: F401  (corpus stage "conflicts")
from newsledger.resolve import event_merge as _event_merge  # noqa: F401  (corpus stage "events")
from newsledger.stories import grouping as _stories  # noqa: F401  (corpus stage "stories")


@article_stage("figures", order=10)
def figures_stage(analysis: Analysis) -> Analysis:
    """Figures with their intervals, categories and evidence spans."""
    return replace(analysis, figures=tuple(extract_figures(analysis.article)))


@article_stage("events", order=30)
def events_stage(analysis: Analysis) -> Analysis:
    """Event mentions, their participant figures taken from the figures stage."""
    return replace(analysis, events=tuple(extract_events(analysis.article, analysis.figures)))
