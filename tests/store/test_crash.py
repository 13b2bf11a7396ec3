"""Crash safety: ``kill -9`` of an ingest at seeded random moments, while articles are stored
and during the corpus stages, on SQLite and PostgreSQL. After each kill the store is intact
and every stored article complete; resuming reaches what a clean run gives."""

from __future__ import annotations

import random
import subprocess
import time

from newsledger import pipeline
from newsledger.settings import Settings
from newsledger.store import Ledger

SEED = 20220921


def run_and_kill(command: list[str], until, delay: float = 0.0) -> bool:
    """Start ``command``, ``kill -9`` it once ``until()`` holds (and ``delay`` seconds more);
    True when it had already ended by itself."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    try:
        while process.poll() is None and not until() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(delay)
        ended = process.poll() is not None
        process.kill()
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert b"Traceback" not in stderr, stderr.decode()
    return ended


def assert_intact(synthetic, db: str, reference: dict) -> dict:
    """The store passes its integrity check and each stored article has exactly the figures and
    events a clean run gives it."""
    assert synthetic.integrity_ok(db)
    stored = synthetic.snapshot(db)["articles"]
    assert stored == {key: reference["articles"][key] for key in stored}
    return stored


def test_kill_9_at_random_moments_then_resume(synthetic, synthetic_corpus, ledger_url):
    path, records, reference = synthetic_corpus
    total = len(records)
    rng = random.Random(f"{SEED}-{ledger_url.split(':')[0]}")
    command = synthetic.ingest_command([path], ledger_url)

    def stored_at_least(count: int):
        return lambda: synthetic.stored_count(ledger_url) >= count

    # two kills while articles are stored, each resuming the one before
    for low, high in ((1, total // 3), (total // 2, total - total // 5)):
        target = rng.randint(low, high)
        assert not run_and_kill(command, stored_at_least(target))
        stored = assert_intact(synthetic, ledger_url, reference)
        assert target <= len(stored)  # (a slow poll may kill it a little later)
    # a kill after the last article was stored, while the corpus stages run
    ended = run_and_kill(command, stored_at_least(total), delay=rng.uniform(0.0, 1.5))
    assert len(assert_intact(synthetic, ledger_url, reference)) == total
    with Ledger(ledger_url, mode="read") as ledger:
        due = ledger.corpus_due()
    if not ended and due is None:  # killed after the stages were done, before it exited
        assert synthetic.differences(synthetic.snapshot(ledger_url), reference) == []
    # the resumed run has nothing new to store, yet finishes the corpus stages
    with Ledger(ledger_url) as ledger:
        report = pipeline.ingest([str(path)], ledger, Settings())
        assert (report.new, report.unchanged) == (0, total)
        assert ledger.corpus_due() is None
    assert synthetic.differences(synthetic.snapshot(ledger_url), reference) == []
