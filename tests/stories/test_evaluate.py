from newsledger.stories.evaluate import score_conflicts, score_stories


def test_pairwise_story_scores():
    gold = [["a", "b", "c"], ["d", "e"]]
    predicted = [["a", "b"], ["c", "d", "e"]]
    score = score_stories(predicted, gold)
    assert score["gold_pairs"] == 4 and score["predicted_pairs"] == 4
    assert score["precision"] == 0.5 and score["recall"] == 0.5


def test_conflicts_match_on_kind_articles_and_quotes():
    gold = [{"kind": "version", "articles": ["x", "y"], "a": "it was possible",
             "b": "not possible"}]
    found = [{"kind": "version", "articles": ["y", "x"], "a": "it was not possible to go",
              "b": "it was possible"},
             {"kind": "figure", "articles": ["x", "z"], "a": "10", "b": "20"}]
    score = score_conflicts(found, gold)
    assert score["found"] == 1 and score["extra"] == 1
