"""RSS/Atom feed files: each item an article with its link, date and plain text."""

from __future__ import annotations

import json

import pytest

from newsledger.errors import MalformedFeed, MissingText, NotArticleData
from newsledger.ingest import read_articles
from newsledger.ingest.html import fragment_text
from newsledger.settings import Settings

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">
  <title>Пограничная лента</title><id>urn:example:feed</id><updated>2022-09-28T12:00:00Z</updated>
  <entry><title>Очереди на границе с Грузией</title><id>urn:example:1</id>
    <link href="https://news.example.ru/2022/09/28/lars"/>
    <updated>2022-09-28T11:00:00Z</updated>
    <content type="html">
      &lt;p&gt;По словам водителей, в очереди стояли около 3 тысяч машин.&lt;/p&gt;
      &lt;script&gt;track()&lt;/script&gt;
      &lt;p&gt;Пограничники работали круглосуточно.&lt;/p&gt;</content>
  </entry>
  <entry><title></title><id>urn:example:2</id><updated>2022-09-28T10:00:00Z</updated></entry>
</feed>"""


def test_atom_file_items_become_articles(tmp_path):
    path = tmp_path / "border.atom"
    path.write_text(ATOM, encoding="utf-8")
    article, error = read_articles([str(path)], Settings(analyze=False))
    assert article.url == "https://news.example.ru/2022/09/28/lars"
    assert article.outlet == "news.example.ru"
    assert article.published == "2022-09-28"
    assert article.language == "ru"
    assert article.title == "Очереди на границе с Грузией"
    assert article.text.startswith("Очереди на границе с Грузией\n\nПо словам водителей")
    assert "track()" not in article.text
    assert article.detected_language == "ru"
    assert "no text" in str(error) and str(path) in str(error)


def test_xml_that_is_no_feed(tmp_path):
    path = tmp_path / "sitemap.xml"
    path.write_text("<?xml version='1.0'?><urlset><url><loc>x</loc></url></urlset>")
    [error] = read_articles([str(path)], Settings(analyze=False))
    assert isinstance(error, MalformedFeed)
    [skipped] = read_articles([str(tmp_path)], Settings(analyze=False))
    assert isinstance(skipped, NotArticleData)


def test_fragment_text_keeps_paragraphs_and_drops_markup():
    fragment = "<p>First <i>line</i>\nwraps.</p><ul><li>one</li><li>two</li></ul><style>p{}</style>"
    assert fragment_text(fragment) == "First line wraps.\n\none\n\ntwo"


def test_a_json_feed_is_read_item_by_item(tmp_path):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "Border desk", "language": "en",
        "items": [
            {"id": "1", "url": "https://example.org/kz", "title": "Kazakhstan counts arrivals",
             "content_html": "<p>More than 20,000 people entered Kazakhstan in a day.</p>",
             "date_published": "2022-10-04T09:30:00+03:00"},
            {"id": 2, "url": 7, "content_text": "Helsinki tightened its entry rules."},
            {"id": "3"},
        ]}))
    first, second, textless = read_articles([str(path)], Settings(analyze=False))
    assert (first.url, first.published, first.language) == ("https://example.org/kz",
                                                            "2022-10-04", "en")
    assert first.text.startswith("Kazakhstan counts arrivals\n\nMore than 20,000 people")
    assert second.url is None and second.text == "Helsinki tightened its entry rules."
    assert isinstance(textless, MissingText) and "1 of 3 feed items" in str(textless)


@pytest.mark.parametrize("items", [1, "x", {"id": "1"}, None])
def test_a_json_feed_whose_items_are_no_list_is_one_coded_line(tmp_path, items):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": items}))
    (result,) = read_articles([str(path)], Settings(analyze=False))
    assert isinstance(result, MalformedFeed), result
