"""Reference figures on both databases: one file's rows replaced, re-import changes nothing."""

from newsledger.store.references import references, replace_file


def row(id: str, low: int, file: str = "official.csv") -> dict:
    return {"id": id, "source": "Border Service", "as_of": "2022-09-27", "since": None,
            "counted": "entered_country", "place": "Kazakhstan", "place_id": None, "low": low,
            "high": low, "qualifier": "exact", "url": "https://example.org", "note": None,
            "file": file, "line": 2}


def test_a_files_rows_are_replaced_and_others_kept(ledger):
    assert replace_file(ledger, "official.csv", [row("a", 1), row("b", 2)])["new"] == 2
    assert replace_file(ledger, "other.csv", [row("c", 3, "other.csv")])["new"] == 1
    again = replace_file(ledger, "official.csv", [row("a", 1), row("b", 2)])
    assert again == {"new": 0, "updated": 0, "unchanged": 2, "removed": 0}
    edited = replace_file(ledger, "official.csv", [row("a", 5)])
    assert edited == {"new": 0, "updated": 1, "unchanged": 0, "removed": 1}
    assert {(r["id"], r["low"]) for r in references(ledger)} == {("a", 5), ("c", 3)}
    assert [r["id"] for r in references(ledger, counted="mobilized")] == []


def test_a_changed_official_figure_changes_the_ledger_version(ledger):
    from newsledger.store.browse import ledger_version

    replace_file(ledger, "official.csv", [row("a", 1)])
    before = ledger_version(ledger)
    replace_file(ledger, "official.csv", [row("a", 1)])
    assert ledger_version(ledger) == before  # the same file again changes nothing
    replace_file(ledger, "official.csv", [row("a", 2)])
    assert ledger_version(ledger) != before
