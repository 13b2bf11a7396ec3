"""Listing tables at 100 columns (``cli.app.print_fitted``): ids stay whole on one line so they
can be copied, the quote column gets the width left and shows its words, nothing is wider than
the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.text import Text
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.cli.app import ID, SHORT, TEXT, console, print_fitted

DEMO = Path(__file__).resolve().parents[2] / "demo"
WIDTH = 100
runner = CliRunner(env={"COLUMNS": str(WIDTH)})


def invoke(*args):
    result = runner.invoke(app, [str(arg) for arg in args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("tables") / "demo.db"
    invoke("ingest", DEMO, "--db", db)
    return db


@pytest.fixture(autouse=True)
def terminal_of_100_columns(monkeypatch):
    """The console as a 100-column terminal (rich reads COLUMNS once, at import)."""
    monkeypatch.setattr(console, "_width", WIDTH)


def _lines(output: str) -> list[str]:
    lines = output.splitlines()
    assert lines and max(len(line) for line in lines if line[:1] in "┏┃┡│├└") <= WIDTH
    return lines


def _on_one_line(lines: list[str], value: str) -> bool:
    return any(value in line for line in lines)


def _opening(quote: str, words: int = 3) -> str:
    return " ".join(quote.split()[:words])


# (command, JSON field holding an id, JSON field holding the quote or text column)
LISTINGS = [
    (("events",), ("article", "event_id"), "quote"),
    (("figures",), ("article",), "quote"),
    (("claims",), ("id",), "period"),
    (("conflicts",), ("id",), "a"),
    (("articles",), ("id",), "title"),
]


@pytest.mark.parametrize("command, ids, text", LISTINGS, ids=lambda v: str(v))
def test_listing_fits_100_columns_with_whole_ids_and_a_readable_text_column(
        demo_db, command, ids, text):
    rows = json.loads(invoke(*command, "--db", demo_db, "--json", "--limit", "8"))
    lines = _lines(invoke(*command, "--db", demo_db, "--limit", "8"))
    assert rows
    for row in rows:
        for field in ids:
            assert _on_one_line(lines, str(row[field])), (field, row[field])
        if row[text]:
            assert _on_one_line(lines, _opening(row[text], 2)), row[text]


def test_a_claim_id_can_be_copied_and_its_mentions_show_their_quotes(demo_db):
    claims = json.loads(invoke("claims", "--db", demo_db, "--json"))
    claim = claims[0]["id"]
    lines = _lines(invoke("claims", "--db", demo_db))
    assert all(_on_one_line(lines, row["id"]) for row in claims)
    mentions = _lines(invoke("claims", claim, "--db", demo_db))
    for mention in json.loads(invoke("claims", claim, "--db", demo_db, "--json"))["mentions"]:
        assert _on_one_line(mentions, mention["article"])
        assert _on_one_line(mentions, _opening(mention["quote"], 2))


def test_stories_and_series_keep_their_ids_whole(demo_db):
    stories = json.loads(invoke("stories", "--db", demo_db, "--json"))
    lines = _lines(invoke("stories", "--db", demo_db))
    assert stories and all(_on_one_line(lines, member["article"])
                           for story in stories for member in story["members"])
    series = json.loads(invoke("series", "--counted", "entered_country", "--db", demo_db,
                               "--json"))
    lines = _lines(invoke("series", "--counted", "entered_country", "--db", demo_db))
    assert series["points"] and all(_on_one_line(lines, _opening(point["quote"], 2))
                                    for point in series["points"])


def test_short_columns_fold_before_ids_are_cut(capsys):
    long_id = "claim-" + "0123456789abcdef" * 2
    print_fitted([("id", ID), ("counted", SHORT), ("place", SHORT), ("quote", TEXT)],
                 [(long_id, "entered_country" * 3, "Kazakhstan " * 4,
                   Text("About 64,000 Russian citizens have entered Kazakhstan [bold]"))])
    lines = _lines(capsys.readouterr().out)
    assert _on_one_line(lines, long_id)
    assert _on_one_line(lines, "About 64,000")
    assert _on_one_line(lines, "[bold]")  # cells are text, not markup
