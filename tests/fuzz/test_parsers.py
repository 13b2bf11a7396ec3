"""Fuzz targets: the number grammar, the date resolver and figure extraction take any text.

Each target mixes random text with fragments the parsers know (numbers, magnitudes, dates,
relative expressions, cue words) so that inputs reach deep into the grammars; any exception
that is not a coded ``NewsledgerError`` fails. ``NEWSLEDGER_FUZZ_EXAMPLES`` sets the number of
inputs per target (tests/fuzz/conftest.py).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from newsledger.base.dates import available_languages as date_languages
from newsledger.base.dates import resolve_period, time_expressions
from newsledger.base.numbers import find_number_expressions, parse_number
from newsledger.base.numbers_tables import available_languages as number_languages
from newsledger.errors import NewsledgerError
from newsledger.extract.figures import extract_figures
from newsledger.models import Article

FRAGMENTS = [
    " ", "  ", ", ", ". ", "\n", "\n\n", "-", "–", "/", ".", ",", ":", "(", ")", "\"", "«", "»",
    "0", "1", "2", "7", "9", "12", "21", "29", "30", "31", "99", "100", "1.5", "2,5", "7,425.81",
    "1 000", "10 000", "300,000", "2022", "2023", "2120", "0000", "9999", "99999999999",
    "1.5m", "700k", "8bn", "8 B", "m", "k", "bn", "thousand", "million", "тысяч", "тыс.", "млн",
    "mil", "Mio.", "tens of thousands", "hundreds", "dozens", "several", "about", "more than",
    "over", "up to", "at least", "between", "and", "to", "from", "or more", "%", "$", "yuan",
    "cm", "years", "days", "weeks", "months", "hours", "ago", "years ago", "days ago",
    "in the past", "over the past", "last week", "yesterday", "on Sunday", "since", "until",
    "by", "in", "the first week after the invasion", "the second year of the war",
    "since the mobilization", "September", "Sept.", "February", "May", "сентября", "вчера",
    "назад", "лет назад", "за последние", "21 September", "29 February", "30 February",
    "2022-09-21", "2022-13-45", "21.09", "21.09.2022", "31.02.2022", "21/09", "13/13/2022",
    "people", "Russians", "detained", "arrested", "fled", "killed", "mobilized", "crossed",
    "asylum", "задержаны", "мобилизованы", "COVID-19", "the age of", "FTSE", "Moscow",
    "Georgia", "Kazakhstan", "Ukraine", "Russia", "Christchurch", "of them", "из них",
]
LANGUAGES = sorted(set(number_languages()) | set(date_languages()))

_pieces = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40)
texts = st.one_of(_pieces.map("".join), _pieces.map(" ".join))
languages = st.one_of(st.none(), st.sampled_from(LANGUAGES), st.text(max_size=6))
published = st.one_of(
    st.none(), st.text(max_size=12), st.dates().map(dt.date.isoformat),
    st.from_regex(r"\A\d{4}-\d{2}(-\d{2})?\Z"), st.sampled_from(
        ["0001-01-01", "9999-12-31", "2022-02-30", "2022-13-45", "2022-00", "yesterday"]))


def _calls(function, *args):
    try:
        return function(*args)
    except NewsledgerError:
        return None


@given(texts, languages)
def test_number_grammar_takes_any_text(text: str, language: str | None) -> None:
    found = _calls(find_number_expressions, text, language) or []
    for number in found:
        assert text[number.start:number.end] == number.text
    _calls(parse_number, text, language)


@given(texts, published, languages, st.booleans())
def test_date_resolver_takes_any_text_and_date(text: str, day: str | None,
                                               language: str | None, quoted: bool) -> None:
    _calls(time_expressions, text, language)
    _calls(resolve_period, text, day, language, quoted)


@given(texts, published, languages, st.one_of(st.none(), texts))
def test_figure_extraction_takes_any_article(text: str, day: str | None,
                                             language: str | None, title: str | None) -> None:
    article = Article(id="fuzz", text=text, published=day, language=language, title=title)
    for figure in _calls(extract_figures, article) or []:
        assert text[figure.number_start:figure.number_end] == figure.number_text
