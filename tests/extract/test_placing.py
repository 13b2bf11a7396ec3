"""Figure places by role: destinations, country entered, war losses, call-up, fallback."""

from __future__ import annotations

import pytest

from newsledger.extract.figures import extract_figures
from newsledger.models import Article


def places(text: str, language: str = "en", title: str | None = None) -> list:
    article = Article(id="t", text=text, language=language, title=title)
    return [(figure.counted, figure.place) for figure in extract_figures(article)]


@pytest.mark.parametrize(("text", "expected"), [
    ("About 5,000 Russians fled Russia to Georgia and Kazakhstan.",
     [("left_country", "Georgia, Kazakhstan")]),
    ("More than 3,000 Russians left the country, most of them from Moscow.",
     [("left_country", "Moscow")]),
    ("Some 9,000 Russians entered Kazakhstan from Russia on Monday.",
     [("entered_country", "Kazakhstan")]),
    ("The Kremlin plans to call up 300,000 reservists to fight in Ukraine.",
     [("mobilized", "Russia")]),
    ("At least 400 soldiers from Tatarstan were killed.", [("killed", "Tatarstan")]),
    ("At least 4,000 mobilized soldiers were killed at the front.", [("killed", "Ukraine")]),
    ("The war in Ukraine goes on. At least 4,000 mobilized soldiers were killed.",
     [("killed", "Ukraine")]),
    ("Police detained 300 people in Novosibirsk.", [("arrested", "Novosibirsk")]),
])
def test_place_by_role(text, expected):
    assert places(text) == expected


def test_article_headline_supplies_the_country():
    text = "Russians flock to Armenia\n\nAbout 2,000 arrived on Tuesday."
    assert places(text, title="Russians flock to Armenia") == [("entered_country", "Armenia")]


def test_place_id_comes_from_the_gazetteer():
    (figure,) = extract_figures(Article(id="t", text="9,000 Russians entered Georgia.",
                                        language="en"))
    assert figure.place == "Georgia" and figure.place_id


@pytest.mark.parametrize(("text", "language", "expected"), [
    # general news: the crisis's countries are no default where the article does not name them
    ("At least 4,000 soldiers were killed.", "en", [("killed", None)]),
    ("A gunman killed 51 people in Christchurch, New Zealand.", "en",
     [("killed", "New Zealand")]),
    ("Police detained 300 people.", "en", [("arrested", None)]),
    ("About 2,000 people fled the floods.", "en", [("left_country", None)]),
    ("Die Polizei hat 300 Menschen festgenommen.", "de", [("arrested", None)]),
    ("Полиция задержала 300 человек.", "ru", [("arrested", None)]),
    # the article names the country, by a place or by a word that names it
    ("Police detained 300 people in Russia.", "en", [("arrested", "Russia")]),
    ("Russian police detained 300 people.", "en", [("arrested", "Russia")]),
    ("Российская полиция задержала 300 человек.", "ru", [("arrested", "Russia")]),
    ("Die russische Polizei hat 300 Menschen festgenommen.", "de", [("arrested", "Russia")]),
    ("Moscow police said. Later 300 people were detained.", "en", [("arrested", "Russia")]),
])
def test_a_default_country_needs_the_article_to_name_it(text, language, expected):
    assert places(text, language) == expected


def test_the_headline_names_the_country_for_the_text():
    assert places("Police detained 300 people.", title="Protests across Russia") == [
        ("arrested", "Russia")]
