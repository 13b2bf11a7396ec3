"""Bytes to text: properties over arbitrary input, BOMs, UTF-16 and UTF-32."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsledger.errors import EncodingProblem, InputError
from newsledger.ingest import read_articles
from newsledger.ingest.decode import decode_bytes
from newsledger.ingest.text import parse_dateline
from newsledger.settings import Settings


@given(st.binary(max_size=300))
def test_any_bytes_give_text_or_a_coded_error(data):
    try:
        assert isinstance(decode_bytes(data, "x.txt"), str)
    except InputError as error:
        assert str(error).startswith("x.txt: NL10")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_utf8_text_comes_back_unchanged(text):
    if text.strip() and not text.startswith("\ufeff"):  # a leading BOM is not text
        assert decode_bytes(text.encode("utf-8"), "x.txt") == text


@given(st.text(max_size=60))
def test_a_dateline_is_an_iso_date_or_none(line):
    found = parse_dateline(line)
    assert found is None or (len(found) == 10 and found[4] == found[7] == "-")


SENTENCE = "Queues at the border: some 500 people crossed on Monday, officials said.\n"


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF8 + b"Queues at the border \xf1\xf1 crossed",  # invalid bytes after a BOM
    codecs.BOM_UTF16_LE + "Queues".encode("utf-16-le") + b"Q",  # an odd number of bytes
])
def test_a_bom_followed_by_bytes_it_cannot_decode_is_one_coded_error(data):
    with pytest.raises(EncodingProblem) as raised:
        decode_bytes(data, "feed.xml")
    assert str(raised.value).startswith("feed.xml: NL103 ")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32",
                                      "utf-32-le", "utf-32-be", "utf-8-sig"])
def test_utf16_and_utf32_text_is_read_with_or_without_a_bom(encoding):
    assert decode_bytes(SENTENCE.encode(encoding), "x.txt") == SENTENCE


def test_utf16_files_and_feeds_are_articles_not_binary(tmp_path):
    (tmp_path / "wide.txt").write_bytes(SENTENCE.encode("utf-16-le"))
    feed = ("<?xml version='1.0' encoding='utf-16'?><rss version='2.0'><channel><title>t"
            "</title><item><title>Queues at the border</title><link>https://example.org/q"
            "</link><description>" + SENTENCE + "</description></item></channel></rss>")
    (tmp_path / "wide.xml").write_bytes(feed.encode("utf-16"))
    text, item = read_articles([str(tmp_path / "wide.txt"), str(tmp_path / "wide.xml")],
                               Settings(analyze=False))
    assert text.text == SENTENCE
    assert item.url == "https://example.org/q" and "500 people" in item.text


def test_feedparsers_invalid_bytes_after_a_bom_feed_does_not_stop_the_run(tmp_path):
    (tmp_path / "a.xml").write_bytes(codecs.BOM_UTF8 + b"<?xml version='1.0'?><rss><channel>"
                                     b"<item><title>\xf1\xf1</title></item></channel></rss>")
    (tmp_path / "b.txt").write_bytes(codecs.BOM_UTF8 + b"Queues \xf1\xf1 at the border")
    (tmp_path / "c.txt").write_text(SENTENCE)
    *_, last = read_articles([str(tmp_path)], Settings(analyze=False))
    assert last.text == SENTENCE
