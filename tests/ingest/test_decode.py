"""Bytes to text: properties over arbitrary input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsledger.errors import InputError
from newsledger.ingest.decode import decode_bytes
from newsledger.ingest.text import parse_dateline


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
