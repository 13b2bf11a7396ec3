"""The persons scorer: private names left in redacted text, public names kept."""

from newsledger.evaluation.persons import score_persons

GOLD = [
    {"article": "a", "name": "Andrei Volkov", "variants": ["Volkov"], "kind": "private"},
    {"article": "a", "name": "Dmitry Peskov", "variants": [], "kind": "public"},
    {"article": "b", "name": "Galina Orlova", "variants": [], "kind": "private"},
]


def test_everything_right_is_a_perfect_score():
    redacted = {"a": "[a programmer] said. Dmitry Peskov said.", "b": "[a mother] said."}
    score = score_persons(redacted, GOLD)
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert score.private_left == () and score.public_lost == ()


def test_a_private_variant_left_fails_recall_and_is_listed():
    redacted = {"a": "[a programmer] said; Volkov waited. Dmitry Peskov said.", "b": "[a mother]"}
    score = score_persons(redacted, GOLD)
    assert score.recall == 0.5 and score.private_left == (("a", "Volkov"),)


def test_a_public_person_taken_out_costs_precision():
    redacted = {"a": "[a programmer] said. [an official] said.", "b": "[a mother] said."}
    score = score_persons(redacted, GOLD)
    assert (score.recall, score.precision) == (1.0, 2 / 3)
    assert score.public_lost == (("a", "Dmitry Peskov"),)


def test_gold_of_articles_not_scored_is_ignored():
    score = score_persons({"a": "[a programmer]. Dmitry Peskov."}, GOLD)
    assert (score.private, score.public) == (1, 1)
    assert score.as_dict()["private_left"] == 0
