from newsledger.stories.evaluate import score_conflicts, score_labelled_pairs, score_stories


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


def test_labelled_pairs_scored_by_relation_and_language_pair():
    pairs = [{"a": "a", "b": "b", "relation": "copy"},
             {"a": "a", "b": "c", "relation": "translation"},
             {"a": "b", "b": "d", "relation": "same_event"},
             {"a": "c", "b": "e", "relation": "unrelated"}]
    score = score_labelled_pairs([["a", "b", "d"], ["c"]], pairs,
                                 {"a": "en", "b": "en", "c": "ka", "d": "en", "e": "fr"})
    assert (score["precision"], score["recall"]) == (0.5, 0.5)
    assert score["by_relation"]["copy"]["joined"] == 1
    assert score["by_relation"]["translation"]["joined"] == 0
    assert score["by_relation"]["same_event"]["joined_share"] == 1.0
    assert score["by_language_pair"]["same"]["predicted_same"] == 2
    assert score["by_language_pair"]["cross"]["recall"] == 0.0
    assert score["by_language_pair"]["en-ka"]["same_story"] == 1
