"""The event scorer: matching by article, type and overlapping quotes."""

from newsledger.evaluation.events import score_events

TEXT = "Police detained 40 protesters in Omsk. A rally took place in Tomsk."


def _record(kind, quote, date=None, place=None, article="a"):
    return {"article": article, "type": kind, "quote": quote, "date": date, "place": place}


def test_match_needs_type_and_overlap_and_scores_fields():
    gold = [_record("detention", "detained 40 protesters", "2022-09", "Omsk"),
            _record("protest", "A rally took place", None, "Tomsk")]
    predicted = [_record("detention", "Police detained", "2022-09", "Omsk"),
                 _record("protest", "40 protesters", None, "Omsk"),
                 _record("protest", "rally", None, "Tomsk"),
                 _record("protest", "rally", None, "Tomsk", article="unlabelled")]
    score = score_events(predicted, gold, {"a": TEXT})
    assert (score.matched, score.predicted, score.gold) == (2, 3, 2)
    assert score.date_agreement == 1.0 and score.place_agreement == 1.0
    assert score.spurious[0]["quote"] == "40 protesters"


def test_place_agreement_ignores_dots():
    gold = [_record("protest", "A rally", None, "St. Petersburg")]
    predicted = [_record("protest", "rally", None, "St Petersburg")]
    assert score_events(predicted, gold, {"a": TEXT}).place_agreement == 1.0


def test_of_overlapping_mentions_the_one_with_the_gold_figure_is_matched():
    text = "Omsk leads Tomsk in detentions: 49 to 42."
    quote = "Omsk leads Tomsk in detentions: 49 to 42"
    gold = [{**_record("detention", quote, None, "Tomsk"), "figure": "42"},
            {**_record("detention", quote, None, "Omsk"), "figure": "49"}]
    predicted = [{**_record("detention", quote, None, "Omsk"), "figure": "49"},
                 {**_record("detention", quote, None, "Tomsk"), "figure": "42"}]
    assert score_events(predicted, gold, {"a": text}).place_agreement == 1.0


def test_no_prediction_on_a_labelled_article_is_full_precision_and_no_recall():
    score = score_events([], [_record("protest", "A rally")], {"a": TEXT})
    assert (score.precision, score.recall, score.f1) == (1.0, 0.0, 0.0)
    assert score.date_agreement == 0.0  # a share over no matches
