"""The conflict scorer: kind, article pair and quotes; each gold conflict found once."""

from newsledger.evaluation.conflicts import score_conflicts

GOLD = [{"kind": "version", "articles": ["x", "y"], "a": "it was possible", "b": "not possible"}]


def test_conflicts_match_on_kind_articles_and_quotes():
    found = [{"kind": "version", "articles": ["y", "x"], "a": "it was not possible to go",
              "b": "it was possible"},
             {"kind": "figure", "articles": ["x", "z"], "a": "10", "b": "20"}]
    score = score_conflicts(found, GOLD)
    assert score["found"] == 1 and score["extra"] == 1
    assert (score["precision"], score["recall"]) == (0.5, 1.0)


def test_other_quotes_do_not_match():
    found = [{"kind": "version", "articles": ["x", "y"], "a": "the road is open",
              "b": "the road is closed"}]
    assert score_conflicts(found, GOLD)["found"] == 0


def test_a_conflict_flagged_twice_is_found_once():
    found = [{"kind": "version", "articles": ["x", "y"], "a": None, "b": None}] * 2
    score = score_conflicts(found, GOLD)
    assert (score["found"], score["extra"], score["precision"], score["recall"]) == (
        1, 0, 0.5, 1.0)


def test_no_gold_and_nothing_flagged_is_perfect():
    assert score_conflicts([], [])["f1"] == 1.0
