"""``newsledger cite``: one record's citation, private names in its quote replaced."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsledger import api
from newsledger.cli import app
from newsledger.settings import Settings

runner = CliRunner()
TEXT = ("Protest\n\nPolice detained Andrei Volkov and 40 other protesters in Moscow on Saturday, "
        "said Volkov, a programmer.")


def test_cite_prints_a_redacted_citation_of_a_figure(tmp_path):
    source = tmp_path / "a.json"
    source.write_text(json.dumps({"id": "moscow-protest", "url": "https://wire.example.org/v",
                                  "outlet": "wire.example.org", "published": "2022-09-27",
                                  "language": "en", "text": TEXT}), "utf-8")
    db = str(tmp_path / "cite.db")
    api.ingest([str(source)], db=db, settings=Settings(db=db))
    figure = next(f for f in api.figures(db) if "Volkov" in f["quote"])
    result = runner.invoke(app, ["cite", "figure", figure["id"], "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["ledger_id"] == figure["id"] and record["retrieved_at"]
    assert record["sources"][0]["url"] == "https://wire.example.org/v"
    assert "Volkov" not in result.stdout and "[a detainee]" in record["sources"][0]["quote"]
    private = runner.invoke(app, ["cite", "figure", figure["id"], "--db", db, "--private"])
    assert "Volkov" in private.stdout and figure["id"] in private.stdout
    wrong = runner.invoke(app, ["cite", "story", figure["id"], "--db", db])
    assert wrong.exit_code == 2 and "NL302" in wrong.output
    missing = runner.invoke(app, ["cite", "figure", "fig-none", "--db", db])
    assert missing.exit_code == 2 and "NL301" in missing.output
