"""Labeller agreement: one labeller's figures scored against the other's."""

from __future__ import annotations

import json
from pathlib import Path

from newsledger.evaluation.agreement import agreement
from newsledger.labels import load_figure_labels, text_checksum

TEXT = "Officials said 12,400 Russians entered Georgia last week, and 300 were turned back."


def _label(folder: Path, labeller: str, counted: str, second: bool) -> None:
    lines = [{"article": "a1", "number": [15, 21], "quote": [15, 46], "low": 12400,
              "high": 12400, "qualifier": "exact", "counted": counted}]
    if second:
        start = TEXT.index("300")
        lines.append({"article": "a1", "number": [start, start + 3],
                      "quote": [start, start + 21], "low": 300, "high": 300,
                      "qualifier": "exact", "counted": "other"})
    (folder / "figures" / f"{labeller}.jsonl").write_text(
        "".join(json.dumps(line) + "\n" for line in lines))
    (folder / "articles" / f"{labeller}.jsonl").write_text(json.dumps(
        {"article": "a1", "sha256": text_checksum(TEXT)}) + "\n")


def test_two_labellers_on_one_article(tmp_path):
    corpus, labels = tmp_path / "c", tmp_path / "l"
    (corpus / "articles").mkdir(parents=True)
    (corpus / "articles" / "a1.json").write_text(json.dumps({"id": "a1", "text": TEXT}))
    for sub in ("figures", "articles"):
        (labels / sub).mkdir(parents=True)
    _label(labels, "A", "entered_country", second=True)
    _label(labels, "B", "crossed_border", second=False)
    row = agreement(load_figure_labels(labels, corpus), corpus)["A~B"]
    assert row["articles"] == 1 and row["figures"] == [2, 1]
    assert row["detection_f1"] == 0.667 and row["strict_f1"] == 0.0
    assert row["counted"] == 0.0 and row["low/high"] == 1.0
