"""The Reader over a small ledger: each filter means the same through the Reader, the CLI's
``--json`` and the web app's JSON twin; pages walk the whole list; bad values are one coded
error everywhere."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsledger import query
from newsledger.cli import app
from newsledger.errors import InvalidFilter, LedgerNotFound, NotFound
from newsledger.query import EventFilter, FigureFilter, Page

runner = CliRunner()


def cli(*args) -> list[dict]:
    result = runner.invoke(app, [str(arg) for arg in args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# (Reader fields, the CLI's options, the web's query parameters) of one filter
FIGURE_FILTERS = [
    ({"counted": "arrested"}, ["--counted", "arrested"], {"counted": "arrested"}),
    ({"place": "Казахстан"}, ["--place", "Казахстан"], {"place": "Казахстан"}),
    ({"place": "Russia"}, ["--place", "Russia"], {"place": "Russia"}),
    ({"place": "omsk"}, ["--place", "omsk"], {"place": "omsk"}),
    ({"language": "ru"}, ["--lang", "ru"], {"language": "ru"}),
    ({"outlet": "wire.example.org"}, ["--outlet", "wire.example.org"],
     {"outlet": "wire.example.org"}),
    ({"since": "2022-09-27", "until": "2022-10-02"},
     ["--since", "2022-09-27", "--until", "2022-10-02"],
     {"since": "2022-09-27", "until": "2022-10-02"}),
    ({"text": "detained sunday"}, ["--search", "detained sunday"], {"q": "detained sunday"}),
]


@pytest.mark.parametrize(("fields", "options", "params"), FIGURE_FILTERS)
def test_a_figure_filter_means_the_same_in_the_reader_the_cli_and_the_web(
        reader, reader_db, web, fields, options, params):
    expected = [row["id"] for row in reader.figures(page=Page(None), **fields).rows]
    assert expected, fields  # every filter here finds something ...
    assert len(expected) < reader.figures().total  # ... and leaves something out
    assert [row["id"] for row in cli("figures", "--db", reader_db, "--json", *options)] \
        == expected
    listed = web.get("/api/figures", params={**params, "limit": 500}).json()
    assert [row["id"] for row in listed["items"]] == expected


def test_place_finds_a_place_by_any_of_its_names_and_the_places_inside_it(reader):
    def places(**fields) -> set[str]:
        return {row["place"] for row in reader.figures(page=Page(None), **fields).rows}

    assert places(place="Казахстан") == places(place="Kazakhstan") == {"Kazakhstan"}
    assert reader.figures(place="Казахстан").total == 3
    assert places(place="Russia") == {"Omsk", "Moscow"}
    assert places(place="Moskau") == {"Moscow"}


EVENT_FILTERS = [
    ({"type": "detention"}, ["--type", "detention"], {"type": "detention"}),
    ({"place": "Russia"}, ["--place", "Russia"], {"place": "Russia"}),
    ({"place": "Казахстан"}, ["--place", "Казахстан"], {"place": "Казахстан"}),
    ({"since": "2022-09-26", "until": "2022-10"}, ["--since", "2022-09-26", "--until", "2022-10"],
     {"since": "2022-09-26", "until": "2022-10"}),
]


@pytest.mark.parametrize(("fields", "options", "params"), EVENT_FILTERS)
def test_an_event_filter_means_the_same_for_mentions_events_cli_and_web(
        reader, reader_db, web, fields, options, params):
    mentions = reader.event_mentions(page=Page(None), **fields).rows
    assert mentions and len(mentions) < reader.event_mentions().total
    events = {row["event_id"] for row in mentions}
    assert {row["event_id"] for row in reader.events(page=Page(None), **fields).rows} == events
    assert [row["id"] for row in cli("events", "--db", reader_db, "--json", *options)] == [
        row["id"] for row in mentions]
    listed = web.get("/api/events", params={**params, "limit": 500}).json()
    assert {row["event_id"] for row in listed["items"]} == events


def test_articles_filter_on_their_own_fields_and_their_figures(reader, reader_db, web):
    def ids(**fields) -> list[str]:
        return [row["id"] for row in reader.articles(page=Page(None), **fields).rows]

    assert ids(place="Russia") == ["omsk-detained", "moscow-detained"]
    assert ids(counted="entered_country", language="ru") == ["arrivals-ru"]
    assert ids(text="въехали") == ["arrivals-ru"]
    assert [row["id"] for row in cli("articles", "--db", reader_db, "--json", "--place",
                                     "Russia")] == ids(place="Russia")
    assert [row["id"] for row in web.get("/api/search", params={"place": "Russia"}).json()
            ["items"]] == ids(place="Russia")


def test_pages_walk_the_whole_list_in_its_order(reader):
    whole = [row["id"] for row in reader.figures(page=Page(None)).rows]
    walked, page = [], Page(2)
    while page is not None:
        result = reader.figures(page=page)
        assert result.total == len(whole) and len(result.rows) <= 2
        walked += [row["id"] for row in result.rows]
        page = result.next
    assert walked == whole and len(whole) == 5


def test_sort_keys_order_the_list(reader):
    dates = [row["published"] for row in reader.figures(page=Page(None), sort="-published")]
    assert dates == sorted(dates, reverse=True)
    oldest = reader.articles(sort="published").rows[0]
    assert oldest["id"] == "omsk-detained"
    event_dates = [row["date"] for row in reader.event_mentions(sort="date").rows]
    dated = [d for d in event_dates if d]
    assert dated == sorted(dated, reverse=True) and event_dates[:len(dated)] == dated
    with pytest.raises(InvalidFilter, match="sort must be one of ledger, published"):
        reader.figures(sort="low")


def test_a_filter_or_its_fields_not_another_filter(reader):
    assert reader.figures(FigureFilter(counted="arrested")).total == \
        reader.figures(counted="arrested").total == 2
    with pytest.raises(InvalidFilter, match="FigureFilter has no filter 'type'"):
        reader.figures(type="protest")
    with pytest.raises(InvalidFilter, match="takes a FigureFilter, not EventFilter"):
        reader.figures(EventFilter())


def test_one_records_and_their_absence(reader):
    assert reader.article("arrivals-ru")["language"] == "ru"
    assert "source_path" not in reader.article("arrivals-ru")
    assert reader.stored("arrivals-ru").lang == "ru"
    claim = reader.claims(page=Page(1)).rows[0]
    assert reader.claim(claim.id).mentions
    event = reader.events(page=Page(1)).rows[0]
    assert reader.event(event["event_id"])["mentions"]
    figure = reader.figures(page=Page(1)).rows[0]
    assert reader.figure(figure["id"]) == figure and figure["id"].startswith("fig-")
    for lookup in (reader.article, reader.claim, reader.story, reader.event, reader.figure,
                   reader.conflict):
        with pytest.raises(NotFound):
            lookup("no-such-id")


def test_summary_and_totals_agree_with_the_lists(reader):
    summary = reader.summary(top=2)
    assert summary["figures"] == reader.figures().total == reader.totals()["figures"]
    assert summary["figures_by_counted"] == {"entered_country": 2, "arrested": 2,
                                             "crossed_border": 1}
    assert len(summary["top_claims"]) == 2


def test_open_reads_a_ledger_once_and_never_creates_one(reader_db, tmp_path):
    with pytest.raises(LedgerNotFound):
        query.open(str(tmp_path / "missing.db"))
    assert not (tmp_path / "missing.db").exists()
    with query.open(reader_db) as reader:
        engine = reader.ledger.engine
        reader.figures(), reader.claims(), reader.stories()
        assert reader.ledger.engine is engine and reader.ledger.mode == "read"


@pytest.mark.parametrize(("command", "named"), [
    (["figures", "--counted", "left"], "counted"),
    (["events", "--type", "protests"], "type"),
    (["events", "--since", "notadate"], "since"),
    (["figures", "--since", "notadate"], "since"),
    (["articles", "--lang", "English"], "language"),
    (["claims", "--counted", "left"], "counted"),
    (["conflicts", "--kind", "feelings"], "kind"),
    (["stories", "--sort", "size; drop"], "sort"),
    (["figures", "--limit", "0"], "limit"),
])
def test_a_bad_cli_filter_is_one_coded_line_and_exit_2(reader_db, command, named):
    result = runner.invoke(app, [*command, "--db", reader_db])
    assert result.exit_code == 2 and result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"error NL320 {named} must be"), line


@pytest.mark.parametrize("url", ["/api/figures?counted=left", "/api/events?type=protests",
                                 "/api/events?since=notadate", "/api/figures?since=notadate"])
def test_the_same_bad_values_are_coded_errors_on_the_web(web, url):
    response = web.get(url)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "NL302"
