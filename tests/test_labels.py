"""Our labels are references into the shared corpus: they resolve, and fail loudly on change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.errors import LabelsOutOfDate
from newsledger.labels import (
    load_figure_labels,
    split_of,
    story_groups,
    text_checksum,
    write_gold_corpus,
)

REPO = Path(__file__).resolve().parents[1]
TEXT = "Officials said 12,400 Russians entered Georgia last week."


def _corpus(folder: Path, text: str = TEXT) -> Path:
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "a1.json").write_text(json.dumps({"id": "a1", "text": text}))
    return folder


def _labels(folder: Path, number=(15, 21), quote=(15, 46), checksum=None) -> Path:
    for sub in ("figures", "articles"):
        (folder / sub).mkdir(parents=True)
    (folder / "figures" / "A.jsonl").write_text(json.dumps({
        "article": "a1", "number": list(number), "quote": list(quote), "low": 12400,
        "high": 12400, "qualifier": "exact", "counted": "entered_country"}) + "\n")
    (folder / "articles" / "A.jsonl").write_text(json.dumps({
        "article": "a1", "sha256": checksum or text_checksum(TEXT), "labeller": "A",
        "figures": 1}) + "\n")
    return folder


def test_offsets_resolve_to_the_number_and_quote(tmp_path):
    labels = load_figure_labels(_labels(tmp_path / "l"), _corpus(tmp_path / "c"))
    (record,) = labels.records
    assert record["number_text"] == "12,400"
    assert record["quote"] == "12,400 Russians entered Georgia"
    assert labels.labelled == {"a1": ("A",)}


def test_a_changed_text_fails_loudly(tmp_path):
    labels = _labels(tmp_path / "l")
    with pytest.raises(LabelsOutOfDate, match="changed since"):
        load_figure_labels(labels, _corpus(tmp_path / "c", TEXT.replace("12,400", "12,401")))


def test_offsets_outside_the_quote_fail_loudly(tmp_path):
    labels = _labels(tmp_path / "l", number=(10, 21), quote=(15, 45))
    with pytest.raises(LabelsOutOfDate, match="do not fit"):
        load_figure_labels(labels, _corpus(tmp_path / "c"))


def test_a_story_group_stays_on_one_side_of_the_split():
    pairs = [{"a": f"x{i}", "b": f"x{i + 1}", "relation": "translation"} for i in range(40)]
    groups = story_groups([], pairs)
    assert len({split_of(f"x{i}", groups) for i in range(41)}) == 1
    sides = {split_of(f"solo-{i}", groups) for i in range(50)}
    assert sides == {"test", "train"}


def test_independent_reports_do_not_join_a_group():
    groups = story_groups([], [{"a": "p", "b": "q", "relation": "same_event"}])
    assert all(len(group) == 1 for group in groups) or not groups


def test_a_gold_folder_takes_the_first_labeller_in_order(tmp_path):
    labels = load_figure_labels(_labels(tmp_path / "l"), _corpus(tmp_path / "c"))
    out = write_gold_corpus(labels, tmp_path / "c", tmp_path / "out", ["a1"], ["A"])
    gold = [json.loads(line) for line in (out / "gold_figures.jsonl").read_text().splitlines()]
    assert gold[0]["number_text"] == "12,400" and gold[0]["counted"] == "entered_country"


def test_the_repository_labels_resolve_against_the_pool(corpus_dir):
    labels = load_figure_labels(REPO / "labels/pool", corpus_dir / "pool")
    assert len(labels.labelled) >= 500
    assert all(record["number_text"] in record["quote"] for record in labels.records)


def test_person_labels_resolve_and_a_changed_text_is_refused(tmp_path):
    import json

    import pytest

    from newsledger.errors import LabelsOutOfDate
    from newsledger.labels import load_person_labels, text_checksum

    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    text = "Governor Radiy Khabirov said 3,000 men were called up; Ozodbek, 31, left."
    (corpus / "articles" / "x.json").write_text(json.dumps({"id": "x", "text": text}))
    labels = tmp_path / "labels"
    (labels / "persons").mkdir(parents=True)
    (labels / "persons_done").mkdir()
    (labels / "persons" / "P1.jsonl").write_text(json.dumps(
        {"article": "x", "mentions": [[9, 23]], "kind": "public", "pseudonym": False,
         "why": "governor"}) + "\n")
    done = labels / "persons_done" / "P1.jsonl"
    done.write_text(json.dumps({"article": "x", "sha256": text_checksum(text)}) + "\n")
    [record] = load_person_labels(labels, corpus).records
    assert record["name"] == "Radiy Khabirov" and record["kind"] == "public"
    done.write_text(json.dumps({"article": "x", "sha256": "0" * 64}) + "\n")
    with pytest.raises(LabelsOutOfDate):
        load_person_labels(labels, corpus)
