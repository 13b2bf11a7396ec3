"""The trained event judge: packaged, and a neutral judge leaves the rules' mentions alone."""

from __future__ import annotations

import numpy as np

from newsledger.extract.event_judge import (
    EventJudge,
    SentenceView,
    load_event_judge,
    sentence_features,
)
from newsledger.extract.events import EventConfig, extract_events
from newsledger.extract.figures import extract_figures
from newsledger.models import Article

TEXT = "On Saturday police detained 120 protesters in Moscow, OVD-Info said."


def _article() -> Article:
    return Article(id="t", text=TEXT, language="en", published="2022-09-26")


def test_the_event_judge_ships_and_loads():
    judge = load_event_judge()
    assert judge is not None and "protest" in judge.types


def test_features_name_the_rule_types_and_figure_categories():
    view = SentenceView(TEXT, "en", ("detention",), ("arrested",))
    names = sentence_features(view)
    assert "rule=detention" in names and "counted=arrested" in names


def test_a_neutral_judge_keeps_the_rules_mentions():
    article = _article()
    figures = extract_figures(article)
    rules = extract_events(article, figures, EventConfig(use_judge=False))
    neutral = EventJudge(("protest",), 1 << 20, np.array([0]), np.zeros((1, 1), np.float16),
                         np.zeros(1), drop_below=0.0, add_above=1.01)
    assert extract_events(article, figures, judge=neutral) == rules


def test_a_certain_judge_adds_the_type_the_rules_missed():
    article = _article()
    figures = extract_figures(article)
    eager = EventJudge(("police_visit",), 1 << 20, np.array([0]), np.zeros((1, 1), np.float16),
                       np.full(1, 10.0), drop_below=0.0, add_above=0.5)
    added = [e for e in extract_events(article, figures, judge=eager) if e.type == "police_visit"]
    assert len(added) == 1 and added[0].quote_start >= 0
