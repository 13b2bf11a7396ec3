"""Other projects' parser test corpora (feedparser's feeds, warcio's archives) go through ingest:
no traceback, no hang, each file articles or one coded line, and a second run changes nothing."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from newsledger.ingest.sources import _walk
from newsledger.pipeline import ingest
from newsledger.settings import Settings
from newsledger.store import Ledger

PEERS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "peers"
CORPORA = ("feedparser-tests", "warcio-test-data")
_LINE = re.compile(r"^(?P<name>.+?)(?:#[^:]*|\[\d+\]|:\d+)?: NL(?P<code>\d{3}) ")


def test_the_peers_corpora_go_in_and_a_second_run_changes_nothing(tmp_path):
    folders = [PEERS.resolve() / name for name in CORPORA if (PEERS / name).is_dir()]
    if not folders:
        pytest.skip("../shared/corpus/peers is not present")
    names = [str(folder) for folder in folders]
    settings = Settings(analyze=False)
    lines: list[str] = []
    with Ledger(str(tmp_path / "peers.db")) as ledger:
        first = ingest(names, ledger, settings,
                       on_item=lambda status, label: lines.append(label)
                       if status in ("failed", "skipped") else None)
        second = ingest(names, ledger, settings)
        stored = Counter(article.source_path.split("#")[0] for article in ledger.articles())
    assert first.crashed == 0, [line for line in first.errors if "NL139" in line]
    assert all("\n" not in line and _LINE.match(line) for line in lines), lines[:5]
    assert "NL139" not in " ".join(lines)
    per_file = Counter(_LINE.match(line)["name"] for line in lines)
    files = [str(path) for folder in folders for path in _walk(folder)]
    for name in files:
        assert stored[name] or per_file[name] == 1, (name, stored[name], per_file[name])
        assert per_file[name] <= 1, name
    assert (second.new, second.updated, second.failed) == (0, 0, first.failed)
    assert second.unchanged == first.new
