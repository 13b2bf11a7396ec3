"""Merging event mentions into real-world events."""

from newsledger.reconcile.event_merge import event_id, merge_mentions


def _mention(article, date=None, figure=None, place="Russia", kind="protest", start=0,
             published="2022-09-25"):
    return {"id": hash((article, start)), "article": article, "type": kind, "date": date,
            "figure": figure, "place": place, "place_id": None, "country": "Russia",
            "actors": ["women"], "quote_start": start, "published": published}


def test_undated_mentions_merge_only_in_one_story_or_the_same_week():
    groups = merge_mentions([
        _mention("a"), _mention("b", published="2022-09-29"),
        _mention("c", published="2024-06-03"), _mention("d", published=None),
        _mention("e", published=None), _mention("f", published=None),
    ], {"d": "s1", "e": "s1"})
    assert sorted(sorted(m["article"] for m in group) for group in groups) == [
        ["a", "b"], ["c"], ["d", "e"], ["f"]]


def test_copies_of_one_story_merge_into_one_event_in_order():
    copies = [_mention(f"copy-{n:03d}", published=None) for n in range(300)]
    stories = {m["article"]: "wire" for m in copies}
    [group] = merge_mentions([*copies, _mention("other", published=None)][::-1], stories)[:1]
    assert [m["article"] for m in group] == sorted(m["article"] for m in copies)


def test_compatible_dates_and_figures_merge():
    groups = merge_mentions([
        _mention("a", "2022-09-21", "1,300"), _mention("b", "2022-09", "1300"),
        _mention("c", "2022-10"), _mention("d", "2022-09-21", "2,000"),
        _mention("e", "2022-09-21", place="Omsk"), _mention("f", kind="detention"),
    ])
    sizes = sorted(len(group) for group in groups)
    assert sizes == [1, 1, 1, 1, 2]


def test_ids_are_those_of_the_earliest_mention_in_any_input_order():
    mentions = [_mention("a", "2022-09"), _mention("b", "2022-09"), _mention("c", "2022-09")]
    [group] = merge_mentions(mentions, {"a": "s1", "b": "s1"})
    assert [m["article"] for m in group] == ["a", "b", "c"]
    assert event_id(group[0]) == event_id(mentions[0])
    assert event_id(merge_mentions(list(reversed(mentions)))[0][0]) == event_id(mentions[0])
