"""The HTML pages: every page renders, untrusted text is escaped, errors keep their status."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.publish.web.charts import describe, interval_kind, spread, timeline
from newsledger.publish.web.geography import Projection, fitted_box, map_places, place_map
from newsledger.publish.web.text import highlight, marked, web_url, word_diff

PAGES = ["/", "/events", "/events?type=protest&place=Russia",
         "/search", "/search?q=border&language=en", "/figures", "/figures?counted=arrested",
         "/claims", "/stories", "/conflicts", "/conflicts?kind=version",
         "/articles/border-wire", "/articles/xss-probe"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_with_a_strict_content_security_policy(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert 'href="/static/app.css"' in response.text


def test_linked_claim_and_story_pages_render(client):
    claim = client.get("/api/claims").json()["items"][0]["id"]
    story = client.get("/api/stories").json()["items"][0]["id"]
    assert client.get(f"/claims/{claim}").status_code == 200
    assert client.get(f"/stories/{story}").status_code == 200


def test_a_claim_page_counts_its_originating_sources(client):
    claims = client.get("/api/claims", params={"counted": "arrested", "limit": 50}).json()
    cited = [c for c in claims["items"] if "OVD-Info" in c["origins"]]
    assert cited and all(c["sources"] >= 1 for c in cited)
    page = client.get(f"/claims/{cited[0]['id']}").text
    assert "originating source" in page and "OVD-Info" in page


def test_article_markup_is_escaped_and_its_javascript_url_is_not_linked(client):
    html = client.get("/articles/xss-probe").text
    assert "&lt;script&gt;window.__xss = 2&lt;/script&gt;" in html
    assert "<script>window" not in html and "<img src=x" not in html
    assert re.search(r"<[^>]*\sonerror=", html) is None
    assert re.search(r"<[^>]*\sonmouseover=", html) is None
    assert "javascript:" not in html
    search = client.get("/search", params={"q": "script"}).text
    assert "<script>window" not in search and "&lt;" in search


def test_highlights_are_focusable_buttons_with_a_described_record(client):
    html = client.get("/articles/border-wire").text
    buttons = re.findall(r'<button type="button" class="fig-btn" id="fig-(\d+)"', html)
    assert buttons
    assert f'id="rec-{buttons[0]}" role="tooltip"' in html


def test_html_errors_keep_their_status(client):
    assert client.get("/articles/no-such").status_code == 404
    assert "NL301" in client.get("/articles/no-such").text
    assert client.get("/figures?limit=0").status_code == 422
    assert client.get("/figures?counted=cats").status_code == 422
    assert client.get("/figures?since=2022-10-01&until=2022-09-01").status_code == 400


def test_serve_refuses_a_missing_ledger(tmp_path):
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "absent.db")])
    assert result.exit_code == 2
    assert not (tmp_path / "absent.db").exists()


def test_highlight_skips_overlapping_and_out_of_range_spans():
    text = "About 10,000 people crossed."
    figures = [{"number_start": 0, "number_end": 12}, {"number_start": 6, "number_end": 12},
               {"number_start": 20, "number_end": 99}]
    pieces = highlight(text, figures)
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.figure) for p in pieces if p.figure is not None] == [("About 10,000", 0)]


def test_word_diff_marks_what_changed_and_only_numbers_across_languages():
    a, b = word_diff("Police detained 1,200 people", "Police detained 1,400 people")
    assert [t for t, differs in a if differs] == ["200"]
    assert [t for t, differs in b if differs] == ["400"]
    a, b = word_diff("Police detained 1,200 people", "Полиция задержала 1200 человек")
    assert [t for t, differs in b if differs] == ["1200"]


def test_search_snippets_and_urls():
    assert marked("a \x02b\x03 c") == [("a ", False), ("b", True), (" c", False)]
    assert web_url("javascript:alert(1)") is None and web_url(" JAVASCRIPT:x") is None
    assert web_url("https://example.org/x") == "https://example.org/x"


def test_intervals_are_drawn_as_points_bands_and_open_whiskers():
    assert [interval_kind(*pair) for pair in [(5, 5), (2, 9), (5, None), (None, 5), (None, None)]] \
        == ["point", "band", "open_high", "open_low", None]
    assert describe(2000, None, "more_than") == "≥ 2,000 (more_than)"
    marks = [{"counted": "arrested", "published": "2022-09-21", "low": 1300, "high": None,
              "qualifier": "at_least", "n": 2},
             {"counted": "arrested", "published": "2022-10-01", "low": 200, "high": 999,
              "qualifier": "vague", "n": 1}]
    chart = timeline(marks)
    drawn = chart.panels[0]["marks"]
    assert drawn[0]["kind"] == "open_high" and drawn[0]["y1"] == chart.panels[0]["top"]
    assert drawn[1]["kind"] == "band" and drawn[1]["y0"] > drawn[1]["y1"]
    assert drawn[0]["x"] < drawn[1]["x"]
    rows = spread([{**m, "outlet": "x", "article": "a", "number_text": "n"} for m in marks])
    assert rows["rows"][0]["x1"] == rows["right"]


def test_one_outlying_date_does_not_stretch_the_time_axis():
    mark = {"counted": "arrested", "low": 10, "high": 10, "qualifier": "exact", "n": 3}
    marks = [{**mark, "published": f"2022-09-{day}"} for day in range(21, 31)]
    marks.append({**mark, "published": "2024-03-01", "n": 2})
    chart = timeline(marks)
    assert chart.clipped == {"before": 0, "after": 2, "first": "2022-09-21",
                             "last": "2022-09-30", "until": "2022-09-20", "since": "2022-10-01"}
    xs = [m["x"] for m in chart.panels[0]["marks"]]
    assert len(xs) == 10 and max(xs) - min(xs) > 800
    assert [label for _, label in chart.months] == ["26 Sep"]  # a short axis ticks weeks
    assert timeline(marks[:-1]).clipped is None


def test_the_overview_says_which_dates_the_chart_leaves_out(client):
    html = client.get("/").text
    assert "outlying dates" in html and "/figures?since=" in html


def _place(name, place_id, lat, lon, figures=1, events=0):
    return {"place": name, "place_id": place_id, "figures": figures, "events": events,
            "mentions": figures + events, "latitude": lat, "longitude": lon}


def test_the_map_merges_names_of_one_place_and_grows_to_hold_far_places():
    rows = [_place("Moscow", "geonames:524901", 55.75, 37.6, 3, 1),
            _place("Moskva", "geonames:524901", 55.75, 37.6, 2),
            _place("Berlin", None, 52.5, 13.4), _place("Nowhere", None, None, None)]
    places = map_places(rows)
    assert [(p["place"], p["mentions"]) for p in places] == [("Moscow", 6), ("Berlin", 1)]
    assert places[0]["type"] == "city"
    assert fitted_box(places)[0] < 13.4 < fitted_box([])[0]
    drawn = place_map(rows)
    assert drawn["unplaced"] == 1 and len(drawn["circles"]) == 2
    moscow, berlin = drawn["circles"]
    assert moscow["r"] > berlin["r"] and 0 < berlin["x"] < moscow["x"] < drawn["width"]
    assert moscow["href"] == "/figures?place=Moscow"
    assert "6" in moscow["label"] and "3 figures" not in moscow["title"]
    assert "5 figures, 1 event mention" in moscow["title"]


def test_map_labels_never_overlap():
    rows = [_place(f"Town {i}", None, 55 + (i % 3) * 0.3, 37 + i * 0.4, 10 - i % 5)
            for i in range(20)]
    boxes = []
    for c in place_map(rows)["circles"]:
        if "lx" in c:
            width = 0.56 * 14 * len(c["label"])
            left = {"start": c["lx"], "end": c["lx"] - width, "middle": c["lx"] - width / 2}
            boxes.append((left[c["anchor"]], c["ly"] - 14, left[c["anchor"]] + width, c["ly"] + 3))
    assert len(boxes) >= 3
    assert not any(a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
                   for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_the_projection_keeps_the_region_in_shape():
    project = Projection((20.0, 40.0, 120.0, 70.0), 800)
    assert project(20.0, 70.0) == (0.0, 0.0)
    assert project(120.0, 40.0)[0] == 800.0 and abs(project(120.0, 40.0)[1] - project.height) < 1
    assert 400 < project.height < 500  # 30 degrees of latitude vs 100 of longitude at 55°N


def test_the_overview_map_links_each_place_to_its_list(client):
    html = client.get("/").text
    assert '<svg class="placemap"' in html and 'class="land"' in html
    links = re.findall(r'<a href="(/(?:figures|events)\?place=[^"]+)" class="place[^"]*" '
                       r'aria-label="([^"]+)"', html)
    assert len(links) >= 5
    assert all("figure" in label and "event" in label for _, label in links)
    href = links[0][0].replace("&amp;", "&")
    assert client.get(href).status_code == 200


def test_event_pages_show_every_mention(client):
    html = client.get("/events").text
    ids = re.findall(r'href="/events/(event-[0-9a-f]+)"', html)
    assert ids
    event = client.get(f"/api/events/{ids[0]}").json()
    page = client.get(f"/events/{ids[0]}").text
    assert page.count('class="mention card compact"') == len(event["mentions"])
    assert html.count('class="etype"') >= len(set(ids))


def test_article_event_mentions_are_marked_apart_from_figures(client):
    html = client.get("/articles/border-wire").text
    assert html.count('<span class="evt">') >= 2
    assert re.search(r'<a class="evt-tag" href="/events/event-[0-9a-f]+"', html)
    assert "an event mention" in html and "a figure" in html
    text = html[html.index('<div class="text"'):html.index("</article>")]
    assert text.count("Russians have entered") == 1 and text.count(">More than 98,000<") == 1


def test_highlight_nests_figures_inside_event_quotes():
    text = "Police detained at least 1,300 people in Moscow. Then more."
    figures = [{"number_start": 16, "number_end": 30}]
    events = [{"quote_start": 20, "quote_end": 47}, {"quote_start": 40, "quote_end": 50}]
    pieces = highlight(text, figures, events)
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.figure, p.event, p.event_end) for p in pieces if p.event is not None] == [
        ("at least 1,300", 0, 0, False), (" people in Moscow", None, 0, True)]
