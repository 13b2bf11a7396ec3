"""Private persons are replaced by a role in public exports; officials stay named."""

from __future__ import annotations

import json

import pytest

from newsledger.publish.persons import PersonIndex
from newsledger.publish.redact import redact_record, redact_text, trim_figure_quote

INTERVIEW = (
    "Andrei Volkov, 27, a programmer from Kazan, crossed into Georgia on Tuesday. "
    "\"We waited nine hours,\" Volkov said. Volkov's brother stayed behind.\n"
    "Kremlin spokesman Dmitry Peskov said 300,000 reservists would be called up."
)
PSEUDONYM = (
    "Galina Orlova (name changed), a mother of two, says her son hides at a dacha. "
    "Regional governor Mikhail Sokolov said 2,000 men had been summoned."
)


def test_a_named_interviewee_is_replaced_in_every_form():
    index = PersonIndex(INTERVIEW, "en")
    redacted = redact_text(index, INTERVIEW)
    assert "Volkov" not in redacted and "Andrei" not in redacted
    assert redacted.count("[a programmer]") == 3
    assert "Kremlin spokesman Dmitry Peskov said" in redacted


def test_a_pseudonym_is_private_even_next_to_an_official():
    index = PersonIndex(PSEUDONYM, "en")
    [pseudonym] = [p for p in index.persons if p.pseudonym]
    assert pseudonym.role == "[a mother]"
    redacted = redact_text(index, PSEUDONYM)
    assert "Galina" not in redacted and "Orlova" not in redacted
    assert "Regional governor Mikhail Sokolov said 2,000 men" in redacted


@pytest.mark.parametrize(("language", "text", "private", "public"), [
    ("ru", "Ирина Смирнова (имя изменено) рассказала, что её муж уехал. "
           "Смирновой пришлось остаться. Губернатор Игорь Руденко заявил о 500 призывниках.",
     ["Ирина", "Смирнов"], "Губернатор Игорь Руденко"),
    ("de", "Jan Becker (Name geändert) floh über die Grenze. Sprecher Thomas Wagner sagte, "
           "Becker sei einer von 1000 Männern.", ["Jan Becker", "Becker sei"],
     "Sprecher Thomas Wagner"),
    ("fr", "Sergueï (le prénom a été modifié) a quitté Moscou. Le porte-parole Dmitri Peskov "
           "a confirmé 300 000 appels.", ["Sergueï"], "porte-parole Dmitri Peskov"),
])
def test_pseudonym_flags_in_other_languages(language, text, private, public):
    redacted = redact_text(PersonIndex(text, language), text)
    assert not [form for form in private if form in redacted]
    assert public in redacted


def test_photo_credits_and_bylines_stay_named():
    text = "Marina Kovaleva\nThursday, 6 October 2022\nAbout 700 men left.\nPhoto: Oleg Petrov"
    assert redact_text(PersonIndex(text, "en"), text) == text


@pytest.mark.parametrize("text", [
    "Men fled.\n(Reporting by Harriet Colquhoun in Tbilisi and Jorinde Blaschke in Almaty; "
    "Editing by Kestrel Vantongeren)",
    "Harriet Colquhoun for DW\nMen fled.",
    "By Harriet Colquhoun, Reuters\nMen fled.",
])
def test_every_name_of_a_credit_clause_stays_named(text):
    assert redact_text(PersonIndex(text, "en"), text) == text


def test_a_sentence_opening_with_by_is_no_byline():
    text = "By Monday Ozodbek Nurmatov and Dilfuza Nurmatova had fled."
    redacted = redact_text(PersonIndex(text, "en"), text)
    assert "Nurmatov" not in redacted and "Dilfuza" not in redacted


def test_redact_record_leaves_numbers_and_other_fields_alone():
    record = {"quote": "Volkov said 300 men waited", "who": "Andrei Volkov", "low": 300,
              "counted": "crossed_border"}
    redacted = redact_record(record, INTERVIEW, "en")
    assert redacted == {"quote": "[a programmer] said 300 men waited", "who": "[a programmer]",
                        "low": 300, "counted": "crossed_border"}


def test_a_public_quote_is_the_clause_of_the_number():
    quote = "He was scared; about 300 men crossed the border that night, the guard said."
    row = {"quote": quote, "number_text": "300", "quote_start": 100,
           "number_start": 100 + quote.index("300")}
    trimmed = trim_figure_quote(row)
    assert trimmed["quote"] == "about 300 men crossed the border that night, the guard said."
    assert trimmed["quote_start"] == 100 + quote.index("about")


# a private name planted in every text field of every public table ---------------------------
PLANTED = ("Ozodbek Nurmatov, 31, a welder, said about 2,000 men crossed the border on Monday; "
           "Nurmatov waited nine hours.")
PRIVATE_FORMS = ("Ozodbek", "Nurmatov")


@pytest.fixture(scope="module")
def planted_db(tmp_path_factory) -> str:
    from newsledger.models import (
        Article,
        Claim,
        ClaimMention,
        Conflict,
        Counterpart,
        Event,
        Figure,
        Story,
        StoryMember,
    )
    from newsledger.store import Ledger

    path = str(tmp_path_factory.mktemp("planted") / "ledger.db")
    number = PLANTED.index("2,000")
    figure = Figure(article="p1", number_text="2,000", quote=PLANTED, low=2000, high=2000,
                    qualifier="approx", counted="crossed_border", number_start=number,
                    number_end=number + 5, quote_start=0, quote_end=len(PLANTED),
                    who="men like Ozodbek Nurmatov", attributed_to="Nurmatov")
    event = Event(article="p1", type="border_crossing", quote=PLANTED, quote_start=0,
                  quote_end=len(PLANTED), actors=("Ozodbek Nurmatov", "border guards"),
                  figure="Nurmatov and 2,000 men")
    with Ledger(path) as ledger:
        for article_id in ("p1", "p2"):
            ledger.store_article(Article(id=article_id, text=PLANTED, language="en",
                                         title="Ozodbek Nurmatov fled", outlet="example.org",
                                         published="2022-09-27"),
                                 [figure] if article_id == "p1" else [],
                                 [event] if article_id == "p1" else [])
        ledger.replace_stories([Story(id="s1", origin="p1", members=(
            StoryMember("p1", "origin"), StoryMember("p2", "copy", 1.0, '{"jaccard": 1.0}')))])
        mention = ClaimMention(figure="p1:0", article="p1", number_text="2,000", quote=PLANTED,
                               low=2000, high=2000, qualifier="approx")
        ledger.replace_claims([Claim(
            id="c1", counted="crossed_border", place="the border", period="Monday",
            low=2000, high=2000, stories=1, articles=1, first="2022-09-27",
            last="2022-09-27", outlets=("example.org",), mentions=(mention,))])
        ledger.replace_conflicts([Conflict(
            id="k1", kind="version", article_a="p1", article_b="p2", a=PLANTED,
            b=PLANTED, why="changed name: Nurmatov / Ozodbek Nurmatov",
            outlets=("example.org", "example.org"), dates=("2022-09-27",) * 2,
            others=(Counterpart("p2", PLANTED, "2,000", 2000, 2000, "example.org", "2022-09-27"),
                    ))])
    return path


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_no_public_table_carries_a_planted_private_name(planted_db, tmp_path, fmt):
    import io

    import pyarrow.parquet as pq

    from newsledger.publish.exports import ExportOptions, load_exporters, write_export
    from newsledger.query import Reader
    from newsledger.store import Ledger

    for table in load_exporters():
        stream = io.BytesIO()
        with Ledger(planted_db) as ledger:
            record = write_export(Reader(ledger), table, fmt, stream, ExportOptions())
        data = stream.getvalue()
        if fmt == "parquet":
            path = tmp_path / f"{table}.parquet"
            path.write_bytes(data)
            data = json.dumps(pq.read_table(path).to_pylist(), ensure_ascii=False).encode()
        assert record["rows"] >= 1, table
        assert [f for f in PRIVATE_FORMS if f.encode() in data] == [], (table, fmt)


def test_the_planted_name_is_in_the_private_export(planted_db):
    import io

    from newsledger.publish.exports import ExportOptions, write_export
    from newsledger.query import Reader
    from newsledger.store import Ledger

    stream = io.BytesIO()
    with Ledger(planted_db) as ledger:
        write_export(Reader(ledger), "conflicts", "jsonl", stream, ExportOptions(public=False,
                                                                          redact=False))
    assert b"Ozodbek Nurmatov" in stream.getvalue()


def test_the_public_web_edition_redacts_every_report_a_conflict_lists(planted_db):
    from fastapi.testclient import TestClient

    from newsledger.publish.web import create_app

    with TestClient(create_app(planted_db, public=True)) as client:
        api_body = client.get("/api/conflicts/k1").text
        page = client.get("/conflicts/k1").text
        listed = client.get("/conflicts").text
    assert '"others"' in api_body and "It also disagrees with 1 more report" in page
    for body in (api_body, page, listed):
        assert [form for form in PRIVATE_FORMS if form in body] == []
        assert "[a welder]" in body or "[a man" in body or "waited nine hours" in body
