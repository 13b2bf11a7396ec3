"""Filters, pages and sort keys: one checked meaning per field, one coded error for the rest."""

from __future__ import annotations

import pytest

from newsledger.errors import BadOption, InvalidFilter
from newsledger.query import (
    ArticleFilter,
    ClaimFilter,
    ConflictFilter,
    EventFilter,
    FigureFilter,
    Page,
    Result,
    StoryFilter,
)
from newsledger.query.filters import check_sort


@pytest.mark.parametrize(("make", "named", "allowed"), [
    (lambda: FigureFilter(counted="left"), "counted", "left_country"),
    (lambda: ClaimFilter(counted="left"), "counted", "left_country"),
    (lambda: EventFilter(type="protests"), "type", "protest"),
    (lambda: FigureFilter(since="notadate"), "since", "YYYY-MM-DD"),
    (lambda: ArticleFilter(until="2022-02-30"), "until", "YYYY-MM-DD"),
    (lambda: EventFilter(since="2022-13"), "since", "YYYY-MM"),
    (lambda: EventFilter(until="last week"), "until", "YYYY-MM"),
    (lambda: ArticleFilter(language="English"), "language", "ISO 639"),
    (lambda: ConflictFilter(kind="feelings"), "kind", "figure, version"),
    (lambda: FigureFilter(place="x" * 300), "place", "255"),
    (lambda: FigureFilter(outlet=3), "outlet", "text"),
])
def test_a_value_outside_a_filter_is_one_coded_error_naming_it(make, named, allowed):
    with pytest.raises(InvalidFilter) as raised:
        make()
    error = raised.value
    assert error.code == "NL320" and isinstance(error, BadOption) and error.status == 400
    assert str(error).startswith(f"NL320 {named} must be") and allowed in str(error)


def test_since_after_until_is_refused_at_each_precision():
    with pytest.raises(InvalidFilter, match="after until"):
        FigureFilter(since="2022-10-01", until="2022-09-01")
    with pytest.raises(InvalidFilter, match="after until"):
        EventFilter(since="2022-10", until="2022-09-30")
    # an event month overlapping a day range is no contradiction
    assert EventFilter(since="2022-09", until="2022-09-15").values() == {
        "since": "2022-09", "until": "2022-09-15"}
    assert EventFilter(since="2022-09-26", until="2022-10").since == "2022-09-26"


def test_empty_values_are_no_filter_and_text_is_cleaned():
    assert FigureFilter(counted="", place="  ", language="", text="\x00 border\n ") == \
        FigureFilter(text="border")
    assert FigureFilter(place=" Казахстан ").place == "Казахстан"
    assert ArticleFilter().values() == {} and StoryFilter(article="a1").values() == {
        "article": "a1"}
    with pytest.raises(Exception, match="frozen|cannot assign"):
        FigureFilter().counted = "killed"  # type: ignore[misc]


def test_event_dates_take_a_year_or_a_month_publication_dates_only_a_day():
    assert EventFilter(since="2022", until="2022-10").values() == {"since": "2022",
                                                                   "until": "2022-10"}
    with pytest.raises(InvalidFilter):
        FigureFilter(since="2022-10")


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (-1, 0), (10, -1), ("10", 0),
                                               (10, 1.5)])
def test_a_bad_page_is_a_coded_error(limit, offset):
    with pytest.raises(InvalidFilter, match="limit|offset"):
        Page(limit, offset)


def test_a_result_knows_its_next_page():
    first = Result([{"id": 1}, {"id": 2}], total=5, page=Page(2))
    assert first.next == Page(2, 2) and len(first) == 2 and list(first) == first.rows
    last = Result([{"id": 5}], total=5, page=Page(2, 4))
    assert last.next is None
    assert Result([], 0, Page(None)).next is None


def test_sort_keys_are_whitelisted():
    assert check_sort(None, ("ledger", "published")) == "ledger"
    assert check_sort("published", ("ledger", "published")) == "published"
    with pytest.raises(InvalidFilter, match="sort must be one of ledger, published"):
        check_sort("id; drop table figures", ("ledger", "published"))
