"""The figure scorer: each matching rule has a test that fails if the rule is broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.evaluation.figures import match_figures, report_lines, score_figures
from newsledger.evaluation.gold import load_gold
from newsledger.evaluation.matching import normalise

TEXT = "Officials said more than 2,000 people were detained. Later 50 people left. 2,000 more."
TEXTS = {"a": TEXT}
CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def gold(**changes) -> dict:
    record = {"article": "a", "quote": "more than 2,000 people were detained",
              "number_text": "more than 2,000", "low": 2000, "high": None,
              "qualifier": "more_than", "counted": "arrested", "place": "Moscow",
              "attributed_to": "OVD-Info"}
    return record | changes


def test_exact_prediction_is_a_strict_match():
    score = score_figures([gold()], [gold()], TEXTS)
    assert (score.matched, score.strict) == (1, 1)
    assert score.f1 == score.strict_f1 == 1.0


def test_number_text_is_compared_case_folded_and_whitespace_normalised():
    predicted = gold(number_text="More  than\n2,000")
    assert score_figures([predicted], [gold()], TEXTS).matched == 1
    assert normalise("  A\tB ") == "a b"


def test_different_number_text_does_not_match():
    assert score_figures([gold(number_text="2,000")], [gold()], TEXTS).matched == 0


def test_overlapping_quotes_match_and_disjoint_quotes_do_not():
    overlapping = gold(quote="said more than 2,000")
    disjoint = gold(quote="Officials said")
    assert score_figures([overlapping], [gold()], TEXTS).matched == 1
    assert score_figures([disjoint], [gold()], TEXTS).matched == 0


def test_explicit_quote_span_decides_overlap():
    gold_last = gold(quote="2,000 more", number_text="2,000")
    at_start = gold(quote="2,000", number_text="2,000", quote_start=25, quote_end=30)
    at_end = gold(quote="2,000", number_text="2,000", quote_start=75, quote_end=80)
    assert TEXT[75:80] == "2,000"
    assert score_figures([at_start], [gold_last], TEXTS).matched == 0
    assert score_figures([at_end], [gold_last], TEXTS).matched == 1


def test_each_gold_figure_matches_at_most_one_prediction():
    score = score_figures([gold(), gold(quote="2,000 people")], [gold()], TEXTS)
    assert (score.matched, score.predicted) == (1, 2)
    assert score.precision == 0.5 and score.recall == 1.0
    assert len(score.spurious) == 1


def test_matching_prefers_strict_pairs_and_loses_no_match():
    loose = gold(counted="other")
    golds = [gold(), gold(quote="2,000 people were", counted="other")]
    score = score_figures([loose, gold()], golds, TEXTS)
    assert (score.matched, score.strict) == (2, 2)


def test_maximum_matching_reassigns_to_keep_both_matches():
    # prediction 0 overlaps both golds, prediction 1 only the first: both must match
    golds = [gold(quote="than 2,000 people"), gold(quote="more than 2,000 people were detained")]
    predicted = [gold(quote="2,000 people were"), gold(quote="than 2,000", counted="other")]
    pairs = match_figures(predicted, golds, TEXTS)
    assert len(pairs) == 2


def test_loose_match_is_not_strict():
    for change in ({"low": 2001}, {"high": 3000}, {"qualifier": "exact"}, {"counted": "killed"}):
        score = score_figures([gold(**change)], [gold()], TEXTS)
        assert (score.matched, score.strict) == (1, 0), change
        assert score.strict_f1 == 0.0 and score.f1 == 1.0


def test_other_article_does_not_match():
    assert score_figures([gold(article="b")], [gold()], TEXTS | {"b": TEXT}).matched == 0


def test_field_accuracy_compares_place_and_source_loosely():
    predicted = gold(place=" moscow ", attributed_to="OVD-Info", counted="other")
    score = score_figures([predicted], [gold()], TEXTS)
    assert score.field_accuracy["place"] == 1.0
    assert score.field_accuracy["attributed_to"] == 1.0
    assert score.field_accuracy["counted"] == 0.0


def test_recall_tables_count_per_language_and_category():
    golds = [gold(), gold(quote="50 people left", number_text="50", low=50, high=50,
                          qualifier="exact", counted="left_country")]
    score = score_figures([gold()], golds, TEXTS, {"a": "en"})
    assert score.recall_by_language == {"en": (1, 2)}
    assert score.recall_by_category == {"arrested": (1, 1), "left_country": (0, 1)}
    assert [r["number_text"] for r in score.missed] == ["50"]


def test_summary_line_format():
    line = score_figures([gold()], [gold()], TEXTS).summary_line()
    assert line == "figures strict_f1=1.000 f1=1.000 P=1.000 R=1.000"


@pytest.mark.skipif(not (CORPUS / "seeds").is_dir(), reason="shared corpus absent")
def test_gold_against_itself_scores_perfectly():
    corpus = load_gold(CORPUS / "seeds")
    assert len(corpus.articles) == 5
    score = score_figures(corpus.figures, corpus.figures, corpus.texts)
    assert score.strict_f1 == 1.0


def test_nothing_predicted_scores_zero_f1_with_the_prf_rule():
    score = score_figures([], [gold()], TEXTS)
    assert (score.precision, score.recall, score.f1) == (1.0, 0.0, 0.0)
    assert score.field_accuracy["counted"] == 0.0  # a share over no matches


def test_report_lines_list_the_misses_and_the_loose_matches():
    golds = [gold(), gold(quote="50 people left", number_text="50", low=50, high=50)]
    lines = report_lines(score_figures([gold(counted="other")], golds, TEXTS))
    assert "missed gold: 1" in lines and "matched, not strict (predicted / gold): 1" in lines
    assert lines[0] == "predicted=1 gold=2 matched=1 strict=0 strict_P=0.000 strict_R=0.000"
