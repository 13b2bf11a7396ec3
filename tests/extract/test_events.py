"""Event extraction: trigger tables, quotes, dates, places; the dev gold checked and scored."""

from __future__ import annotations

from pathlib import Path

from newsledger.evaluation.gold import iter_corpus_articles
from newsledger.extract.event_tables import available_languages, event_table
from newsledger.extract.events import extract_events, publication_date
from newsledger.extract.figures import extract_figures
from newsledger.labels import read_jsonl, resolve_quotes
from newsledger.models import EVENT_TYPES, Article

GOLD_DIR = Path(__file__).resolve().parents[1] / "gold"
# The first dev labels, and fresh labels made before the extractor ever ran on those articles.
DEV_GOLDS = (GOLD_DIR / "events_dev.jsonl", GOLD_DIR / "events_dev_fresh.jsonl",
             GOLD_DIR / "events_dev_fresh2.jsonl")


def _events(text: str, language: str = "en", published: str | None = "2022-09-29"):
    article = Article(id="t", text=text, language=language, published=published)
    return extract_events(article, extract_figures(article))


def test_every_language_table_compiles_with_known_types():
    for language in available_languages():
        table = event_table(language)
        assert {rules.type for rules in table.types} <= set(EVENT_TYPES)


def test_order_and_surge_with_figure_date_and_destination():
    events = _events("The president announced a partial mobilization on 21 September. "
                     "Since then some 12,000 Russians have crossed the border into Finland.")
    kinds = {event.type: event for event in events}
    assert kinds["mobilization_order"].date == "2022-09-21"
    surge = kinds["border_crossing_surge"]
    assert surge.figure == "some 12,000"
    assert surge.place == "Finland" and surge.country == "Finland"
    assert "12,000 Russians have crossed" in surge.quote


def test_plans_and_generic_flight_are_not_events():
    events = _events("Protests planned in Omsk were denied authorization. "
                     "Men flee because they do not want to fight.")
    assert events == []


def test_russian_detention_with_list_of_cities():
    events = _events("Вчера в Казани, Омске и Перми задержали более 300 человек.", "ru",
                     "2022-09-25")
    detention = next(event for event in events if event.type == "detention")
    assert detention.figure == "более 300"
    assert detention.place == "Kazan, Omsk, Perm"
    assert detention.date == "2022-09-24"


def test_each_figure_of_a_list_is_a_mention_with_its_own_place():
    events = _events("Most deaths were recorded in Buryatia (412) and Tuva (305), the count shows. "
                     "About 9,000 people arrived in Armenia on Monday, and some 7,000 on Tuesday.")
    deaths = [event for event in events if event.type == "casualty_report"]
    assert [(event.figure, event.place) for event in deaths] == [
        ("412", "Buryatia"), ("305", "Tuva")]
    arrivals = [event for event in events if event.type == "border_crossing_surge"]
    assert [(event.figure, event.place) for event in arrivals] == [
        ("About 9,000", "Armenia"), ("some 7,000", "Armenia")]


def test_a_list_of_counts_states_detentions_without_a_trigger_word():
    events = _events("Police detained 88 people on Sunday. "
                     "Of them, 57 were in Omsk and 31 in Kazan.")
    assert [(event.figure, event.place) for event in events] == [
        ("88", "Russia"), ("57", "Omsk"), ("31", "Kazan")]


def test_back_references_without_figure_or_place_are_not_told_again():
    events = _events("Hundreds protested in Perm on Sunday. "
                     "A participant in the protests said the police were rough. "
                     "The detainees were released, and the detainees in Omsk were fined.")
    assert [event.quote for event in events if event.type == "protest"] == [
        "Hundreds protested"]
    assert [event.place for event in events if event.type == "detention"] == ["Omsk"]


def test_a_country_named_after_its_city_is_dropped():
    events = _events("Thousands of Russians arrived in Almaty, Kazakhstan, this week.")
    assert [event.place for event in events] == ["Almaty"]


def test_header_line_gives_month_but_no_day():
    article = Article(id="t", text=" date 2022-10 Protesters rallied in Moscow.", language="en")
    assert publication_date(article) == "2022-10"


def _dev_gold(corpus_dir) -> list[dict]:
    """Our dev event labels, their quote and figure offsets resolved against the dev texts."""
    texts = {article.id: article.text for article in iter_corpus_articles(corpus_dir / "dev")}
    return resolve_quotes([record for path in DEV_GOLDS for record in read_jsonl(path)], texts)


def test_dev_gold_is_well_formed(corpus_dir):
    texts = {article.id: article.text for article in iter_corpus_articles(corpus_dir / "dev")}
    sets = [{r["article"] for r in read_jsonl(path)} for path in DEV_GOLDS]
    assert sum(map(len, sets)) == len(set().union(*sets)), "a dev article is in two gold sets"
    gold = _dev_gold(corpus_dir)
    assert len({record["article"] for record in gold}) >= 30
    for record in gold:
        assert record["type"] in EVENT_TYPES
        assert record["quote"] in texts[record["article"]], record["quote"]
        assert record["figure"] is None or record["figure"] in record["quote"]
        assert (record["date"] is None) == (record["date_precision"] is None)
        assert isinstance(record["actors"], list)


def test_since_day_dates_the_order_and_the_period_takes_its_calendar_unit():
    events = _events("Since 14 September, when the partial mobilization was announced, "
                     "about 8,000 Russians have crossed into Finland.", published="2022-10-03")
    kinds = {event.type: event for event in events}
    assert kinds["mobilization_order"].date == "2022-09-14"
    assert kinds["border_crossing_surge"].date == "2022"


def test_a_tallys_as_of_day_is_not_the_event_date():
    events = _events("As of 30 October, at least 900 soldiers had been killed in action.",
                     published="2022-11-02")
    assert [event.date for event in events if event.type == "casualty_report"] == [None]


def test_relative_time_in_quoted_speech_is_not_resolved():
    quoted = _events('"Yesterday police detained 40 protesters in our town," she said.')
    plain = _events("Yesterday police detained 40 protesters in the town, she said.")
    assert [e.date for e in quoted if e.type == "detention"] == [None]
    assert [e.date for e in plain if e.type == "detention"] == ["2022-09-28"]


def test_a_placeless_sentence_takes_the_scene_of_the_previous_one_in_its_paragraph():
    text = ("Unknown people set fire to an enlistment office in Tver. There, police detained "
            "two men.\n\nPolice detained a student.")
    detentions = [e.place for e in _events(text) if e.type == "detention"]
    assert detentions == ["Tver", "Russia"]


def test_a_broad_area_listed_with_its_cities_is_dropped():
    events = _events("Police detained 60 protesters in Siberia, in Tomsk and Omsk.")
    assert [e.place for e in events if e.type == "detention"] == ["Tomsk, Omsk"]


def test_figures_sharing_a_list_of_as_many_places_pair_with_them_in_order():
    events = _events("Omsk outpaces Tomsk in detentions: 490 detained against 426.")
    assert sorted((e.figure, e.place) for e in events if e.type == "detention") == [
        ("426", "Tomsk"), ("490", "Omsk")]


def test_bare_back_reference_to_protests_is_not_a_new_protest():
    events = _events("Protests took place in Yekaterinburg on Saturday. Riot police tried to "
                     "break up the protests.")
    assert [event.quote for event in events if event.type == "protest"] == [
        "Protests took place in Yekaterinburg on Saturday."]


def test_protesting_putins_mobilisation_is_a_topic_and_a_planned_size_is_an_order():
    events = _events("Hundreds in Yakutsk protest Putin's mobilisation. The defence minister "
                     "said that 300,000 people would be drafted.")
    orders = [event for event in events if event.type == "mobilization_order"]
    assert [order.figure for order in orders] == ["300,000"]


def test_every_order_takes_the_earliest_order_day_of_the_article():
    events = _events("Forty people were detained on September 25 after Putin announced the "
                     "partial mobilization. Putin ordered a partial mobilization on September 21.",
                     published="2022-10-06")
    orders = [event.date for event in events if event.type == "mobilization_order"]
    assert orders == ["2022-09-21", "2022-09-21"]
