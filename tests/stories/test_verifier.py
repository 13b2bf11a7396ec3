"""The trained pair verifier on texts written for these tests: a same-language rewrite and a
Georgian translation (a language the sentence encoder covers poorly) join their original; an
independent report of the same event with the same figure, and a report of a daily figure next
to a cumulative total, stay apart."""

from __future__ import annotations

import json
import math

import pytest

from newsledger.models import Article
from newsledger.stories.grouping import _Groups, _Item, _join_verified, group_articles
from newsledger.stories.verifier import (
    FEATURES,
    MODEL_DIR,
    MODEL_NAME,
    _common_order,
    cheap_features,
    load,
    profile,
)

ORIGINAL = """Queues at the Orbeli pass reach 5,300 cars

Queues at the Orbeli pass reached 5,300 cars on Tuesday, the interior ministry said. Officials
in the town of Sameti said that 2,750 people had crossed in the morning alone and that 640 of
them were children. Minister Nodar Beridze told reporters that 120 additional officers had been
sent to the checkpoint and that a second lane would open on Thursday. Volunteers from the
Sameti Red Cross handed out 1,800 bottles of water. Drivers said they had waited up to 38 hours,
and some travellers walked the last 14 kilometres to the border."""

REWRITE = """Orbeli pass: 5,300 cars waiting, 120 more officers sent

The queue at the Orbeli pass grew to 5,300 cars on Tuesday, according to the interior ministry.
In the morning alone 2,750 people crossed, among them 640 children, officials in Sameti said.
Minister Nodar Beridze said that 120 additional officers were sent to the checkpoint; a second
lane is to open on Thursday. The Sameti Red Cross gave out 1,800 bottles of water to people in
the queue. Some drivers waited as long as 38 hours, and some travellers walked the final 14
kilometres to the border on foot."""

GEORGIAN = """ორბელის უღელტეხილზე რიგმა 5 300 მანქანას მიაღწია

ორბელის უღელტეხილზე რიგმა სამშაბათს 5 300 მანქანას მიაღწია, განაცხადა შინაგან საქმეთა
სამინისტრომ. ქალაქ სამეთის ოფიციალური პირების თქმით, მხოლოდ დილით საზღვარი 2 750 ადამიანმა
გადაკვეთა, მათგან 640 ბავშვი იყო. მინისტრმა ნოდარ ბერიძემ ჟურნალისტებს უთხრა, რომ გამშვებ
პუნქტზე 120 დამატებითი ოფიცერი გაიგზავნა და მეორე ზოლი ხუთშაბათს გაიხსნება. სამეთის წითელი
ჯვრის მოხალისეებმა 1 800 ბოთლი წყალი დაარიგეს. მძღოლების თქმით, ისინი 38 საათამდე ელოდნენ,
ზოგიერთმა მგზავრმა კი ბოლო 14 კილომეტრი საზღვრამდე ფეხით გაიარა."""

INDEPENDENT = """A night in the queue at Orbeli

Our reporter joined the queue at the Orbeli pass on Monday evening. By Tuesday the interior
ministry counted 5,300 cars. A retired engineer from the capital shared tea from a flask; two
students played cards on the roof of their car. Nodar Beridze, the minister, visited briefly
and promised more officers. Shopkeepers in Sameti said bread had run out by noon, and a
pharmacy stayed open through the night for travellers with children."""

DAILY = """Sameti border post: 2,750 crossings on Tuesday

The border post near Sameti registered 2,750 crossings on Tuesday, the regional police said in
their daily bulletin. The figure covers the twenty-four hours to midnight. Police chief Irma
Dolidze said the flow had eased slightly compared with Monday and that 12 buses had been sent
to take pedestrians to the first village on the other side."""

CUMULATIVE = """Since the crisis began, 48,900 people have crossed at Sameti

In total 48,900 people have crossed the border post near Sameti since the crisis began three
weeks ago, the regional police said in a summary published on Friday. Police chief Irma
Dolidze said that the record day saw 2,750 crossings. The summary lists 310 vehicles refused
entry and 27 people detained for forged papers over the whole period."""


def _group(texts: dict[str, tuple[str, str]]) -> list[set[str]]:
    articles = [Article(key, text, outlet=f"{key}.example", published="2024-05-14",
                        language=language) for key, (text, language) in texts.items()]
    by_id = {article.id: article for article in articles}
    stories = group_articles(articles, lambda ids: [by_id[i] for i in ids])
    return [{member.article for member in story.members} for story in stories]


def _together(groups: list[set[str]], a: str, b: str) -> bool:
    return any(a in group and b in group for group in groups)


@pytest.fixture(scope="module")
def groups():
    return _group({"original": (ORIGINAL, "en"), "rewrite": (REWRITE, "en"),
                   "georgian": (GEORGIAN, "ka"), "independent": (INDEPENDENT, "en"),
                   "daily": (DAILY, "en"), "cumulative": (CUMULATIVE, "en")})


def test_same_language_rewrite_is_one_story(groups):
    assert _together(groups, "original", "rewrite")


def test_translation_into_a_poorly_covered_language_is_one_story(groups):
    assert _together(groups, "original", "georgian")


def test_independent_report_of_the_same_event_is_not(groups):
    assert not any("independent" in group for group in groups)


def test_daily_figure_and_cumulative_total_are_not_one_story(groups):
    assert not _together(groups, "daily", "cumulative")


def test_numbers_in_the_same_order():
    assert _common_order(("53", "275", "64", "12"), ("53", "275", "64", "12", "18")) == 1.0
    assert _common_order(("53", "275"), ("275", "53")) == 0.5


def test_places_met_across_scripts_and_rare_numbers_counted():
    english = profile("Queues near Tbilisi grew to 5,320 cars, 1,000 more than on Monday.",
                      "en", outlet="news.example")
    russian = profile("Очередь под Тбилиси выросла до 5 320 машин, на 1000 больше, чем в "
                      "понедельник.", "ru", outlet="vesti.example")
    values = cheap_features(english, russian)
    assert values["places_shared"] > 0 and values["places_jaccard"] == 1.0
    assert values["rare_numbers_shared"] == pytest.approx(math.log1p(1))  # 532; not 1,000
    assert values["same_outlet"] == 0.0


def test_two_stories_of_one_outlet_are_marked_as_such():
    first = profile("Minister Nodar Beridze opened a second lane.", "en",
                    outlet="www.daily.example")
    second = profile("The harvest in Sameti was late this year.", "en", outlet="daily.example")
    assert cheap_features(first, second)["same_outlet"] == 1.0


def test_shipped_model_is_small_and_described():
    verifier = load()
    assert verifier.feature.max() < len(verifier.features) == len(FEATURES)
    assert 0 < verifier.split <= verifier.join < 1
    assert (MODEL_DIR / f"{MODEL_NAME}.npz").stat().st_size < 2_000_000
    meta = json.loads((MODEL_DIR / f"{MODEL_NAME}.json").read_text("utf-8"))
    assert meta["training_pairs"]["sha256"] and "held_aside_pool_test" in meta


def test_a_group_is_split_not_merged_on_a_pair_kept_apart():
    groups = _Groups()
    for index, name in enumerate("abc"):
        groups.items.append(_Item(name, "en", None, index, index))
    scored = [(0.9, 0, 1, "translation", {}), (0.8, 1, 2, "translation", {})]
    _join_verified(groups, scored, {0: {2}, 2: {0}}, [0, 1, 2])
    assert groups.root(0) == groups.root(1) != groups.root(2)
    assert [(edge.a, edge.b) for edge in groups.edges] == [(0, 1)]
