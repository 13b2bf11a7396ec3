"""One conflict per disagreement and its explanation, on records written for these tests."""

from __future__ import annotations

from newsledger.reconcile.disagreements import explain, one_per_disagreement, spoken_date, value


def _figure(article: str, low, high, number_text: str, published: str | None = "2022-10-01"):
    return {"article": article, "number_start": 0, "low": low, "high": high,
            "number_text": number_text, "quote": f"{number_text} left", "outlet": None,
            "published": published}


VAGUE = _figure("vague", 2000, 9999, "thousands", "2022-09-23")
TOTALS = [_figure(f"total-{n}", 100000 * n, None if n == 3 else 100000 * n, f"{n}00,000")
          for n in range(1, 4)]


def test_dates_and_intervals_in_words():
    assert spoken_date("2022-09-27") == "27 September 2022"
    assert spoken_date(None) == "undated" and spoken_date("2022-13-01") == "2022-13-01"
    assert value(98000, 98000) == "98,000" and value(300000, None) == "at least 300,000"
    assert value(None, 500) == "up to 500" and value(20000, 99999) == "20,000 to 99,999"


def test_the_figure_in_most_pairs_becomes_one_conflict_and_the_rest_stay_pairs():
    lone = (_figure("a", 5, 5, "5"), _figure("b", 50, 50, "50"), "why")
    pairs = [(VAGUE, total, "why") for total in TOTALS] + [lone]
    grouped = list(one_per_disagreement(pairs))
    assert [hub["article"] for hub, _rest in grouped] == ["vague", "a"]
    assert [other["article"] for other, _reason in grouped[0][1]] == [
        "total-1", "total-2", "total-3"]
    assert [other["article"] for other, _reason in grouped[1][1]] == ["b"]


def test_a_group_is_explained_by_its_span_of_dates_and_values():
    why = explain("how many people left Russia", VAGUE,
                  [(total, "a cumulative count cannot shrink") for total in TOTALS])
    assert why.startswith("One report disagrees with 3 others on how many people left Russia: "
                          "vague (23 September 2022) says “thousands” (2,000 to 9,999).")
    assert "The 3 other reports, of 1 October 2022, give at least 100,000" in why
    assert why.endswith("They cannot all hold: a cumulative count cannot shrink.")
