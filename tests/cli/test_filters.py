"""Every listing command's filters are checked as the API checks them: a mistyped value is
one coded line on stderr and a non-zero exit, never an empty table."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.models import Article
from newsledger.store import Ledger

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("filters") / "ledger.db")
    with Ledger(path) as ledger:
        ledger.store_article(Article(id="a1", text="Some 300 people left.", language="en"))
    return path


BAD = [
    (("events", "--type", "protests"), "NL320", "type"),
    (("events", "--since", "notadate"), "NL320", "since"),
    (("events", "--until", "2022-13"), "NL320", "until"),
    (("figures", "--counted", "left"), "NL320", "counted"),
    (("figures", "--since", "notadate"), "NL320", "since"),
    (("figures", "--lang", "english"), "NL320", "language"),
    (("figures", "--since", "2022-10-01", "--until", "2022-09-01"), "NL320", "after"),
    (("articles", "--counted", "left"), "NL320", "counted"),
    (("articles", "--until", "2022-02-30"), "NL320", "until"),
    (("articles", "--lang", "EN"), "NL320", "language"),
    (("claims", "--counted", "left"), "NL320", "counted"),
    (("conflicts", "--kind", "figures"), "NL320", "kind"),
    (("stories", "--sort", "biggest"), "NL320", "sort"),
    (("figures", "--sort", "newest"), "NL320", "sort"),
    (("series", "--counted", "left"), "NL3", "counted"),
    (("series", "--counted", "left_country", "--rate", "hourly"), "NL302", "rate"),
    (("export", "figures", "--where", "counted=left"), "NL320", "counted"),
    (("export", "events", "--where", "since=notadate"), "NL320", "since"),
    (("export", "articles", "--where", "colour=red"), "NL302", "colour"),
]


@pytest.mark.parametrize("args, code, named", BAD, ids=lambda v: " ".join(v)
                         if isinstance(v, tuple) else None)
def test_a_mistyped_filter_is_one_coded_line(db, args, code, named):
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and code in lines[0] and named in lines[0]


@pytest.mark.parametrize("args", [("figures", "--limit", "0"), ("articles", "--offset", "-1"),
                                  ("claims", "--limit", "x")], ids=" ".join)
def test_paging_options_are_refused(db, args):
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code != 0 and result.stdout == ""
