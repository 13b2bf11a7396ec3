"""The story scorers: pairwise over groups, and pair by pair over labelled pairs."""

from newsledger.evaluation.stories import pair_counts, score_labelled_pairs, score_stories


def test_pairwise_story_scores():
    gold = [["a", "b", "c"], ["d", "e"]]
    predicted = [["a", "b"], ["c", "d", "e"]]
    score = score_stories(predicted, gold)
    assert score["gold_pairs"] == 4 and score["predicted_pairs"] == 4
    assert score["precision"] == 0.5 and score["recall"] == 0.5


def test_singletons_everywhere_is_a_perfect_score_and_no_groups_against_gold_is_not():
    assert score_stories([["a"], ["b"]], [])["f1"] == 1.0
    score = score_stories([["a"], ["b"]], [["a", "b"]])
    assert (score["precision"], score["recall"], score["f1"]) == (1.0, 0.0, 0.0)


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


def test_pair_counts_round_and_count():
    score = pair_counts([(True, True), (True, False), (False, True)])
    assert score == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "pairs": 3, "same_story": 2,
                     "predicted_same": 2, "found": 1}
