"""URLs: pages and feeds fetched from a local server; failures are one coded line each."""

from __future__ import annotations

import pytest

from newsledger.errors import FetchFailed, InputTooLarge
from newsledger.ingest import read_articles
from newsledger.ingest.web import fetch_url, sniff_kind
from newsledger.settings import Settings

PAGE = """<!doctype html><html lang="en">
<head><title>Queues grow at the Verkhny Lars crossing</title>
<meta property="og:title" content="Queues grow at the Verkhny Lars crossing"></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Queues grow at the Verkhny Lars crossing</h1>
<p>Cars stood bumper to bumper on the road to the Georgian border on Tuesday, drivers said,
as men of fighting age tried to leave before any new call-up papers reached them.</p>
<p>Border officials said that about 5,500 vehicles were waiting on the Russian side, a figure
that could not be checked independently. Some travellers said they had waited two days.</p>
<p>Volunteers handed out water and bread to those stuck in the line overnight.</p></article>
<footer>© 2021 Example News</footer></body></html>"""

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Border desk</title><link>https://example.org/</link>
<item><title>Kazakhstan counts new arrivals</title><link>https://example.org/kz-arrivals</link>
<pubDate>Tue, 04 Oct 2022 09:30:00 GMT</pubDate>
<description>&lt;p&gt;More than 20,000 people entered Kazakhstan in a day,
&lt;b&gt;officials&lt;/b&gt; said.&lt;/p&gt;
&lt;p&gt;Most of them came by car.&lt;/p&gt;</description></item>
<item><title>Finland tightens entry rules</title><link>https://example.org/fi-rules</link>
<pubDate>Fri, 30 Sep 2022 06:00:00 GMT</pubDate>
<description>Helsinki said tourist visas would no longer be enough to cross the border.
</description></item>
</channel></rss>"""


def test_html_page_by_url_keeps_the_url_and_its_host_as_outlet(web_server):
    url = web_server.add("/news/lars.html", PAGE)
    [article] = list(read_articles([url], Settings(analyze=False)))
    assert article.url == url
    assert article.outlet == "127.0.0.1"
    assert "5,500 vehicles" in article.text
    assert article.title == "Queues grow at the Verkhny Lars crossing"
    assert article.published is None  # only a copyright year on the page
    assert article.id.startswith("127-0-0-1-news-lars-html-")


@pytest.mark.parametrize("content_type", ["application/rss+xml", "text/html"])
def test_feed_by_url_is_detected_by_content_type_or_content(web_server, content_type):
    url = web_server.add("/feed", FEED, content_type)
    first, second = read_articles([url], Settings(analyze=False))
    assert first.url == "https://example.org/kz-arrivals"
    assert first.outlet == "example.org"
    assert first.published == "2022-10-04"
    assert first.title == "Kazakhstan counts new arrivals"
    assert "More than 20,000 people entered Kazakhstan in a day, officials said." in first.text
    assert "<b>" not in first.text
    assert second.published == "2022-09-30"


def test_missing_page_is_a_fetch_error_naming_the_url(web_server):
    url = web_server.base + "/gone"
    [error] = list(read_articles([url], Settings(analyze=False)))
    assert isinstance(error, FetchFailed)
    assert str(error) == f"{url}: NL109 HTTP 404 Not Found"


def test_connection_refused_is_a_fetch_error(closed_port_url):
    with pytest.raises(FetchFailed, match="cannot fetch"):
        fetch_url(closed_port_url, 1000, timeout=2)


def test_response_above_the_size_limit_is_refused(web_server):
    url = web_server.add("/big", "<html><body>" + "x" * 5000 + "</body></html>")
    with pytest.raises(InputTooLarge, match="limit of 100"):
        fetch_url(url, 100, timeout=2)


def test_fetch_stays_injectable():
    calls = []

    def fake_fetch(url, max_bytes):
        calls.append((url, max_bytes))
        raise FetchFailed("offline", source=url)

    [error] = list(read_articles(["https://example.org/x"], Settings(max_input_bytes=7),
                                 fetch=fake_fetch))
    assert calls == [("https://example.org/x", 7)]
    assert "offline" in str(error)


@pytest.mark.parametrize(("content_type", "start", "kind"), [
    ("text/html; charset=utf-8", b"<!doctype html>", "html"),
    ("application/octet-stream", b"<?xml version='1.0'?>\n<feed xmlns='x'>", "feed"),
    ("", b"<html><body>", "html"),
    ("application/json", b"{}", "json"),
    ("", b"Just words", "text"),
])
def test_sniff_kind(content_type, start, kind):
    assert sniff_kind(content_type, start) == kind


def test_a_url_with_a_broken_ipv6_host_is_one_coded_line():
    [error] = read_articles(["http://[::1"], Settings(analyze=False))
    assert isinstance(error, FetchFailed)
    assert str(error).startswith("http://[::1: NL109 ")
