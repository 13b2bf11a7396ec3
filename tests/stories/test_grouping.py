"""Stories from texts written for these tests: a copy with a new headline and page furniture
and a Russian re-translation join the original; an independent report of the same event with
the same figure stays apart."""

from __future__ import annotations

import pytest

from newsledger.models import Article
from newsledger.store import Ledger
from newsledger.stories.grouping import group_stories

ORIGINAL = """Border town overwhelmed as 12,400 travellers arrive in two days

Officials in the border town of Dravinsk said on Monday that 12,400 travellers had crossed
from the north since Saturday, a number they called unprecedented. Mayor Olek Varstein told
reporters that the town's two hotels were full and that the school gym had been opened for
the night. "We have never seen queues like this, not even in summer," Varstein said. The
regional police chief, Ilma Koroves, said 37 extra officers had been sent to the crossing at
Tesk. Volunteers from the Red Lantern charity handed out 900 blankets and hot soup. Trucks
waited up to 19 hours, drivers said, and some families walked the last 6 kilometres."""

COPY = """Home | World | Region | Subscribe
Thousands pour into Dravinsk: hotels full, gym opened

Officials in the border town of Dravinsk said on Monday that 12,400 travellers had crossed
from the north since Saturday, a number they called unprecedented. Mayor Olek Varstein told
reporters that the town's two hotels were full and that the school gym had been opened for
the night. "We have never seen queues like this, not even in summer," Varstein said. The
regional police chief, Ilma Koroves, said 37 extra officers had been sent to the crossing at
Tesk. Volunteers from the Red Lantern charity handed out 900 blankets and hot soup. Trucks
waited up to 19 hours, drivers said, and some families walked the last 6 kilometres.
Read more: Ten things to know before you travel | Sign up for our newsletter"""

RETRANSLATION = """Пограничный город переполнен: за два дня прибыли 12 400 путешественников

Власти пограничного города Дравинск в понедельник сообщили, что с субботы с севера границу
пересекли 12 400 путешественников, и назвали это число беспрецедентным. Мэр Олек Варстейн
сказал журналистам, что обе гостиницы города заполнены, а на ночь открыт школьный спортзал.
«Мы никогда не видели таких очередей, даже летом», — сказал Варстейн. Начальник областной
полиции Ильма Коровес сообщила, что на переход в Теске направлены 37 дополнительных
полицейских. Волонтёры благотворительной организации «Красный фонарь» раздали 900 одеял и
горячий суп. Грузовики ждали до 19 часов, рассказали водители, а некоторые семьи прошли
последние 6 километров пешком."""

INDEPENDENT = """Dravinsk: a long weekend at the crossing

The crossing at Tesk has rarely been busy. This weekend it was. Our correspondent spent
Sunday night among the cars, where a retired teacher shared coffee from a flask and a boy
played chess on the bonnet of his father's van. Mayor Olek Varstein, interviewed on local
radio, put the weekend's arrivals at 12,400. Economists in the capital warn that the town's
budget will not stretch to another weekend like this one. Farmers nearby have offered barns
for shelter, and a bakery stayed open all night, selling out of bread by dawn."""


def _article(article_id: str, text: str, language: str, published: str) -> Article:
    return Article(article_id, text, outlet=f"{article_id}.example", published=published,
                   language=language)


@pytest.fixture(scope="module")
def stories(tmp_path_factory):
    ledger = Ledger(str(tmp_path_factory.mktemp("stories") / "ledger.db"))
    for article in (_article("original", ORIGINAL, "en", "2022-09-26"),
                    _article("copy", COPY, "en", "2022-09-27"),
                    _article("independent", INDEPENDENT, "en", "2022-09-27"),
                    _article("retranslation", RETRANSLATION, "ru", "2022-09-28")):
        ledger.store_article(article)
    yield group_stories(ledger)
    ledger.close()


def test_copy_and_retranslation_join_the_original(stories):
    assert len(stories) == 1
    story = stories[0]
    assert story.origin == "original"
    relations = {m.article: m.relation for m in story.members}
    assert relations["original"] == "origin"
    assert relations["copy"] in {"copy", "near_duplicate"}
    assert relations["retranslation"] == "translation"


def test_an_independent_report_with_the_same_figure_stays_apart(stories):
    assert all("independent" not in {m.article for m in s.members} for s in stories)


def test_a_second_run_reads_signatures_and_vectors_from_the_cache(tmp_path, monkeypatch):
    from newsledger.base import vectors
    from newsledger.stories import minhash

    with Ledger(str(tmp_path / "ledger.db")) as ledger:
        for article in (_article("original", ORIGINAL, "en", "2022-09-26"),
                        _article("independent", INDEPENDENT, "en", "2022-09-27"),
                        _article("retranslation", RETRANSLATION, "ru", "2022-09-28")):
            ledger.store_article(article)
        first = group_stories(ledger)

        def recompute(*_args, **_kwargs):
            raise AssertionError("recomputed what the cache holds")

        monkeypatch.setattr(minhash, "signature", recompute)
        monkeypatch.setattr(vectors, "encoder", recompute)
        assert group_stories(ledger) == first
        assert {m.article for m in first[0].members} == {"original", "retranslation"}
