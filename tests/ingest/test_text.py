"""Plain text: title, url, outlet and date only where the text itself states them."""

from __future__ import annotations

import pytest

from newsledger.ingest import read_articles
from newsledger.ingest.text import find_published, find_title, find_url, parse_dateline
from newsledger.settings import Settings

SEEDS = {
    "000_8e99d4449a33eda4": (None, None, None),
    "001_f27dd6953c74b8b9": ("2022-10-06", None, None),
    "002_90585feaca7af74f": (None, None, None),
    # the URL the text states: its start and its end (the slug between is the seed's headline)
    "003_b962ebf88adc878d": (
        "2023-11-20", "themoscowtimes.com",
        ("https://www.themoscowtimes.com/2023/11/20/", "-a83159")),
    "004_404ed4888c8bfb06": (None, None, None),
}


def test_seed_reports_get_the_metadata_their_text_states(corpus_dir):
    articles = {a.id: a for a in read_articles([str(corpus_dir / "seeds")],
                                               Settings(analyze=False))
                if hasattr(a, "id")}
    assert set(articles) == set(SEEDS)
    for article_id, (published, outlet, url) in SEEDS.items():
        article = articles[article_id]
        assert (article.published, article.outlet) == (published, outlet), article_id
        if url is None:
            assert article.url is None, article_id
        else:
            assert article.url.startswith(url[0]) and article.url.endswith(url[1]), article_id
            assert article.url in article.text
        assert article.detected_language == "en"


@pytest.mark.parametrize(("text", "title"), [
    ("Thousands queue at the Kazakh border\n\nMen waited for hours on Monday.",
     "Thousands queue at the Kazakh border"),
    ("# Wives of the mobilized protest in Moscow\n\nAbout 30 women gathered.",
     "Wives of the mobilized protest in Moscow"),
    ("1. Skip to content\n2. Menu\nBorder guards report record traffic\nBody text follows.",
     "Border guards report record traffic"),
    ("Men left the country overnight, their relatives said. Many went south.", None),
    ("Read more", None),
])
def test_find_title(text, title):
    assert find_title(text) == title


@pytest.mark.parametrize(("line", "date"), [
    ("October 6, 2022", "2022-10-06"),
    ("20 November 2023", "2023-11-20"),
    ("06.10.2022", "2022-10-06"),
    ("2022-09-21", "2022-09-21"),
    ("6 октября 2022", "2022-10-06"),
    ("31.02.2022", None),
    ("September 2022", None),
    ("Men crossed the border on October 3, 2022, officials said in a statement.", None),
])
def test_parse_dateline(line, date):
    assert parse_dateline(line) == date


def test_caption_dates_are_not_publication_dates():
    text = ("Lines at the border grow\n\nPeople wait at a crossing point near the border, "
            "October 3, 2022. REUTERS/Photographer Name\n\nThe queue grew overnight.")
    assert find_published(text) is None


def test_original_url_line_on_its_own_or_the_next_line(tmp_path):
    assert find_url("Body.\nOriginal url: https://example.org/a.\n") == "https://example.org/a"
    path = tmp_path / "story.txt"
    path.write_text("A headline for the story here\n\nBody text.\n\nOriginal url:\n\n"
                    "<https://www.example.org/news/1>\n")
    [article] = read_articles([str(path)], Settings(analyze=False))
    assert (article.url, article.outlet) == ("https://www.example.org/news/1", "example.org")
    assert article.title == "A headline for the story here"
