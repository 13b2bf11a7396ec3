"""The web app in a real browser (Debian's chromium driven by playwright): the chart renders,
a highlighted figure shows its record, a filter changes the list, hostile markup stays inert.
Screenshots of every page at laptop and phone widths go to test-output/screenshots/."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsledger.base.codebook import codebook

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[3] / "test-output" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SIZES = {"laptop": {"width": 1366, "height": 768}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """One headless chromium per session; missing chromium fails under CI, else skips."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: run `make browser` (installs Debian's chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    with playwright_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                              args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh page whose dialogs (alert) and page errors are recorded."""
    context = browser.new_context(viewport=SIZES["laptop"], base_url=live_server)
    tab = context.new_page()
    tab.dialogs, tab.errors = [], []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


def test_overview_chart_draws_intervals(page):
    page.goto("/")
    chart = page.locator("svg.timeline")
    assert chart.is_visible()
    assert chart.bounding_box()["height"] > 100
    assert page.locator("svg.timeline .mark").count() > 3
    assert page.locator("svg.timeline .mark.open_high path").count() >= 1
    assert page.errors == []


def test_a_series_point_is_one_click_from_its_quote(page):
    page.goto("/series?counted=entered_country")
    chart = page.locator("svg.timeline.series")
    assert chart.is_visible() and chart.bounding_box()["height"] > 100
    marks = page.locator("svg.timeline.series a.mark:not(.official)")
    assert marks.count() >= 2
    title = marks.first.locator("title").text_content()
    marks.first.click()
    page.wait_for_url("**/figures/**")
    quote = page.locator("blockquote").first.inner_text()
    assert quote and any(part in title for part in quote.split() if part[:1].isdigit())
    assert page.errors == []


def test_a_map_circle_leads_to_the_list_for_its_place(page):
    page.goto("/")
    circle = page.locator("svg.placemap a.place:not(.country)").first
    label = circle.get_attribute("aria-label")
    place = label.split(":")[0]
    circle.click()
    page.wait_for_url("**/figures?place=*")
    assert page.locator("select[name=place]").input_value() == place
    places = page.locator("table.figures tbody td.meta").all_inner_texts()
    assert places and all(text.startswith(place) for text in places)


def test_an_event_mark_in_an_article_opens_its_event(page):
    page.goto("/articles/border-wire")
    tag = page.locator("a.evt-tag").first
    quote = page.locator(".text .evt").first.inner_text()
    tag.click()
    page.wait_for_url("**/events/event-*")
    assert quote.strip() in page.locator(".mentions").inner_text()


def test_a_highlighted_figure_shows_its_record(page):
    page.goto("/articles/border-wire")
    button = page.locator(".fig-btn").first
    record = page.locator("#" + button.get_attribute("aria-controls"))
    assert not record.is_visible()
    button.click()
    assert record.is_visible()
    assert button.get_attribute("aria-expanded") == "true"
    assert "Qualifier" in record.inner_text() and "Source" in record.inner_text()
    page.keyboard.press("Escape")
    page.mouse.move(0, 0)
    page.locator("h1").click()
    assert button.get_attribute("aria-expanded") == "false"


def test_keyboard_focus_shows_a_record(page):
    page.goto("/articles/border-wire")
    page.locator(".fig-btn").first.focus()
    assert page.locator(".fig:focus-within .rec").is_visible()


def test_a_filter_changes_the_list_and_lands_in_the_url(page):
    page.goto("/figures")
    before = page.locator("table.figures tbody tr").count()
    page.select_option("select[name=counted]", "arrested")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/figures?counted=arrested")
    chips = page.locator("table.figures tbody .chip").all_inner_texts()
    assert 0 < len(chips) < before
    assert set(chips) == {codebook().label("arrested")}  # the category in words


def test_hostile_markup_in_articles_stays_inert(page):
    for url in ("/articles/xss-probe", "/search?q=script", "/articles/defaced-websites", "/figures",
                "/", "/events"):
        page.goto(url)
        page.locator("body").hover()
        assert page.evaluate("window.__xss") is None, url
    assert page.dialogs == []
    page.goto("/articles/xss-probe")
    assert "<script>window.__xss = 2</script>" in page.locator(".text").inner_text()


def test_screenshots_at_laptop_and_phone_width(browser, live_server, client):
    claim = client.get("/api/claims").json()["items"][0]["id"]
    story = client.get("/api/stories").json()["items"][0]["id"]
    figure = client.get("/api/figures").json()["items"][0]["id"]
    event = next(e["event_id"] for e in client.get("/api/events").json()["items"]
                 if e["articles"] > 1)
    pages = {"overview": "/", "search": "/search?q=border", "figures": "/figures",
             "events": "/events", "event": f"/events/{event}",
             "article": "/articles/border-wire", "claim": f"/claims/{claim}",
             "story": f"/stories/{story}", "conflicts": "/conflicts", "claims": "/claims",
             "articles": "/articles", "figure": f"/figures/{figure}",
             "series": "/series?counted=entered_country"}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for size, viewport in SIZES.items():
        context = browser.new_context(viewport=viewport, base_url=live_server)
        tab = context.new_page()
        for name, url in pages.items():
            tab.goto(url)
            if name == "article":
                tab.locator(".fig-btn").first.click()
            width = tab.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"] + 1, f"{name} scrolls sideways at {size} width"
            tab.screenshot(path=str(SCREENSHOTS / f"{name}-{size}.png"), full_page=True)
            if name == "overview":  # the sticky top bar would cover the card's head
                tab.evaluate("document.querySelector('.top').style.position = 'static'")
                tab.locator(".map-card").screenshot(path=str(SCREENSHOTS / f"map-{size}.png"))
        context.close()
    assert len(list(SCREENSHOTS.glob("*.png"))) >= 2 * (len(pages) + 1)


def _same_site_links(tab, base: str) -> list[str]:
    """The page's links within the site, without fragments and downloads."""
    hrefs = tab.eval_on_selector_all(
        "a[href]:not([download])",  # SVG links too: their href is no string, resolve it
        "links => links.map(link => new URL(link.getAttribute('href'), document.baseURI).href)")
    return [href.split("#")[0] for href in hrefs
            if href.startswith(base) and not href.split("#")[0].endswith((".csv", ".jsonl"))]


def test_every_public_page_walked_from_the_overview_names_no_private_person(browser,
                                                                            public_server):
    from .conftest import PRIVATE_NAMES

    context = browser.new_context(viewport=SIZES["laptop"])
    tab = context.new_page()
    seen, queue, kinds = set(), [public_server + "/"], set()
    while queue and len(seen) < 300:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = tab.goto(url)
        assert response.status == 200, url
        path = url[len(public_server):].split("?")[0]
        kinds.add(path.split("/")[1] if path.count("/") > 1 else path)
        shown = tab.content() + tab.locator("body").inner_text()
        found = [name for name in PRIVATE_NAMES if name in shown]
        assert found == [], (url, found)
        if "html" in response.headers.get("content-type", ""):
            queue += [link for link in _same_site_links(tab, public_server) if link not in seen]
    context.close()
    assert len(seen) > 20
    assert {"articles", "figures", "claims", "events", "stories", "conflicts", "api"} <= kinds
