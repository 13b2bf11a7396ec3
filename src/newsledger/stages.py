"""The built-in stages. Each module registers itself with ``pipeline.article_stage`` or
``pipeline.corpus_stage`` and an order; importing it here puts it in the pipeline."""

from __future__ import annotations

from dataclasses import replace

from newsledger.extract.figures import extract_figures
from newsledger.pipeline import Analysis, article_stage
from newsledger.resolve import claims as _claims  # noqa: F401  (corpus stage "claims")
from newsledger.resolve import conflicts as _conflicts  # noqa: F401  (corpus stage "conflicts")
from newsledger.stories import grouping as _stories  # noqa: F401  (corpus stage "stories")


@article_stage("figures", order=10)
def figures_stage(analysis: Analysis) -> Analysis:
    """Figures with their intervals, categories and evidence spans."""
    return replace(analysis, figures=tuple(extract_figures(analysis.article)))
