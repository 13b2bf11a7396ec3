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


def test_stories_citing_one_monitor_are_one_originating_source():
    from newsledger.reconcile.claims import group_claims

    def figure(article: str, attributed_to: str | None) -> dict:
        return {"id": f"fig-{article}", "article": article, "counted": "arrested",
                "place": "Russia", "place_id": None, "language": "en", "period": None,
                "period_start": None, "period_end": None, "rate": None, "who": None,
                "low": 1300, "high": None, "qualifier": "more_than", "number_text": "1,300",
                "number_start": 0, "quote": "1,300 detained", "outlet": f"{article}.example",
                "published": "2022-09-22", "attributed_to": attributed_to}

    figures = [figure(f"monitor-{n}", "OVD-Info") for n in range(3)]
    figures += [figure("relayed", "OVD-Info via Interfax"), figure("wire", "Reuters"),
                figure("own", None), figure("witness", "Ivan Petrov, 31")]
    [claim] = group_claims(figures, {})
    assert (claim.stories, claim.sources) == (7, 4)  # OVD-Info, wire, own, the witness
    assert claim.origins == ("OVD-Info",)  # an unknown attribution is never named
    assert [m.source for m in claim.mentions if m.article == "relayed"] == ["OVD-Info"]
