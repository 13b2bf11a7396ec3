"""A small synthetic corpus for crash and concurrency tests (short English reports with figures
and events, a few republished by another outlet), and what those tests run and compare."""

from __future__ import annotations

import functools
import json
import random
import sqlite3
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from newsledger.models import Claim, plain
from newsledger.store.engine import database_url

SYLLABLES = ("ka", "ro", "vel", "mi", "tor", "sa", "lin", "du", "ber", "go", "na", "zel")
OUTLETS = ("example.org", "news.example.com", "daily.example.net", "wire.example.info")
VERBS = ("crossed the border into", "left for", "drove to", "walked into")  # lower case


def _name(number: int, salt: int) -> str:
    """A made-up place name, distinct per (number, salt): rare anchors, so only copies of one
    report are one story."""
    parts, value = [], number * 7 + salt
    for _ in range(3):
        value, index = divmod(value, len(SYLLABLES))
        parts.append(SYLLABLES[index])
    return "".join(parts).capitalize() + ("sk", "ovo", "grad")[salt % 3]


def _day(number: int) -> str:
    """Later reports give larger counts (a count that shrinks over time is a conflict)."""
    return (date(2022, 9, 1) + timedelta(days=number // 8)).isoformat()


def report(number: int, rng: random.Random) -> dict:
    """One article: a border crossing figure and a detention at a protest. Its only capitalised
    words and numbers are its own, so no two reports share rare anchors."""
    town, crossing = _name(number, 1), _name(number, 2)
    verb = rng.choice(VERBS)
    crossed, detained = 1000 + 37 * number, 30 + 3 * number
    text = (f"Queues at {crossing} as men leave {town}\n\n"
            f"About {crossed:,} men {verb} the neighbouring country at {crossing} this week, "
            f"border officials said. Police detained {detained} people at a protest against "
            f"the mobilization in {town} a day earlier.")
    return {"id": f"r{number:04d}", "url": f"https://{OUTLETS[number % 2]}/r/{number}",
            "language": "en", "published": _day(number),
            "title": text.split("\n")[0], "text": text}


def articles(count: int, seed: int = 7, copy_every: int = 25) -> list[dict]:
    """``count`` articles; every ``copy_every``-th republishes the one before under another
    outlet a day later (a copy: one story, the same figures)."""
    rng = random.Random(seed)
    made: list[dict] = []
    for number in range(count):
        if number % copy_every == copy_every - 1:
            original = made[-1]
            made.append({**original, "id": f"c{number:04d}",
                         "url": f"https://{OUTLETS[2 + number % 2]}/c/{number}",
                         "published": _day(number + 8)})
        else:
            made.append(report(number, rng))
    return made


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


# running and comparing ledgers --------------------------------------------------------------
def ingest_command(inputs: list[Path], db: str) -> list[str]:
    """``newsledger ingest`` in a fresh interpreter (the tests' sources and environment)."""
    return [sys.executable, "-c", "from newsledger.cli import main; main()", "ingest",
            *map(str, inputs), "--db", db]


@functools.cache
def _engine(db: str):
    """One polling engine per PostgreSQL ledger (connections are cheap to reuse)."""
    return create_engine(make_url(database_url(db)))


def stored_count(db: str) -> int:
    """Articles stored so far in ``db`` (0 while it has no schema), read without locking it."""
    url = make_url(database_url(db))
    try:
        if url.get_backend_name() == "sqlite":
            with sqlite3.connect(f"file:{url.database}?mode=ro", uri=True, timeout=30) as c:
                return c.execute("select count(*) from articles").fetchone()[0]
        with _engine(db).connect() as connection:
            return connection.exec_driver_sql("select count(*) from articles").scalar_one()
    except (sqlite3.Error, DBAPIError):
        return 0


def _rows(rows, drop: tuple[str, ...]) -> list[tuple]:
    return sorted(tuple(sorted((k, json.dumps(v, sort_keys=True, default=str))
                               for k, v in row.items() if k not in drop)) for row in rows)


def _without_row_ids(claim: Claim) -> dict:
    """A claim whose mentions do not name figure row ids (a killed PostgreSQL transaction
    consumes serial numbers, so ids differ between ledgers with the same content)."""
    record = plain(claim)
    return {**record, "mentions": [{k: v for k, v in m.items() if k != "figure"}
                                   for m in record["mentions"]]}


def snapshot(db: str) -> dict:
    """Everything a ledger holds that does not depend on when or in which order articles were
    stored: per article its text hash, figures and events; the merged event id of each event;
    stories, claims and conflicts."""
    from newsledger.store import Ledger

    with Ledger(db, mode="read") as ledger:
        figures, events = defaultdict(list), defaultdict(list)
        for row in ledger.figures():
            figures[row["article"]].append(row)
        for row in ledger.events():
            events[row["article"]].append(row)
        return {
            "articles": {a.id: (a.content_hash, _rows(figures[a.id], ("id",)),
                                _rows(events[a.id], ("id", "event_id")))
                         for a in ledger.articles()},
            "event_ids": sorted((row["article"], row["quote_start"], row["type"],
                                 row["event_id"] or "") for rows in events.values()
                                for row in rows),
            "stories": _rows(map(plain, ledger.stories()), ()),
            "claims": _rows(map(_without_row_ids, ledger.claims()), ()),
            "conflicts": _rows(map(plain, ledger.conflicts()), ()),
        }


def integrity_ok(db: str) -> bool:
    """``PRAGMA integrity_check`` of a SQLite ledger (a PostgreSQL one is the server's)."""
    url = make_url(database_url(db))
    if url.get_backend_name() != "sqlite":
        return True
    with sqlite3.connect(url.database) as connection:
        return connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def differences(found: dict, expected: dict) -> list[str]:
    """What differs between two snapshots, readably (the first difference of each part)."""
    lines = []
    for key, value in expected.items():
        if found.get(key) == value:
            continue
        got = found.get(key)
        if isinstance(value, dict):
            missing = sorted(set(value) ^ set(got or {}))
            changed = [k for k in value if k in (got or {}) and got[k] != value[k]]
            lines.append(f"{key}: {len(got or {})} vs {len(value)}; not in both {missing[:5]}; "
                         f"differ {changed[:5]}")
        else:
            pairs = [(a, b) for a, b in zip(got or [], value, strict=False) if a != b][:1]
            parts = [(x, y) for a, b in pairs for x, y in zip(a, b, strict=False) if x != y]
            lines.append(f"{key}: {len(got or [])} vs {len(value)}; first {parts}")
    return lines
