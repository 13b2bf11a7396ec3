"""Web app response times (p50/p95, in-process client) for pages and their JSON twins on a
ledger of ``scale`` articles: the dev corpus analysed once and stored again under new ids."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections import defaultdict
from dataclasses import fields, replace
from datetime import date, timedelta
from pathlib import Path

from benchmarks.bench_ingest import ARTICLES

from newsledger import pipeline
from newsledger.models import Conflict, Event, Figure, Story
from newsledger.pipeline import claims_stage
from newsledger.settings import Settings
from newsledger.store import Ledger


def build_ledger(folder: Path, scale: int) -> str:
    """Ingest the dev corpus with every stage, then store ``scale`` articles in all: copies
    under new ids (dates shifted by up to 60 days) with their figures, event mentions (each
    copy's merged events its own), stories and conflicts, and claims regrouped over the whole
    ledger."""
    db = str(folder / "web.db")
    with Ledger(db) as ledger:
        pipeline.ingest([str(ARTICLES)], ledger, Settings(db=db, analyze=True))
        figures, events = by_article(ledger.figures(), Figure), by_article(ledger.events(), Event)
        originals = [(a, figures[a.id], events[a.id]) for a in ledger.articles()]
        stories, conflicts = list(ledger.stories()), list(ledger.conflicts())
        copies = [[_story_copy(story, "") for story in stories]]
        conflict_copies = list(conflicts)
        for number in range(1, -(-scale // len(originals))):
            chunk = originals[: scale - number * len(originals)]
            for article, figures, events in chunk:
                copy = replace(article, id=f"{article.id}-{number:04d}",
                               published=_shift(article.published, number % 60))
                ledger.store_article(copy, [replace(f, article=copy.id) for f in figures], [
                    replace(e, article=copy.id, event_id=f"{e.event_id}-{number:04d}")
                    for e in events])
            present = {article.id for article, _, _ in chunk}
            copies.append([_story_copy(story, f"-{number:04d}") for story in stories
                           if {m.article for m in story.members} <= present])
            conflict_copies += [_conflict_copy(c, f"-{number:04d}") for c in conflicts
                                if {c.article_a, c.article_b} <= present]
        ledger.replace_stories(story for group in copies for story in group)
        claims_stage(ledger, None)
        ledger.replace_conflicts(conflict_copies)
    return db


def by_article(rows, record: type) -> dict[str, list]:
    """Article id -> its rows (``Ledger.figures`` or ``Ledger.events``) as ``record``s."""
    names = {spec.name for spec in fields(record)}
    found: dict[str, list] = defaultdict(list)
    for row in rows:
        found[row["article"]].append(record(**{
            k: tuple(v) if k == "actors" else v for k, v in row.items() if k in names}))
    return found


def _shift(published: str | None, days: int) -> str | None:
    return (date.fromisoformat(published) + timedelta(days=days)).isoformat() if published else None


def _conflict_copy(conflict: Conflict, suffix: str) -> Conflict:
    return replace(conflict, id=conflict.id + suffix, article_a=conflict.article_a + suffix,
                   article_b=conflict.article_b + suffix)


def _story_copy(story: Story, suffix: str) -> Story:
    return Story(story.id + suffix, story.origin + suffix, tuple(
        replace(m, article=m.article + suffix) for m in story.members))


def _urls(client, middle: int) -> dict[str, list[str]]:
    """Pages and API URLs to time, with ids taken from the ledger itself."""
    article = client.get(f"/api/search?limit=1&offset={middle}").json()["items"][0]["id"]
    claims = client.get("/api/claims?limit=1").json()["items"]
    stories = client.get("/api/stories?limit=1").json()["items"]
    events = client.get("/api/events?limit=1&offset=100").json()["items"]
    pages = ["/", "/search", "/search?q=Kazakhstan+border", "/search?language=ru&since=2022-09-25",
             "/figures", "/figures?counted=entered_country&offset=2000", f"/articles/{article}",
             "/claims", "/conflicts", "/events", "/events?type=protest&since=2022-10",
             "/events?place=Kazakhstan&offset=200"]
    pages += [f"/claims/{c['id']}" for c in claims] + [f"/stories/{s['id']}" for s in stories]
    pages += [f"/events/{e['event_id']}" for e in events]
    return {"page": pages, "api": ["/api" + url for url in pages]}


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(scale: int = 10_000, rounds: int = 15) -> dict:
    """p50/p95 milliseconds per request for HTML pages and API calls, and the slowest URL."""
    if not ARTICLES.is_dir():
        return {"name": "web", "skipped": "dev corpus not found"}
    from fastapi.testclient import TestClient

    from newsledger.publish.web import create_app

    with tempfile.TemporaryDirectory(prefix="newsledger-bench-web-") as folder:
        started = time.perf_counter()
        db = build_ledger(Path(folder), scale)
        build_seconds = time.perf_counter() - started
        result: dict = {"name": "web", "articles": scale, "build_seconds": round(build_seconds)}
        with TestClient(create_app(db)) as client:
            for url in ("/", "/events"):  # before any cache holds them
                begun = time.perf_counter()
                client.get(url)
                result[f"first {url} ms"] = round((time.perf_counter() - begun) * 1000, 1)
            medians: dict[str, float] = {}
            slowest = (0.0, "")
            for kind, urls in _urls(client, scale // 2).items():
                samples = []
                for url in urls:
                    assert client.get(url).status_code == 200, url
                    for _ in range(rounds):
                        begun = time.perf_counter()
                        client.get(url)
                        samples.append((time.perf_counter() - begun) * 1000)
                    medians[url] = round(statistics.median(samples[-rounds:]), 1)
                    slowest = max(slowest, (medians[url], url))
                result[f"{kind}_p50_ms"] = round(_percentile(samples, 0.5), 1)
                result[f"{kind}_p95_ms"] = round(_percentile(samples, 0.95), 1)
            result["slowest_median_ms"] = round(slowest[0], 1)
            result["slowest_url"] = slowest[1]
            result["median_ms"] = medians
    return result


if __name__ == "__main__":
    import sys

    print(run(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
