"""Figure and version conflicts on records and sentences written for these tests."""

from __future__ import annotations

from newsledger.reconcile.conflicts import ConflictConfig, contradiction, figure_conflicts
from newsledger.reconcile.versions import changed_name, disagreement


def _figure(article: str, low, high, qualifier: str, published: str | None, quote: str,
            number_text: str, **extra) -> dict:
    return {"article": article, "low": low, "high": high, "qualifier": qualifier,
            "counted": "entered_country", "rate": None, "who": "Russians",
            "place": "Kazakhstan", "place_id": None, "language": "en", "period": None,
            "period_start": None, "period_end": None, "published": published,
            "outlet": f"{article}.example", "quote": quote, "number_text": number_text,
            "number_start": 0, "id": 1, **extra}


EARLY = _figure("early", 98000, 98000, "exact", "2022-09-27",
                "98,000 Russians entered Kazakhstan", "98,000")
LATER_LARGER = _figure("later", 200000, None, "more_than", "2022-10-04",
                       "more than 200,000 Russians entered Kazakhstan", "more than 200,000")
SAME_DAY_DISJOINT = _figure("rival", 30000, 30000, "exact", "2022-09-27",
                            "30,000 Russians entered Kazakhstan", "30,000")


def test_a_later_larger_cumulative_total_is_not_a_conflict():
    assert contradiction(EARLY, LATER_LARGER) is None
    assert list(figure_conflicts([EARLY, LATER_LARGER], {})) == []


def test_a_day_count_and_a_total_since_another_day_are_never_compared():
    total = {**EARLY, "period_start": "2022-09-21", "period_end": "2022-09-27"}
    day = {**SAME_DAY_DISJOINT, "period_start": "2022-09-27", "period_end": "2022-09-27"}
    assert contradiction(total, day) is None
    assert contradiction(total, {**day, "period_start": "2022-09-21"}) is not None


def test_a_later_total_below_an_earlier_lower_bound_is_a_conflict():
    shrunk = _figure("shrunk", 120000, 120000, "exact", "2022-10-10",
                     "120,000 Russians entered Kazakhstan", "120,000")
    assert contradiction(LATER_LARGER, shrunk) is not None


def test_same_day_disjoint_figures_conflict_with_both_quotes_and_dates():
    [conflict] = figure_conflicts([EARLY, SAME_DAY_DISJOINT], {})
    assert conflict.kind == "figure"
    assert {conflict.a, conflict.b} == {EARLY["quote"], SAME_DAY_DISJOINT["quote"]}
    assert conflict.dates == ("2022-09-27", "2022-09-27")
    assert "same day" in conflict.why


def test_one_story_other_groups_places_and_rounding_are_not_conflicts():
    assert list(figure_conflicts([EARLY, SAME_DAY_DISJOINT], {"early": "s", "rival": "s"})) == []
    men = {**SAME_DAY_DISJOINT, "who": "men"}
    assert list(figure_conflicts([EARLY, men], {})) == []
    georgia = {**SAME_DAY_DISJOINT, "place": "Georgia"}
    assert list(figure_conflicts([EARLY, georgia], {})) == []
    close = {**SAME_DAY_DISJOINT, "low": 97000, "high": 97000}
    assert list(figure_conflicts([EARLY, close], {})) == []


def test_articles_agreeing_on_one_value_are_not_in_conflict_over_another():
    agreeing = {**SAME_DAY_DISJOINT, "article": "early-too"}
    echo = {**EARLY, "article": "early-too"}
    assert list(figure_conflicts([EARLY, agreeing, echo], {})) == []


def test_a_figure_disagreeing_with_several_reports_is_one_conflict_listing_them():
    reports = [{**EARLY, "article": f"early-{n}", "outlet": f"mirror{n}.example"}
               for n in range(1, 4)]
    [conflict] = figure_conflicts([*reports, SAME_DAY_DISJOINT], {})
    assert conflict.article_a == "rival"
    assert set(conflict.articles) == {"rival", "early-1", "early-2", "early-3"}
    assert len(conflict.others) == 2 and conflict.others[0].number == "98,000"
    assert conflict.why.startswith("One report disagrees with 3 others on how many people "
                                   "entered Kazakhstan: rival.example (27 September 2022) says")
    assert "The 3 other reports, of 27 September 2022, give 98,000" in conflict.why


def test_one_pair_is_explained_with_both_sides_and_the_reason():
    [conflict] = figure_conflicts([EARLY, SAME_DAY_DISJOINT], {})
    assert conflict.others == ()
    assert conflict.why == (
        "Reports disagree on how many people entered Kazakhstan: early.example "
        "(27 September 2022) says “98,000” (98,000); rival.example (27 September 2022) says "
        "“30,000” (30,000). Both cannot hold: they count up to the same day and their "
        "intervals do not overlap.")


def test_copies_are_compared_once_and_the_latest_copy_is_named():
    copies = [{**EARLY, "article": f"early-{n}", "outlet": f"mirror{n}.example"}
              for n in range(1, 4)]
    one_story = {copy["article"]: "wire" for copy in copies}
    [conflict] = figure_conflicts([*copies, SAME_DAY_DISJOINT], one_story)
    assert conflict.article_a == "early-3" and "mirror3.example" in conflict.why


def test_each_story_is_compared_with_its_neighbours_in_time():
    middle = _figure("middle", 150000, 150000, "exact", "2022-10-01",
                     "150,000 Russians entered Kazakhstan", "150,000")
    shrunk = _figure("shrunk", 60000, 60000, "exact", "2022-10-20",
                     "60,000 Russians entered Kazakhstan", "60,000")
    near = ConflictConfig(neighbours=1)
    [both] = figure_conflicts([EARLY, middle, shrunk], {})
    assert both.articles == ("shrunk", "middle", "early")
    assert {(c.article_a, c.article_b) for c in figure_conflicts(
        [EARLY, middle, shrunk], {}, near)} == {("middle", "shrunk")}


def test_negation_flip_in_the_aligned_clause():
    assert disagreement("The officials said the road would not reopen before Friday.",
                        "The officials said the road would reopen before Friday.",
                        "en", "en") == "negation flip"


def test_negation_flip_across_languages():
    assert disagreement("Мы знали, что легально выехать из страны будет нельзя.",
                        "We knew that it was still possible to legally leave the country.",
                        "ru", "en") == "negation flip"


def test_a_negation_in_a_clause_the_other_lacks_is_no_flip():
    assert disagreement(
        "Her story is not unusual, and the ministry reported a sharp rise in arrivals on Tuesday.",
        "The ministry reported a sharp rise in arrivals on Tuesday.", "en", "en") is None


def test_a_paraphrased_negation_is_no_flip():
    assert disagreement("She was not available for questions after the meeting.",
                        "She was unavailable for questions after the meeting.", "en", "en") is None


def test_changed_number_is_a_version_conflict():
    assert disagreement("The ministry said 4,200 people crossed at the northern post.",
                        "The ministry said 2,400 people crossed at the northern post.",
                        "en", "en") == "changed number"


def test_the_same_number_written_two_ways_is_no_conflict():
    assert disagreement("About 10-11 thousand people arrive through the pass every day.",
                        "Between 10 000 and 11 000 people arrive through the pass every day.",
                        "en", "en") is None
    assert disagreement("Some 7 000 people waited at the post.",
                        "Около 7 тысяч человек ждали на переходе.", "en", "ru") is None


def test_an_added_date_or_dropped_number_is_no_conflict():
    assert disagreement("About 98,000 people entered and 64,000 left.",
                        "About 98,000 people entered and 64,000 left since 21 September.",
                        "en", "en") is None


def test_changed_name_but_not_a_spelling_or_a_place_alias():
    assert changed_name("The interview was recorded by Anna Petrovna in the capital.",
                        "The interview was recorded by Maria Petrovna in the capital.", "en")
    assert changed_name("The interview was recorded by Marina Baranovskaya.",
                        "The interview was recorded by Marina Baranovska.", "en") is None
    assert changed_name("Protests were held in Dagestan and Sakha.",
                        "Protests were held in Dagestan and Yakutia.", "en") is None


def test_a_version_conflict_is_explained_as_a_sentence_naming_both_versions():
    from newsledger.models import Article
    from newsledger.reconcile.versions import explain_version

    origin = Article(id="o", text="", outlet="wire.example", published="2022-09-22")
    other = Article(id="v", text="", published=None)
    assert explain_version("changed name: Anna / Maria", origin, other) == (
        "Two versions of one story disagree: in wire.example (22 September 2022) and v "
        "(undated) the same sentence names Anna in one and Maria in the other.")
    assert explain_version("changed number", origin, other).endswith(
        "the same sentence gives a different number.")


def test_a_departure_placed_elsewhere_by_its_article_is_not_moved_to_the_home_country():
    from newsledger.reconcile.quantities import quantity

    left = {**EARLY, "counted": "left_country", "place": "France", "who": None}
    assert quantity(left, "About 98,000 people fled, officials said.").place is None
    unplaced = {**left, "place": None}
    home = quantity(unplaced, "About 98,000 people fled, officials said.").place
    assert home is not None and home == quantity(
        {**left, "place": "Russia"}, "About 98,000 people fled, officials said.").place


def test_undated_counts_are_compared_only_in_articles_that_name_the_crisis_start():
    from newsledger.base.dates import names_anchor

    vague = {**EARLY, "counted": "left_country", "place": "Russia", "who": None,
             "low": 20000, "high": 99999, "qualifier": "vague", "published": None,
             "sentence": "Tens of thousands left the country."}
    total = {**vague, "article": "total", "low": 300000, "high": None,
             "qualifier": "more_than", "sentence": "More than 300,000 people left Russia."}
    assert contradiction(vague, total) is not None
    assert contradiction({**vague, "names_start": False}, total) is None
    assert names_anchor("After the mobilization, tens of thousands left.", "mobilization", "en")
    assert not names_anchor("Four million people fled the war.", "mobilization", "en")
