"""HTML pages: library failures and pages without an article are coded lines; a date is kept
only when the page states the day."""

from __future__ import annotations

import pytest

from newsledger.errors import NoArticle, UnparsableHTML
from newsledger.ingest import read_articles
from newsledger.ingest.urls import outlet_of, slug_of
from newsledger.settings import Settings

BODY = """<article><h1>Queues grow at the border</h1>
<p>Cars stood bumper to bumper on the road to the Georgian border on Tuesday, drivers said,
as men of fighting age tried to leave before any new call-up papers reached them.</p>
<p>Border officials said that about 5,500 vehicles were waiting on the Russian side.</p>
</article>"""
LOGIN = """<html><head><title>Sign in - Example News</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav><main><h1>Sign in to your account</h1>
<form><label>Email address</label><input name=email><label>Password</label>
<input type=password name=p><button>Sign in</button></form></main>
<footer>(c) 2024 Example News. All rights reserved.</footer></body></html>"""
FURNITURE = """<html><head><title>Example</title></head><body><div class="cookie">We use
cookies.</div><ul><li><a href="/a">World</a></li><li><a href="/b">Politics</a></li></ul>
<footer>Copyright 2024 Example Media Group. All rights reserved.</footer></body></html>"""


def read_page(tmp_path, html: str, name: str = "page.html") -> list:
    path = tmp_path / name
    path.write_text(html)
    return list(read_articles([str(path)], Settings(analyze=False)))


def test_lxml_failing_on_a_page_is_one_coded_line(tmp_path):
    [error] = read_page(tmp_path, "<svg><title></title><p>")
    assert isinstance(error, UnparsableHTML)
    assert str(error).startswith(f"{tmp_path / 'page.html'}: NL120 ")


@pytest.mark.parametrize("html", [LOGIN, FURNITURE])
def test_a_page_without_an_article_is_not_stored(tmp_path, html):
    [error] = read_page(tmp_path, html)
    assert isinstance(error, NoArticle)


@pytest.mark.parametrize(("head", "published"), [
    ('<html xmlns="http://www.w3.org/2000/svg"><head><title>Queues</title></head>', None),
    ("<html><head><title>Queues</title></head><body><p>© 2021 Example</p>", None),
    ('<html><head><meta property="article:published_time" content="2022-10-01T08:00:00Z">'
     "<title>Queues</title></head>", "2022-10-01"),
    ('<html><head><meta property="article:published_time" content="2022-09-27T08:00:00Z">'
     "<title>Queues</title></head>", "2022-09-27"),
])
def test_a_date_is_kept_only_when_the_page_states_the_day(tmp_path, head, published):
    [article] = read_page(tmp_path, f"{head}<body>{BODY}</body></html>")
    assert article.published == published


@pytest.mark.parametrize("url", ["http://[::1", "http://[broken", "http://[::1]:80/x"])
def test_broken_urls_have_no_outlet_but_a_slug(url):
    assert outlet_of(url) in (None, "::1")
    assert slug_of(url)


def test_a_feed_item_with_a_broken_link_is_read(tmp_path):
    feed = ("<rss version='2.0'><channel><title>t</title><item><title>Queues at the border"
            "</title><link>http://[broken</link><description>Some 500 people crossed the "
            "border on Monday.</description></item></channel></rss>")
    (tmp_path / "broken.rss").write_text(feed)
    [article] = read_articles([str(tmp_path / "broken.rss")], Settings(analyze=False))
    assert article.url == "http://[broken" and article.outlet is None
