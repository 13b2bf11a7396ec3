"""Claims group figures of one quantity and count corroboration in independent stories."""

from __future__ import annotations

from newsledger.reconcile.claims import group_claims


def _figure(article: str, low, high, number_start: int = 0, **extra) -> dict:
    return {"id": number_start + 1, "article": article, "low": low, "high": high,
            "qualifier": "exact" if low == high else "vague", "counted": "left_country",
            "rate": None, "who": "Russians", "place": "Kazakhstan", "place_id": None,
            "language": "en", "period": None, "period_start": None, "period_end": None,
            "published": "2022-09-27", "outlet": f"{article}.example", "quote": "q",
            "number_text": "n", "number_start": number_start, "attributed_to": None, **extra}


def test_copies_count_as_one_story_and_compatible_values_join():
    figures = [_figure("wire", 98000, 98000), _figure("copy", 98000, 98000),
               _figure("own", 20000, 99999), _figure("other", 300000, 300000)]
    claims = group_claims(figures, {"wire": "story-1", "copy": "story-1"})
    by_size = sorted(claims, key=lambda c: -c.articles)
    assert by_size[0].articles == 3 and by_size[0].stories == 2
    assert by_size[0].outlets == ("copy.example", "own.example", "wire.example")
    assert {m.article for m in by_size[0].mentions} == {"wire", "copy", "own"}
    assert len(claims) == 2


def test_other_groups_and_places_are_other_claims():
    figures = [_figure("a", 98000, 98000), _figure("b", 98000, 98000, who="men"),
               _figure("c", 98000, 98000, place="Georgia")]
    assert len(group_claims(figures, {})) == 3


def test_periods_resolved_to_one_day_are_one_claim_and_other_days_are_not():
    since = _figure("since", 98000, 98000, period="since September 21",
                    period_start="2022-09-21", period_end="2022-09-27")
    tuesday = _figure("tuesday", 98000, 98000, period="on Tuesday",
                      period_start="2022-09-27", period_end="2022-09-27")
    next_day = _figure("next-day", 98000, 98000, period="on Wednesday",
                       period_start="2022-09-28", period_end="2022-09-28")
    unresolved = _figure("unresolved", 98000, 98000, period="since September 21")
    claims = sorted(group_claims([since, tuesday, next_day, unresolved], {}),
                    key=lambda claim: -claim.articles)
    assert [claim.articles for claim in claims] == [2, 1, 1]
    assert claims[0].as_of == "2022-09-27"
    assert {m.article for m in claims[0].mentions} == {"since", "tuesday"}


def test_stories_citing_one_monitor_are_one_originating_source():
    def figure(article: str, attributed_to: str | None) -> dict:
        return _figure(article, 1300, None, counted="arrested", place="Russia", who=None,
                       qualifier="more_than", attributed_to=attributed_to)

    figures = [figure(f"monitor-{n}", "OVD-Info") for n in range(3)]
    figures += [figure("relayed", "OVD-Info via Interfax"), figure("wire", "Reuters"),
                figure("own", None), figure("witness", "Ivan Petrov, 31")]
    [claim] = group_claims(figures, {})
    assert (claim.stories, claim.sources) == (7, 4)  # OVD-Info, wire, own, the witness
    assert claim.origins == ("OVD-Info",)  # an unknown attribution is never named
    assert [m.source for m in claim.mentions if m.article == "relayed"] == ["OVD-Info"]


def test_a_copy_that_drops_the_attribution_keeps_its_story_source():
    cited = _figure("wire", 55, 55, attributed_to="OVD-Info")
    copy = _figure("copy", 55, 55)
    [claim] = group_claims([cited, copy], {"wire": "story-1", "copy": "story-1"})
    assert (claim.stories, claim.sources, claim.origins) == (1, 1, ("OVD-Info",))


def test_an_estimate_and_a_count_of_one_quantity_are_two_claims():
    counted = _figure("named", 1900, 1900, counted="killed", quote="1,900 names confirmed")
    modelled = _figure("model", 1950, 1950, counted="killed",
                       quote="an estimate of 1,950 from inheritance cases")
    copy = _figure("copy", 1950, 1950, counted="killed", quote="1,950 dead")
    claims = group_claims([counted, modelled, copy], {"model": "s", "copy": "s"})
    assert sorted((c.estimate, c.articles) for c in claims) == [(False, 1), (True, 2)]
