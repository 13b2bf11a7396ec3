"""A quantity over time: points on the days figures speak of, copies as one source, what is
left out and why, and the official figures beside them; end to end through the CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsledger.base.places import resolve_place
from newsledger.cli import app
from newsledger.errors import BadOption
from newsledger.models import Claim, ClaimMention, Conflict
from newsledger.publish.series import SeriesSources, build_series

KAZAKHSTAN = resolve_place("Kazakhstan").id
runner = CliRunner()


def figure(id: int, article: str, low: int | None, high: int | None, **fields) -> dict:
    """A figure row as ``Ledger.figures`` yields it."""
    row = {"id": id, "article": article, "number_text": f"{low}", "quote": f"{low} entered",
           "low": low, "high": high, "qualifier": "exact", "counted": "entered_country",
           "who": None, "place": "Kazakhstan", "period": None, "attributed_to": None,
           "rate": None, "number_start": 0, "number_end": 5, "quote_start": 0, "quote_end": 12,
           "place_id": KAZAKHSTAN, "period_start": None, "period_end": None,
           "period_precision": None, "outlet": f"{article}.example", "published": "2022-10-10",
           "language": "en"}
    return {**row, **fields}


SINCE = {"period": "since September 21", "period_start": "2022-09-21",
         "period_end": "2022-09-27"}
FIGURES = [
    # a 2023 article reporting a September 2022 count: its point is in September 2022
    figure(1, "wire", 98000, 98000, **SINCE, attributed_to="Kazakh Interior Ministry",
           published="2023-01-05"),
    figure(2, "wire-copy", 98000, 98000, **SINCE, published="2023-01-06"),
    figure(3, "local", 98000, 98000, **SINCE),
    figure(4, "late", 200000, None, qualifier="more_than", period="since September 21",
           period_start="2022-09-21", period_end="2022-10-04"),
    figure(5, "undated-text", 50000, 50000),  # no time of its own
    figure(6, "no-date", 11000, 11000, period="on Tuesday", published=None),
    figure(7, "daily", 9000, 9000, rate="per_day", period_end="2022-09-26"),
    figure(8, "elsewhere", 5000, 5000, place="Georgia", place_id=resolve_place("Georgia").id,
           period_end="2022-09-27"),
]
STORIES = [{"id": "story-1", "origin": "wire", "members": [
    {"article": "wire", "relation": "origin"}, {"article": "wire-copy", "relation": "copy"}]}]
CLAIMS = [Claim("claim-98", "entered_country", "Kazakhstan", None, 98000, 98000, stories=2,
                articles=3, mentions=tuple(ClaimMention(figure, "wire", "98,000", "", 98000, 98000,
                                                        "exact") for figure in (1, 2, 3)))]
REFERENCE = {"id": "ref-1", "source": "Kazakhstan Ministry of Internal Affairs",
             "as_of": "2022-09-27", "since": "2022-09-21", "counted": "entered_country",
             "place": "Kazakhstan", "place_id": KAZAKHSTAN, "low": 98000, "high": 98000,
             "qualifier": "exact", "url": "https://example.org/ministry", "note": None}
CONFLICT = Conflict("reference-1", "reference", "wire", "wire", "", "", "", figure=4,
                    reference={"id": "ref-1"})
SOURCES = SeriesSources(FIGURES, STORIES, CLAIMS, [REFERENCE], [CONFLICT])


def test_points_stand_on_the_days_figures_speak_of():
    series = build_series(SOURCES, "entered_country", "Kazakhstan")
    days = [(point["as_of"], point["low"]) for point in series["points"]]
    assert days == [("2022-09-27", 98000), ("2022-09-27", 98000), ("2022-10-04", 200000)]
    assert all(point["dated_by"] == "period" for point in series["points"])


def test_copies_in_one_story_are_one_source_with_the_claims_corroboration():
    points = build_series(SOURCES, "entered_country", "Kazakhstan")["points"]
    wire = next(point for point in points if point["article"] == "wire")
    assert wire["copies"] == ["wire-copy"] and wire["story"] == "story-1"
    assert wire["source"] == "Kazakh Interior Ministry" and wire["figure"] == 1
    assert wire["stories"] == 2 and wire["claim"] == "claim-98"
    assert wire["quote"] == "98000 entered" and wire["interval"] == "98,000"
    local = next(point for point in points if point["article"] == "local")
    assert local["source"] == "local.example" and local["copies"] == []


def test_left_out_figures_are_counted_by_reason():
    left_out = build_series(SOURCES, "entered_country", "Kazakhstan")["left_out"]
    reasons = {reason["reason"]: reason["ids"] for reason in left_out["reasons"]}
    assert reasons == {"no_time": [5], "no_anchor": [6], "rate": [7]}
    assert left_out["figures"] == 3
    assert all(reason["why"] for reason in left_out["reasons"])


def test_reported_places_timeless_figures_at_their_article_date_marked():
    points = build_series(SOURCES, "entered_country", "Kazakhstan", reported=True)["points"]
    marked = [point for point in points if point["dated_by"] == "published"]
    assert [(point["figure"], point["as_of"]) for point in marked] == [(5, "2022-10-10")]


def test_rates_are_their_own_series():
    series = build_series(SOURCES, "entered_country", "Kazakhstan", rate="per_day")
    assert [point["figure"] for point in series["points"]] == [7]
    assert [reason["reason"] for reason in series["left_out"]["reasons"]] == ["other_rate"]
    assert series["left_out"]["figures"] == 6 and series["references"] == []


def test_place_is_matched_by_any_name_and_official_figures_stand_beside():
    series = build_series(SOURCES, "entered_country", "Казахстан")
    assert series["place_id"] == KAZAKHSTAN and len(series["points"]) == 3
    assert [ref["id"] for ref in series["references"]] == ["ref-1"]
    late = next(point for point in series["points"] if point["figure"] == 4)
    assert late["contradicts"] == ["ref-1"]
    everywhere = build_series(SOURCES, "entered_country")
    assert 8 in {point["figure"] for point in everywhere["points"]}


def test_an_unknown_category_is_refused():
    with pytest.raises(BadOption, match="--counted"):
        build_series(SOURCES, "left")


REPORTS = {
    "arrivals": ("2022-09-28", "Kazakhstan counts arrivals. Around 98,000 Russians have "
                               "entered Kazakhstan since September 21, the Kazakh interior "
                               "ministry said."),
    "later": ("2022-10-05", "More than 200,000 Russians have entered Kazakhstan since "
                            "September 21, officials said on Wednesday."),
    "nodate": (None, "Some 60,000 Russians entered Kazakhstan on Tuesday, officials said."),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("series")
    for name, (published, text) in REPORTS.items():
        record = {"id": name, "url": f"https://example.org/{name}", "published": published,
                  "language": "en", "title": None, "text": text}
        (folder / f"{name}.json").write_text(json.dumps(record), encoding="utf-8")
    path = folder / "ledger.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_series_command_end_to_end(db):
    result = runner.invoke(app, ["series", "--counted", "entered_country", "--place",
                                 "Kazakhstan", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    series = json.loads(result.output)
    points = {point["article"]: point for point in series["points"]}
    assert points["arrivals"]["as_of"] == "2022-09-28" and points["arrivals"]["low"] == 98000
    assert points["later"]["as_of"] == "2022-10-05"
    assert series["left_out"]["reasons"][0]["reason"] == "no_anchor"
    table = runner.invoke(app, ["series", "--counted", "entered_country", "--db", str(db)])
    assert table.exit_code == 0 and "left out 1" in table.output
    refused = runner.invoke(app, ["series", "--counted", "left", "--db", str(db)])
    assert refused.exit_code == 2 and "NL320" in refused.output


def test_an_official_figure_beside_the_series_and_its_conflict_survive_the_corpus_stages(
        db, tmp_path):
    from newsledger import api
    from newsledger.pipeline import run_corpus_stages
    from newsledger.settings import Settings
    from newsledger.store import Ledger

    copy = tmp_path / "ledger.db"
    copy.write_bytes(db.read_bytes())
    official = tmp_path / "official.csv"
    official.write_text(
        "source,as_of,since,counted,place,value,url,note\n"
        "Border Service,2022-09-28,2022-09-21,entered_country,Kazakhstan,30000,"
        "https://example.org/official,\n", encoding="utf-8")
    assert api.import_reference(str(official), str(copy))["conflicts"] == 1
    with Ledger(str(copy), mode="write") as ledger:
        run_corpus_stages(ledger, Settings())
    conflicts = api.conflicts(str(copy), kind="reference")
    assert len(conflicts) == 1 and conflicts[0].article_a == "arrivals"
    assert "Border Service" in conflicts[0].why
    series = api.series("entered_country", "Kazakhstan", str(copy))
    assert [ref["low"] for ref in series["references"]] == [30000]
    arrivals = next(point for point in series["points"] if point["article"] == "arrivals")
    assert arrivals["contradicts"] == [series["references"][0]["id"]]
