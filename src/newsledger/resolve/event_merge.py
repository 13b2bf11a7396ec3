"""Merge mentions of one real-world event across articles and stories into one event.

Mentions join one event when they have the same type and place, compatible dates (equal, one
containing the other as "2022-09" contains "2022-09-21", or both unknown) and similar figures
(equal digits, or one of them unstated). The event id is a hash of the earliest mention, so it
stays stable while that mention stays. Corroboration counts independent stories (copies of one
wire story count once; stories come from the stories stage).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable

from newsledger.pipeline import corpus_stage
from newsledger.store import events as store

_DIGITS = re.compile(r"\D")


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.startswith(b) or b.startswith(a)


def _figures_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    digits_a, digits_b = _DIGITS.sub("", a), _DIGITS.sub("", b)
    return not digits_a or not digits_b or digits_a == digits_b


def _fits(mention: dict, event: list[dict]) -> bool:
    return all(_dates_compatible(mention["date"], other["date"])
               and _figures_compatible(mention["figure"], other["figure"]) for other in event)


def event_id(first: dict) -> str:
    """A stable id from the type, place and the earliest mention's article and offset."""
    seed = f"{first['type']}|{first['place']}|{first['article']}|{first['quote_start']}"
    return "event-" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:10]


def merge_mentions(mentions: Iterable[dict]) -> list[list[dict]]:
    """Groups of mentions that state one event (rows as ``store.events.event_rows`` yields)."""
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for mention in mentions:
        place = (mention.get("place_id") or mention.get("place") or "").casefold()
        by_key[(mention["type"], place)].append(mention)
    merged: list[list[dict]] = []
    for key in sorted(by_key):
        events: list[list[dict]] = []
        ordered = sorted(by_key[key], key=lambda m: (m["published"] or "9999", m["article"],
                                                     m["quote_start"]))
        for mention in ordered:
            home = next((event for event in events if _fits(mention, event)), None)
            if home is None:
                events.append([mention])
            else:
                home.append(mention)
        merged.extend(events)
    return merged


def merged_events(mentions: Iterable[dict], stories: dict[str, str]) -> list[dict]:
    """One record per merged event: type, date, place, figures, articles, independent stories
    and every mention as evidence."""
    records = []
    for group in merge_mentions(mentions):
        first = group[0]
        dates = sorted((m["date"] for m in group if m["date"]), key=len, reverse=True)
        records.append({
            "event_id": event_id(first), "type": first["type"],
            "date": dates[0] if dates else None, "place": first["place"],
            "country": first["country"], "place_id": first.get("place_id"),
            "figures": sorted({m["figure"] for m in group if m["figure"]}),
            "actors": sorted({actor for m in group for actor in m["actors"]}),
            "articles": len({m["article"] for m in group}),
            "stories": len({stories.get(m["article"], m["article"]) for m in group}),
            "mentions": group,
        })
    return records


@corpus_stage("events", order=40)
def merge_stage(ledger, settings) -> None:
    """Give every stored mention the id of its merged event (after the stories stage)."""
    ids = {m["id"]: event_id(group[0])
           for group in merge_mentions(store.event_rows(ledger)) for m in group}
    store.set_event_ids(ledger, ids)
