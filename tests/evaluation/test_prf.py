"""The one P/R/F1 and its empty-set rule."""

import pytest

from newsledger.evaluation.prf import prf, share


def test_precision_recall_and_f1():
    score = prf(3, 4, 6)
    assert (score.precision, score.recall) == (0.75, 0.5)
    assert score.f1 == pytest.approx(0.6)


def test_empty_set_rule_nothing_predicted_is_no_wrong_prediction():
    score = prf(0, 0, 5)
    assert (score.precision, score.recall, score.f1) == (1.0, 0.0, 0.0)


def test_empty_set_rule_nothing_to_find_is_nothing_missed():
    assert prf(0, 3, 0).as_dict() == {"precision": 0.0, "recall": 1.0, "f1": 0.0}
    assert prf(0, 0, 0).as_dict() == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_all_wrong_is_zero_f1():
    assert prf(0, 2, 2).f1 == 0.0


def test_rounding():
    assert prf(1, 3, 3).as_dict(4) == {"precision": 0.3333, "recall": 0.3333, "f1": 0.3333}


@pytest.mark.parametrize(("found", "predicted", "gold"), [(3, 2, 5), (3, 5, 2), (-1, 1, 1)])
def test_more_found_than_predicted_or_gold_is_an_error(found, predicted, gold):
    with pytest.raises(ValueError):
        prf(found, predicted, gold)


def test_a_share_over_nothing_is_zero():
    assert share(0, 0) == 0.0 and share(1, 4) == 0.25
