"""Cross-validation parts keep story groups whole."""

from __future__ import annotations

from newsledger.training.crossval import fold_of


def test_a_story_group_is_scored_in_one_part():
    groups = [{"a-copy", "a-origin", "a-translation"}]
    parts = {fold_of(article, groups) for article in ("a-copy", "a-origin", "a-translation")}
    assert len(parts) == 1
    assert fold_of("a-copy", groups) == fold_of("a-copy", groups, 4) == fold_of("a-copy", [
        {"a-translation", "a-origin", "a-copy"}])


def test_singletons_spread_over_the_parts():
    assert len({fold_of(f"article-{index}", []) for index in range(40)}) == 4
