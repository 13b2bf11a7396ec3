"""Fuzz targets: every input reader takes any bytes or text and only raises coded errors.

Each target builds inputs from random data mixed with fragments its format knows (tags, keys,
BOMs, dates, URLs), runs the reader and finishes each article as ingest does (dates, field
normalisation, language detection). Any exception that is not a ``NewsledgerError`` fails.
``NEWSLEDGER_FUZZ_EXAMPLES`` sets the number of inputs per target (tests/fuzz/conftest.py).
"""

from __future__ import annotations

import codecs
import json

from hypothesis import given
from hypothesis import strategies as st

from newsledger.errors import NewsledgerError
from newsledger.ingest import _Finisher
from newsledger.ingest.decode import decode_bytes
from newsledger.ingest.feed import read_feed
from newsledger.ingest.html import read_html
from newsledger.ingest.jsonfile import read_json, read_jsonl
from newsledger.ingest.registry import Source
from newsledger.ingest.telegram import read_telegram
from newsledger.ingest.text import read_text
from newsledger.models import Article
from newsledger.settings import Settings

FINISH = _Finisher(Settings(analyze=False, languages=("en", "ru", "de")))

DATES = ["2022-09-21", "2022-13-45", "2022-02-30", "2022-09-21T10:00:00+00:00", "yesterday",
         "3 days ago", "99999999999 days ago", "21 September 2022", "0000-00-00", "9999-12-31",
         "2022", "Sep 2022", "tomorrow", "\ud800", "\x00", "", " "]
URLS = ["http://[::1", "http://[broken", "https://example.org/a", "http://", "ftp://x",
        "https://xn--d1acufc.xn--p1ai/путь", "http://a:99999/", "//example.org", "\x00"]
WORDS = ["Some 500 people crossed the border on Monday, officials said.", "Очереди на границе",
         "\n", "\n\n", " ", "\t", "\x00", "\ud800", "\u202e", "\x1b[31m", "&amp;", "&#0;",
         "&#xd800;", "<", ">", "\"", "'", "©", "(c) 2024", "Original url:", *DATES, *URLS]

texts = st.lists(st.one_of(st.text(max_size=16), st.sampled_from(WORDS)), max_size=12).map(
    "".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | texts,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["text", "id", "title", "name", "type", "date", "url"])
                      | st.text(max_size=8), children, max_size=4),
    max_leaves=12)
FIELDS = ("id", "text", "url", "outlet", "published", "language", "title")
articles = st.fixed_dictionaries({}, optional={name: json_values | texts for name in FIELDS})


def drain(reader, source: Source) -> None:
    """Run ``reader`` and finish its articles; coded errors are fine, anything else fails."""
    try:
        for item in reader(source):
            if isinstance(item, Article):
                FINISH(item, source)
    except NewsledgerError:
        pass


def text_source(text: str, name: str = "fuzz.txt", **fields) -> Source:
    return Source(name=name, stem="fuzz", text=text, key=name, mtime=1_663_750_000.0,
                  **fields)


@given(st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                        codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE]),
       st.binary(max_size=200) | texts.map(lambda text: text.encode("utf-8", "surrogatepass")))
def test_decode_bytes(bom, data):
    try:
        decode_bytes(bom + data, "fuzz.txt")
    except NewsledgerError:
        pass


JSON_SPECIALS = ["[" * 100_000, "1.5", "\"a string\"", "\"\\ud800\"", "{\"text\": \"\\ud800\"}",
                 "{\"text\": \"a\\u0000b\"}", "null", "[]", "{}", "{\"chats\": {\"list\": []}}"]


FEED_ITEM = st.fixed_dictionaries({}, optional={
    name: json_values | texts for name in ("id", "url", "title", "content_html", "content_text",
                                           "summary", "date_published", "language")})
json_feeds = st.fixed_dictionaries({
    "version": st.just("https://jsonfeed.org/version/1.1"),
    "items": st.lists(FEED_ITEM | json_values, max_size=3) | json_values,
}, optional={"language": json_values | texts})


@given(st.one_of(articles.map(json.dumps), st.lists(articles, max_size=3).map(json.dumps),
                 json_values.map(json.dumps), st.sampled_from(JSON_SPECIALS), texts,
                 json_feeds.map(json.dumps)),
       st.booleans())
def test_json_reader(document, in_folder):
    drain(read_json, text_source(document, "fuzz.json", in_folder=in_folder))


@given(st.lists(st.one_of(articles.map(json.dumps), json_values.map(json.dumps),
                          st.sampled_from(JSON_SPECIALS), texts), max_size=5),
       st.booleans())
def test_jsonl_reader(lines, in_folder):
    drain(read_jsonl, text_source("\n".join(lines), "fuzz.jsonl", in_folder=in_folder))


@given(texts, st.sampled_from([None, *URLS]))
def test_text_reader(text, url):
    drain(read_text, text_source(text, url=url))


TAGS = ["<html>", "</html>", "<head>", "<body>", "<svg>", "</svg>", "<title>", "</title>",
        "<p>", "</p>", "<article>", "</article>", "<h1>", "</h1>", "<form>", "<input>",
        "<script>", "</script>", "<!--", "-->", "<![CDATA[", "]]>", "<?xml version='1.0'?>",
        "<html xmlns='http://www.w3.org/1999/xhtml'>", "<meta charset='utf-16'>",
        "<meta property='article:published_time' content='2022-09-21'>",
        "<meta name='date' content='2022-13-45'>", "<time datetime='2000'>", "<a href='",
        "'>", "<base href='http://[::1'>", "<link rel='canonical' href='http://[broken'>",
        "<html lang='xx-very-long-language'>", "<math>", "<table><tr><td>", "<select>"]


@given(st.lists(st.one_of(st.sampled_from(TAGS), texts), max_size=30).map("".join),
       st.sampled_from([None, *URLS]))
def test_html_reader(html, url):
    drain(read_html, text_source(html, "fuzz.html", url=url))


FEED_PARTS = ["<?xml version='1.0' encoding='utf-8'?>", "<?xml version='1.0' encoding='utf-16'?>",
              "<rss version='2.0'>", "</rss>", "<channel>", "</channel>", "<item>", "</item>",
              "<title>", "</title>", "<link>", "</link>", "<description>", "</description>",
              "<pubDate>", "</pubDate>", "Tue, 04 Oct 2022 09:30:00 GMT", "Fri, 31 Feb 2022",
              "<feed xmlns='http://www.w3.org/2005/Atom'>", "</feed>", "<entry>", "</entry>",
              "<content type='html'>", "</content>", "<updated>", "</updated>",
              "<link href='http://[broken'/>", "<guid>", "</guid>", "&lt;p&gt;", "&#0;",
              "<!DOCTYPE rss [<!ENTITY e 'x'>]>", "&e;", "<language>", "</language>",
              "xx-very-long"]


@given(st.lists(st.one_of(st.sampled_from(FEED_PARTS), texts), max_size=30).map("".join),
       st.sampled_from(["utf-8", "utf-16", "utf-32", "latin-1"]), st.binary(max_size=8),
       st.booleans())
def test_feed_reader(feed, encoding, tail, in_folder):
    data = feed.encode(encoding, "replace") + tail
    drain(read_feed, Source(name="fuzz.xml", stem="fuzz", text="", data=data, key="fuzz.xml",
                            in_folder=in_folder, mtime=1_663_750_000.0))


message = st.fixed_dictionaries({"type": st.sampled_from(["message", "service"]) | json_values},
                                optional={"id": json_values, "date": st.sampled_from(DATES)
                                          | json_values, "text": json_values | texts})
channel = st.fixed_dictionaries(
    {"messages": st.lists(message, max_size=4) | json_values},
    optional={"name": json_values | texts, "username": json_values | texts, "id": json_values,
              "type": st.sampled_from(["public_channel", "private_channel", "personal_chat"])})


@given(st.one_of(channel, st.fixed_dictionaries({"chats": st.fixed_dictionaries(
    {"list": st.lists(channel, max_size=3)})})))
def test_telegram_reader(export):
    drain(read_telegram, text_source(json.dumps(export), "result.json"))
